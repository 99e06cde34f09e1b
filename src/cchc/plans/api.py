"""REST endpoints of this app, mounted under /api/v1/ (see cchc/api/urls.py)."""
from __future__ import annotations

import json
from datetime import date, datetime

from ninja import Field, File, Router, Schema
from ninja import Status as HttpStatus
from ninja.errors import ValidationError as NinjaValidationError
from ninja.files import UploadedFile
from pydantic import ValidationError as PydanticValidationError

from cchc.api.auth import token_or_session
from cchc.api.errors import responses
from cchc.core.errors import NotFound, ValidationFailed
from cchc.documents.limits import MAX_BYTES
from cchc.org.selectors import org_by_code

from . import importing, selectors, services
from .models import Plan
from .status import TASK_LABELS

router = Router(tags=["Kế hoạch CCHC"], auth=token_or_session)
ERRORS = responses(400, 401, 403, 404, 409, 422)


class PlanRow(Schema):
    id: int
    kind: str
    title: str
    number: str
    issued_on: date | None
    period_start: date
    period_end: date
    issuer: str | None


class TargetOut(Schema):
    id: int
    text: str
    measure_name: str
    comparator: str
    threshold: float
    unit: str
    status: str
    status_label: str
    value: float | None
    computed_at: datetime | None
    review_flags: list[str]


class TaskOut(Schema):
    id: int
    number: str
    task: str
    lead: str | None
    due_on: date | None
    time_text: str
    percent: int
    status: str
    status_label: str
    review_flags: list[str]


class Monitoring(Schema):
    plan: PlanRow
    targets: list[TargetOut]
    counts: dict[str, int]
    by_org: dict[str, dict[str, int]]
    due_this_month: list[TaskOut]
    late: list[TaskOut]


class PreviewOut(Schema):
    token: str = Field(description="Gửi lại khi xác nhận; có hiệu lực 24 giờ")
    draft: dict
    review: dict


class ConfirmIn(Schema):
    token: str
    decisions: dict = Field(default_factory=dict, description="Lựa chọn của người duyệt: issuer_id, "
                            "period_start_year, task_leads {chỉ số: org_id}, target_measures, skip_tasks, …")


class CreatedOut(Schema):
    id: int
    tasks: int
    targets: int


class LateGroup(Schema):
    org: str | None
    tasks: list[TaskOut]


class ProgressIn(Schema):
    percent: int = Field(ge=0, le=100)
    narrative: str = Field("", max_length=4000)


class ProgressOut(Schema):
    task_id: int
    percent: int
    status: str
    at: datetime
    evidence: str | None = Field(None, description="Tên tệp minh chứng đã lưu (tải về ở trang nhiệm vụ)")


class PageQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


def org_filter(code: str | None) -> int | None:
    """An ``org`` filter (the organisation's code, as in the other lists) → its id; unknown → 404."""
    if not code:
        return None
    org = org_by_code(code)
    if org is None:
        raise NotFound(f"Không có đơn vị mã “{code}”.", code="don_vi_khong_ton_tai")
    return org.id


def page_of(qs, q: PageQuery, row) -> dict:
    start = (q.page - 1) * q.page_size
    return {"count": qs.count(), "page": q.page, "page_size": q.page_size,
            "items": [row(x) for x in qs[start:start + q.page_size]]}


def _plan_row(p: Plan) -> dict:
    return {"id": p.id, "kind": p.kind, "title": p.title, "number": p.number, "issued_on": p.issued_on,
            "period_start": p.period_start, "period_end": p.period_end, "issuer": p.issuer.name if p.issuer else None}


def _task_row(t, s) -> dict:
    return {"id": t.id, "number": t.number, "task": t.task, "lead": t.lead.name if t.lead else None,
            "due_on": t.due_on, "time_text": t.time_text, "percent": t.percent, "status": s,
            "status_label": TASK_LABELS[s], "review_flags": t.review_flags}


@router.get("/plans", response={200: list[PlanRow], **ERRORS}, summary="Danh sách kế hoạch CCHC")
def list_plans(request):
    return [_plan_row(p) for p in Plan.objects.select_related("issuer")[:500]]


@router.get("/plans/{plan_id}/monitoring", response={200: Monitoring, **ERRORS},
            summary="Theo dõi kế hoạch: chỉ tiêu (số liệu trực tiếp), nhiệm vụ theo trạng thái và cơ quan")
