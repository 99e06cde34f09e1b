"""REST endpoints for reform inspections (registered on the plans router)."""
from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from ninja import Field, File, Form, Query, Schema
from ninja import Status as HttpStatus
from ninja.files import UploadedFile

from cchc.core import clock
from cchc.core.errors import NotFound, PermissionDenied
from cchc.org.selectors import memberships

from . import inspection_services as svc
from . import inspections as rules
from .api import ERRORS, PageQuery, org_filter, page_of, router
from .models import Inspection, InspectionPlan, Recommendation


class InspectionPlanIn(Schema):
    issuer_id: int
    year: int
    title: str = Field(max_length=500)
    number: str = Field("", max_length=60)
    issued_on: date | None = None
    min_share: float = Field(30, description="Tỷ lệ tối thiểu cơ quan, đơn vị được kiểm tra (%)")


class CoverageOut(Schema):
    kind: str
    label: str
    total: int
    planned: int
    done: int
    required: int
    ok: bool


class InspectionOut(Schema):
    id: int
    org_id: int
    org: str
    planned_from: date
    planned_to: date
    content: str
    status: str
    done_on: date | None
    conclusion: str


class InspectionPlanOut(Schema):
    id: int
    issuer_id: int
    year: int
    number: str
    title: str
    min_share: float
    approved: bool
    coverage: list[CoverageOut]
    inspections: list[InspectionOut]


class InspectionIn(Schema):
    org_id: int
    planned_from: date
    planned_to: date
    content: str = Field("", max_length=4000)


class ResultIn(Schema):
    done_on: date
    conclusion: str = Field(max_length=10000)


class FindingIn(Schema):
    text: str = Field(max_length=10000)
    area: str = Field("", max_length=200)


class RecommendationIn(Schema):
    text: str = Field(max_length=10000)
    due_on: date
    finding_id: int | None = None
    responsible_id: int | None = None


class RecommendationOut(Schema):
    id: int
    inspection_id: int
    text: str
    responsible_id: int
    responsible: str
    due_on: date
    status: str
    status_label: str
    done_on: date | None
    result: str


class IdOut(Schema):
    id: int


class InspectionRow(Schema):
    id: int
    plan_id: int
    year: int
    issuer: str
    org_id: int
    org_code: str
    org: str
    planned_from: date
    planned_to: date
    status: str
    status_label: str
    done_on: date | None
    findings: int
    recommendations: int
    recommendations_open: int = Field(description="Kiến nghị chưa báo cáo khắc phục")


class InspectionPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[InspectionRow]


class InspectionQuery(PageQuery):
    year: int | None = Field(None, ge=2000, le=2100)
    org: str | None = Field(None, max_length=40, description="Mã định danh cơ quan, đơn vị được kiểm tra")
    status: str | None = Field(None, pattern=f"^({'|'.join(rules.INSPECTION_LABELS)})$",
                               description="planned | done | overdue | cancelled (tính theo ngày hôm nay)")


def _plan_out(plan: InspectionPlan) -> dict:
    today = clock.now().date()
    return {"id": plan.id, "issuer_id": plan.issuer_id, "year": plan.year, "number": plan.number, "title": plan.title,
            "min_share": float(plan.min_share), "approved": plan.approved_at is not None,
            "coverage": [{"kind": c.kind, "label": c.label, "total": c.total, "planned": c.planned, "done": c.done,
                          "required": c.required, "ok": c.ok} for c in rules.coverage(plan)],
            "inspections": [{"id": i.id, "org_id": i.org_id, "org": i.org.name, "planned_from": i.planned_from,
                             "planned_to": i.planned_to, "content": i.content,
                             "status": rules.inspection_status(i, today), "done_on": i.done_on,
                             "conclusion": i.conclusion} for i in plan.inspections.select_related("org")]}


def _rec_out(r: Recommendation) -> dict:
    s = rules.recommendation_status(r, clock.now().date())
    return {"id": r.id, "inspection_id": r.inspection_id, "text": r.text, "responsible_id": r.responsible_id,
            "responsible": r.responsible.name, "due_on": r.due_on, "status": s,
            "status_label": rules.RECOMMENDATION_LABELS[s], "done_on": r.done_on, "result": r.result}


@router.get("/inspections", response={200: InspectionPage, **ERRORS},
            summary="Danh sách cuộc kiểm tra CCHC (lọc theo năm, cơ quan được kiểm tra, trạng thái)")
