"""Fonts embedded in generated PDFs.

Liberation Serif (SIL OFL 1.1) from Debian's fonts-liberation2: metric-compatible with Times New
Roman, the face official documents use (Nghị định 30/2020), with every Vietnamese glyph. Not
copied into the repository; found where the distribution installs it (see docs/adr/0007).
"""
from __future__ import annotations

import os
from pathlib import Path

from cchc.core.errors import DomainError

_DIRS = [Path(p) for p in os.environ.get("CCHC_FONT_DIRS", "").split(os.pathsep) if p] + [
    Path(__file__).resolve().parent / "fonts",
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
]
FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}


class FontMissing(DomainError):
    code = "thieu_phong_chu"
    status = 500
    message = "Máy chủ chưa cài phông chữ Liberation Serif (gói fonts-liberation2)."


def path(style: str) -> Path:
    for d in _DIRS:
        p = d / FILES[style]
        if p.is_file():
            return p
    raise FontMissing()


def stamp_font_path() -> Path:
    """Liberation Serif rescaled to 1000 units per em for the signature stamp.

    pyHanko writes glyph widths and kerning in font units while PDF expects thousandths of an em,
    so a 2048-unit TrueType font (Liberation) would be drawn with double letter spacing. The
    rescaled copy is made once with fontTools and kept under var/ (never committed).
    """
    from django.conf import settings
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    target = Path(settings.VAR_DIR) / "documents" / "fonts" / "LiberationSerif-Regular-upem1000.ttf"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(str(path("regular")))
        if font["head"].unitsPerEm != 1000:
            scale_upem(font, 1000)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        font.save(str(tmp))
        os.replace(tmp, target)  # atomic: concurrent first uses never read a half-written file
    return target
