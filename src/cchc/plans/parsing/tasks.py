"""Tasks: from an appendix table when the plan has one, otherwise from the numbered narrative."""
from __future__ import annotations

import re

from . import deadlines
from .areas import AREAS, area_of
from .model import AreaDraft, TaskDraft
from .orgs import OrgRef, Resolver
from .reader import Table
from .text import MARKER, ROMAN, fold, squash

_ORG_START = re.compile(
    r"(?i)^(?:các\s+|tất cả\s+)?(?:sở|ubnd|ủy ban|uỷ ban|văn phòng|vp|cơ quan|đơn vị|đài|báo|trung tâm|tt\s|"
    r"hội đồng|ban\b|bộ\b|công an|kho bạc|chi cục|cục|bảo hiểm|bhxh|liên đoàn|mặt trận|tỉnh đoàn|hội\b|"
    r"thanh tra|địa phương)")
_BUDGET = re.compile(r"(?i)^(?:nguồn\s+)?(?:kinh phí|ngân sách|vốn|nsnn|ns\s|nguồn|không phát sinh|lồng ghép)")
_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(?=\S)"
                       r"|^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=[^\W\d_])")
_AMOUNT = re.compile(r"(?i)(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|đ\b|vnđ)?")


def number_of(text: str) -> str:
    m = _NUMBERED.match(text)
    return (m.group(1) or m.group(2)) if m else ""


def strip_number(text: str) -> str:
    return squash(_NUMBERED.sub("", text, count=1)) if number_of(text) else squash(text)


def _is_org(cell: str, resolver: Resolver) -> bool:
    if not cell or number_of(cell) or ROMAN.match(cell) or len(cell.split()) > 30:
        return False
    if not _ORG_START.match(cell.strip()):
        return False
    refs = resolver.resolve(cell)
    return any(r.status in ("resolved", "group", "suggested") for r in refs) or len(cell.split()) <= 12


def _budget(cell: str) -> tuple[int | None, str]:
    m = _AMOUNT.search(cell) if re.search(r"(?i)đồng|triệu|tỷ|vnđ", cell) else None
    if not m:
        return None, squash(cell)
    digits = m.group(1)
    scale = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}.get((m.group(2) or "").lower(), 1)
    if scale == 1:
        amount = int(re.sub(r"[.,]", "", digits))
    else:
        amount = int(round(float(digits.replace(".", "").replace(",", ".") if "," in digits else digits) * scale))
    return amount, squash(cell[:m.start()] + cell[m.end():]).strip(" :,-") or squash(cell)


def _area_label(text: str) -> tuple[str, str]:
    label = squash(ROMAN.sub("", text)).strip(" :")
    return (area_of(label) or "custom"), label


def _split_items(text: str) -> list[str]:
    """"1.1. Xây dựng A. 1.2. Rà soát B." → two items (a merged cell holding several rows)."""
    parts = re.split(r"(?:(?<=[.;])|(?<=[.;]\s))\s*(?=\d{1,2}\.\d{1,2}\.?\s)", text)
    parts = [p.strip() for p in parts if p.strip()]
    return parts if len(parts) > 1 and all(number_of(p) for p in parts) else [text]


def _time(cell: str, year: int | None) -> tuple[deadlines.Deadline | None, list[str]]:
    if not cell:
        return None, ["thiếu thời gian thực hiện"]
    d = deadlines.parse(cell, default_year=year)
    flags = [] if d.known else [f"không hiểu thời hạn “{cell}”"]
    if d.assumed_year:
        flags.append(f"năm của thời hạn lấy theo kỳ kế hoạch ({year})")
    return d, flags


def _org_flags(leads: list[OrgRef], coord: list[OrgRef]) -> list[str]:
    flags = []
    if not leads:
        flags.append("thiếu cơ quan chủ trì")
    for r in leads + coord:
        if r.needs_review:
            flags.append(f"chưa xác định được cơ quan “{r.text}”")
    if leads and leads[0].status == "group":
        flags.append(f"cơ quan chủ trì là một nhóm (“{leads[0].text}”): cần chọn cơ quan cụ thể")
    return flags


def _make(task: str, *, objective: str, product: str, area: str, lead: str, coord: str, time: str, budget: str,
          resolver: Resolver, year: int | None, number: str = "") -> TaskDraft:
    leads, coords = resolver.resolve(lead), resolver.resolve(coord)
    d, tflags = _time(time, year)
    amount, source = _budget(budget) if budget else (None, "")
    return TaskDraft(task=strip_number(task), objective=strip_number(objective), product=squash(product), area=area,
                     leads=leads, coordinating=coords, time=d, budget_amount=amount, budget_source=source,
                     number=number or number_of(task), source="table", flags=_org_flags(leads, coords) + tflags)


