"""Reads of the assistant: from a question to an answer (procedures, why, what to bring, where)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from cchc.catalog.models import Level, OnlineLevel, TimeUnit
from cchc.catalog.selectors import published_versions, version_by_id
from cchc.core.errors import DomainError, ValidationFailed
from cchc.org.models import Organisation, OrgKind

from . import search
from .text import MAX_QUESTION_CHARS, looks_vietnamese, same_procedure_other_level

SUGGESTIONS = 3


class QuestionEmpty(ValidationFailed):
    code = "cau_hoi_trong"
    message = "Xin nhập câu hỏi, ví dụ: “làm giấy khai sinh cho con”."


class QuestionTooLong(ValidationFailed):
    code = "cau_hoi_qua_dai"
    message = f"Câu hỏi dài quá {MAX_QUESTION_CHARS} ký tự. Xin hỏi ngắn gọn việc bạn cần làm."


class TooManyQuestions(DomainError):
    code = "hoi_qua_nhieu"
    status = 429
    message = "Bạn hỏi nhanh quá. Xin chờ một phút rồi hỏi tiếp."


def check_rate(client: str) -> None:
    """A simple fixed window per client address (``CCHC_ASSISTANT_RATE_PER_MINUTE``, default 30)."""
    limit = int(getattr(settings, "CCHC_ASSISTANT_RATE_PER_MINUTE", 30))
    key = f"assistant-rate:{client}"
    cache.add(key, 0, timeout=60)
    try:
        n = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        n = 1
    if n > limit:
        raise TooManyQuestions(details={"limit_per_minute": limit})


@dataclass
class Suggestion:
    code: str
    name: str
    level: str
    level_label: str
    url: str                     # the procedure's page on the portal
    matched_words: list[str]     # the catalogue's words found in the question
    similar_to: str | None       # the phrase the meaning of the question is close to
    score: float


@dataclass
class Detail:
    code: str
    name: str
    level_label: str
    result: str
    components: list[dict]
    fees: list[dict]
    time_limit: str
    where: str
    address: str
    online: str
    online_url: str              # the portal's online submission, "" when the procedure is not offered online
    url: str                     # the procedure's page on the portal


@dataclass
class FollowUp:
    kind: str        # "level" or "place"
    question: str
    options: list[dict]


@dataclass
class Answer:
    outcome: str     # "answer", "no_match", "not_vietnamese"
    message: str
    question: str
    suggestions: list[Suggestion] = field(default_factory=list)
    detail: Detail | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)
    browse_url: str = field(default_factory=lambda: reverse("portal:procedures"))
    fields: list[dict] = field(default_factory=list)


def validate(question: str | None) -> str:
    q = " ".join((question or "").split())
    if not q:
        raise QuestionEmpty()
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionTooLong(details={"max_chars": MAX_QUESTION_CHARS, "chars": len(q)})
    return q


PLACES_SECONDS = 60.0  # how stale the communes offered may be in other processes (organisations rarely change)
_places: dict = {}


@receiver([post_save, post_delete], sender=Organisation, dispatch_uid="assistant_forget_places")
def forget_places(**kwargs) -> None:
    _places.clear()


def commune_options() -> list[dict]:
    """The communes to choose from ({value: code, label: name}), cached per process.

    Asked on every commune answer; reading and building 60-odd organisations each time cost
    more than the rest of the answer without the model (≈ 10 ms of 19 on a busy machine).
    """
    hit = _places.get("communes")
    if hit is None or time.monotonic() - hit[0] > PLACES_SECONDS:
        options = [{"value": code, "label": name} for code, name in Organisation.objects.filter(
            kind=OrgKind.COMMUNE, successor__isnull=True).order_by("name").values_list("code", "name")]
        hit = _places["communes"] = (time.monotonic(), options)
    return hit[1]


def ask(question: str | None, *, level: str | None = None, place: str | None = None) -> Answer:
    q = validate(question)
    if level and level not in Level.values:
        raise ValidationFailed("Cấp thực hiện không hợp lệ (dùng: province, commune, central).",
                               details={"level": level}, code="cap_khong_hop_le")
    place_org = None
    if place:
        place_org = Organisation.objects.filter(code=place, kind=OrgKind.COMMUNE).first()
        if place_org is None:
            raise ValidationFailed(f"Không có xã, phường, đặc khu mã “{place}”.", details={"place": place},
                                   code="noi_khong_ton_tai")
    if not looks_vietnamese(q):
        return Answer("not_vietnamese", "Trợ lý chỉ trả lời câu hỏi bằng tiếng Việt. Xin hỏi lại bằng tiếng "
                      "Việt, ví dụ: “đăng ký khai sinh cho con”. (The assistant answers questions in "
                      "Vietnamese only.)", q)
    index = search.current()
    ranking = search.rank(q, level=level, limit=SUGGESTIONS, index=index)
    if not ranking.confident:
        return Answer("no_match", "Chưa tìm thấy thủ tục nào khớp với câu hỏi. Bạn có thể hỏi lại bằng cách "
                      "kể việc cần làm (ví dụ: “xin cấp lại sổ đỏ bị mất”) hoặc xem danh mục thủ tục theo "
                      "lĩnh vực.", q, fields=browse_fields())
    suggestions = [Suggestion(
        code=index.codes[h.position], name=index.names[h.position], level=index.levels[h.position],
        level_label=Level(index.levels[h.position]).label, url=procedure_url(index.codes[h.position]),
        matched_words=search.explain_words(h, index, ranking.query),
        similar_to=h.similar, score=round(h.score, 5),
    ) for h in ranking.hits]
    answer = Answer("answer", "Các thủ tục phù hợp nhất với câu hỏi của bạn:", q, suggestions,
                    detail=detail(ranking.hits[0].version_id, place_org))
    close_levels = {s.level for s in suggestions if same_procedure_other_level(s.name, suggestions[0].name)}
    if not level and len(close_levels) > 1:
        answer.follow_ups.append(FollowUp("level", "Bạn cần làm thủ tục ở cấp nào?", [
            {"value": lv, "label": Level(lv).label} for lv in Level.values if lv in close_levels]))
    if suggestions[0].level == Level.COMMUNE and place_org is None:
        answer.follow_ups.append(FollowUp("place", "Bạn ở xã, phường, đặc khu nào? (để chỉ đúng nơi nộp)", [
            dict(o) for o in commune_options()]))
    return answer


def _money(amount: int) -> str:
    return "Miễn phí" if amount == 0 else f"{amount:,}".replace(",", ".") + " đồng"


def detail(version_id: int, place: Organisation | None = None) -> Detail:
    v = version_by_id(version_id)
    if v.level == Level.COMMUNE:
        if place:
            where, address = f"Bộ phận Một cửa — {place.name}", place.address
        else:
            where, address = ("Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của xã, phường, đặc khu; "
                              "nên nộp nơi bạn cư trú"), ""
    else:
        centre = Organisation.objects.filter(kind=OrgKind.CENTRE, successor__isnull=True).first()
        org = Organisation.objects.filter(pk=v.competent_org_id).first()
        where = (f"{org.name} giải quyết; " if org else "") + (
            f"nộp hồ sơ tại {centre.name}" if centre else "nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh")
        address = centre.address if centre else (org.address if org else "")
    return Detail(
        code=v.procedure.code, name=v.name, level_label=Level(v.level).label, result=v.result_type,
        components=[{"name": c.name, "form": c.get_form_display(), "quantity": c.quantity, "required": c.required}
                    for c in v.components.all()],
        fees=[{"name": f.name, "kind": f.get_kind_display(), "amount": f.amount, "text": _money(f.amount),
               "note": f.note} for f in v.fees.all()],
        time_limit=f"{v.processing_amount} {TimeUnit(v.processing_unit).label}",
        where=where, address=address, online=OnlineLevel(v.online_level).label,
        online_url="" if v.online_level == OnlineLevel.NONE else reverse("portal:submit", args=[v.procedure.code]),
        url=procedure_url(v.procedure.code),
    )


def procedure_url(code: str) -> str:
    return reverse("portal:procedure", args=[code])


def browse_fields() -> list[dict]:
    """The fields (lĩnh vực) of the catalogue in force, to browse instead of a wrong answer."""
    names = sorted(set(published_versions().values_list("field", flat=True)))
    browse = reverse("portal:procedures")
    return [{"name": n, "url": f"{browse}?{urlencode({'field': n})}"} for n in names]
