"""Official forms as PDF (reportlab): A4, Liberation Serif embedded, text extractable."""
from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import Table as RLTable

from .. import fonts
from .layout import MOTTO, NATION, FormDoc, Para
from .layout import Table as FormTable

_FAMILY = "LiberationSerif"
# tables set a cell font even when cells are paragraphs: reportlab's default would add Helvetica unembedded
_FONT = ("FONTNAME", (0, 0), (-1, -1), f"{_FAMILY}-regular")
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def _register() -> None:
    if f"{_FAMILY}-regular" in pdfmetrics.getRegisteredFontNames():
        return
    names = {s: f"{_FAMILY}-{s}" for s in fonts.FILES}
    for style, name in names.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts.path(style))))
    pdfmetrics.registerFontFamily(_FAMILY, normal=names["regular"], bold=names["bold"], italic=names["italic"],
                                  boldItalic=names["bolditalic"])


def _style(size=13, align="justify", bold=False, italic=False, leading=None, indent=0):
    font = f"{_FAMILY}-" + {(False, False): "regular", (True, False): "bold", (False, True): "italic",
                            (True, True): "bolditalic"}[(bold, italic)]
    return ParagraphStyle("p", fontName=font, fontSize=size, leading=leading or size * 1.3,
                          alignment=_ALIGN[align], firstLineIndent=indent, spaceAfter=3,
                          bulletFontName=font)


def _p(text: str, **kw) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _style(**kw))


def render(doc: FormDoc) -> bytes:
    _register()
    size = landscape(A4) if doc.landscape else A4
    out = BytesIO()
    # Nghị định 30/2020: margins top/bottom 20 mm, left 30 mm, right 15 mm
    pdf = SimpleDocTemplate(out, pagesize=size, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=f"Mẫu {doc.code} — {doc.title}", author=doc.org,
                            subject=doc.number, creator="cchc",
                            initialFontName=f"{_FAMILY}-regular", initialFontSize=13)
    width = size[0] - 45 * mm
    story = [_header(doc, width), Spacer(1, 6 * mm), _p(doc.title, size=14, bold=True, align="center")]
    if doc.subtitle:
        story.append(_p(doc.subtitle, size=13, italic=True, align="center"))
    story.append(Spacer(1, 4 * mm))
    body_size = 11 if doc.landscape else 13
    for block in doc.body:
        if isinstance(block, Para):
            story.append(_p(block.text, size=body_size, bold=block.bold, italic=block.italic, align=block.align,
                            indent=10 * mm if block.indent and block.align == "justify" else 0))
        elif isinstance(block, FormTable):
            story.append(_table(block, width, 10 if doc.landscape else 11))
            story.append(Spacer(1, 3 * mm))
    if doc.signatures:
        story += [Spacer(1, 6 * mm), _signatures(doc, width)]
    pdf.build(story)
    return out.getvalue()


def _header(doc: FormDoc, width: float) -> RLTable:
    left = [_p(doc.parent_org.upper(), size=12, align="center")] if doc.parent_org else []
    left += [_p(doc.org.upper(), size=12, bold=True, align="center"), _p("_______", size=8, align="center"),
             _p(doc.number, size=13, align="center")]
    right = [_p(NATION, size=12, bold=True, align="center"),
             Paragraph(f"<u>{escape(MOTTO)}</u>", _style(size=13, bold=True, align="center")),
             Spacer(1, 2 * mm), _p(doc.place_date, size=13, italic=True, align="center")]
    t = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _table(block: FormTable, width: float, size: int) -> RLTable:
    total = sum(block.widths)
    cells = [[_p(h, size=size, bold=True, align="center") for h in block.header]]
    cells += [[_p(c, size=size, align="left") for c in row] for row in block.rows]
    t = Table(cells, colWidths=[width * w / total for w in block.widths], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"), _FONT]))
    return t


def _signatures(doc: FormDoc, width: float) -> RLTable:
    cols = []
    for s in doc.signatures:
        cols.append([_p(s.title, size=13, bold=True, align="center"), _p(s.note, size=12, italic=True, align="center"),
                     Spacer(1, 18 * mm), _p(s.name, size=13, bold=True, align="center")])
    t = Table([cols], colWidths=[width / len(cols)] * len(cols))
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _FONT]))
    return t
