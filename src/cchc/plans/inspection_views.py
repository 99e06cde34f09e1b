"""Back-office pages for reform inspections: the yearly plan with its coverage check, each
inspection's result, findings, recommendations, and the inspected organisation's fix reports."""
from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cchc.core import clock
from cchc.core.errors import DomainError
from cchc.office.views import officer_required
from cchc.org.models import Organisation
from cchc.org.selectors import roles_of

from . import inspection_services as svc
from . import inspections as rules
from .models import Inspection, InspectionPlan
from .services import PROGRESS_ROLES, can_manage


def _int(value) -> int | None:
    return int(value) if str(value or "").strip().isdigit() else None


@officer_required
def plan_list(request):
    error = None
    if request.method == "POST":
        p = request.POST
        try:
            plan = svc.create_plan(actor=request.user, issuer_id=_int(p.get("issuer_id")) or 0,
                                   year=_int(p.get("year")) or 0, title=p.get("title", ""), number=p.get("number", ""),
                                   issued_on=p.get("issued_on") or None, min_share=p.get("min_share") or 30)
        except DomainError as e:
            error = e
        else:
            return redirect("plans:inspection_plan", plan_id=plan.id)
    plans = InspectionPlan.objects.select_related("issuer")
    return render(request, "plans/inspections.html", {
        "plans": [(p, rules.coverage(p)) for p in plans[:50]], "error": error and error.message,
        "can_create": can_manage(request.user, None) or any(can_manage(request.user, o.id) for o in _issuers()),
        "issuers": _issuers(), "year": clock.now().year,
        "overdue": rules.overdue_recommendations(clock.now().date())[:100]},
        status=error.status if error else 200)


def _issuers():
    return Organisation.objects.filter(successor__isnull=True, kind__in=["province", "agency"]).order_by("kind", "name")


def _plan_context(request, plan, **extra) -> dict:
    today = clock.now().date()
    items = list(plan.inspections.select_related("org").order_by("planned_from", "id"))
    return {"plan": plan, "coverage": rules.coverage(plan), "today": today,
            "items": [(i, rules.inspection_status(i, today), rules.INSPECTION_LABELS[rules.inspection_status(i, today)])
                      for i in items],
            "can_edit": can_manage(request.user, plan.issuer_id),
            "candidates": Organisation.objects.filter(successor__isnull=True, kind__in=svc.INSPECTABLE)
            .exclude(pk__in=[i.org_id for i in items]).order_by("kind", "name"), **extra}


@officer_required
def plan_detail(request, plan_id: int):
    plan = get_object_or_404(InspectionPlan.objects.select_related("issuer"), pk=plan_id)
    if request.method == "POST":
        p = request.POST
        try:
            if p.get("action") == "approve":
                svc.approve_plan(actor=request.user, plan_id=plan.id)
                messages.success(request, _("Đã phê duyệt kế hoạch kiểm tra."))
            else:
                svc.add_inspection(actor=request.user, plan_id=plan.id, org_id=_int(p.get("org_id")) or 0,
                                   planned_from=p.get("planned_from"), planned_to=p.get("planned_to"),
                                   content=p.get("content", ""))
                messages.success(request, _("Đã thêm cuộc kiểm tra."))
        except DomainError as e:
            plan.refresh_from_db()
            return render(request, "plans/inspection_plan.html", _plan_context(request, plan, error=e.message),
                          status=e.status)
        return redirect("plans:inspection_plan", plan_id=plan.id)
    return render(request, "plans/inspection_plan.html", _plan_context(request, plan))


def _inspection_context(request, i, **extra) -> dict:
    today = clock.now().date()
    recs = list(i.recommendations.select_related("responsible", "finding"))
    st = rules.inspection_status(i, today)
    return {"i": i, "status": st, "status_label": rules.INSPECTION_LABELS[st], "today": today,
            "findings": list(i.findings.all()),
            "recs": [(r, rules.RECOMMENDATION_LABELS[rules.recommendation_status(r, today)],
                      rules.recommendation_status(r, today),
                      not r.done_on and bool(roles_of(request.user, r.responsible_id) & PROGRESS_ROLES)) for r in recs],
            "can_edit": can_manage(request.user, i.plan.issuer_id), **extra}


@officer_required
def inspection_detail(request, inspection_id: int):
    i = get_object_or_404(Inspection.objects.select_related("plan", "plan__issuer", "org"), pk=inspection_id)
    if request.method == "POST":
        p, action = request.POST, request.POST.get("action")
        try:
            if action == "result":
                svc.record_result(actor=request.user, inspection_id=i.id, done_on=p.get("done_on"),
                                  conclusion=p.get("conclusion", ""))
            elif action == "cancel":
                svc.cancel_inspection(actor=request.user, inspection_id=i.id, reason=p.get("reason", ""))
            elif action == "finding":
                svc.add_finding(actor=request.user, inspection_id=i.id, text=p.get("text", ""), area=p.get("area", ""))
            elif action == "recommendation":
                svc.add_recommendation(actor=request.user, inspection_id=i.id, text=p.get("text", ""),
                                       due_on=p.get("due_on"), finding_id=_int(p.get("finding_id")))
            elif action == "fix":
                svc.report_fix(actor=request.user, recommendation_id=_int(p.get("recommendation_id")) or 0,
                               result=p.get("result", ""), evidence=request.FILES.get("evidence"))
            messages.success(request, _("Đã lưu."))
        except DomainError as e:
            i.refresh_from_db()
            return render(request, "plans/inspection.html", _inspection_context(request, i, error=e.message),
                          status=e.status)
        return redirect("plans:inspection", inspection_id=i.id)
    return render(request, "plans/inspection.html", _inspection_context(request, i))