# ---------------------------------------------------------------- tables
def _roles(header: list[str]) -> list[str]:
    roles = []
    for h in header:
        f = fold(h)
        if re.fullmatch(r"(?:số\s*)?tt|stt|số thứ tự", f):
            roles.append("number")
        elif "chủ trì" in f:
            roles.append("lead")
        elif "phối hợp" in f:
            roles.append("coord")
        elif re.search(r"thời gian|thời hạn|tiến độ|thời điểm", f):
            roles.append("time")
        elif re.search(r"kinh phí|nguồn|dự toán", f):
            roles.append("budget")
        elif re.search(r"sản phẩm|kết quả", f):
            roles.append("product")
        elif re.search(r"cụ thể|nội dung|hoạt động|công việc", f):
            roles.append("task")
        elif re.search(r"nhiệm vụ|mục tiêu|giải pháp", f):
            roles.append("objective")
        elif "lĩnh vực" in f:
            roles.append("area")
        else:
            roles.append("other")
    if "task" not in roles and "objective" in roles:  # a single "Nhiệm vụ" column holds the tasks
        roles[len(roles) - 1 - roles[::-1].index("objective")] = "task"
    return roles


def from_rows(table: Table, resolver: Resolver, year: int | None) -> list[TaskDraft]:
    roles = _roles(table.header)
    out: list[TaskDraft] = []
    area, objective = "", ""
    for row in table.rows:
        cells = [squash(c) for c in row]
        if len(cells) < len(roles):  # merged cells: the right-hand columns are the stable ones
            cells = [""] * (len(roles) - len(cells)) + cells if len([c for c in cells if c]) > 2 else cells
        filled = [c for c in cells if c]
        if not filled:
            continue
        values = dict(zip(roles, cells + [""] * (len(roles) - len(cells)), strict=False))
        if len(set(filled)) == 1 or not (values.get("lead") or values.get("time")):
            text = filled[-1] if not number_of(filled[0]) and len(filled) > 1 and ROMAN.match(filled[-1]) else filled[0]
            for c in filled:  # a section row: "I. Cải cách thể chế" or an objective
                if ROMAN.match(c) or (not number_of(c) and area_of(c) and len(c.split()) <= 10):
                    area, objective = _area_label(c)[0] if area_of(c) else _area_label(c)[1], ""
                    break
            else:
                objective = text if text != area else objective
            continue
        if values.get("area"):
            a = values["area"]
            area = area_of(a) or squash(ROMAN.sub("", a))
        if values.get("objective"):
            objective = values["objective"]
        task = values.get("task") or values.get("objective") or ""
        if not task:
            continue
        out.append(_make(task, objective=objective if objective != task else "", product=values.get("product", ""),
                         area=area, lead=values.get("lead", ""), coord=values.get("coord", ""),
                         time=values.get("time", ""), budget=values.get("budget", ""), resolver=resolver, year=year,
                         number=number_of(values.get("number", "")) or values.get("number", "")))
    return out


def from_stream(table: Table, resolver: Resolver, year: int | None) -> list[TaskDraft]:
    """Cells in reading order with the row breaks lost. A task is the text cell(s) before a
    lead-organisation cell; then come coordinating organisations, time and budget, each optional."""
    cells = [squash(c) for c in table.cells]
    has_product = "product" in _roles(table.header)
    out: list[TaskDraft] = []
    area, objective = "", ""
    pending: list[str] = []
    queued: list[str] = []  # further items of a merged task cell, waiting for their own lead cells
    i = 0
    while i < len(cells):
        cell = cells[i]
        if not cell:
            i += 1
            continue
        if ROMAN.match(cell) and not _is_org(cell, resolver):
            key, label = _area_label(cell)
            area = key if key != "custom" else label
            objective, pending, queued = "", [], []
            i += 1
            continue
        if not _is_org(cell, resolver):
            pending.append(cell)
            i += 1
            continue
        lead, coord, time, budget = cell, "", "", ""
        i += 1
        if i < len(cells) and _is_org(cells[i], resolver):
            coord = cells[i]
            i += 1
        if i < len(cells) and deadlines.looks_like_deadline(cells[i]):
            time = cells[i]
            i += 1
        if i < len(cells) and _BUDGET.match(cells[i]):
            budget = cells[i]
            i += 1
        product = ""
        if pending:
            *rest, task = pending
            if has_product and rest and not number_of(task) and number_of(rest[-1]).count(".") >= 1:
                product, task = task, rest.pop()
            if rest:
                objective = rest[-1]
            items = _split_items(task)
            task, queued = items[0], items[1:]
        elif queued:
            task = queued.pop(0)
        else:
            continue  # organisation cells with no task before them: nothing to attach them to
        pending = []
        out.append(_make(task, objective=objective, product=product, area=area, lead=lead, coord=coord, time=time,
                         budget=budget, resolver=resolver, year=year))
    return out