def list_inspections(request, query: Query[InspectionQuery]):
    if not (request.auth.is_superuser or memberships(request.auth)):
        raise PermissionDenied("Chỉ cán bộ, công chức mới xem được danh sách kiểm tra.", code="chi_danh_cho_can_bo")
    today = clock.now().date()
    qs = Inspection.objects.select_related("plan__issuer", "org").annotate(
        n_findings=Count("findings", distinct=True), n_recs=Count("recommendations", distinct=True),
        n_open=Count("recommendations", filter=Q(recommendations__done_on__isnull=True), distinct=True))
    if query.year is not None:
        qs = qs.filter(plan__year=query.year)
    if query.org:
        qs = qs.filter(org_id=org_filter(query.org))
    if query.status:
        qs = qs.filter(rules.status_q(query.status, today))

    def row(i: Inspection) -> dict:
        s = rules.inspection_status(i, today)
        return {"id": i.id, "plan_id": i.plan_id, "year": i.plan.year, "issuer": i.plan.issuer.name,
                "org_id": i.org_id, "org_code": i.org.code, "org": i.org.name, "planned_from": i.planned_from,
                "planned_to": i.planned_to, "status": s, "status_label": rules.INSPECTION_LABELS[s],
                "done_on": i.done_on, "findings": i.n_findings, "recommendations": i.n_recs,
                "recommendations_open": i.n_open}
    return page_of(qs.order_by("-plan__year", "planned_from", "id"), query, row)


@router.post("/inspection-plans", response={201: InspectionPlanOut, **ERRORS}, summary="Lập kế hoạch kiểm tra CCHC năm")
def new_inspection_plan(request, body: InspectionPlanIn):
    return HttpStatus(201, _plan_out(svc.create_plan(actor=request.auth, **body.dict())))


@router.get("/inspection-plans/{plan_id}", response={200: InspectionPlanOut, **ERRORS},
            summary="Kế hoạch kiểm tra: các cuộc kiểm tra và độ bao phủ")
def get_inspection_plan(request, plan_id: int):
    plan = InspectionPlan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise NotFound("Không có kế hoạch kiểm tra này.", code="ke_hoach_kiem_tra_khong_ton_tai")
    return _plan_out(plan)


@router.post("/inspection-plans/{plan_id}/inspections", response={201: IdOut, **ERRORS},
             summary="Thêm cơ quan, đơn vị được kiểm tra")
def add_inspection(request, plan_id: int, body: InspectionIn):
    return HttpStatus(201, {"id": svc.add_inspection(actor=request.auth, plan_id=plan_id, **body.dict()).id})


@router.post("/inspection-plans/{plan_id}/approve", response={200: InspectionPlanOut, **ERRORS},
             summary="Phê duyệt kế hoạch kiểm tra (kiểm tra tỷ lệ bao phủ tối thiểu)")
def approve_inspection_plan(request, plan_id: int):
    return _plan_out(svc.approve_plan(actor=request.auth, plan_id=plan_id))


@router.post("/inspections/{inspection_id}/result", response={200: IdOut, **ERRORS}, summary="Ghi kết quả kiểm tra")
def inspection_result(request, inspection_id: int, body: ResultIn):
    return {"id": svc.record_result(actor=request.auth, inspection_id=inspection_id, **body.dict()).id}


@router.post("/inspections/{inspection_id}/findings", response={201: IdOut, **ERRORS},
             summary="Ghi tồn tại, hạn chế phát hiện qua kiểm tra")
def inspection_finding(request, inspection_id: int, body: FindingIn):
    return HttpStatus(201, {"id": svc.add_finding(actor=request.auth, inspection_id=inspection_id, **body.dict()).id})


@router.post("/inspections/{inspection_id}/recommendations", response={201: RecommendationOut, **ERRORS},
             summary="Ghi kiến nghị và hạn khắc phục")
def inspection_recommendation(request, inspection_id: int, body: RecommendationIn):
    return HttpStatus(201, _rec_out(svc.add_recommendation(actor=request.auth, inspection_id=inspection_id,
                                                           **body.dict())))


@router.post("/recommendations/{recommendation_id}/fix", response={200: RecommendationOut, **ERRORS},
             summary="Cơ quan được kiểm tra báo cáo kết quả khắc phục, kèm minh chứng")
def recommendation_fix(request, recommendation_id: int, result: Form[str], evidence: File[UploadedFile]):
    return _rec_out(svc.report_fix(actor=request.auth, recommendation_id=recommendation_id, result=result,
                                   evidence=evidence))


@router.get("/recommendations/overdue", response={200: list[RecommendationOut], **ERRORS},
            summary="Kiến nghị sau kiểm tra đã quá hạn khắc phục")
def overdue(request, org_id: int | None = None):
    return [_rec_out(r) for r in rules.overdue_recommendations(clock.now().date(), org_id)[:500]]
