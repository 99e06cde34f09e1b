"""What a periodic reform report says: its period, and its figures assembled from tasks (as they
stood at the end of the period), targets (live measurements over the period, or the last manual
report) and budgets; the province's report adds the roll-up of the agencies' submitted reports.

The figures are plain JSON so a submitted report can be frozen exactly as it was sent."""
from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from datetime import date

from django.db.models import Q
from django.utils import timezone

from cchc.core import clock
from cchc.core.errors import NotFound, ValidationFailed
from cchc.measures import registry
from cchc.measures.registry import Period, Scope
from cchc.org.models import Organisation, OrgKind

from . import status as rules
from .models import PeriodicReport, Plan, ReportKind, ReportStatus, Target, Task

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SECTIONS = {  # editable narrative, in the order a report is written
    "ket_qua": "Kết quả nổi bật trong kỳ",
    "ton_tai": "Tồn tại, hạn chế và nguyên nhân",
    "phuong_huong": "Phương hướng, nhiệm vụ kỳ tới",
    "kien_nghi": "Đề xuất, kiến nghị",
}
STATUS_ORDER = [rules.NOT_STARTED, rules.IN_PROGRESS, rules.DONE, rules.DONE_LATE, rules.LATE]
# who is expected to report to the province (historical districts are not)
REPORTING_KINDS = (OrgKind.AGENCY, OrgKind.COMMUNE)


def period_bounds(kind: str, year: int, part: int) -> tuple[date, date]:
    if kind == ReportKind.QUARTER and part in (1, 2, 3, 4):
        p = Period.quarter(year, part)
        return p.start, p.end
    if kind == ReportKind.HALF and part in (1, 2):
        return date(year, 6 * part - 5, 1), date(year, 6 * part, calendar.monthrange(year, 6 * part)[1])
    if kind == ReportKind.YEAR and part == 0:
        return date(year, 1, 1), date(year, 12, 31)
    raise ValidationFailed("Kỳ báo cáo không hợp lệ: quý 1–4, 6 tháng 1–2, hoặc cả năm.", code="ky_bao_cao_sai",
                           details={"kind": kind, "part": part})


def period_label(kind: str, year: int, part: int) -> str:
    if kind == ReportKind.QUARTER:
        return f"Quý {ROMAN.get(part, part)} năm {year}"
    if kind == ReportKind.HALF:
        return f"6 tháng {'đầu' if part == 1 else 'cuối'} năm {year}"
    return f"Năm {year}"


def _day(moment) -> date:
    return timezone.localtime(moment).date()


def _task_as_of(task: Task, as_of: date) -> tuple[int, date | None]:
    """Percent and completion date as they stood at the end of ``as_of`` (from the update history)."""
    percent = 0
    for u in task.updates.all():  # newest first (Meta.ordering)
        if _day(u.at) <= as_of:
            percent = u.percent
            break
    done_on = task.done_on if task.done_on and task.done_on <= as_of else None
    return percent, done_on


def _task_row(task: Task, as_of: date) -> dict:
    percent, done_on = _task_as_of(task, as_of)
    s = rules.task_status(percent=percent, done_on=done_on, due_on=task.due_on, today=as_of)
    return {"id": task.id, "plan": task.plan.number or task.plan.title[:60], "number": task.number, "task": task.task,
            "lead": task.lead.name if task.lead else "", "due_on": task.due_on.isoformat() if task.due_on else None,
            "time_text": task.time_text, "percent": percent, "status": s, "status_label": rules.TASK_LABELS[s],
            "budget_amount": task.budget_amount, "budget_source": task.budget_source}


def _target_row(t: Target, start: date, as_of: date) -> dict:
    """The value over the part of the target's period that falls in the report's period."""
    row = {"id": t.id, "plan": t.plan.number or t.plan.title[:60], "text": t.text, "measure": t.measure_name,
           "measure_label": "", "comparator": t.comparator, "threshold": float(t.threshold), "unit": t.unit,
           "scope": t.scope_org.name if t.scope_org else "", "value": None, "numerator": None, "denominator": None,
           "source": "measure" if t.measure_name else "manual", "computed_at": None}
    if t.measure_name:
        try:
            info = registry.info(t.measure_name)
            m = registry.measure(t.measure_name, scope=Scope(org_id=t.scope_org_id),
                                 period=Period(max(start, t.period_start), min(as_of, t.period_end)))
        except NotFound:  # the measurement left the registry: say so instead of inventing a number
            row["measure_label"] = "(phép đo không còn trên hệ thống)"
        else:
            row.update(measure_label=info.label, computed_at=m.computed_at.isoformat(),
                       value=m.value if m.measurable else None,
                       numerator=m.numerator if m.measurable else None,
                       denominator=m.denominator if m.measurable else None)
    else:
        rep = next((r for r in t.reports.all() if _day(r.reported_at) <= as_of), None)
        if rep is not None:
            row.update(value=float(rep.value), computed_at=rep.reported_at.isoformat())
    s = rules.target_status(row["value"], t.comparator, t.threshold)
    row.update(status=s, status_label=rules.TARGET_LABELS[s])
    return row


