"""The transition table: which action may happen in which status, by whom, and to what status.

The one place a reader looks to know what a dossier can do next. Services consult it before
any write; screens and the API use ``allowed_actions`` to offer only what is legal.
"""
from __future__ import annotations

from dataclasses import dataclass

from cchc.core.errors import PermissionDenied, TransitionNotAllowed
from cchc.org.models import Role

from .models import Status as S

OPEN = frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL})
CITIZEN = "citizen"  # the dossier's own applicant, acting through the portal


@dataclass(frozen=True)
class Transition:
    label: str
    sources: frozenset
    target: int | None  # None: the status stays (e.g. an apology)
    roles: frozenset
    reason_required: bool = False
    # the receiving desk may act wherever the dossier is (the citizen comes back to the desk)
    receiving_desk_acts: bool = False


TRANSITIONS: dict[str, Transition] = {
    "receive": Transition("Tiếp nhận", frozenset({S.NEW}), S.RECEIVED, frozenset({Role.DESK})),
    "refuse": Transition("Từ chối tiếp nhận", frozenset({S.NEW}), S.REFUSED, frozenset({Role.DESK}), True),
    "hand_over": Transition(
        "Chuyển xử lý", frozenset({S.RECEIVED, S.PROCESSING}), S.PROCESSING,
        frozenset({Role.DESK, Role.SPECIALIST, Role.LEADER, Role.CLERK}),
    ),
    "request_supplement": Transition(
        "Yêu cầu bổ sung", frozenset({S.RECEIVED, S.PROCESSING}), S.SUPPLEMENT,
        frozenset({Role.DESK, Role.SPECIALIST, Role.LEADER}), True,
    ),
    "receive_supplement": Transition(
        "Nhận bổ sung", frozenset({S.SUPPLEMENT}), S.PROCESSING, frozenset({Role.DESK, Role.SPECIALIST, CITIZEN})
    ),
    "request_payment": Transition(
        "Yêu cầu nghĩa vụ tài chính", frozenset({S.PROCESSING}), S.FINANCIAL,
        frozenset({Role.SPECIALIST, Role.LEADER}),
    ),
    "record_payment": Transition(
        "Ghi nhận đã nộp", frozenset({S.FINANCIAL}), S.PROCESSING,
        frozenset({Role.DESK, Role.SPECIALIST, Role.CLERK, CITIZEN}),
    ),
    "withdraw": Transition(
        "Rút hồ sơ", frozenset({S.NEW}) | OPEN, S.WITHDRAWN, frozenset({Role.DESK, CITIZEN}), True,
        receiving_desk_acts=True,
    ),
    "stop": Transition("Dừng xử lý", OPEN, S.STOPPED, frozenset({Role.LEADER}), True),
    "finish": Transition("Hoàn thành xử lý", frozenset({S.PROCESSING}), S.DONE, frozenset({Role.LEADER})),
    "return_result": Transition("Trả kết quả", frozenset({S.DONE}), S.RETURNED, frozenset({Role.DESK, Role.CLERK})),
    "apologise": Transition("Xin lỗi, hẹn lại", OPEN, None, frozenset({Role.LEADER}), True),
}


def check(action: str, status: int, roles: set[str]) -> Transition:
    """Raise unless ``action`` is allowed from ``status`` for someone holding ``roles``."""
    t = TRANSITIONS[action]
    if status not in t.sources:
        raise TransitionNotAllowed(
            f"Không thể “{t.label.lower()}” khi hồ sơ đang ở trạng thái “{S(status).label}”.",
            details={"action": action, "status": int(status)},
        )
    if not roles & t.roles:
        raise PermissionDenied(
            f"Bạn không có vai trò được phép “{t.label.lower()}” đối với hồ sơ này.",
            details={"action": action},
        )
    return t


def allowed_actions(status: int, roles: set[str]) -> list[str]:
    return [name for name, t in TRANSITIONS.items() if status in t.sources and roles & t.roles]
