"""Feedback API: submit (anyone), public search of published answers, one endpoint per official action."""
from __future__ import annotations

from datetime import datetime

from ninja import Field, Query, Router, Schema
from ninja import Status as HttpStatus  # an HTTP status with its body

from cchc.api.auth import SessionAuth, TokenAuth, token_or_session
from cchc.api.errors import responses

from . import selectors, services
from .models import Category, Channel, Feedback, Rating

router = Router(tags=["Phản ánh, kiến nghị"])
ERRORS = responses(400, 401, 403, 404, 409, 422)


def _anyone(request):
    return True  # public operation; a token or session, when sent, still identifies the user


optional_auth = [TokenAuth(), SessionAuth(), _anyone]


class FeedbackIn(Schema):
    content: str = Field(description="Nội dung phản ánh (tối đa 5.000 ký tự)")
    title: str = Field("", max_length=200)
    sender_name: str = Field(max_length=200)
    sender_phone: str = Field("", max_length=20, pattern=r"^[0-9+ .]*$")
    sender_email: str = Field("", max_length=254)
    consent_publish: bool = Field(False, description="Đồng ý công khai nội dung và trả lời (đã ẩn thông tin cá nhân)")
    channel: Channel = Field(Channel.API, description="portal/api; phone, letter, hotline, desk: cán bộ nhập")
    category: Category | None = None
    procedure_code: str = Field("", max_length=64)
    dossier_code: str = Field("", max_length=64)


class Submitted(Schema):
    code: str
    key: str = Field(description="Khóa tra cứu, bổ sung và đánh giá; chỉ trả về một lần")
    state: str
    answer_due_at: datetime


class FeedbackOut(Schema):
    code: str
    state: str
    state_label: str
    category: str
    procedure_code: str
    org_code: str | None
    received_at: datetime
    answer_due_at: datetime | None
    answered_at: datetime | None
    is_late: bool | None

    @staticmethod
    def resolve_org_code(obj: Feedback):
        return obj.org.code if obj.org_id else None


class PublishedOut(Schema):
    code: str
    title: str = Field(alias="public_title")
    content: str = Field(alias="public_content")
    answer: str = Field(alias="public_answer")
    category: str
    procedure_code: str
    received_at: datetime
    answered_at: datetime | None
    published_at: datetime | None


class PublishedPage(Schema):
    count: int
    items: list[PublishedOut]


class ClassifyIn(Schema):
    category: Category
    procedure_code: str = Field("", max_length=64)
    dossier_code: str = Field("", max_length=64)


class OrgIn(Schema):
    org_code: str = Field(max_length=40)
    reason: str = Field("", max_length=2000)


class ReasonIn(Schema):
    reason: str = Field(max_length=2000)


class TextIn(Schema):
    text: str


class InfoIn(Schema):
    info: str
    key: str = Field("", max_length=64)


class RateIn(Schema):
    rating: Rating
    key: str = Field("", max_length=64)
    comment: str = Field("", max_length=1000)


def _user(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@router.post("/feedback", response={201: Submitted, **ERRORS, **responses(429)}, auth=optional_auth,
             summary="Gửi phản ánh, kiến nghị")
def submit(request, payload: FeedbackIn):
    fb, key = services.submit(
        actor=_user(request), channel=payload.channel, content=payload.content, title=payload.title,
        sender=services.Sender(payload.sender_name, payload.sender_phone, payload.sender_email),
        consent_publish=payload.consent_publish, category=payload.category or "",
        procedure_code=payload.procedure_code, dossier_code=payload.dossier_code,
        source_ip=request.META.get("REMOTE_ADDR", ""))
    return HttpStatus(201, {"code": fb.code, "key": key, "state": fb.state, "answer_due_at": fb.answer_due_at})


@router.get("/feedback/published", response={200: PublishedPage, **responses(422)}, auth=None,
            summary="Tra cứu phản ánh, kiến nghị đã công khai trả lời")
def published(request, q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=100),
              offset: int = Query(0, ge=0)):
    qs = selectors.published(q)
    return {"count": qs.count(), "items": list(qs[offset:offset + limit])}


@router.get("/feedback/{code}", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
            summary="Tình trạng xử lý phản ánh (cán bộ)")
def detail(request, code: str):
    fb = services.by_code(code)
    services.check_can_view(request.user, fb)
    return fb


def _act(fn, code: str, request, **kw):
    return fn(actor=_user(request), feedback_id=services.by_code(code).id, **kw)


@router.post("/feedback/{code}/classify", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Phân loại phản ánh")
def classify(request, code: str, payload: ClassifyIn):
    return _act(services.classify, code, request, category=payload.category, procedure_code=payload.procedure_code,
                dossier_code=payload.dossier_code)


@router.post("/feedback/{code}/assign", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Chuyển cơ quan có thẩm quyền")
def assign(request, code: str, payload: OrgIn):
    return _act(services.assign, code, request, org_code=payload.org_code)


@router.post("/feedback/{code}/transfer", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Chuyển tiếp sang cơ quan khác (ghi lý do)")
def transfer(request, code: str, payload: OrgIn):
    return _act(services.transfer, code, request, org_code=payload.org_code, reason=payload.reason)


@router.post("/feedback/{code}/refuse", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Từ chối tiếp nhận (ghi lý do)")
def refuse(request, code: str, payload: ReasonIn):
    return _act(services.refuse, code, request, reason=payload.reason)


@router.post("/feedback/{code}/request-info", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Đề nghị bổ sung thông tin")
def request_info(request, code: str, payload: ReasonIn):
    return _act(services.request_info, code, request, question=payload.reason)


@router.post("/feedback/{code}/provide-info", response={200: FeedbackOut, **ERRORS}, auth=optional_auth,
             summary="Bổ sung thông tin (người gửi, với khóa tra cứu)")
def provide_info(request, code: str, payload: InfoIn):
    return _act(services.provide_info, code, request, info=payload.info, key=payload.key)


@router.post("/feedback/{code}/process", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Đưa vào xử lý")
def process(request, code: str):
    return _act(services.process, code, request)


@router.post("/feedback/{code}/answer", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Trả lời phản ánh")
def answer(request, code: str, payload: TextIn):
    return _act(services.answer, code, request, text=payload.text)


@router.post("/feedback/{code}/publish", response={200: FeedbackOut, **ERRORS}, auth=token_or_session,
             summary="Công khai trả lời (cần sự đồng ý của người gửi)")
def publish(request, code: str):
    return _act(services.publish, code, request)


@router.post("/feedback/{code}/rate", response={200: FeedbackOut, **ERRORS}, auth=optional_auth,
             summary="Người gửi đánh giá câu trả lời")
def rate(request, code: str, payload: RateIn):
    return _act(services.rate, code, request, rating=payload.rating, key=payload.key, comment=payload.comment)
