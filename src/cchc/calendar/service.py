"""The working calendar built from the database, cached per process.

Cached because every dossier action needs it; the cache key is a cheap fingerprint of the
calendar tables, so an administrator's edit is seen by every process on its next request.
"""
from __future__ import annotations

from django.db.models import Count, Max

from .models import CalendarDay, CalendarYear
from .rules import WorkCalendar

_cache: dict = {}


def _fingerprint() -> tuple:
    days = CalendarDay.objects.aggregate(n=Count("id"), u=Max("updated_at"))
    years = CalendarYear.objects.aggregate(n=Count("id"), u=Max("updated_at"))
    return (days["n"], days["u"], years["n"], years["u"])


def get_calendar() -> WorkCalendar:
    key = _fingerprint()
    cal = _cache.get(key)
    if cal is None:
        rows = list(CalendarDay.objects.values_list("date", "kind"))
        cal = WorkCalendar(
            known_years=set(CalendarYear.objects.filter(confirmed=True).values_list("year", flat=True)),
            days_off=[d for d, k in rows if k == CalendarDay.Kind.OFF],
            working_days=[d for d, k in rows if k == CalendarDay.Kind.WORK],
        )
        _cache.clear()
        _cache[key] = cal
    return cal
