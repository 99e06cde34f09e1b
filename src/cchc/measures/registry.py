"""Named measurements: anything (dashboards, plan targets, reports) asks for a number by name.

    measure("on_time_rate", scope=Scope(org_id=12), period=Period.quarter(2026, 3))

Each measurement returns numerator, denominator and value, and can list the dossiers behind
both. A measurement the platform cannot supply yet says so (``measurable=False``) instead of 0.
Measurements register themselves with ``@register``; the formulas behind them live in
``formulas.py`` (pure) and the queries in ``queries.py``.
"""
from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from cchc.core.errors import NotFound


@dataclass(frozen=True)
class Scope:
    """Whose numbers: an organisation (with or without its sub-organisations), a field, a procedure."""

    org_id: int | None = None  # None: the whole province
    include_children: bool = True
    field: str | None = None
    procedure_code: str | None = None


@dataclass(frozen=True)
class Period:
    """Inclusive date range."""

    start: date
    end: date

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        return cls(date(year, 3 * q - 2, 1), cls.month(year, 3 * q).end)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))


@dataclass(frozen=True)
class Measurement:
    name: str
    numerator: int
    denominator: int
    value: float | None  # None when not measurable or the denominator is empty (see rules per measure)
    unit: str = "percent"  # "percent" | "count"
    measurable: bool = True
    computed_at: datetime = field(default_factory=timezone.now)


@dataclass(frozen=True)
class MeasureInfo:
    name: str
    label: str  # Vietnamese
    unit: str
    higher_is_better: bool
    compute: Callable[..., Measurement]
    behind: Callable[..., object] | None = None  # (scope, period, part) -> QuerySet of dossiers


_REGISTRY: dict[str, MeasureInfo] = {}


def register(name: str, *, label: str, unit: str = "percent", higher_is_better: bool = True,
             behind: Callable[..., object] | None = None):
    """Decorator: ``compute(scope, period) -> Measurement`` becomes the measurement ``name``."""
    def wrap(compute):
        _REGISTRY[name] = MeasureInfo(name, label, unit, higher_is_better, compute, behind)
        return compute
    return wrap


def info(name: str) -> MeasureInfo:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise NotFound(f"Không có phép đo “{name}”.", code="phep_do_khong_ton_tai",
                       details={"name": name, "known": sorted(_REGISTRY)}) from None


def names() -> list[MeasureInfo]:
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def measure(name: str, *, scope: Scope, period: Period) -> Measurement:
    return info(name).compute(scope, period)


def dossiers_behind(name: str, *, scope: Scope, period: Period, part: str = "denominator"):
    """The dossiers counted in the numerator or the denominator (drill-down)."""
    m = info(name)
    if m.behind is None:
        raise NotFound(f"Phép đo “{name}” không dựa trên hồ sơ.", code="khong_co_ho_so_chi_tiet")
    return m.behind(scope, period, part)
