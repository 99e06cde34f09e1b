"""The criteria-tree workbook (docs/adr/0011): read it, checking every row, and write it back.

One sheet, ``Tiêu chí``, first row the column titles below, one row per node. The code places a
node: ``2`` is an area, ``2.1`` a criterion of it, ``2.1.3`` a sub-criterion. Reading reports every
bad row with sheet, row, column and reason, and returns nothing to import when there is one.
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .formulas import parent_code
from .models import Aspect

SHEET = "Tiêu chí"
# key -> (column title, required)
COLUMNS = {
    "code": ("Mã", True),
    "name": ("Tên", True),
    "max_points": ("Điểm tối đa", True),
    "guidance": ("Hướng dẫn chấm điểm", False),
    "evidence_required": ("Tài liệu kiểm chứng", False),
    "is_survey": ("Điều tra XHH", False),
    "sipas_aspect": ("Khía cạnh SIPAS", False),
}
TOTAL = Decimal(100)
_CODE = re.compile(r"^[1-9]\d*(\.[1-9]\d*){0,2}$")
_YES, _NO = {"x", "có", "co", "1", "true"}, {"", "không", "khong", "0", "false"}


def _norm(value) -> str:
    return "" if value is None else unicodedata.normalize("NFC", str(value)).strip()


ASPECTS = {**{a.value: a.value for a in Aspect}, **{_norm(a.label).lower(): a.value for a in Aspect}}


@dataclass(frozen=True)
class Issue:
    sheet: str
    row: int | None
    column: str | None
    reason: str

    @property
    def message(self) -> str:
        where = [f"Bảng '{self.sheet}'"] + ([f"dòng {self.row}"] if self.row else []) + (
            [f"cột '{self.column}'"] if self.column else [])
        return f"{', '.join(where)}: {self.reason}"

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "reason": self.reason,
                "message": self.message}


@dataclass
class Node:
    row: int
    code: str
    name: str
    max_points: Decimal
    guidance: str = ""
    evidence_required: str = ""
    is_survey: bool = False
    sipas_aspect: str = ""
    children: list[Node] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.code.count(".") + 1


def _code(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _norm(value)


def _points(value) -> Decimal:
    if isinstance(value, bool):
        raise InvalidOperation
    d = Decimal(str(value).replace(",", ".").strip()) if isinstance(value, str) else Decimal(str(value))
    if not d.is_finite():
        raise InvalidOperation
    return d


def read(data: bytes) -> tuple[list[Node], list[Issue]]:
    """The nodes in file order (children linked), and every problem found."""
    issues: list[Issue] = []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError):
        return [], [Issue("(tệp)", None, None, "tệp không phải là bảng tính XLSX hợp lệ (không đọc được)")]
    if SHEET not in wb.sheetnames:
        return [], [Issue(SHEET, None, None, f"không có bảng '{SHEET}' (các bảng có trong tệp: "
                                             f"{', '.join(wb.sheetnames)})")]
    rows = [list(r) for r in wb[SHEET].iter_rows(values_only=True)]
    wb.close()
    if not rows:
        return [], [Issue(SHEET, None, None, "bảng trống (dòng 1 phải là tiêu đề cột)")]
    titles = {_norm(t).lower(): key for key, (t, _) in COLUMNS.items()}
    where: dict[str, int] = {}
    for idx, title in enumerate(rows[0]):
        key = titles.get(_norm(title).lower())
        if key is None:
            if _norm(title):
                issues.append(Issue(SHEET, 1, _norm(title), "cột không thuộc mẫu (các cột: "
                                    + ", ".join(t for t, _ in COLUMNS.values()) + ")"))
        elif key in where:
            issues.append(Issue(SHEET, 1, COLUMNS[key][0], "cột bị lặp"))
        else:
            where[key] = idx
    for key, (title, required) in COLUMNS.items():
        if required and key not in where:
            issues.append(Issue(SHEET, 1, title, "thiếu cột bắt buộc"))
    if issues:
        return [], issues

    nodes: list[Node] = []
    seen: dict[str, Node] = {}
    code_rows: dict[str, int] = {}  # every row's code, bad rows included, so a repeat is always caught
    for rowno, row in enumerate(rows[1:], start=2):
        cell = {key: (row[i] if i < len(row) else None) for key, i in where.items()}
        if all(_norm(v) == "" for v in cell.values()):
            continue
        code = _code(cell["code"])
        if code and code in code_rows:
            issues.append(Issue(SHEET, rowno, "Mã", f"mã '{code}' bị lặp (đã có ở dòng {code_rows[code]})"))
            continue
        code_rows.setdefault(code, rowno)
        node = _read_row(rowno, cell, issues)
        if node is not None:
            seen[node.code] = node
            nodes.append(node)
    _link(nodes, seen, issues)
    if not nodes and not issues:
        issues.append(Issue(SHEET, None, None, "bảng không có tiêu chí nào"))
    return ([] if issues else nodes), issues


def _read_row(rowno: int, cell: dict, issues: list[Issue]) -> Node | None:
    bad = len(issues)
    code = _code(cell["code"])
    if not code:
        issues.append(Issue(SHEET, rowno, "Mã", "không được để trống"))
    elif not _CODE.match(code):
        issues.append(Issue(SHEET, rowno, "Mã", f"'{code}' không đúng dạng (lĩnh vực '2', tiêu chí '2.1', "
                                                 "tiêu chí thành phần '2.1.3')"))
    name = _norm(cell["name"])
    if not name:
        issues.append(Issue(SHEET, rowno, "Tên", "không được để trống"))
    raw, maxp = cell["max_points"], Decimal(0)
    if _norm(raw) == "":
        issues.append(Issue(SHEET, rowno, "Điểm tối đa", "không được để trống"))
    else:
        try:
            maxp = _points(raw)
        except (InvalidOperation, ValueError):
            issues.append(Issue(SHEET, rowno, "Điểm tối đa", f"'{_norm(raw)}' không phải là số"))
        else:
            if maxp <= 0 or maxp > TOTAL:
                issues.append(Issue(SHEET, rowno, "Điểm tối đa", f"phải lớn hơn 0 và không quá {TOTAL}"))
            elif maxp != maxp.quantize(Decimal("0.01")):
                issues.append(Issue(SHEET, rowno, "Điểm tối đa", "chỉ được có tối đa hai chữ số thập phân"))
    flag = _norm(cell.get("is_survey")).lower()
    if flag not in _YES | _NO:
        issues.append(Issue(SHEET, rowno, "Điều tra XHH", f"'{flag}' không hợp lệ (ghi 'x' hoặc để trống)"))
    aspect_text = _norm(cell.get("sipas_aspect")).lower()
    aspect = ASPECTS.get(aspect_text, "") if aspect_text else ""
    if aspect_text and not aspect:
        issues.append(Issue(SHEET, rowno, "Khía cạnh SIPAS", f"'{aspect_text}' không phải khía cạnh SIPAS (các "
                            "khía cạnh: " + "; ".join(a.label for a in Aspect) + ")"))
    if len(issues) > bad:
        return None
    return Node(rowno, code, name, maxp, _norm(cell.get("guidance")), _norm(cell.get("evidence_required")),
                flag in _YES, aspect)


def _link(nodes: list[Node], by_code: dict[str, Node], issues: list[Issue]) -> None:
    for node in nodes:
        parent = parent_code(node.code)
        if parent is None:
            continue
        if parent not in by_code:
            issues.append(Issue(SHEET, node.row, "Mã", f"không có tiêu chí cha '{parent}' trong bảng"))
        else:
            by_code[parent].children.append(node)
    areas = [n for n in nodes if n.level == 1]
    for node in nodes:
        if node.children:
            below = sum((c.max_points for c in node.children), Decimal(0))
            if below < node.max_points:
                issues.append(Issue(SHEET, node.row, "Điểm tối đa",
                                    f"điểm tối đa {node.max_points} lớn hơn tổng điểm tối đa của các tiêu chí con "
                                    f"({below}): không thể đạt được"))
            if node.sipas_aspect:
                issues.append(Issue(SHEET, node.row, "Khía cạnh SIPAS",
                                    "chỉ ghi cho tiêu chí không có tiêu chí con"))
    for node in sorted(nodes, key=lambda n: n.level):
        for child in node.children:
            child.is_survey = child.is_survey or node.is_survey  # a survey part is survey all the way down
    for node in nodes:
        if node.sipas_aspect and not node.is_survey and not node.children:
            issues.append(Issue(SHEET, node.row, "Khía cạnh SIPAS", "chỉ ghi cho tiêu chí điều tra xã hội học"))
    total = sum((a.max_points for a in areas), Decimal(0))
    if nodes and not issues and total != TOTAL:
        issues.append(Issue(SHEET, None, "Điểm tối đa", f"tổng điểm tối đa của các lĩnh vực là {total}, "
                                                        f"phải bằng {TOTAL}"))


def write(nodes: list[dict]) -> bytes:
    """A workbook of the import format from rows with the keys of ``COLUMNS``."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([t for t, _ in COLUMNS.values()])
    for n in nodes:
        ws.append([n.get("code"), n.get("name"), n.get("max_points"), n.get("guidance", ""),
                   n.get("evidence_required", ""), "x" if n.get("is_survey") else "",
                   Aspect(n["sipas_aspect"]).label if n.get("sipas_aspect") else ""])
    for col, width in zip("ABCDEFG", (8, 60, 12, 50, 40, 12, 30), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
