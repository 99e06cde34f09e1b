"""The platform's notion of "now".

Normally the wall clock. The demo generator replays a year of dossiers by running the real
services at simulated moments (``at``), so demo data has the same timing facts real use would.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from django.utils import timezone

_override: ContextVar[datetime | None] = ContextVar("cchc_now", default=None)


def now() -> datetime:
    return _override.get() or timezone.localtime()


@contextmanager
def at(moment: datetime):
    token = _override.set(moment)
    try:
        yield moment
    finally:
        _override.reset(token)
