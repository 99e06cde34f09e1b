"""Back-office pages for periodic reports: list and open, write the narrative, submit, return
(Sở Nội vụ), and download as DOCX or XLSX."""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cchc.core import clock
from cchc.core.errors import DomainError, PermissionDenied
from cchc.office.views import domain_errors, officer_required
from cchc.org.models import Organisation, OrgKind
from cchc.org.selectors import memberships

from . import reports, selectors
from .exports import docx, xlsx
from .models import PeriodicReport, ReportKind
from .report_services import (
    EDITABLE,
    can_consolidate,
    can_report,
    create_report,
    return_report,
    save_narrative,
    submit_report,
)
from .services import can_manage

FILES = {"docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx),
         "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx)}
PARTS = {ReportKind.QUARTER: [(1, "Quý I"), (2, "Quý II"), (3, "Quý III"), (4, "Quý IV")],
         ReportKind.HALF: [(1, "6 tháng đầu năm"), (2, "6 tháng cuối năm")], ReportKind.YEAR: [(0, "Cả năm")]}


def _orgs_for(user):
    """Organisations the user may report for: their own, or every one for Sở Nội vụ and admins."""
    if can_manage(user, None):
        return Organisation.objects.filter(successor__isnull=True,
                                           kind__in=[OrgKind.PROVINCE, OrgKind.AGENCY, OrgKind.COMMUNE])
    return Organisation.objects.filter(pk__in=[o for o, _r in memberships(user) if can_manage(user, o)])


def _list_context(request, **extra) -> dict:
    return {"reports": selectors.visible_reports(request.user)[:300],
            "orgs": _orgs_for(request.user).order_by("kind", "name"), "kinds": ReportKind.choices, "parts": PARTS,
            "year": clock.now().year, **extra}


@officer_required
def report_list(request):
    if request.method == "POST":
        p = request.POST
        try:
            kind = p.get("kind", "")
            part = int(p.get(f"part_{kind}") or 0) if kind != ReportKind.YEAR else 0
            report = create_report(actor=request.user, org_id=int(p.get("org_id") or 0), kind=kind,
                                   year=int(p.get("year") or 0), part=part)
        except (ValueError, DomainError) as e:
            message = getattr(e, "message", "Dữ liệu không hợp lệ.")
            return render(request, "plans/reports.html", _list_context(request, error=message),
                          status=getattr(e, "status", 422))
        return redirect("plans:report", report_id=report.id)
    return render(request, "plans/reports.html", _list_context(request))


def _report_for(user, report_id: int) -> PeriodicReport:
    report = get_object_or_404(PeriodicReport.objects.select_related("org", "org__parent", "consolidated_into"),
                               pk=report_id)
    if not (can_report(user, report.org) or can_consolidate(user, report.org)):
        raise PermissionDenied("Bạn không xem được báo cáo của cơ quan khác.", code="khong_co_quyen_bao_cao")
    return report


def _detail_context(request, report, **extra) -> dict:
    figures = reports.figures_of(report)
    return {"report": report, "f": figures, "sections": [(k, label, (report.narrative or {}).get(k, ""))
                                                         for k, label in reports.SECTIONS.items()],
            "editable": report.status in EDITABLE and can_report(request.user, report.org),
            "can_return": report.org.kind != OrgKind.PROVINCE and can_consolidate(request.user, report.org)
            and report.status == "submitted" and not report.consolidated_into_id,
            "chart": _chart(figures), **extra}


def _chart(figures: dict) -> list[tuple[str, str, int, int]]:
    total = max(1, len(figures["tasks"]))
    from .status import TASK_LABELS
    return [(TASK_LABELS[s], s, figures["counts"][s], round(100 * figures["counts"][s] / total))
            for s in reports.STATUS_ORDER]


@officer_required
@domain_errors
def report_detail(request, report_id: int):
    report = _report_for(request.user, report_id)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("save", "submit"):
                save_narrative(actor=request.user, report_id=report.id,
                               sections={k: request.POST.get(k, "") for k in reports.SECTIONS})
            if action == "submit":
                submit_report(actor=request.user, report_id=report.id)
                messages.success(request, _("Đã gửi báo cáo; số liệu đã được chốt."))
            elif action == "return":
                return_report(actor=request.user, report_id=report.id, reason=request.POST.get("reason", ""))
                messages.success(request, _("Đã trả lại báo cáo để bổ sung."))
            elif action == "save":
                messages.success(request, _("Đã lưu phần thuyết minh."))
        except DomainError as e:
            report.refresh_from_db()
            return render(request, "plans/report.html", _detail_context(request, report, error=e.message),
                          status=e.status)
        return redirect("plans:report", report_id=report.id)
    return render(request, "plans/report.html", _detail_context(request, report))


@officer_required
@domain_errors
def report_file(request, report_id: int, fmt: str):
    if fmt not in FILES:
        raise Http404
    report = _report_for(request.user, report_id)
    content_type, writer = FILES[fmt]
    figures = reports.figures_of(report)
    data = writer.render(report, figures, today=reports.report_date(report))
    name = slugify(f"bao-cao-cchc-{report.org.short_name or report.org.code}-{report.label}")
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
