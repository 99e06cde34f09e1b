"""A table form (the register, form 07) as an XLSX workbook: the same ``FormDoc`` as the PDF and DOCX.

Cells take the table's typed ``values`` when it has them — real numbers and date cells shown
dd/mm/yyyy — so the book can be sorted and filtered; the text stays Vietnamese whatever the
screen language: it is an official form.
"""
from __future__ import annotations

from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .layout import MOTTO, NATION, FormDoc, Para, Table

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE, DATETIME = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
HEADER_ROW = 8
_thin = Side(style="thin", color="7B8794")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def _format(value) -> str | None:
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return DATETIME
    return DATE if isinstance(value, date) else None


def render(doc: FormDoc) -> bytes:
    table = next(b for b in doc.body if isinstance(b, Table))
    values = table.values or table.rows
    # a column's cell format comes from its values (empty cells of a date column are dates too)
    formats = [next((f for row in values if (f := _format(row[col]))), None) for col in range(len(table.header))]

    wb = Workbook()
    ws = wb.active
    ws.title = (doc.sheet or f"Mẫu {doc.code}")[:31]
    ncol = len(table.header)
    half = ncol // 2
    ws.cell(1, 1, doc.parent_org.upper())
    ws.cell(2, 1, doc.org.upper()).font = Font(bold=True)
    ws.cell(3, 1, doc.number)
    ws.cell(1, half + 1, NATION).font = Font(bold=True)
    ws.cell(2, half + 1, MOTTO).font = Font(bold=True)
    ws.cell(3, half + 1, doc.place_date).font = Font(italic=True)
    for row, text, font in ((5, doc.title, Font(bold=True, size=14)), (6, doc.subtitle, Font(italic=True))):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncol)
        c = ws.cell(row, 1, text)
        c.font, c.alignment = font, Alignment(horizontal="center")

    for col, name in enumerate(table.header, start=1):
        c = ws.cell(HEADER_ROW, col, name)
        c.font, c.border = Font(bold=True), BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, cells in enumerate(values):
        for col, value in enumerate(cells):
            c = ws.cell(HEADER_ROW + 1 + i, col + 1, value)
            c.border = BORDER
            c.alignment = Alignment(vertical="top", wrap_text=True)
            if formats[col]:
                c.number_format = formats[col]
    last = HEADER_ROW + len(values)
    after = [b for b in doc.body[doc.body.index(table) + 1:] if isinstance(b, Para)]
    for j, p in enumerate(after):
        ws.cell(last + 2 + j, 1, p.text).font = Font(bold=p.bold, italic=p.italic)
    sign_row = last + 3 + len(after)
    for s in doc.signatures:
        ws.cell(sign_row, ncol - 2, s.title).font = Font(bold=True)
        ws.cell(sign_row + 1, ncol - 2, s.note).font = Font(italic=True)

    total = sum(table.widths)
    for col, w in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(6, round(110 * w / total))
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncol)}{max(last, HEADER_ROW)}"
    ws.page_setup.orientation = "landscape" if doc.landscape else "portrait"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
