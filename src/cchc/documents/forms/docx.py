"""Official forms as DOCX (python-docx), for officials who complete or edit before printing."""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .layout import MOTTO, NATION, FormDoc, Para
from .layout import Table as FormTable

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _para(container, text: str, *, size=13, bold=False, italic=False, underline=False, align="justify",
          indent=False):
    p = container.add_paragraph()
    p.alignment = _ALIGN[align]
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    p.paragraph_format.space_after = Pt(3)
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    return p


def render(doc: FormDoc) -> bytes:
    d = Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"  # Word's face for official documents (Nghị định 30/2020)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.font.size = Pt(13)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    if doc.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.top_margin = sec.bottom_margin = Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)

    head = d.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.paragraphs[0].text = ""
    if doc.parent_org:
        _para(left, doc.parent_org.upper(), size=12, align="center")
    _para(left, doc.org.upper(), size=12, bold=True, align="center")
    _para(left, doc.number, align="center")
    _para(right, NATION, size=12, bold=True, align="center")
    _para(right, MOTTO, bold=True, underline=True, align="center")
    _para(right, doc.place_date, italic=True, align="center")

    _para(d, doc.title, size=14, bold=True, align="center")
    if doc.subtitle:
        _para(d, doc.subtitle, italic=True, align="center")
    for block in doc.body:
        if isinstance(block, Para):
            _para(d, block.text, bold=block.bold, italic=block.italic, align=block.align,
                  indent=block.indent and block.align == "justify", size=11 if doc.landscape else 13)
        elif isinstance(block, FormTable):
            t = d.add_table(rows=1, cols=len(block.header))
            t.style = "Table Grid"
            for cell, h in zip(t.rows[0].cells, block.header, strict=True):
                cell.paragraphs[0].text = ""
                run = cell.paragraphs[0].add_run(h)
                run.bold = True
            for row in block.rows:
                for cell, value in zip(t.add_row().cells, row, strict=True):
                    cell.text = value
    if doc.signatures:
        sig = d.add_table(rows=1, cols=len(doc.signatures))
        for cell, s in zip(sig.rows[0].cells, doc.signatures, strict=True):
            _para(cell, s.title, bold=True, align="center")
            _para(cell, s.note, italic=True, align="center")
            _para(cell, "\n\n", align="center")
            _para(cell, s.name, bold=True, align="center")
    out = BytesIO()
    d.save(out)
    return out.getvalue()
