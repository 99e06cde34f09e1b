"""Reads and rules about reform inspections.

Coverage rule (DOMAIN §9, "inspection of ≥ 30% of agencies each year"; the same share is asked of
communes in provincial PAR indices): for each group — sở, ban, ngành and xã, phường, đặc khu —
the organisations existing at the end of the year are counted, and the plan must include at
least ceil(share × count) of them. The share is data on the plan (30 by default)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q

from cchc.org.models import Organisation, OrgKind

from .models import Inspection, InspectionPlan, Recommendation

GROUPS = {OrgKind.AGENCY: "Sở, ban, ngành", OrgKind.COMMUNE: "Xã, phường, đặc khu"}
PLANNED, DONE, OVERDUE, CANCELLED = "planned", "done", "overdue", "cancelled"
INSPECTION_LABELS = {PLANNED: "Chưa kiểm tra", DONE: "Đã kiểm tra", OVERDUE: "Quá thời gian dự kiến",
                     CANCELLED: "Đã hủy"}
OPEN, LATE, FIXED, FIXED_LATE = "open", "late", "fixed", "fixed_late"
RECOMMENDATION_LABELS = {OPEN: "Đang khắc phục", LATE: "Quá hạn khắc phục", FIXED: "Đã khắc phục",
                         FIXED_LATE: "Khắc phục muộn"}


def required(total: int, min_share: Decimal | float | int) -> int:
    """Smallest number of organisations that reaches the share: 10 agencies at 30% → 3; 7 → 3."""
    return math.ceil(Decimal(total) * Decimal(str(min_share)) / 100) if total else 0


@dataclass(frozen=True)
class Coverage:
    kind: str
    label: str
    total: int
    planned: int
    done: int
    required: int
    not_planned: list[str]

    @property
    def ok(self) -> bool:
        return self.planned >= self.required

    @property
    def share_planned(self) -> float:
        return round(100 * self.planned / self.total, 1) if self.total else 0.0

    @property
    def share_done(self) -> float:
        return round(100 * self.done / self.total, 1) if self.total else 0.0


def orgs_in_year(kind: str, year: int):
    """Organisations of a group that exist at the end of ``year`` (merged ones count under their successor)."""
    end = date(year, 12, 31)
    return (Organisation.objects.filter(kind=kind)
            .filter(Q(successor__isnull=True) | Q(succeeded_on__gt=end))
            .filter(Q(active_from__isnull=True) | Q(active_from__lte=end)).order_by("name"))


def coverage(plan: InspectionPlan) -> list[Coverage]:
    live = plan.inspections.filter(cancelled_reason="")
    planned = set(live.values_list("org_id", flat=True))
    done = set(live.filter(done_on__isnull=False).values_list("org_id", flat=True))
    out = []
    for kind, label in GROUPS.items():
        orgs = list(orgs_in_year(kind, plan.year).values_list("id", "name"))
        ids = {i for i, _n in orgs}
        out.append(Coverage(kind, label, len(orgs), len(planned & ids), len(done & ids),
                            required(len(orgs), plan.min_share), [n for i, n in orgs if i not in planned]))
    return out


def shortfall_message(rows: list[Coverage], min_share) -> str:
    parts = [f"{c.label.lower()}: {c.planned}/{c.total} ({c.share_planned:g}%), cần ít nhất {c.required}"
             for c in rows if not c.ok]
    return f"Kế hoạch kiểm tra chưa đủ {Decimal(str(min_share)):g}% số cơ quan, đơn vị — " + "; ".join(parts) + "."


def inspection_status(i: Inspection, today: date) -> str:
    if i.cancelled:
        return CANCELLED
    if i.done_on:
        return DONE
    return OVERDUE if today > i.planned_to else PLANNED


def status_q(status: str, today: date) -> Q:
    """The rows whose ``inspection_status`` is ``status`` on ``today``, as a query (for list filters)."""
    live = Q(cancelled_reason="")
    return {CANCELLED: ~live, DONE: live & Q(done_on__isnull=False),
            OVERDUE: live & Q(done_on__isnull=True, planned_to__lt=today),
            PLANNED: live & Q(done_on__isnull=True, planned_to__gte=today)}[status]


def recommendation_status(r: Recommendation, today: date) -> str:
    if r.done_on:
        return FIXED_LATE if r.done_on > r.due_on else FIXED
    return LATE if today > r.due_on else OPEN


def overdue_recommendations(today: date, org_id: int | None = None):
    qs = Recommendation.objects.filter(done_on__isnull=True, due_on__lt=today).select_related(
        "responsible", "inspection__plan", "inspection__org")
    return qs.filter(responsible_id=org_id) if org_id else qs
