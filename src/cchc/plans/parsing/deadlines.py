"""Deadlines as plans write them ("Quý II/2025", "năm 2025", "thường xuyên", "trước ngày
31/12/2025", "tháng 6/2025", "6 tháng đầu năm") turned into a due date or a recurrence.

Anything else is kept as written and flagged for a person: a wrong date is worse than none.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .text import fold


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: str  # date | month | quarter | half | year | range | recurring | unknown
    due: date | None = None  # last day the task may be done on (inclusive)
    recurrence: str = ""  # continuous | yearly | quarterly | monthly
    assumed_year: bool = False  # the year came from the plan's period, not from the text

    @property
    def known(self) -> bool:
        return self.kind != "unknown"


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Q = r"(?:quý|quí)\s*(i{1,3}|iv|[1-4])"
_Y = r"(?:\s*(?:[-/,–]|năm)\s*|\s+)(?:năm\s*)?(\d{4})"


def _quarter(q: str) -> int:
    return _ROMAN.get(q, 0) or int(q)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse(text: str, *, default_year: int | None = None) -> Deadline:
    raw = (text or "").strip()
    t = fold(raw)
    t = re.sub(r"\(.*?\)", " ", t).strip()  # "(Theo lộ trình của Trung ương)" is a note
    t = re.sub(r"\s+", " ", t)
    if not t:
        return Deadline(raw, "unknown")

    def year(found: str | None) -> tuple[int | None, bool]:
        if found:
            return int(found), False
        return default_year, default_year is not None

    if re.fullmatch(r"(?:thực hiện )?(?:thường xuyên|liên tục)(?: hàng năm| hằng năm)?", t):
        return Deadline(raw, "recurring", recurrence="continuous")
    m = re.fullmatch(r"(?:hàng|hằng) (năm|quý|tháng)(?: từ năm (\d{4}))?", t)
    if m:
        rec = {"năm": "yearly", "quý": "quarterly", "tháng": "monthly"}[m.group(1)]
        return Deadline(raw, "recurring", recurrence=rec)
    # "năm 2021 và những năm tiếp theo", "từ năm 2021 trở đi"
    m = re.fullmatch(r"(?:từ )?năm (\d{4}) (?:và (?:những|các) năm tiếp theo|trở đi)", t)
    if m:
        return Deadline(raw, "recurring", due=date(int(m.group(1)), 12, 31), recurrence="yearly")
    # dates: "trước ngày 31/12/2025", "ngày 15/3/2025", "chậm nhất ngày 30 tháng 6 năm 2025"
    m = re.fullmatch(r"(?:(?:trước|chậm nhất|hạn chót|hoàn thành trước|trong)\s+)?(?:ngày\s+)?"
                     r"(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)(\d{4})", t)
    if m:
        d = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return Deadline(raw, "date", due=d) if d else Deadline(raw, "unknown")
    # quarter: "quý ii/2025", "quý 1-năm 2021", "quý iv năm 2021", "trong quý iii"
    m = re.fullmatch(rf"(?:trong |trước |hết )?{_Q}(?:{_Y})?", t)
    if m:
        y, assumed = year(m.group(2))
        if y:
            return Deadline(raw, "quarter", due=_month_end(y, 3 * _quarter(m.group(1))), assumed_year=assumed)
    # quarters range: "quý i, ii/2025", "quý ii - quý iii năm 2025", "quý i-ii/2025"
    m = re.fullmatch(rf"(?:quý|quí)\s*(i{{1,3}}|iv|[1-4])\s*(?:[-,–]|đến|và)\s*"
                     rf"(?:quý\s*)?(i{{1,3}}|iv|[1-4])(?:{_Y})?", t)
    if m:
        y, assumed = year(m.group(3))
        if y:
            return Deadline(raw, "range", due=_month_end(y, 3 * _quarter(m.group(2))), assumed_year=assumed)
    # month: "tháng 6/2025", "tháng 06 năm 2025", "trong tháng 6"
    m = re.fullmatch(r"(?:trong |trước |hết |cuối )?tháng\s*(\d{1,2})(?:\s*(?:/|-|năm|\s)\s*(?:năm\s*)?(\d{4}))?", t)
    if m and 1 <= int(m.group(1)) <= 12:
        y, assumed = year(m.group(2))
        if y:
            return Deadline(raw, "month", due=_month_end(y, int(m.group(1))), assumed_year=assumed)
    # months range: "từ tháng 3 đến tháng 6/2025", "tháng 3 - tháng 6 năm 2025"
    m = re.fullmatch(r"(?:từ )?tháng\s*(\d{1,2})\s*(?:-|–|đến)\s*(?:tháng\s*)?(\d{1,2})(?:\s*(?:/|năm|\s)\s*(?:năm\s*)?"
                     r"(\d{4}))?", t)
    if m and 1 <= int(m.group(2)) <= 12:
        y, assumed = year(m.group(3))
        if y:
            return Deadline(raw, "range", due=_month_end(y, int(m.group(2))), assumed_year=assumed)
    # half year: "6 tháng đầu năm 2025", "sáu tháng cuối năm"
    m = re.fullmatch(r"(?:trong )?(?:6|sáu) tháng (đầu|cuối) năm(?:\s*(\d{4}))?", t)
    if m:
        y, assumed = year(m.group(2))
        if y:
            return Deadline(raw, "half", due=date(y, 6, 30) if m.group(1) == "đầu" else date(y, 12, 31),
                            assumed_year=assumed)
    # year: "năm 2025", "trong năm 2025", "2025", "cuối năm 2025"
    m = re.fullmatch(r"(?:trong |cuối |hết |trước )?(?:năm\s*)?(\d{4})", t)
    if m and 1990 <= int(m.group(1)) <= 2100:
        return Deadline(raw, "year", due=date(int(m.group(1)), 12, 31))
    # a span of years: "2021-2025", "giai đoạn 2021 - 2025", "năm 2021-2025"
    m = re.fullmatch(r"(?:giai đoạn |năm |từ năm )?(\d{4})\s*(?:-|–|đến)\s*(?:năm )?(\d{4})", t)
    if m and int(m.group(1)) <= int(m.group(2)):
        return Deadline(raw, "range", due=date(int(m.group(2)), 12, 31))
    return Deadline(raw, "unknown")


def looks_like_deadline(text: str) -> bool:
    """Whether a table cell is a time column value (used where rows were lost)."""
    t = fold(text)
    if parse(text).known:
        return True
    return bool(re.match(r"(?:theo (?:quy định|hướng dẫn|lộ trình|kế hoạch|yêu cầu)|trước|chậm nhất|quý|tháng|"
                         r"năm \d{4}|hàng|hằng|định kỳ|thường xuyên)", t)) and len(t.split()) <= 14
