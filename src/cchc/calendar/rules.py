"""The legal clock: working days, due dates and pauses for one-stop dossiers.

Pure Python, no Django, so the law can be tested on its own. Counting follows DOMAIN.md §2 and
the Civil Code 2015 (art. 147-148): a period starts the day after the event; a dossier received
on working day D before the cut-off is due at the end of the N-th working day after D, otherwise
counting starts from the next working day D'.

Datetimes are local wall-clock time (Asia/Ho_Chi_Minh). Naive in, naive out; aware datetimes
(e.g. Django's UTC values) are converted to the calendar's zone and results come back aware.
"""
from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import Enum
from pathlib import Path

import holidays

# Vietnam has kept UTC+7 without daylight saving since 1975; no tz database needed.
VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
DATA_FILE = Path(__file__).with_name("data") / "vn.json"
_DAY = timedelta(days=1)
_MINUTE = timedelta(minutes=1)


class CalendarDataMissing(Exception):
    """A date falls in a year nobody has confirmed: refusing beats guessing a legal deadline."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"Chưa có dữ liệu lịch làm việc năm {year}; quản trị viên cần nhập lịch nghỉ của năm này."
        )


class Unit(str, Enum):
    """Unit of a processing time, as published with the procedure.

    A clock's ``remaining`` counts in steps of the unit: working minutes for HOURS, working days
    for WORKING_DAYS, calendar days for DAYS and MONTHS (a month period is pinned to its end date
    when counting starts, so a pause can shift it day by day).
    """

    HOURS = "hours"
    WORKING_DAYS = "working_days"
    DAYS = "days"
    MONTHS = "months"

    @property
    def label(self) -> str:
        return {"hours": "giờ làm việc", "working_days": "ngày làm việc", "days": "ngày", "months": "tháng"}[
            self.value
        ]


@dataclass(frozen=True)
class WorkingHours:
    """Office hours of a working day; configurable because provinces differ (DOMAIN §2)."""

    periods: tuple[tuple[time, time], ...] = ((time(8), time(12)), (time(13, 30), time(17)))

    def __post_init__(self):
        ends = [t for period in self.periods for t in period]
        if not ends or any(a >= b for a, b in zip(ends, ends[1:], strict=False)):
            raise ValueError("Giờ làm việc phải gồm các khoảng thời gian tăng dần, không chồng lấn.")

    @property
    def day_end(self) -> time:
        return self.periods[-1][1]


@dataclass(frozen=True)
class Clock:
    """What a dossier stores to count on: when counting last (re)started, what is left, the due."""

    start: datetime
    remaining: int  # in steps of the unit, see Unit
    due: datetime


@dataclass(frozen=True)
class Resumed:
    """Outcome of a pause: the new due, what the pause cost, and the clock to store for the next one."""

    due: datetime
    paused_working_minutes: int  # HOURS only; 0 for day units
    paused_working_days: int  # working days the due moved by
    start: datetime  # = resumed_at
    remaining: int


class WorkCalendar:
    """Working days of one jurisdiction: statutory holidays plus what an administrator confirmed.

    ``holidays`` supplies the statutory days (lunar ones, substitutes and make-up Saturdays it
    knows); ``days_off`` / ``working_days`` are the announced windows and swaps, and win over the
    package. Years outside ``known_years`` raise CalendarDataMissing instead of being guessed.
    """

    def __init__(self, *, known_years, days_off=(), working_days=(), hours: WorkingHours = WorkingHours(),
                 statutory: bool = True, tz: tzinfo = VN_TZ):
        self.known_years = frozenset(int(y) for y in known_years)
        self.hours = hours
        self.tz = tz
        admin_off, admin_work = set(days_off), set(working_days)
        if clash := sorted(admin_off & admin_work):
            raise ValueError(f"Ngày {clash[0]:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm việc.")
        off, work = set(), set()
        if statutory and self.known_years:
            vn = holidays.country_holidays("VN", years=sorted(self.known_years))
            off, work = set(vn), set(vn.weekend_workdays)
        self._off = frozenset((off - admin_work) | admin_off)
        self._work = frozenset((work - admin_off) | admin_work)

    # ------------------------------------------------------------------ days

    def is_working_day(self, d: date) -> bool:
        d = self._date(d)
        if d.year not in self.known_years:
            raise CalendarDataMissing(d.year)
        return d in self._work or (d.weekday() < 5 and d not in self._off)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d = self._date(d) + _DAY
        while not self.is_working_day(d):
            d += _DAY
        return d

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day strictly after ``d``; ``d`` itself when n is 0."""
        if n < 0:
            raise ValueError("Số ngày làm việc phải không âm.")
        d = self._date(d)
        for _ in range(n):
            d = self.next_working_day(d)
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; negative when b is before a."""
        a, b = self._date(a), self._date(b)
        if b < a:
            return -self.working_days_between(b, a)
        return sum(self.is_working_day(a + k * _DAY) for k in range(1, (b - a).days + 1))

    def start_day(self, received: datetime, cutoff: time | None) -> date:
        """Day D that counting runs from: the receipt day, or the next working day when the
        dossier arrived on a day off or after the cut-off (at the cut-off itself still counts)."""
        local = self._local(received)
        d = local.date()
        if self.is_working_day(d) and (cutoff is None or local.time() <= cutoff):
            return d
        return self.next_working_day(d)

    # ------------------------------------------------------------------ due dates

    def due(self, received: datetime, amount: int, unit: Unit, cutoff: time | None) -> datetime:
        """Legal due (ngày hẹn trả) of a dossier received at ``received``."""
        return self.start_clock(received, amount, unit, cutoff).due

    def start_clock(self, received: datetime, amount: int, unit: Unit, cutoff: time | None) -> Clock:
        """The clock to store at receipt; its ``remaining`` is in steps (see Unit), not in ``unit``."""
        unit = Unit(unit)
        if amount < 0:
            raise ValueError("Thời hạn giải quyết phải không âm.")
        if unit is Unit.HOURS:
            remaining = amount * 60
        elif unit is Unit.MONTHS:
            first = self.start_day(received, cutoff)
            remaining = (_add_months(first, amount) - first).days
        else:
            remaining = amount
        return Clock(received, remaining, self._due(received, remaining, unit, cutoff))

    def pause(self, *, start: datetime, remaining: int, unit: Unit, cutoff: time | None,
              paused_at: datetime, resumed_at: datetime, due: datetime) -> Resumed:
        """Stop the clock at ``paused_at`` (supplement request, payment wait) and restart it at
        ``resumed_at``.

        ``start``, ``remaining`` and ``due`` are the stored clock (``start_clock`` at receipt, then
        the previous Resumed), so repeated pauses chain. Time up to and including the request day
        counts as used; the rest is counted from ``resumed_at`` as for a new receipt (cut-off
        applies). Nothing left means the dossier is already late: the due stays.
        """
        unit = Unit(unit)
        if not self._local(start) <= self._local(paused_at) <= self._local(resumed_at):
            raise ValueError("Thời điểm tạm dừng và tiếp tục tính thời hạn không hợp lệ.")
        left = remaining - self._used(start, unit, cutoff, paused_at)
        if left <= 0:
            return Resumed(due, 0, 0, resumed_at, 0)
        new_due = self._due(resumed_at, left, unit, cutoff)
        old, new = self._local(due), self._local(new_due)
        minutes = self._working_time(old, new) // _MINUTE if unit is Unit.HOURS else 0
        return Resumed(new_due, minutes, self.working_days_between(old.date(), new.date()), resumed_at, left)

    resume = pause  # the engine calls it when the supplement arrives

    # ------------------------------------------------------------------ internals

    def _due(self, start: datetime, remaining: int, unit: Unit, cutoff: time | None) -> datetime:
        if unit is Unit.HOURS:
            return self._like(self._add_working_time(self._local(start), remaining * _MINUTE), start)
        first = self.start_day(start, cutoff)
        if unit is Unit.WORKING_DAYS:
            last = self.add_working_days(first, remaining)
        else:  # DAYS, MONTHS: the period ends on a calendar day, moved off a day off (BLDS art. 148)
            last = first + remaining * _DAY
            if not self.is_working_day(last):
                last = self.next_working_day(last)
        return self._like(datetime.combine(last, self.hours.day_end), start)

    def _used(self, start: datetime, unit: Unit, cutoff: time | None, paused_at: datetime) -> int:
        if unit is Unit.HOURS:
            return self._working_time(self._local(start), self._local(paused_at)) // _MINUTE
        first, asked = self.start_day(start, cutoff), self._local(paused_at).date()
        if unit is Unit.WORKING_DAYS:
            return max(self.working_days_between(first, asked), 0)
        return max((asked - first).days, 0)

    def _add_working_time(self, at: datetime, left: timedelta) -> datetime:
        day = at.date()
        while True:
            if self.is_working_day(day):
                for s, e in self.hours.periods:
                    lo, hi = max(at, datetime.combine(day, s)), datetime.combine(day, e)
                    if lo < hi:
                        if left <= hi - lo:
                            return lo + left
                        left -= hi - lo
            day += _DAY
            at = datetime.combine(day, time.min)

    def _working_time(self, a: datetime, b: datetime) -> timedelta:
        if b < a:
            return -self._working_time(b, a)
        total, day = timedelta(), a.date()
        while day <= b.date():
            if self.is_working_day(day):
                for s, e in self.hours.periods:
                    lo, hi = max(a, datetime.combine(day, s)), min(b, datetime.combine(day, e))
                    total += max(hi - lo, timedelta())
            day += _DAY
        return total

    def _local(self, dt: datetime) -> datetime:
        return dt if dt.tzinfo is None else dt.astimezone(self.tz).replace(tzinfo=None)

    def _like(self, local: datetime, model: datetime) -> datetime:
        return local if model.tzinfo is None else local.replace(tzinfo=self.tz)

    def _date(self, d: date) -> date:
        return self._local(d).date() if isinstance(d, datetime) else d


def _add_months(d: date, n: int) -> date:
    """Same day number n months later, or that month's last day (BLDS art. 147-148)."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def load_calendar_file(path=DATA_FILE) -> dict:
    """Read an administrator's calendar file into ``WorkCalendar`` keyword arguments.

    Format: {"years": {"2025": {"days_off": [...], "working_days": [...], "note": "...",
    "confirmed": true}}}. Entries are ISO dates or announced windows "first/last" (inclusive), and
    must lie in their year. A year listed with "confirmed": false is entered but not yet known.
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    known, off, work = set(), set(), set()
    for key, data in raw["years"].items():
        year = int(key)
        if data.get("confirmed", True):
            known.add(year)
        off |= _expand(data.get("days_off", ()), year)
        work |= _expand(data.get("working_days", ()), year)
    return {"known_years": frozenset(known), "days_off": frozenset(off), "working_days": frozenset(work)}


def _expand(entries, year: int) -> set[date]:
    days = set()
    for entry in entries:
        first, _, last = entry.partition("/")
        a, b = date.fromisoformat(first), date.fromisoformat(last or first)
        if not (a.year == b.year == year and a <= b):
            raise ValueError(f"Mục lịch '{entry}' không hợp lệ: phải là ngày hoặc khoảng ngày trong năm {year}.")
        days.update(a + k * _DAY for k in range((b - a).days + 1))
    return days
