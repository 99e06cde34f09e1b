"""Vietnamese text handling for the assistant: folding, tokens, colloquial words, language check.

Pure Python (no Django): the rules here are about the language, not the database.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

MAX_QUESTION_CHARS = 500  # a question, not a document: longer input is refused with a clear message

_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without diacritics, đ → d: "Đăng ký khai sinh" → "dang ky khai sinh".

    PostgreSQL's ``unaccent`` and SQLite's ``remove_diacritics`` do most of this, but neither is
    used on both sides of every comparison here (typo correction, coverage, explanations), so the
    assistant folds the same way everywhere.
    """
    s = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in s if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded words (Vietnamese syllables, numbers); punctuation and non-Latin letters dropped."""
    return _WORD.findall(fold(text))


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def phrases(keywords: str) -> list[str]:
    """The phrases of a version's search keywords ("sổ đỏ; sang tên" → ["sổ đỏ", "sang tên"])."""
    return [" ".join(k.split()) for k in keywords.split(";") if k.strip()]


# Two placements of the tone mark are both in use on "oa", "oe", "uy" ending a syllable: "hoà/hòa",
# "khoẻ/khỏe", "thuỷ/thủy" (the catalogue itself mixes them). Folding makes them one for the
# lexical side; the embedding model sees different tokens, so both sides of the model get the
# placement on the first vowel, the one most written. "qu" is an onset: "quý" stays.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_ON_SECOND = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONES}])(?![\w])")


def tone_marks_on_first_vowel(text: str) -> str:
    """ "hoà bình, khoẻ, thuỷ lợi" → "hòa bình, khỏe, thủy lợi"; "hoàng", "quý" unchanged."""
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _TONE_ON_SECOND.sub(lambda m: m[1][0] + m[2] + m[1][1], nfd))


# Words that carry the asker's voice, not the matter: "cho em hỏi", "thì phải làm sao ạ". Folded,
# so a word is left out of this list when its unaccented form also names a matter: đăng/đang,
# đỏ/do, cơ sở/có, di chúc/đi, hội/hỏi, nhà/nhé, tài sản/tại, bản sao/sao, chữ ký/chủ, căn cước/cần,
# vay/vậy, báo tử/bao nhiêu, dạy/đây, điều chỉnh/điều, cha/chả, thú y/thử.
STOPWORDS = frozenset("""
a ah ai anh ba bac cac chi cho cua da de den duoc em gi gio ha hay hom khi khong kia la lam lau luc ma minh
muon nao nay ne nen nhe nhi nhieu nho nhung nua o oi phai qua ra roi se thi toi va ve vi voi xin xong ong
""".split())

# Phrases that only say how the question is asked ("làm thế nào để", "cần giấy tờ gì", "ở đâu"),
# folded. Their words are not stopwords one by one ("giấy tờ", "thủ tục", "đầu" name matters in
# the catalogue: "khiếu nại lần đầu"), only together, in these phrases.
QUESTION_PHRASES = tuple(sorted((" ".join(words(p)) for p in """
làm thế nào để | làm thế nào | làm sao để | làm sao | như thế nào | thế nào | ra sao | phải làm gì | làm gì |
thủ tục gì | thủ tục như thế nào | thủ tục ra sao | làm thủ tục | cần giấy tờ gì | cần những giấy tờ gì |
giấy tờ gì | cần những gì | cần gì | hồ sơ gồm những gì | hồ sơ gồm gì | hồ sơ cần những gì | cần chuẩn bị gì |
ở đâu | chỗ nào | nơi nào | bao lâu | mất bao lâu | bao nhiêu tiền | hết bao nhiêu | có được không | được không |
có phải | cho hỏi | xin hỏi | hỏi chút | muốn hỏi
""".replace("\n", " ").split("|")), key=lambda p: -len(p.split())))
_PHRASE_RE = re.compile(r"\b(" + "|".join(map(re.escape, QUESTION_PHRASES)) + r")\b")


def asking_words(folded: str) -> set[int]:
    """Positions (word indexes) of ``folded`` that belong to a question phrase."""
    out: set[int] = set()
    for m in _PHRASE_RE.finditer(folded):
        first = len(folded[:m.start()].split())
        out.update(range(first, first + len(m.group(0).split())))
    return out


