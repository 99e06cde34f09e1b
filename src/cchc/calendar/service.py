"""The working calendar built from the database, cached per process.

Every dossier action needs it. The cache is dropped when a calendar row is saved in this
process and re-read at most a few seconds later in others; the fingerprint of the tables is
checked on re-read so an unchanged calendar is not rebuilt (building it computes lunar dates).
"""
from __future__ import annotations

import time

from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CalendarDay, CalendarYear
from .rules import WorkCalendar

TTL_SECONDS = 5.0
_cache: dict = {"checked": 0.0, "key": None, "calendar": None}


def _fingerprint() -> tuple:
    days = CalendarDay.objects.aggregate(n=Count("id"), u=Max("updated_at"))
    years = CalendarYear.objects.aggregate(n=Count("id"), u=Max("updated_at"))
    return (days["n"], days["u"], years["n"], years["u"])


def get_calendar() -> WorkCalendar:
    if _cache["calendar"] is not None and time.monotonic() - _cache["checked"] < TTL_SECONDS:
        return _cache["calendar"]
    key = _fingerprint()
    if key != _cache["key"] or _cache["calendar"] is None:
        rows = list(CalendarDay.objects.values_list("date", "kind"))
        _cache["calendar"] = WorkCalendar(
            known_years=set(CalendarYear.objects.filter(confirmed=True).values_list("year", flat=True)),
            days_off=[d for d, k in rows if k == CalendarDay.Kind.OFF],
            working_days=[d for d, k in rows if k == CalendarDay.Kind.WORK],
        )
        _cache["key"] = key
    _cache["checked"] = time.monotonic()
    return _cache["calendar"]


@receiver([post_save, post_delete], sender=CalendarDay)
@receiver([post_save, post_delete], sender=CalendarYear)
def forget(**kwargs) -> None:
    _cache["calendar"] = None
