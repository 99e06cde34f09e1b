"""Every write on feedback: one transaction, permission check, stage history with its deadline.

Timers (selectors.timers(), data) run in working days on the province calendar from receipt;
after more information arrives the answer period runs again from that day, because the
competent body cannot process what it does not have yet (Nghị định 20/2008, art. 14).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import translation

from cchc.calendar.rules import CalendarDataMissing, Unit
from cchc.calendar.service import get_calendar
from cchc.core import clock
from cchc.core.errors import (
    CalendarNotReady,
    Conflict,
    DomainError,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    TransitionNotAllowed,
    ValidationFailed,
)
from cchc.org.models import Role
from cchc.org.selectors import memberships, org_by_code, roles_of

from . import rules, selectors
from .events import emit_after_commit
from .models import OFFICIAL_CHANNELS, Category, Channel, Feedback, Rating, Stage


class TooManySubmissions(DomainError):
    code = "gui_qua_nhieu"
    status = 429
    message = "Bạn đã gửi quá nhiều phản ánh; vui lòng thử lại sau."


RECEIVING_ROLES = selectors.RECEIVING_ROLES


@dataclass
class Sender:
    name: str
    phone: str = ""
    email: str = ""


def now() -> datetime:
    return clock.now()


def per_hour_limit() -> int:
    return int(getattr(settings, "CCHC_FEEDBACK_PER_HOUR", 5))


def _digest(kind: str, value: str) -> str:
    if not value:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _due(at: datetime, stage: str) -> datetime:
    try:
        return get_calendar().due(at, selectors.timers()[stage], Unit.WORKING_DAYS, None)
    except CalendarDataMissing as e:
        raise CalendarNotReady(str(e), details={"year": e.year}) from None


def _text(value: str, field: str, *, label: str, limit: int = rules.MAX_TEXT) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(f"{label} không được để trống.", details={"field": field}, code="noi_dung_trong")
    if len(value) > limit:
        raise ValidationFailed(f"{label} dài quá {limit:,} ký tự.".replace(",", "."),
                               details={"field": field, "limit": limit, "length": len(value)},
                               code="noi_dung_qua_dai")
    return value


def _is_official(actor) -> bool:
    return bool(actor and actor.is_authenticated and memberships(actor))


def can_enter(actor) -> bool:
    """May enter feedback received by phone, letter, hotline or at the desk: the receiving roles."""
    return bool(actor and actor.is_authenticated and any(r in RECEIVING_ROLES for _, r in memberships(actor)))


# ---------------------------------------------------------------- intake


def submit(*, actor, channel: str, content: str, sender: Sender, title: str = "", consent_publish: bool = False,
           category: str = "", procedure_code: str = "", dossier_code: str = "",
           source_ip: str = "") -> tuple[Feedback, str]:
    """Receive feedback; returns it with the sender's access key (shown once, to follow and rate it)."""
    if channel not in Channel.values:
        raise ValidationFailed("Kênh tiếp nhận không hợp lệ.", details={"field": "channel"}, code="kenh_khong_hop_le")
    official_entry = channel in OFFICIAL_CHANNELS
    if official_entry and not can_enter(actor):
        raise PermissionDenied("Chỉ cán bộ tiếp nhận mới được nhập phản ánh qua điện thoại, thư, đường dây nóng.")
    content = _text(content, "content", label="Nội dung phản ánh")
    title = (title or "").strip()[:200]
    name = _text(sender.name, "sender_name", label="Họ tên người phản ánh", limit=200)
    phone = "".join(ch for ch in sender.phone or "" if ch.isdigit() or ch == "+")
    if not official_entry and not (phone or sender.email):
        raise ValidationFailed("Cần số điện thoại hoặc thư điện tử để nhận trả lời.",
                               details={"field": "sender_phone"}, code="thieu_thong_tin_lien_he")
    if category and category not in Category.values:
        raise ValidationFailed("Phân loại không hợp lệ.", details={"field": "category"}, code="phan_loai_khong_hop_le")
    _check_links(procedure_code, dossier_code)
    at = now()
    ip_d, phone_d = _digest("ip", source_ip), _digest("phone", phone)
    key = secrets.token_urlsafe(16)
    with transaction.atomic():
        if not official_entry:
            _throttle(ip_d, phone_d, at)
        fb = Feedback.objects.create(
            channel=channel, category=category, procedure_code=procedure_code, dossier_code=dossier_code,
            title=title, content=content, sender_name=name, sender_phone=phone, sender_email=sender.email or "",
            sender=actor if actor and actor.is_authenticated and not official_entry else None,
            entered_by=actor if official_entry else None, consent_publish=consent_publish,
            key_digest=hashlib.sha256(key.encode()).hexdigest(), source_digest=ip_d, phone_digest=phone_d,
            received_at=at, refuse_due_at=_due(at, "refuse"), info_due_at=_due(at, "request_info"),
            answer_due_at=_due(at, "answer"),
        )
        fb.code = f"PAKN-{at:%Y}-{fb.id:06d}"
        fb.save(update_fields=["code"])
        _stage(fb, "submit", actor if official_entry else None, at, note=_recorded(Channel(channel).label))
    emit_after_commit("submit", fb.id, actor.pk if official_entry else None)
    return fb, key


