"""Back-office reads that the dossier selectors do not already give."""
from __future__ import annotations

from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.catalog.selectors import published_versions
from cchc.core import clock
from cchc.dossiers import workflow
from cchc.dossiers.models import Dossier, Status
from cchc.org.models import Membership, Organisation, Role
from cchc.org.selectors import memberships, org_by_id, predecessor_ids

SOON_DAYS = 3
# what an officer still has to do something about (DONE waits for the result to be returned)
TO_DO = [Status.NEW, Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT, Status.FINANCIAL, Status.DONE]


def desk_orgs(user) -> list[Organisation]:
    ids = Membership.objects.filter(user=user, role=Role.DESK, active=True).values_list("org_id", flat=True)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def procedure_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} — {name}") for code, name in
            published_versions().order_by("name").values_list("procedure__code", "name")]


def deadline(d: Dossier) -> str:
    """'late', 'soon' or '' — as the inbox filter judges it (paused dossiers on the time they had used)."""
    if d.status not in workflow.OPEN or d.due_at is None:
        return ""
    at = d.paused_at or clock.now()
    if d.due_at < at:
        return "late"
    if d.paused_at is None and d.due_at <= at + timedelta(days=SOON_DAYS):
        return "soon"
    return ""


def dossier_forms(d: Dossier) -> list[tuple[str, str]]:
    """(number, title) of the official forms this dossier has reached, for printing from its page.

    The same conditions cchc.documents.forms.content checks before it lays a form out.
    """
    out = []
    if d.received_at:
        out.append(("01", _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")))
    if d.supplement_count:
        out.append(("02", _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")))
    if d.status == Status.REFUSED and d.finished_at:
        out.append(("03", _("Phiếu từ chối tiếp nhận giải quyết hồ sơ")))
    if d.apology_count:
        out.append(("04", _("Văn bản xin lỗi và hẹn lại ngày trả kết quả")))
    if d.status == Status.STOPPED and d.finished_at:
        out.append(("05", _("Thông báo dừng giải quyết hồ sơ")))
    if d.received_at:
        out.append(("06", _("Phiếu kiểm soát quá trình giải quyết hồ sơ")))
    return out


def overview(user) -> dict | None:
    """A leader's organisation at a glance: this month's intake and results, today's queue.

    None for someone who leads nothing. "Due this week" runs to Sunday 24:00 of the current week;
    the on-time rate counts dossiers finished this month (late ones judged when they ended).
    """
    led = {o for o, r in memberships(user) if r == Role.LEADER}
    if not led:
        return None
    orgs = set().union(*(predecessor_ids(o) for o in led))
    now = timezone.localtime(clock.now())
    month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    week_end = (now + timedelta(days=7 - now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    held = Dossier.objects.filter(current_org_id__in=orgs, status__in=workflow.OPEN)
    finished = Dossier.objects.filter(org_id__in=orgs, finished_at__gte=month, finished_at__lte=now,
                                      status__in=[Status.DONE, Status.RETURNED])
    done, late_done = finished.count(), finished.filter(is_late=True).count()
    paused_late = Q(paused_at__isnull=False, due_at__lt=F("paused_at"))
    out = {
        "orgs": [org_by_id(o).name for o in sorted(led)],
        "received": Dossier.objects.filter(org_id__in=orgs, received_at__gte=month, received_at__lte=now).count(),
        "in_process": held.count(),
        "due_this_week": held.filter(paused_at__isnull=True, due_at__gte=now, due_at__lt=week_end).count(),
        "late": held.filter(Q(paused_at__isnull=True, due_at__lt=now) | paused_late).count(),
        "finished": done,
        "on_time_rate": round(100 * (done - late_done) / done, 1) if done else None,
    }
    top = max(out["received"], out["in_process"], out["due_this_week"], out["late"], 1)
    out["bars"] = [(label, out[key], round(100 * out[key] / top)) for key, label in (
        ("received", _("Tiếp nhận trong tháng")), ("in_process", _("Đang giải quyết")),
        ("due_this_week", _("Đến hạn trong tuần")), ("late", _("Quá hạn")))]
    out["month"] = month
    return out
