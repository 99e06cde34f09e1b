"""Domain events of dossiers, in two moments.

``dossier_recorded`` is sent inside the action's transaction, after its rows are written: what a
listener writes then (the notifications outbox) commits or rolls back with the action itself, so a
committed action never lacks its notice and a rolled-back one never has one. ``dossier_event`` is
sent only after that transaction commits, for listeners that act outside the database (caches,
the national-portal sync).
"""
from django.db import transaction
from django.dispatch import Signal

dossier_recorded = Signal()  # kwargs: action, dossier, actor_id, audit_id
dossier_event = Signal()  # kwargs: action, dossier_id, actor_id, dossier


def emit(action: str, dossier, actor_id: int | None, audit_id: int | None = None) -> None:
    """Call inside the action's transaction, once its rows (and audit record ``audit_id``) are written."""
    dossier_recorded.send(sender=None, action=action, dossier=dossier, actor_id=actor_id, audit_id=audit_id)
    transaction.on_commit(lambda: dossier_event.send(sender=None, action=action, dossier_id=dossier.id,
                                                     actor_id=actor_id, dossier=dossier))
