"""Reads of dossiers: the officer inbox and the dossier page, scoped to the reader."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Q, QuerySet

from cchc.core import clock
from cchc.core.errors import NotFound, PermissionDenied
from cchc.org.models import Role
from cchc.org.selectors import roles_of, user_org_ids

from . import workflow
from .models import Dossier, PersonalDataAccess

OPEN_STATUSES = tuple(workflow.OPEN)
SORTS = {"due": ("due_at", "id"), "-due": ("-due_at", "-id"), "received": ("received_at", "id"),
         "-received": ("-received_at", "-id"), "code": ("code",), "-code": ("-code",)}

ROW_FIELDS = ("code", "status", "channel", "applicant_name", "org_id", "current_org_id", "received_at", "due_at",
              "apology_due_at", "paused_at", "finished_at", "is_late", "version__name", "version__procedure__code")


@dataclass
class InboxFilters:
    status: list[int] | None = None
    procedure: str | None = None
    org_id: int | None = None
    due_within_days: int | None = None
    late: bool | None = None
    q: str | None = None
    sort: str = "due"


def inbox(user, f: InboxFilters) -> QuerySet[Dossier]:
    """Dossiers held by the user's organisations (with merged predecessors), filtered and sorted."""
    orgs = user_org_ids(user)
    if f.org_id is not None:
        if f.org_id not in orgs and not user.is_superuser:
            raise PermissionDenied("Bạn không xem được hồ sơ của đơn vị này.", code="ngoai_pham_vi_don_vi")
        orgs = {f.org_id}
    qs = Dossier.objects.all() if user.is_superuser and f.org_id is None else Dossier.objects.filter(
        current_org_id__in=orgs)
    now = clock.now()
    if f.status:
        qs = qs.filter(status__in=f.status)
    if f.procedure:
        qs = qs.filter(version__procedure__code=f.procedure)
    # a dossier waiting for the citizen is judged on the time it had used when it paused
    running = Q(paused_at__isnull=True)
    overdue = Q(status__in=OPEN_STATUSES) & (
        (running & Q(due_at__lt=now)) | Q(paused_at__isnull=False, due_at__lt=F("paused_at")))
    if f.due_within_days is not None:
        qs = qs.filter(running, status__in=OPEN_STATUSES, due_at__gte=now,
                       due_at__lte=now + timedelta(days=f.due_within_days))
    if f.late is not None:
        qs = qs.filter(overdue) if f.late else qs.exclude(overdue)
    if f.q:
        qs = qs.filter(code__icontains=f.q) if any(c.isdigit() for c in f.q) else qs.filter(
            applicant_name__icontains=f.q)
    # only what a row of the list shows: the version's long texts would double the page's cost
    return (qs.select_related("version", "version__procedure").only(*ROW_FIELDS)
            .order_by(*SORTS.get(f.sort, SORTS["due"])))


def dossier_for(user, code: str, *, purpose: str = "xem_chi_tiet") -> Dossier:
    """A dossier the user may see; the view of personal data is logged (Nghị định 13/2023)."""
    d = (Dossier.objects.select_related("version", "version__procedure", "org", "current_org", "current_step")
         .filter(code=code).first())
    if d is None:
        raise NotFound("Không tìm thấy hồ sơ.", code="ho_so_khong_ton_tai")
    if not can_view(user, d):
        raise PermissionDenied("Hồ sơ không thuộc đơn vị của bạn.", code="ngoai_pham_vi_don_vi")
    PersonalDataAccess.objects.create(dossier=d, viewer=user, purpose=purpose)
    return d


def can_view(user, d: Dossier) -> bool:
    if user.is_superuser or (d.citizen_id and d.citizen_id == user.pk):
        return True
    orgs = user_org_ids(user)
    if d.org_id in orgs or d.current_org_id in orgs:
        return True
    # organisations that handled the dossier keep sight of it
    return d.handovers.filter(from_org_id__in=orgs).exists()


def actions_for(user, d: Dossier) -> list[str]:
    roles = roles_of(user, d.current_org_id)
    if d.citizen_id and d.citizen_id == user.pk:
        roles.add(workflow.CITIZEN)
    actions = workflow.allowed_actions(d.status, roles)
    if d.org_id != d.current_org_id and Role.DESK in roles_of(user, d.org_id):
        actions += [a for a in workflow.allowed_actions(d.status, {Role.DESK})
                    if workflow.TRANSITIONS[a].receiving_desk_acts and a not in actions]
    return actions