def assemble(report: PeriodicReport, today: date | None = None) -> dict:
    """Live figures of ``report`` (a draft's; a submitted report keeps its frozen ``figures``)."""
    today = today or clock.now().date()
    start, end = report.period_start, report.period_end
    as_of = min(end, today)
    org = report.org
    plans = Plan.objects.filter(period_start__lte=end, period_end__gte=start)
    tasks = (Task.objects.filter(plan__in=plans).filter(Q(lead=org) | Q(plan__issuer=org))
             .select_related("plan", "lead").prefetch_related("updates").order_by("plan_id", "id"))
    rows = [_task_row(t, as_of) for t in tasks]
    targets = (Target.objects.filter(plan__in=plans, plan__issuer=org, period_start__lte=end, period_end__gte=start)
               .select_related("plan", "scope_org").prefetch_related("reports").order_by("plan_id", "id"))
    counts = Counter(r["status"] for r in rows)
    budget: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["budget_amount"]:
            b = budget[r["budget_source"] or "(không ghi nguồn)"]
            b[0] += r["budget_amount"]
            b[1] += 1
    figures = {
        "org": {"id": org.id, "name": org.name, "kind": org.kind},
        "label": period_label(report.kind, report.year, report.part),
        "start": start.isoformat(), "end": end.isoformat(), "as_of": as_of.isoformat(),
        "computed_at": clock.now().isoformat(),
        "targets": [_target_row(t, start, as_of) for t in targets],
        "tasks": rows,
        "counts": {s: counts.get(s, 0) for s in STATUS_ORDER},
        "late": [r for r in rows if r["status"] == rules.LATE],
        "budget": [{"source": k, "amount": v[0], "tasks": v[1]} for k, v in sorted(budget.items())],
        "budget_total": sum(v[0] for v in budget.values()),
    }
    if org.kind == OrgKind.PROVINCE:
        figures.update(rollup(report))
    return figures


def report_date(report: PeriodicReport) -> date:
    """The date printed on the report: when it was sent, or today for a draft."""
    return timezone.localtime(report.submitted_at).date() if report.submitted_at else clock.now().date()


def figures_of(report: PeriodicReport, today: date | None = None) -> dict:
    return report.figures if report.figures is not None else assemble(report, today)


def rollup(report: PeriodicReport) -> dict:
    """The agencies' and communes' submitted reports of the same period, and who has not sent one."""
    sources = (PeriodicReport.objects.filter(kind=report.kind, year=report.year, part=report.part,
                                             status=ReportStatus.SUBMITTED, org__kind__in=REPORTING_KINDS)
               .select_related("org").order_by("org__kind", "org__name"))
    units, sent = [], set()
    for r in sources:
        f = r.figures or {}
        sent.add(r.org_id)
        targets = f.get("targets", [])
        units.append({"report_id": r.id, "org": r.org.name, "submitted_at": r.submitted_at.isoformat(),
                      "counts": f.get("counts", {}), "tasks": len(f.get("tasks", [])), "late": len(f.get("late", [])),
                      "targets": len(targets), "targets_met": sum(1 for t in targets if t["status"] == rules.MET),
                      "budget_total": f.get("budget_total", 0),
                      "late_tasks": [{"task": t["task"], "due_on": t["due_on"], "percent": t["percent"]}
                                     for t in f.get("late", [])],
                      "kien_nghi": (r.narrative or {}).get("kien_nghi", "")})
    year_start = date(report.year, 1, 1)
    expected = (Organisation.objects.filter(kind__in=REPORTING_KINDS)
                .filter(Q(successor__isnull=True) | Q(succeeded_on__gt=report.period_end))
                .filter(Q(active_from__isnull=True) | Q(active_from__lte=report.period_end))
                .exclude(succeeded_on__lte=year_start).order_by("kind", "name"))
    total = Counter()
    for u in units:
        total.update(u["counts"])
    return {"units": units, "units_total": {s: total.get(s, 0) for s in STATUS_ORDER},
            "missing": [o.name for o in expected if o.id not in sent], "expected": len(expected)}
