"""Domain events, sent only after the transaction that caused them commits.

Listeners (notifications, the national-portal sync, measurements caches) connect to
``dossier_event``; a rolled-back action therefore never notifies anyone.
"""
from django.db import transaction
from django.dispatch import Signal

dossier_event = Signal()  # kwargs: action, dossier_id, actor_id, dossier (the saved object, or None)


def emit_after_commit(action: str, dossier_id: int, actor_id: int | None, dossier=None) -> None:
    """``dossier``: the committed object when the caller holds it, so listeners need not read it again."""
    transaction.on_commit(
        lambda: dossier_event.send(sender=None, action=action, dossier_id=dossier_id, actor_id=actor_id,
                                   dossier=dossier)
    )
