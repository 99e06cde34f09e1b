"""Folding, words and the language check: tables worked out by hand."""
import pytest

from cchc.assistant.text import (
    expand_colloquial,
    fold,
    has_diacritics,
    looks_vietnamese,
    same_procedure_other_level,
    unasked_variant,
    vietnamese_share,
    words,
)


@pytest.mark.parametrize("text, folded", [
    ("Đăng ký khai sinh", "dang ky khai sinh"),
    ("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"),
    ("Sổ đỏ bị mất", "so do bi mat"),
    ("Ường, Ỹ, ữ, ặ, ộ", "uong, y, u, a, o"),
    ("dang ky khai sinh", "dang ky khai sinh"),
    ("Giấy phép xây dựng", "giay phep xay dung"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_words_drop_punctuation_and_other_scripts():
    assert words("Xin chào! Cấp lại GPLX (bị mất), 2 lần 登记") == ["xin", "chao", "cap", "lai", "gplx", "bi", "mat",
                                                                   "2", "lan"]


def test_has_diacritics():
    assert has_diacritics("đăng ký") and has_diacritics("đang") and not has_diacritics("dang ky khai sinh")


@pytest.mark.parametrize("text, vietnamese", [
    ("Tôi muốn xin giấy phép xây nhà", True),
    ("dang ky khai sinh cho con", True),
    ("xin cap lai cmnd bi mat", True),            # 5 of 6 words are syllables: cmnd is not
    ("lam so do o dau", True),
    ("How do I register my baby's birth?", False),
    ("I want to get married", False),             # "i", "to" look Vietnamese; "want", "get"... not all
    ("我想给孩子办出生登记", False),
    ("je veux me marier", False),
    ("Wie beantrage ich einen Pass", False),
])
def test_language(text, vietnamese):
    assert looks_vietnamese(text) is vietnamese


def test_vietnamese_share_counts_words():
    # how(✗) do(✓) i(✓) register(✗) a(✓) birth(✗): 3 of 6
    assert vietnamese_share("how do i register a birth") == pytest.approx(0.5)
    assert vietnamese_share("") == 1.0


def test_colloquial_words_bring_the_catalogue_words():
    text, seen = expand_colloquial("mat so do lam lai")
    assert seen == ["so do"]
    assert text == "mat so do lam lai giay chung nhan quyen su dung dat"
    assert expand_colloquial("xin cap gplx")[0].endswith("giay phep lai xe")
    assert expand_colloquial("dang ky khai sinh") == ("dang ky khai sinh", [])


@pytest.mark.parametrize("a, b, same", [
    ("Thủ tục giải quyết khiếu nại lần đầu tại cấp xã", "Thủ tục giải quyết khiếu nại lần đầu tại cấp tỉnh", True),
    ("Thủ tục giải quyết tố cáo tại cấp xã", "Thủ tục giải quyết tố cáo tại cấp tỉnh", True),
    ("Cấp phiếu lý lịch tư pháp", "Đăng ký khai sinh", False),
    ("Thủ tục tiếp công dân tại cấp xã", "Thủ tục xử lý đơn tại cấp xã", False),
    ("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
     "Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III", False),
])
def test_same_procedure_at_another_level(a, b, same):
    assert same_procedure_other_level(a, b) is same


@pytest.mark.parametrize("name, question, unasked", [
    ("Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ", "xin giay phep xay nha", True),
    ("Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ", "giay phep sap het han", False),   # "hạn" asked
    ("Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất", "mat so do lam lai", False),     # "lại" asked
    ("Đăng ký khai sinh có yếu tố nước ngoài", "dang ky khai sinh cho con", True),
    ("Đăng ký khai sinh có yếu tố nước ngoài", "con co bo nguoi nuoc ngoai", False),
    ("Đăng ký khai sinh", "dang ky khai sinh", False),                                         # not a variant
])
def test_unasked_variant(name, question, unasked):
    assert unasked_variant(fold(name), set(words(question))) is unasked
