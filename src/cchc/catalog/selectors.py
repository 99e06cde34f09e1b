"""Reads of the procedure catalogue."""
from __future__ import annotations

import time
from datetime import date

from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from cchc.core.errors import Conflict, NotFound

from .models import Component, Fee, ProcedureVersion, Step, VersionStatus


def valid_on(day: date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


def published_versions(day: date | None = None) -> QuerySet[ProcedureVersion]:
    """The versions citizens can file under on ``day`` (default today)."""
    day = day or timezone.localdate()
    return ProcedureVersion.objects.filter(valid_on(day), status=VersionStatus.PUBLISHED)


TTL_SECONDS = 5.0
_in_force: dict[tuple[str, date], tuple[float, ProcedureVersion]] = {}


@receiver([post_save, post_delete], sender=ProcedureVersion)
@receiver([post_save, post_delete], sender=Component)
@receiver([post_save, post_delete], sender=Fee)
@receiver([post_save, post_delete], sender=Step)
def forget(**kwargs) -> None:
    _in_force.clear()
    _by_id.clear()


_by_id: dict[int, ProcedureVersion] = {}


def version_by_id(version_id: int) -> ProcedureVersion:
    """A version with its steps, fees and components, cached per process.

    Safe to keep: a version is frozen once published (the admin makes it read-only), and any
    catalogue save in this process drops the cache. Shared instance: read it, never modify it.
    """
    v = _by_id.get(version_id)
    if v is None:
        v = (ProcedureVersion.objects.select_related("procedure")
             .prefetch_related("steps", "fees", "components").get(pk=version_id))
        if len(_by_id) > 5_000:
            _by_id.clear()
        _by_id[version_id] = v
    return v


def step_after(v: ProcedureVersion, order: int | None) -> Step | None:
    """The next step of the internal process after step number ``order`` (None: the first)."""
    return min((st for st in v.steps.all() if order is None or st.order > order), key=lambda st: st.order,
               default=None)


def published_version(code: str, day: date | None = None) -> ProcedureVersion:
    """The version of procedure ``code`` in force on ``day``; clear errors when there is none.

    Cached per process for a few seconds (intake asks for it on every dossier; the catalogue
    changes by decision, not by the second); a save in this process drops the cache at once.
    The returned instance is shared: read it, never modify it.
    """
    day = day or timezone.localdate()
    hit = _in_force.get((code, day))
    if hit and time.monotonic() - hit[0] < TTL_SECONDS:
        return hit[1]
    v = _published_version(code, day)
    if len(_in_force) > 20_000:
        _in_force.clear()
    _in_force[(code, day)] = (time.monotonic(), v)
    return v


def _published_version(code: str, day: date) -> ProcedureVersion:
    v = (published_versions(day).filter(procedure__code=code).select_related("procedure")
         .prefetch_related("fees", "components", "steps").order_by("-version").first())
    if v is None and not ProcedureVersion.objects.filter(procedure__code=code).exists():
        raise NotFound(f"Không có thủ tục mã “{code}”.", details={"procedure_code": code},
                       code="thu_tuc_khong_ton_tai")
    if v is None:
        raise Conflict(f"Thủ tục “{code}” chưa được công bố hoặc đã hết hiệu lực.",
                       details={"procedure_code": code}, code="thu_tuc_chua_cong_bo")
    return v
