"""Turn domain events into outbox rows. A dossier's notice is written inside the action's own
transaction (transactional outbox: it commits with the action or not at all); a feedback answer's
after its commit. Rendering failures are logged, never raised: the action matters more than its notice."""
from __future__ import annotations

import logging

from django.db import DatabaseError
from django.dispatch import receiver

from cchc.core.events import dossier_recorded
from cchc.feedback.events import feedback_event

from . import rules, services

log = logging.getLogger(__name__)


def _day(dt) -> str:
    from django.utils import timezone
    return timezone.localtime(dt).strftime("%d/%m/%Y") if dt else ""


@receiver(dossier_recorded, dispatch_uid="notifications.dossier")
def on_dossier_recorded(sender, action, dossier, actor_id=None, audit_id=None, **kw):
    """Inside the action's transaction: the outbox rows commit (or roll back) with the action."""
    kind = rules.DOSSIER_ACTIONS.get(action)
    if kind is None:
        return
    try:
        ctx, event = _dossier_message(kind, action, dossier, audit_id)
        rows = services.messages(kind=kind, event=event, ctx=ctx, email=dossier.applicant_email,
                                 phone=dossier.applicant_phone, dossier_id=dossier.id)
    except DatabaseError:
        raise  # the transaction is broken: the action must fail with it, never commit half
    except Exception:  # a broken template or context must not cost the citizen their dossier action
        log.exception("Không tạo được thông báo cho hồ sơ %s (%s)", dossier.id, action)
        return
    services.queue(rows)


def _dossier_message(kind: str, action: str, d, audit_id: int | None) -> tuple[dict, str]:
    ctx = {"ma_ho_so": d.code, "thu_tuc": d.version.name, "co_quan": d.org.name, "nguoi_nop": d.applicant_name,
           "hen_tra": _day(d.apology_due_at or d.due_at)}
    # each request is its own event, named by the audit record the same action wrote
    event = f"dossier:{d.id}:{kind}" if kind in rules.ONCE_PER_DOSSIER else f"dossier:{d.id}:{action}:{audit_id}"
    if kind == "supplement_requested" and (s := d.supplement_requests.order_by("-id").first()):
        ctx.update(giay_to=", ".join(map(str, s.items)), ly_do=s.reason)
    elif kind == "payment_requested" and (o := d.obligations.order_by("-id").first()):
        ctx.update(so_tien=f"{o.amount:,}".replace(",", "."), ly_do=o.description)
    elif kind == "apology" and (a := d.apologies.order_by("-id").first()):
        ctx.update(ly_do=a.reason, hen_tra_moi=_day(a.new_due_at))
    return ctx, event


@receiver(feedback_event, dispatch_uid="notifications.feedback")
def on_feedback_event(sender, action, feedback_id, actor_id=None, **kw):
    if action != "answer":
        return
    try:
        from cchc.feedback.models import Feedback
        fb = Feedback.objects.select_related("org").get(pk=feedback_id)
        services.enqueue(kind="feedback_answered", event=f"feedback:{fb.id}:answered",
                         ctx={"ma_phan_anh": fb.code, "nguoi_nop": fb.sender_name, "tra_loi": fb.answer,
                              "co_quan": fb.org.name if fb.org_id else ""},
                         email=fb.sender_email, phone=fb.sender_phone, feedback_id=fb.id)
    except Exception:
        log.exception("Không tạo được thông báo trả lời phản ánh %s", feedback_id)
