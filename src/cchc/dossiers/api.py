"""Dossier API: create, list, detail and one endpoint per action of the transition table."""
from __future__ import annotations

import hashlib
import json

from django.db import IntegrityError, transaction
from ninja import Field, Header, Query, Router, Schema
from ninja import Status as HttpStatus  # an HTTP status with its body; not the dossier status

from cchc.api.auth import token_or_session
from cchc.api.errors import responses
from cchc.api.types import LocalDateTime
from cchc.core.errors import Conflict, NotFound
from cchc.org.models import Organisation
from cchc.org.selectors import org_by_code

from . import selectors, services
from .models import ApplicantKind, Channel, Dossier, IdempotencyKey, ReturnMethod

router = Router(tags=["Hồ sơ"], auth=token_or_session)
# What any dossier operation may answer besides success (400: a business rule without a more specific status).
ERRORS = responses(400, 401, 403, 404, 409, 422)


class ApplicantIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    id_number: str = Field("", max_length=20, description="Số định danh cá nhân (12 số); được mã hóa khi lưu")
    phone: str = Field("", max_length=20, pattern=r"^[0-9+ .]*$")
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=300)
    kind: ApplicantKind = ApplicantKind.CITIZEN


class ComponentIn(Schema):
    component_id: int | None = None
    name: str = Field("", max_length=500)
    quantity: int = Field(1, ge=1, le=100)
    provided: bool = True
    digitised: bool = False
    reused: bool = False


class DossierCreate(Schema):
    procedure_code: str = Field(min_length=1, max_length=64)
    org_code: str = Field(min_length=1, max_length=40, description="Mã định danh nơi tiếp nhận")
    channel: Channel = Field(Channel.DESK, description="1 trực tiếp, 2 trực tuyến, 3 bưu chính")
    applicant: ApplicantIn
    request: str = Field("", max_length=4000)
    components: list[ComponentIn] = Field(default_factory=list, max_length=100)


class DossierRow(Schema):
    code: str
    procedure_code: str
    procedure_name: str
    status: int
    status_label: str
    channel: int
    applicant_name: str
    received_at: LocalDateTime | None
    due_at: LocalDateTime | None
    apology_due_at: LocalDateTime | None
    finished_at: LocalDateTime | None
    is_late: bool | None


class DossierPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[DossierRow]


class HandoverOut(Schema):
    from_org: str
    to_org: str
    at: LocalDateTime
    step_due_at: LocalDateTime | None
    result: str
    note: str


class EventOut(Schema):
    action: str
    at: LocalDateTime
    actor: str | None
    note: str
    old: dict
    new: dict


class DossierOut(DossierRow):
    org_code: str
    current_org_code: str
    rule_set: str
    applicant_id_masked: str
    applicant_phone: str
    applicant_email: str
    applicant_address: str
    request: str
    submitted_at: LocalDateTime | None
    original_due_at: LocalDateTime | None
    paused_at: LocalDateTime | None
    paused_working_days: int
    paused_working_minutes: int
    supplement_count: int
    apology_count: int
    returned_at: LocalDateTime | None
    return_method: str
    end_reason: str
    fee_amount: int
    components: list[dict]
    handovers: list[HandoverOut]
    timeline: list[EventOut]
    allowed_actions: list[str]


def _row(d: Dossier) -> dict:
    return {
        "code": d.code, "procedure_code": d.version.procedure.code, "procedure_name": d.version.name,
        "status": d.status, "status_label": d.get_status_display(), "channel": d.channel,
        "applicant_name": d.applicant_name, "received_at": d.received_at, "due_at": d.due_at,
        "apology_due_at": d.apology_due_at, "finished_at": d.finished_at, "is_late": d.is_late,
    }


def _detail(request, d: Dossier, *, new: bool = False) -> dict:
    """The dossier page as data. ``new``: just created by this caller (nothing handed over yet; its
    components and first audit record are the ones the service wrote, see ``services._create``)."""
    return {
        **_row(d), "org_code": d.org.code, "current_org_code": d.current_org.code, "rule_set": d.rule_set,
        "applicant_id_masked": d.applicant_id_masked, "applicant_phone": d.applicant_phone,
        "applicant_email": d.applicant_email, "applicant_address": d.applicant_address, "request": d.request,
        "submitted_at": d.submitted_at, "original_due_at": d.original_due_at, "paused_at": d.paused_at,
        "paused_working_days": d.paused_working_days, "paused_working_minutes": d.paused_working_minutes,
        "supplement_count": d.supplement_count, "apology_count": d.apology_count, "returned_at": d.returned_at,
        "return_method": d.return_method, "end_reason": d.end_reason, "fee_amount": d.fee_amount,
        "components": [{"name": c.name, "form": c.form, "quantity": c.quantity, "provided": c.provided,
                        "digitised": c.digitised, "reused": c.reused}
                       for c in (d.written_components if new else d.components.all())],
        "handovers": [{"from_org": h.from_org.code, "to_org": h.to_org.code, "at": h.at, "step_due_at": h.step_due_at,
                       "result": h.result, "note": h.note}
                      for h in ([] if new else d.handovers.select_related("from_org", "to_org"))],
        "timeline": [{"action": a.action, "at": a.at, "actor": a.actor.get_username() if a.actor else None,
                      "note": a.note, "old": a.old, "new": a.new}
                     for a in (d.written_audit if new else d.audit.select_related("actor"))],
        "allowed_actions": selectors.actions_for(request.user, d),
    }