def _throttle(ip_d: str, phone_d: str, at: datetime) -> None:
    """At most N submissions per hour from one IP address or one phone number (counted in the
    database, so every web process sees the same count)."""
    since = at - timedelta(hours=1)
    recent = Feedback.objects.filter(received_at__gt=since)
    limit = per_hour_limit()
    for field, value in (("source_digest", ip_d), ("phone_digest", phone_d)):
        if value and recent.filter(**{field: value}).count() >= limit:
            raise TooManySubmissions(f"Bạn đã gửi quá {limit} phản ánh trong một giờ; vui lòng thử lại sau.",
                                     details={"limit": limit, "window": "1h"})


def _check_links(procedure_code: str, dossier_code: str) -> None:
    from cchc.catalog.models import Procedure
    from cchc.dossiers.models import Dossier
    if procedure_code and not Procedure.objects.filter(code=procedure_code).exists():
        raise NotFound(f"Không có thủ tục mã “{procedure_code}”.", details={"field": "procedure_code"},
                       code="thu_tuc_khong_ton_tai")
    if dossier_code and not Dossier.objects.filter(code=dossier_code).exists():
        raise NotFound(f"Không có hồ sơ mã “{dossier_code}”.", details={"field": "dossier_code"},
                       code="ho_so_khong_ton_tai")


# ---------------------------------------------------------------- handling


class _Action:
    """Lock the feedback, check the actor and the transition; on exit save and record the stage."""

    def __init__(self, actor, feedback_id: int, action: str, *, reason: str | None = None):
        self.actor, self.feedback_id, self.action, self.reason = actor, feedback_id, action, reason

    def __enter__(self) -> Feedback:
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        try:
            return self._open()
        except BaseException as e:
            self.atomic.__exit__(type(e), e, e.__traceback__)
            raise

    def _open(self) -> Feedback:
        fb = Feedback.objects.select_for_update().filter(pk=self.feedback_id).first()
        if fb is None:
            raise NotFound("Không tìm thấy phản ánh.", code="phan_anh_khong_ton_tai")
        _authorise(self.actor, fb)
        if not rules.allowed(self.action, fb.state):
            t = rules.TRANSITIONS[self.action]
            raise TransitionNotAllowed(f"Không thể “{t.label.lower()}” khi phản ánh ở trạng thái “{fb.state_label}”.",
                                       details={"state": fb.state, "action": self.action})
        if self.reason is not None and not self.reason.strip():
            raise ReasonRequired(details={"field": "reason"})
        self.fb, self.at = fb, now()
        self.note = (self.reason or "").strip()
        return fb

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                fb = self.fb
                target = rules.TRANSITIONS[self.action].target
                if target:
                    fb.state = target
                due = getattr(fb, "_stage_due", None)
                on_time = None if due is None else self.at <= due
                if on_time is not None and self.action in HANDLING_STAGES:
                    # handled on time = refusal, first information request and answer each in time
                    if not on_time:
                        fb.is_late = True
                    elif self.action in ("refuse", "answer") and fb.is_late is None:
                        fb.is_late = False
                fb.save()
                _stage(fb, self.action, self.actor, self.at, note=self.note, due=due, on_time=on_time)
        finally:
            self.atomic.__exit__(exc_type, exc, tb)
        if exc_type is None:
            emit_after_commit(self.action, self.fb.id, getattr(self.actor, "pk", None))
        return False


HANDLING_STAGES = ("refuse", "request_info", "answer")


def _authorise(actor, fb: Feedback) -> None:
    if not _is_official(actor):
        raise PermissionDenied("Chỉ cán bộ có thẩm quyền mới được xử lý phản ánh.")
    if any(r == Role.ADMIN for _, r in memberships(actor)):
        return
    if fb.org_id is None:
        if not any(r in RECEIVING_ROLES for _, r in memberships(actor)):
            raise PermissionDenied("Chỉ cán bộ tiếp nhận mới được phân loại, chuyển phản ánh chưa giao.")
    elif not roles_of(actor, fb.org_id):
        raise PermissionDenied("Phản ánh không thuộc cơ quan của bạn.", code="ngoai_pham_vi_don_vi")


