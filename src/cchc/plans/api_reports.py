"""REST endpoints for target binding and periodic reports (registered on the plans router)."""
from __future__ import annotations

from datetime import date, datetime

from django.http import HttpResponse
from ninja import Field, Query, Schema
from ninja import Status as HttpStatus

from cchc.core.errors import NotFound, PermissionDenied

from . import reports, selectors, services
from .api import ERRORS, PageQuery, org_filter, page_of, router
from .exports import docx, xlsx
from .models import PeriodicReport, ReportKind, ReportStatus, Target
from .report_services import can_consolidate, can_report, create_report, return_report, save_narrative, submit_report


class BindingIn(Schema):
    measure_name: str = Field(description="Tên phép đo trong danh mục /measures, ví dụ `on_time_rate`")
    comparator: str | None = Field(None, description=">=, >, <=, <")
    threshold: float | None = None
    scope_org_id: int | None = Field(None, description="Trống: toàn tỉnh")
    period_start: date | None = None
    period_end: date | None = None


class TargetDetail(Schema):
    id: int
    plan_id: int
    text: str
    measure_name: str
    scope_org_id: int | None
    comparator: str
    threshold: float
    unit: str
    period_start: date
    period_end: date
    status: str
    status_label: str
    value: float | None
    computed_at: datetime | None
    review_flags: list[str]


def _target_out(t: Target) -> dict:
    s = selectors.target_state(t)
    return {"id": t.id, "plan_id": t.plan_id, "text": t.text, "measure_name": t.measure_name,
            "scope_org_id": t.scope_org_id, "comparator": t.comparator, "threshold": float(t.threshold),
            "unit": t.unit, "period_start": t.period_start, "period_end": t.period_end, "status": s.status,
            "status_label": s.label, "value": s.value, "computed_at": s.computed_at, "review_flags": t.review_flags}


@router.get("/targets/{target_id}", response={200: TargetDetail, **ERRORS},
            summary="Chỉ tiêu: phép đo đã gắn, giá trị hiện tại so với ngưỡng")
def target_detail(request, target_id: int):
    t = Target.objects.filter(pk=target_id).first()
    if t is None:
        raise NotFound("Không có chỉ tiêu này.", code="chi_tieu_khong_ton_tai")
    return _target_out(t)


@router.put("/targets/{target_id}/binding", response={200: TargetDetail, **ERRORS},
            summary="Gắn chỉ tiêu với một phép đo trực tiếp (phạm vi, kỳ đo, ngưỡng)")
def bind_target(request, target_id: int, body: BindingIn):
    t = services.bind_target(actor=request.auth, target_id=target_id, **body.dict())
    return _target_out(t)


class ReportIn(Schema):
    org_id: int
    kind: str = Field(description="quarter | half | year")
    year: int
    part: int = Field(0, description="Quý 1–4, nửa năm 1–2, cả năm 0")


class ReportOut(Schema):
    id: int
    org_id: int
    org: str
    kind: str
    year: int
    part: int
    label: str
    status: str
    submitted_at: datetime | None
    consolidated_into_id: int | None
    return_reason: str
    narrative: dict[str, str]
    figures: dict = Field(description="Số liệu: trực tiếp khi đang soạn, đã chốt khi đã gửi")


class NarrativeIn(Schema):
    sections: dict[str, str] = Field(description="ket_qua, ton_tai, phuong_huong, kien_nghi")


class ReasonIn(Schema):
    reason: str = Field(max_length=4000)


class ReportRow(Schema):
    id: int
    org_id: int
    org_code: str
    org: str
    kind: str
    year: int
    part: int
    label: str
    status: str
    status_label: str
    submitted_at: datetime | None
    consolidated_into_id: int | None


class ReportPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ReportRow]


class ReportQuery(PageQuery):
    year: int | None = Field(None, ge=2000, le=2100)
    org: str | None = Field(None, max_length=40, description="Mã định danh cơ quan báo cáo")
    status: str | None = Field(None, pattern=f"^({'|'.join(ReportStatus.values)})$",
                               description="draft | submitted | returned")
    kind: str | None = Field(None, pattern=f"^({'|'.join(ReportKind.values)})$", description="quarter | half | year")