_WRITTEN_WORD = re.compile(r"\w+")


def without_fillers(text: str, known: Callable[[str], bool] = lambda phrase: False) -> str:
    """The words of ``text`` as written, without filler words and question phrases:
    "Cho em hỏi làm giấy khai sinh cho con ở đâu ạ" → "làm giấy khai sinh con". A filler word
    stays when it makes a ``known`` phrase (folded) with a neighbour: "em bé", "cho thuê"."""
    written = _WRITTEN_WORD.findall(text)
    folded = [fold(w) for w in written]
    asking = asking_words(" ".join(folded))

    def kept(i: int) -> bool:
        if i in asking:
            return False
        if folded[i] not in STOPWORDS:
            return True
        return (i > 0 and known(f"{folded[i - 1]} {folded[i]}")) or (
            i + 1 < len(folded) and known(f"{folded[i]} {folded[i + 1]}"))

    return " ".join(w for i, w in enumerate(written) if kept(i)) or text


# Colloquial words and abbreviations → the catalogue's words (folded), kept as data in
# data/colloquial.txt so the province can extend it without touching code.
COLLOQUIAL_FILE = Path(__file__).resolve().parent / "data" / "colloquial.txt"


def load_colloquial(path: Path = COLLOQUIAL_FILE) -> dict[str, str]:
    """``everyday | words = catalogue words`` lines, folded; "#" starts a comment."""
    table: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, sep, right = line.partition("=")
        target = " ".join(words(right))
        if not sep or not target:
            raise ValueError(f"{path.name}:{n}: cần dạng “từ thông dụng | … = từ trong danh mục”")
        for everyday in left.split("|"):
            key = " ".join(words(everyday))
            if key:
                table[key] = target
    return table


COLLOQUIAL: dict[str, str] = load_colloquial()
_COLLOQUIAL_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, COLLOQUIAL), key=len, reverse=True)) + r")\b")


def expand_colloquial(folded: str) -> tuple[str, list[str]]:
    """Append the catalogue's words for colloquial ones; also says which colloquial words it saw."""
    seen = _COLLOQUIAL_RE.findall(folded)
    return (folded + " " + " ".join(COLLOQUIAL[s] for s in seen)).strip(), seen


# Words that make a procedure a variant of another: renewing, changing, re-issuing, ending, or a
# foreign element. People who ask for "giấy phép xây dựng" mostly want the first issue; a variant
# is meant when the question says so (one of its distinctive words, e.g. "lại", "hạn", "nước ngoài").
# variant in the name (folded) → words of a question that asks for it
VARIANTS: dict[str, set[str]] = {
    "gia han": {"han", "gia"}, "dieu chinh": {"dieu", "chinh", "thay", "doi", "sua"},
    "cap lai": {"lai", "mat", "hong", "rach", "chay", "tham"}, "cap doi": {"doi", "rach", "cu", "hong", "nat"},
    "dang ky lai": {"lai", "mat", "that"}, "sua doi": {"sua", "doi"}, "cham dut": {"cham", "dut", "thoi", "ngung"},
    "xoa": {"xoa", "giai"}, "huy": {"huy"}, "di doi": {"di", "doi", "chuyen"}, "thay doi": {"thay", "doi", "sua"},
    "tam ngung": {"tam", "ngung", "nghi"}, "co thoi han": {"thoi", "han", "tam"},
    "co yeu to nuoc ngoai": {"nuoc", "ngoai"}, "lan hai": {"hai", "lai"},
}


# A variant makes the procedure a variant only when it is the name's action ("Cấp lại giấy phép…",
# "Đăng ký chấm dứt giám hộ") or a qualifier ("… có yếu tố nước ngoài"), not when it is one of
# several actions ("Cấp, cấp lại giấy phép…", "… việc ly hôn, hủy việc kết hôn", "Thực hiện, điều
# chỉnh, thôi hưởng…") or part of a situation ("… khi thay đổi nơi cư trú").
_QUALIFIERS = {"co yeu to nuoc ngoai", "co thoi han", "lan hai"}
_LEAD = frozenset("thu tuc dang ky cap giay phep thong bao chung thuc viec doi".split())


