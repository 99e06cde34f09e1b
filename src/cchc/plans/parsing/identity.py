"""A plan's identity: number, date, issuer, period, title — only what the document states."""
from __future__ import annotations

import re
from datetime import date

from .model import Identity
from .text import fold, is_upper_line, nfc, squash

_NUM = r"(\d{1,5}[a-zA-Z]?/(?:\d{4}/)?[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)*)"


def _first(patterns: list[str], text: str, flags=re.M) -> re.Match | None:
    for p in patterns:
        m = re.search(p, text, flags)
        if m:
            return m
    return None


_PLACE = (r"\b(tỉnh|thành phố|huyện|xã|phường)"
          r"((?:(?:\s+-)?\s+(?!(?:giai|năm|đến|về|trong|và|theo)\b)[^\W\d_]+){1,4})")


def _sentence_case(upper: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" → "Ủy ban nhân dân tỉnh Nam Định"."""
    s = squash(upper).lower()
    s = s[:1].upper() + s[1:]
    # the place name after "tỉnh …" is capitalised up to what follows it ("giai đoạn 2021 - 2030", "năm 2025")
    return re.sub(_PLACE, lambda m: m.group(1) + " " + " ".join(w.capitalize() for w in m.group(2).split()), s)


def find(raw: str, paragraphs: list[str]) -> Identity:
    text = nfc(raw)
    ident = Identity()
    m = _first([rf"^\s*Số\s*(?:hiệu)?\s*:?\s*{_NUM}", rf"Số hiệu\s*:?\s*{_NUM}",
                rf"Nguồn\s*:?\s*(?:Quyết định|Kế hoạch|Chương trình)?\s*số\s*:?\s*{_NUM}"], text)
    if m:
        ident.number = m.group(1)
    flat = squash(text)
    m = re.search(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ ]{1,30},\s*ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", flat)
    m = m or re.search(r"Ngày ban hành\s*:?\s*(\d{1,2})/(\d{1,2})/(\d{4})", flat)
    if m:
        try:
            ident.date = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    # issuer: the upper-case letterhead before the national motto
    lines = [squash(x) for x in text.split("\n")]
    for i, line in enumerate(lines[:60]):
        if re.match(r"^(ỦY BAN|UBND|SỞ|BAN|BỘ|VĂN PHÒNG|TRUNG TÂM|HỘI ĐỒNG)\b", line) and is_upper_line(line):
            parts = [re.sub(r"-{2,}", "", line).strip()]
            for nxt in lines[i + 1:i + 4]:
                nxt = re.sub(r"-{2,}", "", nxt).strip()
                if not nxt or not is_upper_line(nxt) or nxt.startswith("CỘNG HÒA") or nxt == "|":
                    break
                parts.append(nxt)
            ident.issuer = _sentence_case(" ".join(parts))
            break
    # title: "KẾ HOẠCH / CHƯƠNG TRÌNH ..." in capitals, possibly over several lines
    for i, para in enumerate(paragraphs[:80]):
        if re.match(r"^(KẾ HOẠCH|CHƯƠNG TRÌNH)\b", para) and not para.startswith("KẾ HOẠCH:"):
            title = para
            if len(para.split()) <= 3 and i + 1 < len(paragraphs) and is_upper_line(paragraphs[i + 1]):
                title = para + " " + paragraphs[i + 1]
            title = re.sub(r"\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ].*$", "", title) if not is_upper_line(title) else title
            ident.title = _sentence_case(title)
            break
    t = fold(ident.title)
    m = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", t)
    if m:
        ident.period_start, ident.period_end = int(m.group(1)), int(m.group(2))
    else:
        m = re.search(r"năm (\d{4})", t)
        if m:
            ident.period_start = ident.period_end = int(m.group(1))
    if ident.title.lower().startswith("chương trình") or (
            ident.period_start and ident.period_end and ident.period_end > ident.period_start):
        ident.kind = "programme"
    elif ident.issuer and re.match(r"(?i)(ủy ban nhân dân|ubnd) (tỉnh|thành phố)", ident.issuer):
        ident.kind = "province_year"
    elif ident.issuer:
        ident.kind = "agency"
    return ident
