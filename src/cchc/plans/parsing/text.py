"""Text clean-up shared by the plan-document parser: Unicode, old-style tone marks, re-flowing wrapped lines."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement ("hoá", "uỷ") and the new style ("hóa", "ủy") are both common in
# official texts; compare in one form. Only the pairs that differ between the two styles.
_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# only at the end of a syllable ("hoá" but not "hoạch"), and never after "q" ("quý" is right in both)
_TONE_RE = re.compile(r"(?<![qQ])(?:" + "|".join(_TONES) + r")(?![^\W\d_])", re.IGNORECASE)


def _tone(m: re.Match) -> str:
    s = m.group(0)
    new = _TONES[s.lower()]
    return new.upper() if s.isupper() else (new[0].upper() + new[1:] if s[0].isupper() else new)


def nfc(text: str) -> str:
    """NFC, new-style tone marks, no non-breaking spaces or zero-width characters."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\r\n", "\n")
    text = text.replace("\r", "\n").replace("\ufffd", "")
    return _TONE_RE.sub(_tone, text)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def fold(text: str) -> str:
    """Lower case, single spaces, new-style tones: the form names are compared in."""
    return squash(nfc(text)).lower()


# A line that starts a new item: Roman heading, "1.", "1.1.", "a)", "-", "+", "•".
MARKER = re.compile(
    r"^\s*(?:[IVX]{1,5}\s*[.)]|\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=\s|[^\W\d_])|\d{1,2}[.)](?=\s|[^\W\d_])"
    r"|[a-zđ]\)|[-+•–*](?=\s))\s*"
)
ROMAN = re.compile(r"^\s*([IVX]{1,5})\s*[.)]\s*")
_END = re.compile(r"[.:;!?…]$|[.:;]\s*[)\"”]$")


def _starts_upper(line: str) -> bool:
    m = re.search(r"[^\W\d_]", line)
    return bool(m) and m.group(0).isupper()


def reflow(lines: list[str]) -> list[str]:
    """Join lines wrapped mid-sentence into paragraphs.

    A line starts a new paragraph when it starts with an item marker, or when the previous
    line ended a sentence and this one starts with a capital; a blank line ends a paragraph
    unless the text clearly continues (no final punctuation, next starts in lower case).
    """
    paras: list[str] = []
    blank, last = True, ""
    for raw in lines:
        line = squash(raw)
        if not line:
            blank = True
            continue
        if not paras:
            paras.append(line)
            blank, last = False, line
            continue
        else:
            prev = paras[-1]
            continues = not _END.search(prev) and not _starts_upper(line) and not MARKER.match(line)
            new = (MARKER.match(line) or (_END.search(prev) and _starts_upper(line))
                   or (_starts_upper(line) and is_upper_line(last) != is_upper_line(line)))
            if (blank and not continues) or (not blank and new):
                paras.append(line)
            else:
                paras[-1] = prev + " " + line
        blank, last = False, line
    return paras


def is_upper_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