def _reload(request, d: Dossier) -> dict:
    return _detail(request, selectors.dossier_for(request.user, d.code, purpose="sau_thao_tac"))


def _created(request, d: Dossier) -> dict:
    # the creator typed these data in: answered from the saved object, no re-read, no view to log
    return _detail(request, d, new=True)


def _intake(payload: DossierCreate) -> services.Intake:
    org = org_by_code(payload.org_code)
    if org is None:
        raise NotFound(f"Không có nơi tiếp nhận mã “{payload.org_code}”.", code="noi_tiep_nhan_khong_ton_tai")
    a = payload.applicant
    return services.Intake(
        procedure_code=payload.procedure_code, org_id=org.id, request=payload.request,
        applicant=services.Applicant(name=a.name, id_number=a.id_number, phone=a.phone, email=a.email,
                                     address=a.address, kind=a.kind),
        components=[services.ComponentInput(**c.dict()) for c in payload.components],
    )


@router.post("/dossiers", response={201: DossierOut, 200: DossierOut, **ERRORS},
             summary="Tạo hồ sơ (nộp trực tuyến hoặc tiếp nhận)")
def create_dossier(request, payload: DossierCreate,
                   idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=100)):
    """Channel 2 files online (status 1); channels 1 and 3 are received by the desk (status 2).

    With an ``Idempotency-Key`` header, retrying the same body returns the same dossier (200);
    reusing the key for a different body is refused with 409.
    """
    def create() -> Dossier:
        intake = _intake(payload)
        if payload.channel == Channel.ONLINE:
            return services.submit_online(actor=request.user, intake=intake)
        return services.receive_at_desk(actor=request.user, intake=intake, channel=payload.channel)

    if not idempotency_key:
        return HttpStatus(201, _created(request, create()))
    key = {"key": idempotency_key, "client": f"user:{request.user.pk}", "body_hash": hashlib.sha256(
        json.dumps(payload.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()}
    # A retry is answered from the first use before anything else: re-running the creation could
    # fail for reasons that arose since (procedure retired, role removed) and would waste a code.
    if prior := _first_use(**key):
        return HttpStatus(200, _reload(request, prior))
    try:
        with transaction.atomic():
            d = create()
            IdempotencyKey.objects.create(dossier=d, **key)
    except IntegrityError:  # a concurrent request with the same key committed first; ours rolled back
        if prior := _first_use(**key):
            return HttpStatus(200, _reload(request, prior))
        raise Conflict("Không tạo được hồ sơ, xin thử lại.", code="xung_dot_tam_thoi") from None
    return HttpStatus(201, _created(request, d))


def _first_use(key: str, client: str, body_hash: str) -> Dossier | None:
    prior = IdempotencyKey.objects.select_related("dossier").filter(key=key, client=client).first()
    if prior is not None and prior.body_hash != body_hash:
        raise Conflict("Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.", code="khoa_idempotency_da_dung")
    return prior.dossier if prior else None


class ListQuery(Schema):
    status: list[int] | None = Field(None, description="Lọc theo mã trạng thái (1–10), có thể lặp lại")
    procedure: str | None = None
    org: str | None = Field(None, description="Mã định danh đơn vị")
    due_within_days: int | None = Field(None, ge=0, le=365)
    late: bool | None = None
    q: str | None = Field(None, max_length=100)
    sort: str = Field("due", pattern="^-?(due|received|code)$")
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


@router.get("/dossiers", response={200: DossierPage, **ERRORS}, summary="Danh sách hồ sơ của đơn vị")
def list_dossiers(request, query: Query[ListQuery]):
    org_id = None
    if query.org:
        org_id = Organisation.objects.filter(code=query.org).values_list("id", flat=True).first()
        if org_id is None:
            raise NotFound(f"Không có đơn vị mã “{query.org}”.", code="don_vi_khong_ton_tai")
    qs = selectors.inbox(request.user, selectors.InboxFilters(
        status=query.status, procedure=query.procedure, org_id=org_id, due_within_days=query.due_within_days,
        late=query.late, q=query.q, sort=query.sort,
    ))
    start = (query.page - 1) * query.page_size
    rows = list(qs[start:start + query.page_size])
    return {"count": qs.count(), "page": query.page, "page_size": query.page_size, "items": [_row(d) for d in rows]}


@router.get("/dossiers/{code}", response={200: DossierOut, **ERRORS}, summary="Chi tiết hồ sơ")
def get_dossier(request, code: str):
    return _detail(request, selectors.dossier_for(request.user, code))


# ------------------------------------------------------------------ actions

class ReasonIn(Schema):
    reason: str = Field("", max_length=4000)


class HandOverIn(Schema):
    to_org_code: str | None = None
    note: str = Field("", max_length=500)


class SupplementIn(Schema):
    items: list[str] = Field(min_length=1, max_length=50)
    reason: str = Field("", max_length=4000)
    override_reason: str = Field("", max_length=4000)


class PaymentRequestIn(Schema):
    amount: int = Field(gt=0)
    description: str = Field(min_length=1, max_length=300)


class PaymentIn(Schema):
    online: bool = False


class ReturnIn(Schema):
    method: ReturnMethod = ReturnMethod.DESK


class ApologyIn(Schema):
    reason: str = Field("", max_length=4000)
    new_due_at: LocalDateTime


def _id(request, code: str) -> int:
    return selectors.dossier_for(request.user, code, purpose="thao_tac").id


@router.post("/dossiers/{code}/receive", response={200: DossierOut, **ERRORS}, summary="Tiếp nhận hồ sơ trực tuyến")
def receive(request, code: str):
    return _reload(request, services.receive(actor=request.user, dossier_id=_id(request, code)))


@router.post("/dossiers/{code}/refuse", response={200: DossierOut, **ERRORS}, summary="Từ chối tiếp nhận (mẫu 03)")
def refuse(request, code: str, payload: ReasonIn):
    return _reload(request, services.refuse(actor=request.user, dossier_id=_id(request, code), reason=payload.reason))


@router.post("/dossiers/{code}/hand-over", response={200: DossierOut, **ERRORS}, summary="Chuyển bước xử lý (mẫu 06)")
def hand_over(request, code: str, payload: HandOverIn):
    to_org_id = None
    if payload.to_org_code:
        to_org_id = Organisation.objects.filter(code=payload.to_org_code).values_list("id", flat=True).first()
        if to_org_id is None:
            raise NotFound(f"Không có cơ quan mã “{payload.to_org_code}”.", code="co_quan_khong_ton_tai")
    return _reload(request, services.hand_over(actor=request.user, dossier_id=_id(request, code),
                                               to_org_id=to_org_id, note=payload.note))


@router.post("/dossiers/{code}/request-supplement", response={200: DossierOut, **ERRORS},
             summary="Yêu cầu bổ sung (mẫu 02)")
def request_supplement(request, code: str, payload: SupplementIn):
    return _reload(request, services.request_supplement(
        actor=request.user, dossier_id=_id(request, code), items=payload.items, reason=payload.reason,
        override_reason=payload.override_reason))


@router.post("/dossiers/{code}/receive-supplement", response={200: DossierOut, **ERRORS}, summary="Nhận hồ sơ bổ sung")
def receive_supplement(request, code: str):
    return _reload(request, services.receive_supplement(actor=request.user, dossier_id=_id(request, code)))


@router.post("/dossiers/{code}/request-payment", response={200: DossierOut, **ERRORS},
             summary="Yêu cầu thực hiện nghĩa vụ tài chính")
def request_payment(request, code: str, payload: PaymentRequestIn):
    return _reload(request, services.request_payment(actor=request.user, dossier_id=_id(request, code),
                                                     amount=payload.amount, description=payload.description))


@router.post("/dossiers/{code}/record-payment", response={200: DossierOut, **ERRORS},
             summary="Ghi nhận đã thực hiện nghĩa vụ tài chính")
def record_payment(request, code: str, payload: PaymentIn):
    return _reload(request, services.record_payment(actor=request.user, dossier_id=_id(request, code),
                                                    online=payload.online))


@router.post("/dossiers/{code}/withdraw", response={200: DossierOut, **ERRORS}, summary="Rút hồ sơ")
def withdraw(request, code: str, payload: ReasonIn):
    return _reload(request, services.withdraw(actor=request.user, dossier_id=_id(request, code), reason=payload.reason))


@router.post("/dossiers/{code}/stop", response={200: DossierOut, **ERRORS}, summary="Dừng xử lý (mẫu 05)")
def stop(request, code: str, payload: ReasonIn):
    return _reload(request, services.stop(actor=request.user, dossier_id=_id(request, code), reason=payload.reason))


@router.post("/dossiers/{code}/finish", response={200: DossierOut, **ERRORS}, summary="Hoàn thành xử lý")
def finish(request, code: str):
    return _reload(request, services.finish(actor=request.user, dossier_id=_id(request, code)))


@router.post("/dossiers/{code}/return-result", response={200: DossierOut, **ERRORS}, summary="Trả kết quả")
def return_result(request, code: str, payload: ReturnIn):
    return _reload(request, services.return_result(actor=request.user, dossier_id=_id(request, code),
                                                   method=payload.method))


@router.post("/dossiers/{code}/apologise", response={200: DossierOut, **ERRORS}, summary="Xin lỗi và hẹn lại (mẫu 04)")
def apologise(request, code: str, payload: ApologyIn):
    return _reload(request, services.apologise(actor=request.user, dossier_id=_id(request, code),
                                               reason=payload.reason, new_due_at=payload.new_due_at))
