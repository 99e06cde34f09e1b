"""Feedback events, sent only after the transaction that caused them commits (notifications listen)."""
from django.db import transaction
from django.dispatch import Signal

feedback_event = Signal()  # kwargs: action, feedback_id, actor_id


def emit_after_commit(action: str, feedback_id: int, actor_id: int | None) -> None:
    transaction.on_commit(
        lambda: feedback_event.send(sender=None, action=action, feedback_id=feedback_id, actor_id=actor_id)
    )
