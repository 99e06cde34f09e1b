"""Read a plan document (.txt or .docx) into paragraphs and tables.

Two table shapes reach the parser: real rows (a .docx table, a text table written with
``| a | b |`` lines) and a flattened stream of cells, as left by copying a web page into a text
file: each cell on its own lines, cells separated by a line holding only ``|``, row breaks lost.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from .text import nfc, reflow, squash

HEADER_WORDS = ("nhiệm vụ", "nội dung", "hoạt động", "sản phẩm", "kết quả", "chủ trì", "phối hợp",
                "thời gian", "thời hạn", "tiến độ", "kinh phí", "nguồn", "stt", "tt", "mục tiêu", "ghi chú",
                "cơ quan", "đơn vị", "lĩnh vực")


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)  # real rows, when known
    cells: list[str] = field(default_factory=list)  # flattened stream (rows unknown)


@dataclass
class Doc:
    paragraphs: list[str]
    tables: list[Table]
    raw: str  # whole text, tables included, for identity look-ups


class Unreadable(ValueError):
    pass


def is_header_cell(cell: str) -> bool:
    c = squash(cell).lower()
    return 0 < len(c.split()) <= 6 and any(re.search(rf"(^|\W){w}(\W|$)", c) for w in HEADER_WORDS)


def looks_like_header(cells: list[str]) -> bool:
    low = [squash(c).lower() for c in cells]
    return (sum(is_header_cell(c) for c in cells) >= 3 and any("chủ trì" in c for c in low))


def read(data: bytes, filename: str) -> Doc:
    name = filename.lower()
    if name.endswith(".docx"):
        return _read_docx(data)
    if name.endswith(".txt"):
        for enc in ("utf-8-sig", "utf-16", "cp1258"):
            try:
                return read_text(data.decode(enc))
            except UnicodeDecodeError:
                continue
        raise Unreadable("Không đọc được bảng mã của tệp văn bản.")
    raise Unreadable("Chỉ nhận tệp .txt hoặc .docx.")


# ---------------------------------------------------------------- plain text
_PIPE_ROW = re.compile(r"^\s*\|?(?:[^|\n]*\|){2,}[^|\n]*\|?\s*$")


def read_text(text: str) -> Doc:
    text = nfc(text)
    lines = text.split("\n")
    tables: list[Table] = []
    keep: list[str] = []
    i = 0
    # real rows written as "| a | b | c |"
    while i < len(lines):
        if _PIPE_ROW.match(lines[i]) and lines[i].strip() != "|":
            block = []
            while i < len(lines) and _PIPE_ROW.match(lines[i]):
                if not re.fullmatch(r"[\s|:\-+=]+", lines[i]):  # skip "|---|---|" rules
                    block.append([squash(c) for c in lines[i].strip().strip("|").split("|")])
                i += 1
            if block and looks_like_header(block[0]):
                tables.append(Table(header=block[0], rows=block[1:]))
            else:
                keep.extend(" ".join(r) for r in block)
            keep.append("")
            continue
        keep.append(lines[i])
        i += 1
    lines = keep
    # flattened cell streams: lines holding only "|"
    segments: list[list[str]] = [[]]
    for line in lines:
        if line.strip() == "|":
            segments.append([])
        else:
            segments[-1].append(line)
    narrative: list[str] = []
    s = 0
    while s < len(segments):
        seg = segments[s]
        start = _header_at(segments, s)
        if start is None:
            narrative.extend(seg)
            if s < len(segments) - 1:
                narrative.append("")  # a cell boundary ends a paragraph
            s += 1
            continue
        ncols, first = start
        narrative.extend(seg[: len(seg) - first])
        header = [squash(" ".join(seg[len(seg) - first:]))] + [squash(" ".join(x)) for x in segments[s + 1: s + ncols]]
        cells: list[str] = []
        s += ncols
        while s < len(segments):
            body = [x for x in segments[s]]
            joined = squash(" ".join(body))
            if len(joined) > 1200 or (s == len(segments) - 1 and len(joined) > 400):
                # the stream ended: keep the first cell line(s) up to a blank, the rest is narrative
                head: list[str] = []
                for line in body:
                    if not line.strip() and head:
                        break
                    head.append(line)
                if s == len(segments) - 1 and len(squash(" ".join(head))) <= 400:
                    cells.append(squash(" ".join(head)))
                    narrative.extend(body[len(head):])
                else:
                    narrative.extend(body)
                s += 1
                break
            cells.append(joined)
            s += 1
        tables.append(Table(header=header, cells=cells))
    return Doc(paragraphs=reflow(narrative), tables=tables, raw=text)


def _header_at(segments: list[list[str]], s: int) -> tuple[int, int] | None:
    """If a table header starts at the end of segment ``s``: (number of header cells, lines of
    segment ``s`` that form the first header cell)."""
    seg = [x for x in segments[s] if x.strip()]
    if not seg or s + 2 >= len(segments):
        return None
    for first in (1, 2):
        if len(seg) < first:
            break
        cells = [" ".join(seg[-first:])]
        k = s + 1
        while k < len(segments) and is_header_cell(" ".join(segments[k])) and len(cells) < 12:
            cells.append(" ".join(segments[k]))
            k += 1
        if is_header_cell(cells[0]) and len(cells) >= 4 and looks_like_header(cells):
            return len(cells), first
    return None


# ---------------------------------------------------------------- .docx
def _read_docx(data: bytes) -> Doc:
    try:
        from docx import Document
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph
        document = Document(io.BytesIO(data))
    except Exception as exc:  # a corrupt or renamed file: python-docx raises several kinds
        raise Unreadable("Tệp .docx bị hỏng hoặc không phải tài liệu Word.") from exc
    lines: list[str] = []
    tables: list[Table] = []
    raw: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = nfc(Paragraph(child, document).text)
            lines.extend(text.split("\n"))
            lines.append("")  # a Word paragraph is a paragraph
            raw.append(text)
        elif tag == "tbl":
            rows = []
            for row in DocxTable(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:  # a merged cell is returned once per grid column
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(squash(nfc(cell.text)))
                rows.append(cells)
                raw.append(" | ".join(cells))
            hdr = next((i for i, r in enumerate(rows[:3]) if looks_like_header(r)), None)
            if hdr is None:  # a layout table (letterhead, signatures): its text is narrative
                for r in rows:
                    lines.extend(c for c in r if c)
                    lines.append("")
            else:
                tables.append(Table(header=rows[hdr], rows=rows[hdr + 1:]))
    return Doc(paragraphs=reflow(lines), tables=tables, raw="\n".join(raw))
