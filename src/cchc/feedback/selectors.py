"""Reads of feedback: stage timers (data), published answers (public search), measurement sets."""
from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Feedback, StageTimer
from .rules import State

TIMERS_FILE = Path(__file__).with_name("data") / "timers.json"


def default_timers() -> dict[str, int]:
    return {t["stage"]: t["working_days"] for t in json.loads(TIMERS_FILE.read_text("utf-8"))["timers"]}


def timers() -> dict[str, int]:
    """Working days per stage: what the administrator entered, else the national defaults."""
    return {**default_timers(), **dict(StageTimer.objects.values_list("stage", "working_days"))}


def published(q: str = "") -> QuerySet[Feedback]:
    qs = Feedback.objects.filter(state=State.PUBLISHED).order_by("-published_at", "-id")
    for word in q.split()[:8]:
        qs = qs.filter(Q(public_title__icontains=word) | Q(public_content__icontains=word)
                       | Q(public_answer__icontains=word) | Q(procedure_code__iexact=word) | Q(code__iexact=word))
    return qs


def published_one(code: str) -> Feedback | None:
    return Feedback.objects.filter(state=State.PUBLISHED, code=code).first()


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (datetime.combine(start, time.min, tzinfo=tz), datetime.combine(end, time.max, tzinfo=tz))


def in_scope(org_ids: set[int] | None, procedure_codes: QuerySet | list | None = None) -> QuerySet[Feedback]:
    qs = Feedback.objects.all()
    if org_ids is not None:
        qs = qs.filter(org_id__in=org_ids)
    if procedure_codes is not None:
        qs = qs.filter(procedure_code__in=procedure_codes)
    return qs


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return _bounds(start, end)
