"""Writes of the assistant: its index of the published catalogue (derived data, rebuildable)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cchc.catalog.models import ProcedureVersion, VersionStatus

from . import embedder
from .models import IndexEntry
from .text import fold, phrases

log = logging.getLogger(__name__)
BATCH = 32


# The lines of the searched text, in this order (one line each, empty when the version has none;
# the components follow, one line each). ``search`` weighs the words by the line they come from.
LAYOUT = ("name", "keywords", "field", "agency", "result", "subjects", "requirements", "components")


def document(v: ProcedureVersion) -> tuple[str, list[str]]:
    """The text searched lexically (lines in ``LAYOUT`` order) and the passages embedded, for one version.

    The sequence and method are left out: they are the same boilerplate in every procedure and
    would make everything match everything; the legal basis and fee names ranked no better in
    cross-validation (docs/assistant-eval.md).
    """
    org = v.competent_org.name if v.competent_org_id else ""
    lines = [v.name, v.keywords, v.field, f"{v.get_level_display()} {org}".strip(), v.result_type, v.subjects,
             v.requirements, *(c.name for c in v.components.all())]
    body = "\n".join(" ".join(line.split()) for line in lines)
    return body, [passage(v.name, v.keywords)]


def passage(name: str, keywords: str) -> str:
    """What the model embeds: the name, then how people call the matter ("Đăng ký khai sinh: con mới
    sinh, làm giấy khai sinh"). One passage per version: the keywords as passages of their own ranked
    no better on the development questions, with several times the vectors (docs/assistant-eval.md).
    """
    called = phrases(keywords)
    return f"{name}: {', '.join(called)}" if called else name


def index_versions(*, actor, version_ids: Iterable[int], progress: Callable[[int], None] | None = None) -> int:
    """(Re)compute the entries of these versions; versions not published are dropped from the index.

    ``actor`` is None for the system (publication hook, command). Embeddings are computed in
    batches outside any transaction; each batch is written in one.
    """
    ids = sorted(set(version_ids))
    IndexEntry.objects.filter(version_id__in=ids).exclude(version__status=VersionStatus.PUBLISHED).delete()
    versions = (ProcedureVersion.objects.filter(pk__in=ids, status=VersionStatus.PUBLISHED)
                .select_related("competent_org").prefetch_related("components").order_by("pk"))
    done = 0
    batch: list[ProcedureVersion] = []
    for v in versions.iterator(chunk_size=BATCH):
        batch.append(v)
        if len(batch) == BATCH:
            done += _write(batch)
            batch = []
            if progress:
                progress(done)
    if batch:
        done += _write(batch)
        if progress:
            progress(done)
    return done


def _write(batch: list[ProcedureVersion]) -> int:
    docs = [document(v) for v in batch]
    texts = [p for _, ps in docs for p in ps]
    vectors = embedder.passages(texts)
    at = 0
    with transaction.atomic():
        for v, (body, ps) in zip(batch, docs, strict=True):
            IndexEntry.objects.update_or_create(version=v, defaults={
                "body": body, "folded": fold(body), "passages": ps, "model_name": embedder.MODEL_NAME,
                "vectors": embedder.to_bytes(vectors[at:at + len(ps)])})
            at += len(ps)
    return len(batch)


def reindex_catalogue(*, actor, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the index of the published versions in force or yet to come; others' entries go."""
    today = timezone.localdate()
    ids = list(ProcedureVersion.objects.filter(status=VersionStatus.PUBLISHED)
               .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today)).values_list("pk", flat=True))
    IndexEntry.objects.exclude(version_id__in=ids).delete()
    total = len(ids)
    return index_versions(actor=actor, version_ids=ids,
                          progress=(lambda n: progress(n, total)) if progress else None)


# --- publication hook -------------------------------------------------------------------------
# A version is indexed when the transaction that published it commits; one batch per transaction
# (a catalogue import publishes hundreds at once). Failing to index never undoes a publication:
# the hook is robust and ``cchc reindex_assistant`` repairs.
_pending = threading.local()


def schedule(version_id: int) -> None:
    ids = getattr(_pending, "ids", None)
    if ids is None:
        ids = _pending.ids = set()
    ids.add(version_id)
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    ids, _pending.ids = getattr(_pending, "ids", None), None
    if ids:
        try:
            index_versions(actor=None, version_ids=ids)
        except Exception:
            log.exception("Không lập được chỉ mục trợ lý cho %d phiên bản; chạy cchc reindex_assistant.", len(ids))