def _defining(variant: str, name_folded: str, start: int, end: int) -> bool:
    if variant in _QUALIFIERS:
        return True
    before = name_folded[:start].rstrip()
    lead = words(before)
    if name_folded[end:].lstrip().startswith(","):
        return False                      # "thay đổi, cải chính, bổ sung": one action of a list
    if (before.endswith(",") or before.endswith(" hoac")) and lead and lead[-1] != "doi":
        return False                      # "Cấp, cấp lại": the first issue is offered too
    return all(w in _LEAD for w in lead)


def variants_in(name_folded: str) -> list[str]:
    """The variant words that define a name (computed once per procedure when the index is built)."""
    found = []
    for v in VARIANTS:
        m = re.search(rf"\b{v}\b", name_folded)
        if m and _defining(v, name_folded, m.start(), m.end()):
            found.append(v)
    return found


def unasked_variant(name_folded: str, question_words: set[str], variants: list[str] | None = None) -> bool:
    """The name is a variant ("Gia hạn giấy phép…") the question does not ask for."""
    found = variants_in(name_folded) if variants is None else variants
    return any(not VARIANTS[v] & question_words for v in found)


# --- Is it Vietnamese? ----------------------------------------------------------------------
# A folded Vietnamese syllable is an optional onset, a vowel nucleus (one of the vowel sequences
# Vietnamese spelling allows, folded: "ươi" → "uoi", "uyê" → "uye") and an optional final. A
# sequence such as "aa" or "ee" is a typo ("thaan"), not a syllable.
_NUCLEI = ("a e i o u y ai ao au ay eo eu ia ie iu oa oe oi oo ua ue ui uo uu uy ya ye "
           "ieu yeu oai oay oeo uay uoi uou uya uye uyu").split()
SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + r")(ch|ng|nh|c|m|n|p|t)?$"
)
# Two spellings of one syllable: "sĩ/sỹ", "kĩ/kỹ", "lí/lý", "qui/quy" (both are taught and used).
_I_Y = re.compile(r"^(b|c|d|h|k|l|m|n|p|qu|r|s|t|v|x)([iy])$")


def spelling_variant(token: str) -> str | None:
    """The other accepted spelling of a folded syllable ending in i/y ("si" ↔ "sy"), else None."""
    m = _I_Y.match(token)
    return (m.group(1) + ("y" if m.group(2) == "i" else "i")) if m else None


_VI_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def vietnamese_share(text: str) -> float:
    """Share of the question's letters-words that can be Vietnamese (1.0 for an empty text).

    Words of non-Latin scripts (Chinese, Thai…) count as not Vietnamese; Vietnamese-only letters
    (ă, ơ, ư, đ, tone marks on them) make a word Vietnamese outright. Abbreviations (CMND, GPLX)
    and typos fail the syllable shape, hence a threshold well below 1.
    """
    tokens = [t for t in re.findall(r"\w+", text.lower()) if not t.isdigit()]
    if not tokens:
        return 1.0
    ok = 0
    for t in tokens:
        if _VI_LETTERS.search(t) or (t.isascii() and SYLLABLE.match(t)) or (
                not t.isascii() and all(unicodedata.name(c, "").startswith("LATIN") for c in t)
                and SYLLABLE.match(fold(t))):
            ok += 1
    return ok / len(tokens)


VIETNAMESE_THRESHOLD = 0.7


def looks_vietnamese(text: str) -> bool:
    return vietnamese_share(text) >= VIETNAMESE_THRESHOLD


# --- The same matter at another level ----------------------------------------------------------
SAME_NAME = 85  # rapidfuzz ratio (0–100) above which two names differ only by their level
_LEVEL_WORDS = re.compile(r"\b(tai |o )?(cap )?(xa|tinh|huyen|trung uong)\b")


def same_procedure_other_level(name: str, other: str) -> bool:
    """"…khiếu nại lần đầu tại cấp xã" and "…tại cấp tỉnh": one matter, two levels (or the same name)."""
    a, b = (_LEVEL_WORDS.sub(" ", fold(n)) for n in (name, other))
    return fuzz.token_sort_ratio(a, b) >= SAME_NAME