def _recorded(label) -> str:
    """A name written into the history: the record stays in Vietnamese whatever the screen's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


def _stage(fb, action, actor, at, *, note="", due=None, on_time=None) -> None:
    Stage.objects.create(feedback=fb, action=action, state=fb.state, at=at,
                         actor=actor if actor and actor.is_authenticated else None, org_id=fb.org_id,
                         note=note, due_at=due, on_time=on_time)


def classify(*, actor, feedback_id: int, category: str, procedure_code: str = "",
             dossier_code: str = "") -> Feedback:
    if category not in Category.values:
        raise ValidationFailed("Phân loại phải là quy định hành chính, hành vi của cán bộ hoặc khác.",
                               details={"field": "category", "allowed": Category.values},
                               code="phan_loai_khong_hop_le")
    _check_links(procedure_code, dossier_code)
    with _Action(actor, feedback_id, "classify") as fb:
        fb.category, fb.procedure_code, fb.dossier_code = category, procedure_code, dossier_code
    return fb


def _org(org_code: str):
    org = org_by_code((org_code or "").strip())
    if org is None:
        raise NotFound(f"Không có cơ quan mã “{org_code}”.", details={"field": "org_code"},
                       code="co_quan_khong_ton_tai")
    return org


def assign(*, actor, feedback_id: int, org_code: str, note: str = "") -> Feedback:
    """Give the feedback to the competent organisation (chuyển cơ quan có thẩm quyền)."""
    org = _org(org_code)
    with _Action(actor, feedback_id, "assign") as fb:
        fb.org = org
    return fb


def transfer(*, actor, feedback_id: int, org_code: str, reason: str) -> Feedback:
    """The assigned organisation is not competent: pass it on, saying why."""
    org = _org(org_code)
    with _Action(actor, feedback_id, "transfer", reason=reason) as fb:
        if fb.org_id == org.id:
            raise ValidationFailed("Phản ánh đã ở cơ quan này.", code="cung_co_quan")
        fb.org = org
    return fb


def refuse(*, actor, feedback_id: int, reason: str) -> Feedback:
    """Not feedback on regulations (e.g. a complaint or denunciation): refuse with the reason."""
    with _Action(actor, feedback_id, "refuse", reason=reason) as fb:
        fb.refused_at, fb.refuse_reason = now(), reason.strip()
        _set_due(fb, fb.refuse_due_at)
    return fb


def request_info(*, actor, feedback_id: int, question: str) -> Feedback:
    with _Action(actor, feedback_id, "request_info", reason=question) as fb:
        first = fb.info_requested_at is None
        fb.info_requested_at = now()
        if first:  # only the first request has a legal deadline
            _set_due(fb, fb.info_due_at)
    return fb


def provide_info(*, actor, feedback_id: int, info: str, key: str = "") -> Feedback:
    """The sender (with the access key) or the official who took the call adds the information."""
    info = _text(info, "info", label="Thông tin bổ sung")
    with transaction.atomic():
        fb = Feedback.objects.select_for_update().filter(pk=feedback_id).first()
        if fb is None:
            raise NotFound("Không tìm thấy phản ánh.", code="phan_anh_khong_ton_tai")
        if not _holds_key(fb, key, actor):
            _authorise(actor, fb)
        if not rules.allowed("provide_info", fb.state):
            raise TransitionNotAllowed("Phản ánh không chờ bổ sung thông tin.", details={"state": fb.state})
        at = now()
        fb.content = _text(f"{fb.content}\n\n[Bổ sung {at:%d/%m/%Y}] {info}", "info", label="Nội dung phản ánh",
                           limit=rules.MAX_TEXT * 2)
        fb.info_provided_at, fb.state = at, rules.State.PROCESSING
        fb.answer_due_at = _due(at, "answer")
        fb.save()
        _stage(fb, "provide_info", actor, at, note=info)
    return fb


def process(*, actor, feedback_id: int, note: str = "") -> Feedback:
    with _Action(actor, feedback_id, "process") as fb:
        fb.state = rules.State.PROCESSING
    return fb


def answer(*, actor, feedback_id: int, text: str) -> Feedback:
    text = _text(text, "text", label="Nội dung trả lời")
    with _Action(actor, feedback_id, "answer") as fb:
        if fb.org_id is None:
            raise Conflict("Phản ánh chưa được chuyển cơ quan có thẩm quyền.", code="chua_giao_co_quan")
        fb.answer, fb.answered_at = text, now()
        fb.publish_due_at = _due(fb.answered_at, "publish")
        _set_due(fb, fb.answer_due_at)
    return fb


def publish(*, actor, feedback_id: int) -> Feedback:
    """Publish the answer on the portal; only with the sender's consent, and without personal data."""
    with _Action(actor, feedback_id, "publish") as fb:
        if not fb.consent_publish:
            raise Conflict("Người phản ánh không đồng ý công khai; không được công khai nội dung này.",
                           code="khong_dong_y_cong_khai")
        names = (fb.sender_name, *fb.sender_name.split()[-1:]) if len(fb.sender_name.split()) > 1 else (fb.sender_name,)
        fb.public_title = rules.redact(fb.title, names=names)
        fb.public_content = rules.redact(fb.content, names=names)
        fb.public_answer = rules.redact(fb.answer, names=names)
        fb.published_at = now()
        _set_due(fb, fb.publish_due_at)
        fb.publish_late = fb.published_at > fb.publish_due_at
    return fb


