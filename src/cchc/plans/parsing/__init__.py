"""Plan-document import, pure Python (no Django): ``parse(data, filename, orgs)`` → ``PlanDraft``.

Nothing here saves anything: the draft goes to a review screen, and only a person's
confirmation stores it (``plans.services.confirm_import``). See docs/plan-import.md.
"""
from __future__ import annotations

import re

from cchc.core.errors import ValidationFailed

from . import identity, targets, tasks
from .areas import area_of
from .model import AreaDraft, Identity, PlanDraft, TargetDraft, TaskDraft
from .orgs import OrgRef, Resolver
from .reader import Unreadable, read
from .text import fold

__all__ = ["parse", "NotAPlan", "PlanDraft", "Identity", "AreaDraft", "TargetDraft", "TaskDraft", "OrgRef"]


class NotAPlan(ValidationFailed):
    code = "khong_phai_ke_hoach"
    message = "Tài liệu này không phải là một kế hoạch, chương trình cải cách hành chính."


def parse(data: bytes, filename: str, orgs=()) -> PlanDraft:
    try:
        doc = read(data, filename)
    except Unreadable as exc:
        raise NotAPlan(str(exc), code="tep_khong_doc_duoc") from exc
    text = fold(doc.raw)
    if not re.search(r"kế hoạch|chương trình", text) or not re.search(r"cải cách hành chính|cchc|nhiệm vụ", text):
        raise NotAPlan(details={"reason": "không thấy từ “kế hoạch”/“chương trình” cải cách hành chính"})
    resolver = Resolver(orgs)
    ident = identity.find(doc.raw, doc.paragraphs)
    year = ident.period_end
    if ident.issuer:
        pass
    task_tables = [t for t in doc.tables]
    found: list[TaskDraft] = []
    for t in task_tables:
        found += tasks.from_rows(t, resolver, year) if t.rows else tasks.from_stream(t, resolver, year)
    warnings: list[str] = []
    if not found:
        found = tasks.from_narrative(doc.paragraphs, resolver, year)
        if found:
            warnings.append("Không có bảng phụ lục nhiệm vụ: nhiệm vụ lấy từ phần nội dung đánh số của văn bản.")
    # targets: anywhere in the text (objectives, narrative, task cells)
    cells = [t.task for t in found if t.source == "table"]
    area_by_para = _paragraph_areas(doc.paragraphs)
    found_targets = targets.find(doc.paragraphs + cells, area_of_paragraph=area_by_para + [t.area for t in found
                                                                                           if t.source == "table"])
    for tg in found_targets:
        if tg.by_year is None:
            tg.by_year = year
    if not found and not found_targets:
        raise NotAPlan("Không tìm thấy nhiệm vụ hay chỉ tiêu nào: tài liệu có thể không phải một kế hoạch.",
                       details={"reason": "không có nhiệm vụ, chỉ tiêu"})
    if not ident.number:
        warnings.append("Không tìm thấy số hiệu văn bản.")
    if not ident.date:
        warnings.append("Không tìm thấy ngày ban hành.")
    if not ident.period_start:
        warnings.append("Không xác định được kỳ kế hoạch (năm hoặc giai đoạn).")
    return PlanDraft(identity=ident, areas=tasks.areas_of(found), targets=found_targets, tasks=found,
                     warnings=warnings)


def _paragraph_areas(paragraphs: list[str]) -> list[str]:
    """Best-effort area of each paragraph: the last numbered area heading above it."""
    out, current = [], ""
    for p in paragraphs:
        if re.match(r"^(?:\d{1,2}|[IVX]{1,5})\s*[.)]\s*", p) and len(p.split()) <= 16:
            current = area_of(p) or current
        out.append(current)
    return out
