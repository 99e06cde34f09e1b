"""Writes to the catalogue: drafts, publication, retirement, search keywords."""
from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from cchc.core.errors import Conflict, ValidationFailed

from .models import Component, Fee, Procedure, ProcedureVersion, Step, VersionStatus

# Nghị định 63/2010 art. 8.2: a published procedure shows these seven components.
SEVEN_COMPONENTS = {
    "name": "tên thủ tục", "sequence": "trình tự thực hiện", "method": "cách thức thực hiện",
    "components": "thành phần, số lượng hồ sơ", "processing_amount": "thời hạn giải quyết",
    "subjects": "đối tượng thực hiện", "competent": "cơ quan thực hiện",
}


def missing_public_components(v: ProcedureVersion) -> list[str]:
    missing = [label for f, label in SEVEN_COMPONENTS.items()
               if f not in ("components", "competent") and not getattr(v, f)]
    if not v.components.exists():
        missing.append(SEVEN_COMPONENTS["components"])
    if v.level != "commune" and v.competent_org_id is None:
        missing.append(SEVEN_COMPONENTS["competent"])
    return missing


def next_version_number(procedure) -> int:
    return (procedure.versions.aggregate(m=Max("version"))["m"] or 0) + 1


@transaction.atomic
def create_draft(*, actor, code: str, fields: dict, competent_org=None, components=(), fees=(), steps=()
                 ) -> ProcedureVersion:
    """A new draft version of procedure ``code`` (a new procedure when the code is new)."""
    procedure, _ = Procedure.objects.get_or_create(code=code)
    procedure = Procedure.objects.select_for_update().get(pk=procedure.pk)  # one version number at a time
    v = ProcedureVersion.objects.create(procedure=procedure, version=next_version_number(procedure),
                                        status=VersionStatus.DRAFT, competent_org=competent_org, **fields)
    Component.objects.bulk_create(Component(version=v, **c) for c in components)
    Fee.objects.bulk_create(Fee(version=v, **f) for f in fees)
    Step.objects.bulk_create(Step(version=v, **s) for s in steps)
    return v


@transaction.atomic
def publish(*, actor, version_id: int, valid_from: date | None = None, decision: str = "") -> ProcedureVersion:
    """Publish a draft: it becomes the version in force from ``valid_from``; the previous one ends then."""
    v = ProcedureVersion.objects.select_for_update().get(pk=version_id)
    if v.status != VersionStatus.DRAFT:
        raise Conflict("Chỉ công bố được phiên bản đang là dự thảo.", code="khong_phai_du_thao")
    problems = missing_public_components(v)
    steps = v.steps.aggregate(total=Sum("share"))["total"]
    if steps is not None and round(float(steps), 2) != 100.0:
        problems.append(f"tổng tỷ lệ thời gian các bước là {steps}%, phải bằng 100%")
    if problems:
        raise ValidationFailed("Chưa đủ điều kiện công bố: thiếu " + "; ".join(problems) + ".",
                               details={"missing": problems}, code="chua_du_thong_tin_cong_bo")
    start = valid_from or timezone.localdate()
    for prev in ProcedureVersion.objects.select_for_update().filter(
        procedure=v.procedure, status=VersionStatus.PUBLISHED
    ).exclude(pk=v.pk):
        if prev.valid_to is None or prev.valid_to > start:
            prev.valid_to = start
        if prev.valid_from and prev.valid_from >= start:
            prev.status = VersionStatus.RETIRED
        prev.save(update_fields=["valid_to", "status"])
    v.status, v.valid_from, v.published_at = VersionStatus.PUBLISHED, start, timezone.now()
    v.publication_decision = decision or v.publication_decision
    v.save(update_fields=["status", "valid_from", "published_at", "publication_decision"])
    return v


MAX_KEYWORDS_CHARS = 2000


def clean_keywords(text: str) -> str:
    """Phrases separated by ";" (or new lines), each trimmed, empty and repeated ones dropped:
    " sổ đỏ;; Sổ đỏ ; sang tên\nnhà đất " → "sổ đỏ; sang tên; nhà đất"."""
    seen, out = set(), []
    for part in text.replace("\n", ";").split(";"):
        phrase = " ".join(part.split())
        if phrase and phrase.casefold() not in seen:
            seen.add(phrase.casefold())
            out.append(phrase)
    return "; ".join(out)


@transaction.atomic
def set_keywords(*, actor, version_id: int, keywords: str) -> ProcedureVersion:
    """Change how people find a version, published or not.

    Search keywords are not part of the legal record (the seven public components are), so an
    agency corrects them as it learns what people type, without publishing a new version. The
    assistant re-indexes the version when this commits (``assistant.signals``).
    """
    cleaned = clean_keywords(keywords)
    if len(cleaned) > MAX_KEYWORDS_CHARS:
        raise ValidationFailed(f"Từ khóa tìm kiếm dài quá {MAX_KEYWORDS_CHARS} ký tự.",
                               details={"length": len(cleaned)}, code="tu_khoa_qua_dai")
    v = ProcedureVersion.objects.select_for_update().get(pk=version_id)
    v.keywords = cleaned
    v.save(update_fields=["keywords"])
    return v