def _report_row(r: PeriodicReport) -> dict:
    return {"id": r.id, "org_id": r.org_id, "org_code": r.org.code, "org": r.org.name, "kind": r.kind, "year": r.year,
            "part": r.part, "label": r.label, "status": r.status, "status_label": r.get_status_display(),
            "submitted_at": r.submitted_at, "consolidated_into_id": r.consolidated_into_id}


@router.get("/reports", response={200: ReportPage, **ERRORS},
            summary="Danh sách báo cáo CCHC định kỳ mà người gọi được xem (lọc theo năm, cơ quan, trạng thái)")
def list_reports(request, query: Query[ReportQuery]):
    qs = selectors.visible_reports(request.auth)
    org_id = org_filter(query.org)
    for field, value in (("year", query.year), ("org_id", org_id), ("status", query.status), ("kind", query.kind)):
        if value is not None:
            qs = qs.filter(**{field: value})
    return page_of(qs.order_by("-year", "-period_end", "org__code", "id"), query, _report_row)


def _report(request, report_id: int) -> PeriodicReport:
    r = PeriodicReport.objects.select_related("org", "org__parent").filter(pk=report_id).first()
    if r is None:
        raise NotFound("Không có báo cáo này.", code="bao_cao_khong_ton_tai")
    if not (can_report(request.auth, r.org) or can_consolidate(request.auth, r.org)):
        raise PermissionDenied("Bạn không xem được báo cáo của cơ quan khác.", code="khong_co_quyen_bao_cao")
    return r


def _report_out(r: PeriodicReport, figures: bool = True) -> dict:
    return {"id": r.id, "org_id": r.org_id, "org": r.org.name, "kind": r.kind, "year": r.year, "part": r.part,
            "label": r.label, "status": r.status, "submitted_at": r.submitted_at,
            "consolidated_into_id": r.consolidated_into_id, "return_reason": r.return_reason,
            "narrative": r.narrative or {}, "figures": reports.figures_of(r) if figures else {}}


@router.post("/reports", response={201: ReportOut, **ERRORS}, summary="Lập báo cáo CCHC định kỳ (quý, 6 tháng, năm)")
def new_report(request, body: ReportIn):
    r = create_report(actor=request.auth, org_id=body.org_id, kind=body.kind, year=body.year, part=body.part)
    return HttpStatus(201, _report_out(r))


@router.get("/reports/{report_id}", response={200: ReportOut, **ERRORS}, summary="Báo cáo định kỳ và số liệu")
def get_report(request, report_id: int):
    return _report_out(_report(request, report_id))


@router.put("/reports/{report_id}/narrative", response={200: ReportOut, **ERRORS}, summary="Sửa phần thuyết minh")
def put_narrative(request, report_id: int, body: NarrativeIn):
    _report(request, report_id)
    return _report_out(save_narrative(actor=request.auth, report_id=report_id, sections=body.sections))


@router.post("/reports/{report_id}/submit", response={200: ReportOut, **ERRORS},
             summary="Gửi báo cáo (chốt số liệu); báo cáo của tỉnh tổng hợp các báo cáo đã gửi")
def post_submit(request, report_id: int):
    _report(request, report_id)
    return _report_out(submit_report(actor=request.auth, report_id=report_id))


@router.post("/reports/{report_id}/return", response={200: ReportOut, **ERRORS},
             summary="Sở Nội vụ trả lại báo cáo để bổ sung")
def post_return(request, report_id: int, body: ReasonIn):
    _report(request, report_id)
    return _report_out(return_report(actor=request.auth, report_id=report_id, reason=body.reason))


@router.get("/reports/{report_id}/export.docx", response={200: None, **ERRORS}, summary="Tải báo cáo dạng DOCX")
def export_docx(request, report_id: int):
    r = _report(request, report_id)
    return HttpResponse(docx.render(r, reports.figures_of(r), today=reports.report_date(r)),
                        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@router.get("/reports/{report_id}/export.xlsx", response={200: None, **ERRORS}, summary="Tải báo cáo dạng XLSX")
def export_xlsx(request, report_id: int):
    r = _report(request, report_id)
    return HttpResponse(xlsx.render(r, reports.figures_of(r)),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
