"""A horizontal bar chart as PNG for the DOCX report.

Drawn with Pillow (already installed as a dependency of reportlab and openpyxl's image support)
and the Liberation Serif font the documents app uses, so Vietnamese labels render correctly;
reportlab's own bitmap renderer would need the extra rlPyCairo/Cairo stack."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from cchc.documents import fonts

COLOURS = {"not_started": "#9aa5b1", "in_progress": "#0b4f9c", "done": "#1b5e20", "done_late": "#8a4b00",
           "late": "#a31515"}


def bar_chart(title: str, bars: list[tuple[str, int, str]], *, width: int = 1200) -> bytes:
    """``bars``: (label, value, colour). Values are drawn as numbers at the end of each bar."""
    regular = ImageFont.truetype(str(fonts.path("regular")), 30)
    bold = ImageFont.truetype(str(fonts.path("bold")), 34)
    row_h, top, left = 56, 90, 330
    height = top + row_h * len(bars) + 40
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    d.text((30, 25), title, fill="#1f2933", font=bold)
    biggest = max([v for _l, v, _c in bars] + [1])
    span = width - left - 120
    for i, (label, value, colour) in enumerate(bars):
        y = top + i * row_h
        d.text((30, y + 8), label, fill="#1f2933", font=regular)
        length = round(span * value / biggest)
        d.rectangle([left, y + 8, left + max(length, 2), y + row_h - 12], fill=colour)
        d.text((left + max(length, 2) + 12, y + 8), str(value), fill="#1f2933", font=regular)
    d.line([left, top, left, top + row_h * len(bars)], fill="#52606d", width=2)
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
