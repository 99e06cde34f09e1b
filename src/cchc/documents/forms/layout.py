"""The neutral shape of an official form, rendered to PDF (``pdf.py``), DOCX (``docx.py``) and, for the
register, XLSX (``xlsx.py``)."""
from __future__ import annotations

from dataclasses import dataclass, field

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # left | center | right | justify
    indent: bool = True  # first-line indent of body text


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative
    # the same cells as typed values (int, date, datetime in local wall-clock time, None) for a
    # spreadsheet; empty: the text is all there is
    values: list[list] = field(default_factory=list)


@dataclass
class Signature:
    title: str  # e.g. NGƯỜI TIẾP NHẬN HỒ SƠ
    note: str = "(Ký và ghi rõ họ tên)"
    name: str = ""


@dataclass
class FormDoc:
    code: str  # "01".."07"
    parent_org: str  # line 1 of the issuing-organisation block (upper case), may be empty
    org: str  # line 2, bold
    number: str  # "Số: ..."
    place_date: str
    title: str
    subtitle: str = ""
    landscape: bool = False
    body: list[Para | Table] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    filename: str = ""
    sheet: str = ""  # worksheet name when laid out as a spreadsheet (≤ 31 characters)
