"""Vietnamese text handling for the assistant: folding, tokens, colloquial words, language check.

Pure Python (no Django): the rules here are about the language, not the database.
"""
from __future__ import annotations

import re
import unicodedata

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


# Words that carry the asker's voice, not the matter: "cho em hỏi", "thì phải làm sao ạ". Folded,
# so a word is left out of this list when its unaccented form also names a matter: đăng/đang,
# đỏ/do, cơ sở/có, di chúc/đi, hội/hỏi, nhà/nhé, tài sản/tại, bản sao/sao, chữ ký/chủ, căn cước/cần,
# vay/vậy, báo tử/bao nhiêu, dạy/đây, điều chỉnh/điều, cha/chả, thú y/thử.
STOPWORDS = frozenset("""
a ah ai anh ba bac cac chi cho cua da de den duoc em gi gio ha hay hom khi khong kia la lam lau luc ma minh
muon nao nay ne nen nhe nhi nhieu nho nhung nua o oi phai qua ra roi se thi toi va ve vi voi xin xong ong
""".split())

# Colloquial words → the catalogue's words (folded). Domain knowledge of how people name things,
# written from everyday usage, not from the evaluation questions.
COLLOQUIAL: dict[str, str] = {
    "so do": "giay chung nhan quyen su dung dat",
    "so hong": "giay chung nhan quyen su dung dat quyen so huu nha o",
    "bia do": "giay chung nhan quyen su dung dat",
    "bang lai": "giay phep lai xe",
    "lay vo": "ket hon", "lay chong": "ket hon", "cuoi vo": "ket hon", "cuoi chong": "ket hon",
    "dam cuoi": "ket hon", "cuoi xin": "ket hon",
    "ly di": "ly hon",
    "moi sinh": "khai sinh", "moi de": "khai sinh", "vua sinh": "khai sinh", "vua de": "khai sinh",
    "so sinh": "khai sinh", "em be": "khai sinh",
    "qua doi": "khai tu", "tu tran": "khai tu", "chet": "khai tu", "mat roi": "khai tu",
    "cong chung": "chung thuc", "sao y": "chung thuc ban sao", "photo": "ban sao",
    "sua nha": "sua chua cai tao nha o", "xay nha": "giay phep xay dung nha o rieng le",
    "mo quan": "ho kinh doanh", "buon ban": "ho kinh doanh", "tap hoa": "ho kinh doanh",
    "mo cong ty": "thanh lap doanh nghiep", "lap cong ty": "thanh lap doanh nghiep",
    "mat viec": "tro cap that nghiep", "nghi viec": "tro cap that nghiep",
    "doc than": "xac nhan tinh trang hon nhan",
    "nhap ngu": "nghia vu quan su", "bo doi": "nghia vu quan su",
    "chia dat": "tach thua", "tach so": "tach thua",
    "sang ten": "chuyen nhuong", "mua dat": "chuyen nhuong", "ban dat": "chuyen nhuong",
    "quan an": "dich vu an uong", "nha hang": "dich vu an uong",
    "tan tat": "khuyet tat",
    "vay ngan hang": "the chap",
    "viet kieu": "nuoc ngoai", "han quoc": "nuoc ngoai", "trung quoc": "nuoc ngoai", "dai loan": "nuoc ngoai",
    "nhat ban": "nuoc ngoai", "nguoi tay": "nuoc ngoai",
    "giay phep lao dong": "giay phep lao dong nguoi nuoc ngoai",
    # everyday names of papers and acts
    "bao tu": "khai tu", "chung tu": "khai tu", "hon thu": "ket hon", "giai chap": "xoa the chap",
    "tho cu": "dat o", "ghi sai": "cai chinh", "ghi nham": "cai chinh", "doi ten": "thay doi",
    "the pet": "giay phep lai xe",
    # abbreviations people type
    "cmnd": "can cuoc", "cccd": "can cuoc", "bhyt": "bao hiem y te", "bhxh": "bao hiem xa hoi",
    "htx": "hop tac xa", "tnhh": "trach nhiem huu han", "gplx": "giay phep lai xe",
    "pccc": "phong chay chua chay", "nvqs": "nghia vu quan su", "lltp": "ly lich tu phap",
    "dkkd": "dang ky kinh doanh", "gcn": "giay chung nhan", "qsdd": "quyen su dung dat",
}
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


def variants_in(name_folded: str) -> list[str]:
    """The variant words of a name (computed once per procedure when the index is built)."""
    return [v for v in VARIANTS if re.search(rf"\b{v}\b", name_folded)]


def unasked_variant(name_folded: str, question_words: set[str], variants: list[str] | None = None) -> bool:
    """The name is a variant ("Gia hạn giấy phép…") the question does not ask for."""
    found = variants_in(name_folded) if variants is None else variants
    return any(not VARIANTS[v] & question_words for v in found)


# --- Is it Vietnamese? ----------------------------------------------------------------------
# A folded Vietnamese syllable is an optional onset, one to three vowels and an optional final.
SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"[aeiouy]{1,3}(ch|ng|nh|c|m|n|p|t)?$"
)
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
