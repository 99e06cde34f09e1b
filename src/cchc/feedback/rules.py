"""Pure rules of feedback (phản ánh, kiến nghị — Nghị định 20/2008): states, transitions, and the
removal of personal data before an answer is published. No Django here."""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT = 5000  # characters of a feedback's content; longer text is refused, not cut


class State:
    RECEIVED = "received"          # tiếp nhận, chưa phân loại / chưa chuyển
    ASSIGNED = "assigned"          # đã chuyển cơ quan có thẩm quyền
    INFO_REQUESTED = "info_requested"  # đề nghị bổ sung thông tin
    PROCESSING = "processing"      # đang xử lý
    ANSWERED = "answered"          # đã trả lời
    PUBLISHED = "published"        # đã công khai
    REFUSED = "refused"            # từ chối tiếp nhận

    LABELS = {
        "received": "Đã tiếp nhận", "assigned": "Đã chuyển cơ quan có thẩm quyền",
        "info_requested": "Đề nghị bổ sung thông tin", "processing": "Đang xử lý", "answered": "Đã trả lời",
        "published": "Đã công khai", "refused": "Từ chối tiếp nhận",
    }


@dataclass(frozen=True)
class Transition:
    label: str
    sources: frozenset[str]
    target: str | None  # None: the state stays


_OPEN = frozenset({State.RECEIVED, State.ASSIGNED, State.INFO_REQUESTED, State.PROCESSING})
TRANSITIONS: dict[str, Transition] = {
    "classify": Transition("Phân loại", _OPEN, None),
    "assign": Transition("Chuyển cơ quan có thẩm quyền", frozenset({State.RECEIVED, State.ASSIGNED}), State.ASSIGNED),
    "transfer": Transition("Chuyển tiếp cơ quan khác", frozenset({State.ASSIGNED, State.PROCESSING}), State.ASSIGNED),
    "refuse": Transition("Từ chối tiếp nhận", frozenset({State.RECEIVED, State.ASSIGNED}), State.REFUSED),
    "request_info": Transition("Đề nghị bổ sung thông tin", frozenset({State.ASSIGNED, State.PROCESSING}),
                               State.INFO_REQUESTED),
    "provide_info": Transition("Bổ sung thông tin", frozenset({State.INFO_REQUESTED}), State.PROCESSING),
    "process": Transition("Xử lý", frozenset({State.ASSIGNED, State.PROCESSING}), State.PROCESSING),
    "answer": Transition("Trả lời", frozenset({State.ASSIGNED, State.PROCESSING}), State.ANSWERED),
    "publish": Transition("Công khai", frozenset({State.ANSWERED}), State.PUBLISHED),
}


def allowed(action: str, state: str) -> bool:
    return state in TRANSITIONS[action].sources


# Personal data that may appear in free text (Nghị định 13/2023): e-mail, phone numbers, identity
# numbers (9/12 digits), and the sender's own name where it is written out.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_NUMBER = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){8,10}(?!\d)|(?<!\d)\d{9}(?!\d)|(?<!\d)\d{12}(?!\d)")
HIDDEN = "[đã ẩn]"


def redact(text: str, *, names: tuple[str, ...] = ()) -> str:
    """Text fit to publish: e-mail addresses, phone and identity numbers and the given names hidden."""
    out = _EMAIL.sub(HIDDEN, text or "")
    out = _NUMBER.sub(HIDDEN, out)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", HIDDEN, out, flags=re.IGNORECASE)
    return out
