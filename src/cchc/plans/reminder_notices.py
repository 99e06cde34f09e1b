"""Telling the responsible organisation about a reminder: one e-mail per person through the
notifications outbox (templates editable in the admin, delivery and retries by
``cchc send_notifications``). Called in the transaction that logs the reminder, so a reminder is
logged if and only if its messages are queued; the outbox key (reminder + channel + address)
keeps a message from being queued twice."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from cchc.notifications import services as outbox
from cchc.notifications.rules import normalise_address
from cchc.org.models import Membership, Role
from cchc.org.selectors import successor_ids

from .models import Reminder

# (subject of the reminder, before | late) → message kind (notifications.models.Kind)
KINDS = {("task", "before"): "plan_task_due", ("task", "late"): "plan_task_late",
         ("recommendation", "before"): "recommendation_due", ("recommendation", "late"): "recommendation_late"}


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str


def recipients(org_id: int | None, on: date) -> list[Recipient]:
    """The organisation's reform officers (chuyên viên CCHC) with an e-mail address; if it has none,
    its leaders. Memberships in an organisation that succeeded it count, as for acting on its tasks."""
    if org_id is None:
        return []
    rows = (Membership.objects.filter(org_id__in=successor_ids(org_id, on), active=True, user__is_active=True,
                                      role__in=(Role.REFORM, Role.LEADER))
            .exclude(user__email="").select_related("user").order_by("id"))
    found: dict[str, dict[str, str]] = {Role.REFORM: {}, Role.LEADER: {}}
    for m in rows:
        address = normalise_address(m.user.email)
        if "@" in address:
            # Vietnamese order: family name (last_name) first, as on the documents app's forms
            name = f"{m.user.last_name} {m.user.first_name}".strip() or m.user.username
            found[m.role].setdefault(address, name)
    chosen = found[Role.REFORM] or found[Role.LEADER]
    return [Recipient(a, n) for a, n in sorted(chosen.items())]


def _day(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def context(reminder: Reminder, today: date) -> dict:
    """What the templates may use (documented in notifications/data/templates.json)."""
    ctx = {"co_quan": reminder.org.name if reminder.org_id else "", "han": _day(reminder.due_on),
           "so_ngay": reminder.days, "so_ngay_qua_han": max((today - reminder.due_on).days, 0)}
    if reminder.task_id:
        task, plan = reminder.task, reminder.task.plan
        ctx.update(nhiem_vu=task.task, tien_do=task.percent,
                   ke_hoach=f"{plan.title} (số {plan.number})" if plan.number else plan.title,
                   duong_dan=outbox.site_url() + reverse("plans:task", args=[task.id]))
    else:
        rec = reminder.recommendation
        ctx.update(kien_nghi=rec.text, noi_kiem_tra=rec.inspection.org.name,
                   ngay_kiem_tra=_day(rec.inspection.done_on),
                   duong_dan=outbox.site_url() + reverse("plans:inspection", args=[rec.inspection_id]))
    return ctx


def notify(reminder: Reminder, *, today: date) -> list[str]:
    """Queue the reminder's e-mails; returns the addresses queued (empty: nobody to tell, or the
    administrator switched the template off)."""
    kind = KINDS[("task" if reminder.task_id else "recommendation", reminder.kind)]
    ctx = context(reminder, today)
    told = []
    for r in recipients(reminder.org_id, today):
        if outbox.enqueue(kind=kind, event=f"plans:reminder:{reminder.id}", ctx={**ctx, "nguoi_nhan": r.name},
                          email=r.email):
            told.append(r.email)
    return told
