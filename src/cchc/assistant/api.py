"""REST endpoint of the assistant, mounted under /api/v1/ (public, rate-limited per address)."""
from __future__ import annotations

from dataclasses import asdict

from ninja import Field, Router, Schema

from cchc.api.errors import responses

from . import selectors

router = Router(tags=["Trợ lý"])


class AskIn(Schema):
    question: str = Field(description="Câu hỏi bằng tiếng Việt, có dấu hoặc không dấu (tối đa 500 ký tự)")
    level: str | None = Field(None, description="Thu hẹp theo cấp: `commune`, `province`, `central`")
    place: str | None = Field(None, description="Mã xã, phường, đặc khu nơi nộp (để chỉ đúng nơi đến)")


class SuggestionOut(Schema):
    code: str
    name: str
    level: str
    level_label: str
    url: str = Field(description="Trang của thủ tục trên Cổng dịch vụ công")
    matched_words: list[str] = Field(description="Các từ của thủ tục có trong câu hỏi")
    similar_to: str | None = Field(description="Cách gọi thông dụng của thủ tục gần nhất với câu hỏi (từ khóa tìm "
                                               "kiếm), hoặc tên thủ tục khi tìm theo nghĩa")
    score: float


class DetailOut(Schema):
    code: str
    name: str
    level_label: str
    result: str
    components: list[dict] = Field(description="Giấy tờ cần mang: name, form, quantity, required")
    fees: list[dict] = Field(description="Phí, lệ phí: name, kind, amount (đồng), text, note")
    time_limit: str
    where: str
    address: str
    online: str
    online_url: str = Field(description="Trang nộp hồ sơ trực tuyến trên Cổng; rỗng khi thủ tục chưa nộp trực tuyến")
    url: str = Field(description="Trang của thủ tục trên Cổng dịch vụ công")


class FollowUpOut(Schema):
    kind: str = Field(description="`level` hoặc `place`")
    question: str
    options: list[dict] = Field(description="value, label")


class AnswerOut(Schema):
    outcome: str = Field(description="`answer`, `no_match` (không có thủ tục phù hợp) hoặc `not_vietnamese`")
    message: str
    question: str
    suggestions: list[SuggestionOut]
    detail: DetailOut | None
    follow_ups: list[FollowUpOut]
    browse_url: str = Field(description="Danh mục thủ tục trên Cổng, để tự tìm")
    fields: list[dict] = Field(description="Các lĩnh vực để duyệt danh mục khi không tìm thấy: name, url")


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@router.post("/assistant/ask", response={200: AnswerOut, **responses(422, 429)}, auth=None,
             summary="Hỏi trợ lý: tìm thủ tục từ câu hỏi tiếng Việt")
def ask(request, payload: AskIn):
    """Trả về các thủ tục phù hợp (kèm lý do), chi tiết thủ tục đầu tiên (giấy tờ, phí, thời hạn,
    nơi nộp, đường dẫn nộp trực tuyến) và câu hỏi gợi ý để thu hẹp khi câu hỏi còn mơ hồ."""
    selectors.check_rate(client_address(request))
    return asdict(selectors.ask(payload.question, level=payload.level or None, place=payload.place or None))
