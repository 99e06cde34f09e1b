"""Turn domain events into outbox rows. Both signals fire after commit; a failure here is logged,
never raised, because the action that caused it has already succeeded."""
from __future__ import annotations

import logging

from django.dispatch import receiver

from cchc.core.events import dossier_event
from cchc.feedback.events import feedback_event

from . import rules, services

log = logging.getLogger(__name__)


def _day(dt) -> str:
    from django.utils import timezone
    return timezone.localtime(dt).strftime("%d/%m/%Y") if dt else ""


@receiver(dossier_event, dispatch_uid="notifications.dossier")
def on_dossier_event(sender, action, dossier_id, actor_id=None, dossier=None, **kw):
    kind = rules.DOSSIER_ACTIONS.get(action)
    if kind is None:
        return
    try:
        _dossier(kind, action, dossier_id, dossier)
    except Exception:
        log.exception("Không tạo được thông báo cho hồ sơ %s (%s)", dossier_id, action)


def _dossier(kind: str, action: str, dossier_id: int, d=None) -> None:
    from cchc.dossiers.models import AuditRecord, Dossier
    if d is None:  # the sender did not hand over the committed object
        d = Dossier.objects.select_related("org", "version").get(pk=dossier_id)
    ctx = {"ma_ho_so": d.code, "thu_tuc": d.version.name, "co_quan": d.org.name, "nguoi_nop": d.applicant_name,
           "hen_tra": _day(d.apology_due_at or d.due_at)}
    if kind in rules.ONCE_PER_DOSSIER:
        event = f"dossier:{d.id}:{kind}"
    else:  # each request is its own event: the audit record written by the same action names it
        audit = AuditRecord.objects.filter(dossier=d, action=action).order_by("-id").values_list("id", flat=True)
        event = f"dossier:{d.id}:{action}:{audit.first()}"
    if kind == "supplement_requested" and (s := d.supplement_requests.order_by("-id").first()):
        ctx.update(giay_to=", ".join(map(str, s.items)), ly_do=s.reason)
    elif kind == "payment_requested" and (o := d.obligations.order_by("-id").first()):
        ctx.update(so_tien=f"{o.amount:,}".replace(",", "."), ly_do=o.description)
    elif kind == "apology" and (a := d.apologies.order_by("-id").first()):
        ctx.update(ly_do=a.reason, hen_tra_moi=_day(a.new_due_at))
    services.enqueue(kind=kind, event=event, ctx=ctx, email=d.applicant_email, phone=d.applicant_phone,
                     dossier_id=d.id)


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
