"""Back-office pages: plans, a plan's monitoring page, binding a target to a live measurement,
and the import → review → confirm flow."""
from __future__ import annotations

import copy

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.core.errors import DomainError
from cchc.measures import registry
from cchc.office.views import officer_required
from cchc.org.models import Organisation

from . import importing, selectors, services
from .models import Comparator, Plan, PlanKind, Target
from .status import TASK_LABELS


@officer_required
def plan_list(request):
    return render(request, "plans/list.html", {"plans": Plan.objects.select_related("issuer")})


@officer_required
def plan_detail(request, plan_id: int):
    plan = get_object_or_404(Plan.objects.select_related("issuer"), pk=plan_id)
    m = selectors.monitoring(plan)
    total = max(1, len(m["tasks"]))
    chart = [(TASK_LABELS[k], k, m["counts"].get(k, 0), round(100 * m["counts"].get(k, 0) / total))
             for k in TASK_LABELS]
    return render(request, "plans/detail.html", {**m, "chart": chart, "labels": TASK_LABELS,
                                                 "agencies": selectors.agency_plan_tracking(plan)
                                                 if plan.agency_plans_due else []})


@officer_required
def import_upload(request):
    if request.method == "POST" and request.FILES.get("file"):
        f = request.FILES["file"]
        try:
            payload = importing.preview(f.read(), f.name)
        except DomainError as e:
            return render(request, "plans/import.html", {"error": e.message}, status=422)
        orgs = Organisation.objects.filter(successor__isnull=True).order_by("name")
        return render(request, "plans/review.html", {
            "token": importing.sign(payload), "draft": _with_candidate_names(payload, orgs),
            "review": importing.review_summary(payload), "orgs": orgs, "measures": registry.names(),
            "kinds": PlanKind.choices,
        })
    return render(request, "plans/import.html", {})


def _with_candidate_names(payload: dict, orgs) -> dict:
    """A copy of the draft for the screen, naming the close matches of a name not resolved for sure
    (the signed token keeps the draft itself)."""
    names = dict(orgs.values_list("id", "name"))
    shown = copy.deepcopy(payload)
    for t in shown.get("tasks", []):
        for r in t.get("leads", []):
            r["candidate_names"] = [names[i] for i in r.get("candidates", []) if i in names]
    return shown


@officer_required
@require_POST
def import_confirm(request):
    p = request.POST
    decisions = {
        "kind": p.get("kind") or None, "title": p.get("title") or None, "number": p.get("number") or None,
        "issuer_id": p.get("issuer_id") or None, "issued_on": p.get("issued_on") or None,
        "period_start_year": int(p["period_start_year"]) if p.get("period_start_year", "").isdigit() else None,
        "period_end_year": int(p["period_end_year"]) if p.get("period_end_year", "").isdigit() else None,
        "agency_plans_due": p.get("agency_plans_due") or None,
        "task_leads": {k.split("_")[-1]: v for k, v in p.items() if k.startswith("lead_") and v},
        "target_measures": {k.split("_")[-1]: v for k, v in p.items() if k.startswith("measure_")},
        "skip_tasks": [int(x) for x in p.getlist("skip_task")],
        "skip_targets": [int(x) for x in p.getlist("skip_target")],
    }
    try:
        plan = services.confirm_import(actor=request.user, payload=importing.unsign(p.get("token", "")),
                                       decisions=decisions)
    except DomainError as e:
        return render(request, "plans/import.html", {"error": e.message}, status=e.status)
    return redirect("plans:detail", plan_id=plan.id)


def _binding_context(target: Target, request, **extra) -> dict:
    measures = registry.names()
    return {"target": target, "state": selectors.target_state(target), "measures": measures,
            "comparators": Comparator.choices, "can_manage": services.can_manage(request.user, target.plan.issuer_id),
            "orgs": Organisation.objects.filter(successor__isnull=True).order_by("kind", "name"),
            "units": {m.name: m.unit for m in measures}, "unit_words": services.UNIT_WORDS,
            "reports": target.reports.select_related("reported_by")[:50], **extra}


@officer_required
def target_binding(request, target_id: int):
    """A reform officer binds a target to a named measurement (scope, period) and sees the live value."""
    target = get_object_or_404(Target.objects.select_related("plan", "plan__issuer", "scope_org"), pk=target_id)
    if request.method == "POST":
        p = request.POST
        try:
            if p.get("action") == "report":
                services.report_target_value(actor=request.user, target_id=target.id,
                                             value=(p.get("value") or "").strip().replace(",", "."),
                                             evidence=request.FILES.get("evidence"), note=p.get("note", ""))
                messages.success(request, _("Đã ghi giá trị báo cáo của chỉ tiêu."))
            elif p.get("action") == "unbind":
                services.unbind_target(actor=request.user, target_id=target.id)
                messages.success(request, _("Đã chuyển chỉ tiêu về nhập tay."))
            else:
                services.bind_target(actor=request.user, target_id=target.id, measure_name=p.get("measure_name", ""),
                                     comparator=p.get("comparator") or None, threshold=p.get("threshold") or None,
                                     scope_org_id=p.get("scope_org_id") or None,
                                     period_start=p.get("period_start") or None, period_end=p.get("period_end") or None)
                messages.success(request, _("Đã gắn chỉ tiêu với phép đo."))
        except DomainError as e:
            target.refresh_from_db()
            return render(request, "plans/target.html", _binding_context(target, request, error=e.message, posted=p),
                          status=e.status)
        return redirect("plans:target", target_id=target.id)
    return render(request, "plans/target.html", _binding_context(target, request))