# ---------------------------------------------------------------- narrative
_TASK_SECTION = re.compile(r"^(?:[IVX]{1,5}\s*[.)]\s*)?(?:các\s+)?(?:nhiệm vụ|nội dung)\b", re.I)
_TOP = re.compile(r"^[IVX]{1,5}\s*[.)]")
_IMPLEMENT = re.compile(r"^(?:[IVX]{1,5}\s*[.)]\s*)?(?:tổ chức thực hiện|phân công|trách nhiệm)", re.I)


def _sentences(body: str) -> list[str]:
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+", body):
        piece = piece.strip()
        if not piece:
            continue
        first = re.search(r"[^\W\d_]", piece)
        lower_start = first and first.group(0).islower() and not re.match(r"^[a-zđ]\)\s", piece)
        if out and lower_start:
            out[-1] += " " + piece  # "...số 4.0 định hướng": not a new sentence
        else:
            out.append(piece)
    return [s for s in (squash(re.sub(r"^[a-zđ]\)\s*", "", x)) for x in out) if len(s.split()) >= 2]


def _is_heading(p: str) -> bool:
    m = re.match(r"^\d{1,2}\s*[.)]\s*(.+)$", p)
    return bool(m) and len(m.group(1).split()) <= 16 and not p.rstrip().endswith((".", ";"))


def from_narrative(paragraphs: list[str], resolver: Resolver, year: int | None) -> list[TaskDraft]:
    start = next((i for i, p in enumerate(paragraphs) if _TASK_SECTION.match(p.strip()) and
                  (len(p.split()) <= 12 or p.rstrip().endswith(":"))), None)
    if start is None:
        return []
    out: list[TaskDraft] = []
    area = ""
    for p in paragraphs[start + 1:]:
        p = p.strip()
        if _TOP.match(p):
            break
        if _is_heading(p):
            key, label = _area_label(re.sub(r"^\d{1,2}\s*[.)]\s*", "", p))
            area = key if key != "custom" else label
            continue
        head, colon, body = p.partition(":")
        if colon and not MARKER.match(p) and len(head.split()) <= 12 and "(" not in head[:1]:
            key, label = _area_label(head)
            area = key if key != "custom" else label
            for s in _sentences(body.strip()):
                out.append(TaskDraft(task=s, area=area, source="narrative"))
            continue
        if MARKER.match(p) or not out or out[-1].area != area:
            text = squash(MARKER.sub("", p, count=1))
            if text.endswith(":") and len(text.split()) <= 12:
                continue  # a sub-heading inside an area
            out.append(TaskDraft(task=text, area=area, source="narrative"))
        else:
            out[-1].task += " " + p  # a paragraph continuing the item above
    _leads_from_implementation(paragraphs, out, resolver)
    for t in out:
        t.flags = _org_flags(t.leads, t.coordinating) + t.flags + ["không có thời hạn trong văn bản"]
    return out


def _leads_from_implementation(paragraphs: list[str], tasks: list[TaskDraft], resolver: Resolver) -> None:
    """"Sở Tư pháp chủ trì ... nội dung cải cách thể chế" in the implementation section: the lead
    of that area's narrative tasks (the plan names no lead per task)."""
    start = next((i for i, p in enumerate(paragraphs) if _IMPLEMENT.match(p.strip()) and len(p.split()) <= 10), None)
    if start is None:
        return
    lead_of: dict[str, str] = {}
    org = ""
    for p in paragraphs[start + 1:]:
        if _TOP.match(p):
            break
        m = re.match(r"^\d{1,2}(?:\.\d{1,2})?\s*[.)]?\s*(.+)$", p)
        if m:
            name = re.split(r"\s*:|\s+(?:chủ trì|là cơ quan|có trách nhiệm|phối hợp)\b", m.group(1))[0]
            refs = resolver.resolve(name)
            org = name if len(refs) == 1 and refs[0].status == "resolved" else ""
        if not org or "chủ trì" not in fold(p):
            continue
        chunk = fold(p).split("chủ trì", 1)[1]
        for clause in re.split(r"[;.]", chunk):
            for key in AREAS:
                if key not in lead_of and area_of(clause) == key:
                    lead_of[key] = org
            if "đội ngũ cán bộ" in clause or "công chức, viên chức" in clause:
                lead_of.setdefault("cong_vu", org)
    for t in tasks:
        if not t.leads and t.area in lead_of:
            t.leads = resolver.resolve(lead_of[t.area])
            t.flags.append("cơ quan chủ trì suy ra từ phần tổ chức thực hiện")


def areas_of(tasks: list[TaskDraft], extra_headings: list[str] = ()) -> list[AreaDraft]:
    seen: list[AreaDraft] = []
    for a in [t.area for t in tasks] + list(extra_headings):
        if not a or any(x.key == a or x.label == a for x in seen):
            continue
        seen.append(AreaDraft(key=a, label=AREAS[a]) if a in AREAS else AreaDraft(key="custom", label=a))
    return seen
