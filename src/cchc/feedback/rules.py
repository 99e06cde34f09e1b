"""Pure rules of feedback (phản ánh, kiến nghị — Nghị định 20/2008): states, transitions, and the
removal of personal data before an answer is published. Of Django only the lazy translation marker:
the names are shown in the active language, the rules never depend on it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

MAX_TEXT = 5000  # characters of a feedback's content; longer text is refused, not cut


class State:
    RECEIVED = "received"          # tiếp nhận, chưa phân loại / chưa chuyển
    ASSIGNED = "assigned"          # đã chuyển cơ quan có thẩm quyền
    INFO_REQUESTED = "info_requested"  # đề nghị bổ sung thông tin
    PROCESSING = "processing"      # đang xử lý
    ANSWERED = "answered"          # đã trả lời
    PUBLISHED = "published"        # đã công khai
    REFUSED = "refused"            # từ chối tiếp nhận

    # the names as shown (lazy: in the active language); a context, because a state and an action
    # may share their Vietnamese name ("Từ chối tiếp nhận") but not their English one
    LABELS = {
        "received": pgettext_lazy("feedback state", "Đã tiếp nhận"),
        "assigned": pgettext_lazy("feedback state", "Đã chuyển cơ quan có thẩm quyền"),
        "info_requested": pgettext_lazy("feedback state", "Đề nghị bổ sung thông tin"),
        "processing": pgettext_lazy("feedback state", "Đang xử lý"),
        "answered": pgettext_lazy("feedback state", "Đã trả lời"),
        "published": pgettext_lazy("feedback state", "Đã công khai"),
        "refused": pgettext_lazy("feedback state", "Từ chối tiếp nhận"),
    }


@dataclass(frozen=True)
class Transition:
    label: str | Promise  # lazy: translated when shown
    sources: frozenset[str]
    target: str | None  # None: the state stays


_OPEN = frozenset({State.RECEIVED, State.ASSIGNED, State.INFO_REQUESTED, State.PROCESSING})
TRANSITIONS: dict[str, Transition] = {
    "classify": Transition(pgettext_lazy("feedback action", "Phân loại"), _OPEN, None),
    "assign": Transition(pgettext_lazy("feedback action", "Chuyển cơ quan có thẩm quyền"),
                         frozenset({State.RECEIVED, State.ASSIGNED}), State.ASSIGNED),
    "transfer": Transition(pgettext_lazy("feedback action", "Chuyển tiếp cơ quan khác"),
                           frozenset({State.ASSIGNED, State.PROCESSING}), State.ASSIGNED),
    "refuse": Transition(pgettext_lazy("feedback action", "Từ chối tiếp nhận"),
                         frozenset({State.RECEIVED, State.ASSIGNED}), State.REFUSED),
    "request_info": Transition(pgettext_lazy("feedback action", "Đề nghị bổ sung thông tin"),
                               frozenset({State.ASSIGNED, State.PROCESSING}), State.INFO_REQUESTED),
    "provide_info": Transition(pgettext_lazy("feedback action", "Bổ sung thông tin"), frozenset({State.INFO_REQUESTED}),
                               State.PROCESSING),
    "process": Transition(pgettext_lazy("feedback action", "Xử lý"), frozenset({State.ASSIGNED, State.PROCESSING}),
                          State.PROCESSING),
    "answer": Transition(pgettext_lazy("feedback action", "Trả lời"), frozenset({State.ASSIGNED, State.PROCESSING}),
                         State.ANSWERED),
    "publish": Transition(pgettext_lazy("feedback action", "Công khai"), frozenset({State.ANSWERED}), State.PUBLISHED),
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
