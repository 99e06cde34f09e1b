"""Reads about plans: live target values, task statuses, late tasks by organisation, agency plans."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from cchc.core import clock
from cchc.core.errors import NotFound
from cchc.measures import registry
from cchc.measures.registry import Period, Scope
from cchc.org.models import Organisation, OrgKind
from cchc.org.selectors import descendant_ids, memberships, org_by_id, predecessor_ids

from . import status as rules
from .models import PeriodicReport, Plan, PlanKind, Target, Task
from .services import PLAN_ROLES, can_manage


@dataclass(frozen=True)
class TargetState:
    target: Target
    status: str
    value: float | None
    computed_at: datetime | None
    source: str  # measure | manual

    @property
    def label(self) -> str:
        return rules.TARGET_LABELS[self.status]


def target_state(target: Target) -> TargetState:
    if target.measure_name:
        try:
            m = registry.measure(target.measure_name, scope=Scope(org_id=target.scope_org_id),
                                 period=Period(target.period_start, target.period_end))
        except NotFound:  # the measurement was removed from the registry
            return TargetState(target, rules.NOT_MEASURABLE, None, clock.now(), "measure")
        value = m.value if m.measurable else None
        return TargetState(target, rules.target_status(value, target.comparator, target.threshold), value,
                           m.computed_at, "measure")
    report = target.reports.first()
    if report is None:
        return TargetState(target, rules.NOT_MEASURABLE, None, None, "manual")
    return TargetState(target, rules.target_status(report.value, target.comparator, target.threshold),
                       float(report.value), report.reported_at, "manual")


def task_status(task: Task, today: date) -> str:
    return rules.task_status(percent=task.percent, done_on=task.done_on, due_on=task.due_on, today=today)


def monitoring(plan: Plan, today: date | None = None) -> dict:
    today = today or clock.now().date()
    tasks = list(plan.tasks.select_related("lead").order_by("id"))
    rows = [(t, task_status(t, today)) for t in tasks]
    by_org: dict[str, Counter] = defaultdict(Counter)
    for t, s in rows:
        by_org[t.lead.name if t.lead else "(chưa có cơ quan chủ trì)"][s] += 1
    month_end = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    return {
        "plan": plan,
        "today": today,
        "targets": [target_state(t) for t in plan.targets.select_related("scope_org").prefetch_related("reports")],
        "tasks": rows,
        "counts": Counter(s for _t, s in rows),
        "by_org": {k: dict(v) for k, v in sorted(by_org.items())},
        "due_this_month": [(t, s) for t, s in rows if t.due_on and today.replace(day=1) <= t.due_on < month_end
                           and s not in (rules.DONE, rules.DONE_LATE)],
        "late": [(t, s) for t, s in rows if s == rules.LATE],
        "flagged": [t for t in tasks if t.review_flags],
    }


def late_by_org(today: date | None = None, plan: Plan | None = None) -> dict[Organisation | None, list[Task]]:
    """Late tasks grouped by lead organisation, for the leader's list."""
    today = today or clock.now().date()
    qs = Task.objects.filter(due_on__lt=today, percent__lt=100).select_related("lead", "plan").order_by("due_on")
    if plan is not None:
        qs = qs.filter(plan=plan)
    out: dict[Organisation | None, list[Task]] = defaultdict(list)
    for t in qs:
        out[t.lead].append(t)
    return dict(out)


def agency_plan_tracking(plan: Plan) -> list[dict]:
    """Whether each agency issued its own plan under ``plan``, and by the required date."""
    children = {p.issuer_id: p for p in plan.children.filter(kind=PlanKind.AGENCY).order_by("issued_on")}
    out = []
    for org in Organisation.objects.filter(kind=OrgKind.AGENCY, successor__isnull=True).order_by("name"):
        child = children.get(org.id)
        on_time = bool(child and child.issued_on and plan.agency_plans_due and child.issued_on <= plan.agency_plans_due)
        out.append({"org": org, "plan": child, "on_time": on_time})
    return out


def visible_reports(user):
    """Periodic reports a user may open (the same rule as ``report_services.can_report`` or
    ``can_consolidate``): every one for Sở Nội vụ and administrators; otherwise those of the
    organisations where the user is a reform officer, leader or administrator (with the ones merged
    into them), and for a province's own staff those of every organisation under it."""
    qs = PeriodicReport.objects.select_related("org")
    if can_manage(user, None):
        return qs
    ids: set[int] = set()
    for org_id in {o for o, role in memberships(user) if role in PLAN_ROLES}:
        for pid in predecessor_ids(org_id):
            org = org_by_id(pid)
            ids |= descendant_ids(pid) if org is not None and org.kind == OrgKind.PROVINCE else {pid}
    return qs.filter(org_id__in=ids)
