"""Reads of the procedure catalogue."""
from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from cchc.core.errors import Conflict, NotFound

from .models import ProcedureVersion, VersionStatus


def valid_on(day: date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


def published_versions(day: date | None = None) -> QuerySet[ProcedureVersion]:
    """The versions citizens can file under on ``day`` (default today)."""
    day = day or timezone.localdate()
    return ProcedureVersion.objects.filter(valid_on(day), status=VersionStatus.PUBLISHED)


def published_version(code: str, day: date | None = None) -> ProcedureVersion:
    """The version of procedure ``code`` in force on ``day``; clear errors when there is none."""
    versions = ProcedureVersion.objects.filter(procedure__code=code)
    if not versions.exists():
        raise NotFound(f"Không có thủ tục mã “{code}”.", details={"procedure_code": code},
                       code="thu_tuc_khong_ton_tai")
    v = (published_versions(day).filter(procedure__code=code).select_related("procedure")
         .prefetch_related("fees", "components", "steps").order_by("-version").first())
    if v is None:
        raise Conflict(f"Thủ tục “{code}” chưa được công bố hoặc đã hết hiệu lực.",
                       details={"procedure_code": code}, code="thu_tuc_chua_cong_bo")
    return v
