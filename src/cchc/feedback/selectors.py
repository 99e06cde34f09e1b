"""Reads of feedback: stage timers (data), published answers (public search), measurement sets."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.db.models import Q, QuerySet
from django.utils import timezone

from cchc.core import clock
from cchc.org.models import Role
from cchc.org.selectors import memberships, user_org_ids

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


# ---------------------------------------------------------------- back office

OPEN = [State.RECEIVED, State.ASSIGNED, State.INFO_REQUESTED, State.PROCESSING]
SOON_DAYS = 3
# who receives feedback: may enter it by phone or letter and classify or assign what no one holds yet
RECEIVING_ROLES = {Role.DESK, Role.REFORM, Role.LEADER, Role.ADMIN}


def visible_to(user) -> QuerySet[Feedback]:
    """What an official may handle (services._authorise): their organisations' feedback (with merged
    predecessors), and for receiving officials what no organisation holds yet."""
    roles = {r for _, r in memberships(user)}
    if Role.ADMIN in roles:
        return Feedback.objects.all()
    cond = Q(org_id__in=user_org_ids(user))
    if roles & RECEIVING_ROLES:
        cond |= Q(org__isnull=True)
    return Feedback.objects.filter(cond) if roles else Feedback.objects.none()


def _waiting(until: datetime, *, since: datetime | None = None) -> Q:
    """The deadline the feedback is waiting on lies before ``until``: the answer while it is open,
    the publication once answered with the sender's consent."""
    def rng(field):
        return Q(**{f"{field}__lt": until, **({f"{field}__gte": since} if since else {})})
    return (Q(state__in=OPEN) & rng("answer_due_at")) | (
        Q(state=State.ANSWERED, consent_publish=True) & rng("publish_due_at"))


def office_inbox(user, *, state: str = "open", due: str = "", q: str = "") -> QuerySet[Feedback]:
    """Filters: state ("open" = not yet answered or refused), due ("late", "soon", "handled_late"), q = code
    or words of the title."""
    qs = visible_to(user).select_related("org")
    if state == "open":
        qs = qs.filter(state__in=OPEN)
    elif state:
        qs = qs.filter(state=state)
    now = clock.now()
    if due == "late":
        qs = qs.filter(_waiting(now))
    elif due == "soon":
        qs = qs.filter(_waiting(now + timedelta(days=SOON_DAYS), since=now))
    elif due == "handled_late":
        qs = qs.filter(is_late=True)
    if q := q.strip():
        qs = qs.filter(Q(code__iexact=q) | Q(title__icontains=q))
    return qs.order_by("answer_due_at", "id") if state == "open" else qs.order_by("-received_at", "-id")


def deadline(fb: Feedback) -> tuple[datetime | None, str]:
    """(the deadline the feedback waits on, "late" / "soon" / "") as the inbox filter judges it."""
    if fb.state in OPEN:
        due = fb.answer_due_at
    elif fb.state == State.ANSWERED and fb.consent_publish:
        due = fb.publish_due_at
    else:
        return None, ""
    now = clock.now()
    if due is None:
        return None, ""
    return due, "late" if due < now else "soon" if due < now + timedelta(days=SOON_DAYS) else ""