def _set_due(fb: Feedback, due) -> None:
    # the open _Action reads the deadline of this stage through the feedback being saved
    fb._stage_due = due


def _holds_key(fb: Feedback, key: str, actor) -> bool:
    if actor and actor.is_authenticated and fb.sender_id == actor.pk:
        return True
    return bool(key) and hmac.compare_digest(fb.key_digest, hashlib.sha256(key.encode()).hexdigest())


def rate(*, actor, feedback_id: int, rating: str, key: str = "", comment: str = "") -> Feedback:
    """The sender rates the answer (once; a second rating replaces nothing)."""
    if rating not in Rating.values:
        raise ValidationFailed("Mức đánh giá phải là rất hài lòng, hài lòng hoặc không hài lòng.",
                               details={"field": "rating", "allowed": Rating.values}, code="danh_gia_khong_hop_le")
    with transaction.atomic():
        fb = Feedback.objects.select_for_update().filter(pk=feedback_id).first()
        if fb is None or not _holds_key(fb, key, actor):
            raise PermissionDenied("Chỉ người gửi phản ánh mới được đánh giá câu trả lời.", code="khong_phai_nguoi_gui")
        if fb.answered_at is None:
            raise Conflict("Phản ánh chưa được trả lời.", code="chua_tra_loi")
        if fb.rating:
            raise Conflict("Bạn đã đánh giá câu trả lời này.", code="da_danh_gia")
        fb.rating, fb.rated_at, fb.rating_comment = rating, now(), (comment or "").strip()[:1000]
        fb.save(update_fields=["rating", "rated_at", "rating_comment"])
        _stage(fb, "rate", actor, fb.rated_at, note=_recorded(Rating(rating).label))
    return fb


def by_code(code: str) -> Feedback:
    fb = Feedback.objects.filter(code=code).first()
    if fb is None:
        raise NotFound("Không tìm thấy phản ánh.", code="phan_anh_khong_ton_tai")
    return fb


def check_can_view(actor, fb: Feedback) -> None:
    """Officials who may handle it; the sender's details stay with them (Nghị định 13/2023)."""
    _authorise(actor, fb)


# What the back office offers, in the order a handler meets them. "assign" only while no organisation
# holds the feedback: afterwards a change of organisation is a transfer, with its reason recorded.
OFFICE_ACTIONS = ("classify", "assign", "process", "request_info", "provide_info", "answer", "publish",
                  "transfer", "refuse")


def can_handle(actor, fb: Feedback) -> bool:
    try:
        _authorise(actor, fb)
    except DomainError:
        return False
    return True


def actions_for(actor, fb: Feedback) -> list[str]:
    """The actions this official may take on the feedback now (empty when it is not theirs)."""
    if not can_handle(actor, fb):
        return []
    out = []
    for action in OFFICE_ACTIONS:
        if not rules.allowed(action, fb.state):
            continue
        if (action == "assign" and fb.org_id) or (action == "transfer" and not fb.org_id):
            continue
        if action == "publish" and not fb.consent_publish:  # the service would refuse it (409)
            continue
        out.append(action)
    return out


def for_official(actor, code: str, *, purpose: str = "xem_phan_anh") -> Feedback:
    """A feedback the official may handle, with the sender's data: the view is logged (Nghị định 13/2023)."""
    from .models import SenderDataAccess
    fb = Feedback.objects.select_related("org").filter(code=code).first()
    if fb is None:
        raise NotFound("Không tìm thấy phản ánh.", code="phan_anh_khong_ton_tai")
    _authorise(actor, fb)
    SenderDataAccess.objects.create(feedback=fb, viewer=actor, purpose=purpose)
    return fb