def plan_monitoring(request, plan_id: int):
    plan = Plan.objects.select_related("issuer").filter(pk=plan_id).first()
    if plan is None:
        raise NotFound("Không có kế hoạch này.", code="ke_hoach_khong_ton_tai")
    m = selectors.monitoring(plan)
    return {
        "plan": _plan_row(plan),
        "targets": [{"id": s.target.id, "text": s.target.text, "measure_name": s.target.measure_name,
                     "comparator": s.target.comparator, "threshold": float(s.target.threshold),
                     "unit": s.target.unit, "status": s.status, "status_label": s.label, "value": s.value,
                     "computed_at": s.computed_at, "review_flags": s.target.review_flags} for s in m["targets"]],
        "counts": dict(m["counts"]),
        "by_org": m["by_org"],
        "due_this_month": [_task_row(t, s) for t, s in m["due_this_month"]],
        "late": [_task_row(t, s) for t, s in m["late"]],
    }


@router.post("/plans/import/preview", response={200: PreviewOut, **ERRORS},
             summary="Đọc văn bản kế hoạch (.txt, .docx) và trả bản nháp để duyệt — chưa lưu gì")
def import_preview(request, file: File[UploadedFile]):
    payload = importing.preview(file.read(), file.name or "")
    return {"token": importing.sign(payload), "draft": payload, "review": importing.review_summary(payload)}


@router.post("/plans/import/confirm", response={201: CreatedOut, **ERRORS},
             summary="Xác nhận bản nháp đã duyệt: lưu kế hoạch, chỉ tiêu, nhiệm vụ")
def import_confirm(request, body: ConfirmIn):
    plan = services.confirm_import(actor=request.auth, payload=importing.unsign(body.token), decisions=body.decisions)
    return HttpStatus(201, {"id": plan.id, "tasks": plan.tasks.count(), "targets": plan.targets.count()})


# JSON, or multipart when an evidence file goes with it: ninja binds one content type per operation,
# so the body is read here and both forms are documented by hand (same fields, same checks).
PROGRESS_FORM = {"type": "object", "required": ["percent"], "properties": {
    "percent": {"type": "integer", "minimum": 0, "maximum": 100, "title": "Percent"},
    "narrative": {"type": "string", "maxLength": 4000, "default": "", "title": "Narrative"},
    "evidence": {"type": "string", "format": "binary", "title": "Evidence",
                 "description": f"Tệp minh chứng, tối đa {MAX_BYTES // (1024 * 1024)} MB (như trang nhiệm vụ)"}}}
PROGRESS_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": ProgressIn.model_json_schema()},
    "multipart/form-data": {"schema": PROGRESS_FORM}}}}


def _progress_input(request) -> tuple[ProgressIn, UploadedFile | None]:
    evidence = None
    if request.content_type == "multipart/form-data":
        data = request.POST.dict()
        files = request.FILES.getlist("evidence")
        if len(files) > 1 or set(request.FILES) - {"evidence"}:
            raise ValidationFailed("Mỗi lần cập nhật kèm tối đa một tệp minh chứng, trong trường “evidence”.",
                                   code="tep_minh_chung_khong_hop_le", details={"fields": sorted(request.FILES)})
        evidence = files[0] if files else None
    else:
        try:
            data = json.loads(request.body)
        except ValueError as e:
            raise NinjaValidationError([{"loc": (), "type": "json_invalid", "msg": str(e)}]) from None
    try:
        return ProgressIn.model_validate(data), evidence
    except PydanticValidationError as e:
        raise NinjaValidationError(e.errors(include_url=False, include_context=False)) from None


@router.post("/tasks/{task_id}/progress", response={201: ProgressOut, **ERRORS}, openapi_extra=PROGRESS_BODY,
             summary="Cơ quan chủ trì cập nhật tiến độ nhiệm vụ (JSON, hoặc multipart kèm tệp minh chứng)")
def task_progress(request, task_id: int):
    body, evidence = _progress_input(request)
    u = services.record_progress(actor=request.auth, task_id=task_id, percent=body.percent, narrative=body.narrative,
                                 evidence=evidence)
    t = u.task
    return HttpStatus(201, {"task_id": t.id, "percent": t.percent, "status": selectors.task_status(t, u.at.date()),
                           "at": u.at, "evidence": u.evidence.name.rsplit("/", 1)[-1] if u.evidence else None})


@router.get("/plans/late-tasks", response={200: list[LateGroup], **ERRORS},
            summary="Nhiệm vụ quá hạn theo cơ quan chủ trì")
def late_tasks(request):
    return [{"org": org.name if org else None, "tasks": [_task_row(t, "late") for t in tasks]}
            for org, tasks in selectors.late_by_org().items()]


# more endpoints on the same router (kept in their own modules to keep files small)
from . import api_inspections, api_reports  # noqa: E402,F401
