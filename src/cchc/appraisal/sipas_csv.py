"""Paper survey forms typed into a spreadsheet, imported as CSV (UTF-8, comma or semicolon).

Columns: ``Ngày`` (dd/mm/yyyy, the day on the form) then one column per question code (``C1``,
``C2``…) holding the chosen value 1…n of the question's scale; an empty cell is a question left
unanswered. Every bad row is reported; nothing is imported when there is one.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from .criteria_xlsx import Issue

SHEET = "CSV"
DATE_COLUMN = "ngày"


@dataclass
class Row:
    line: int
    answered_on: date
    values: dict[int, int]  # question id -> value


def _date(text: str) -> date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def read(data: bytes, questions: dict[str, tuple[int, int]], starts_on: date, ends_on: date
         ) -> tuple[list[Row], list[Issue]]:
    """``questions``: code -> (question id, number of options)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Issue(SHEET, None, None, "tệp không phải văn bản UTF-8")]
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    lines = list(csv.reader(io.StringIO(text), dialect))
    if not lines:
        return [], [Issue(SHEET, None, None, "tệp trống")]
    header = [h.strip() for h in lines[0]]
    by_code = {c.lower(): c for c in questions}
    issues: list[Issue] = []
    date_idx, cols = None, {}
    for i, h in enumerate(header):
        if h.lower() in (DATE_COLUMN, "ngay"):
            date_idx = i
        elif h.lower() in by_code:
            cols[i] = by_code[h.lower()]
        elif h:
            issues.append(Issue(SHEET, 1, h, "cột không phải mã câu hỏi của bộ câu hỏi này"))
    if date_idx is None:
        issues.append(Issue(SHEET, 1, "Ngày", "thiếu cột bắt buộc"))
    if issues:
        return [], issues
    rows = []
    for line, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        bad = len(issues)
        raw_date = cells[date_idx].strip() if date_idx < len(cells) else ""
        answered = _date(raw_date)
        if answered is None:
            issues.append(Issue(SHEET, line, "Ngày", f"'{raw_date}' không phải ngày dạng dd/mm/yyyy"))
        elif not starts_on <= answered <= ends_on:
            issues.append(Issue(SHEET, line, "Ngày", f"ngày {answered:%d/%m/%Y} nằm ngoài đợt khảo sát "
                                                     f"({starts_on:%d/%m/%Y} – {ends_on:%d/%m/%Y})"))
        values = {}
        for i, code in cols.items():
            cell = cells[i].strip() if i < len(cells) else ""
            if not cell:
                continue
            qid, n = questions[code]
            if not cell.isdigit() or not 1 <= int(cell) <= n:
                issues.append(Issue(SHEET, line, code, f"'{cell}' không hợp lệ: phải là số từ 1 đến {n}"))
            else:
                values[qid] = int(cell)
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            issues.append(Issue(SHEET, line, None, "dòng có nhiều ô hơn số cột tiêu đề"))
        if not values and len(issues) == bad:
            issues.append(Issue(SHEET, line, None, "phiếu không trả lời câu hỏi nào"))
        if len(issues) == bad:
            rows.append(Row(line, answered, values))
    if not rows and not issues:
        issues.append(Issue(SHEET, None, None, "tệp không có phiếu nào"))
    return ([] if issues else rows), issues
