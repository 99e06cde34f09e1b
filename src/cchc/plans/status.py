"""Pure rules: a task's status from its progress and deadline, a target's from value and threshold."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

NOT_STARTED, IN_PROGRESS, DONE, LATE, DONE_LATE = "not_started", "in_progress", "done", "late", "done_late"
TASK_LABELS = {NOT_STARTED: "Chưa thực hiện", IN_PROGRESS: "Đang thực hiện", DONE: "Hoàn thành",
               LATE: "Quá hạn", DONE_LATE: "Hoàn thành muộn"}
MET, NOT_MET, NOT_MEASURABLE = "met", "not_met", "not_measurable"
TARGET_LABELS = {MET: "Đạt", NOT_MET: "Chưa đạt", NOT_MEASURABLE: "Chưa đo được"}


def task_status(*, percent: int, done_on: date | None, due_on: date | None, today: date) -> str:
    """A task without a due date (recurring, "thường xuyên") is never late."""
    if percent >= 100:
        return DONE_LATE if due_on and done_on and done_on > due_on else DONE
    if due_on and today > due_on:
        return LATE
    return IN_PROGRESS if percent > 0 else NOT_STARTED


def compare(value: Decimal | float, comparator: str, threshold: Decimal | float) -> bool:
    v, t = Decimal(str(value)), Decimal(str(threshold))
    return {">=": v >= t, ">": v > t, "<=": v <= t, "<": v < t}[comparator]


def target_status(value, comparator: str, threshold) -> str:
    return NOT_MEASURABLE if value is None else (MET if compare(value, comparator, threshold) else NOT_MET)
