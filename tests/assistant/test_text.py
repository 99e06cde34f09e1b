"""Folding, words and the language check: tables worked out by hand."""
import pytest

from cchc.assistant.text import (
    SYLLABLE,
    asking_words,
    expand_colloquial,
    fold,
    has_diacritics,
    load_colloquial,
    looks_vietnamese,
    same_procedure_other_level,
    spelling_variant,
    tone_marks_on_first_vowel,
    unasked_variant,
    variants_in,
    vietnamese_share,
    without_fillers,
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


# --- the table of everyday words (data/colloquial.txt) and spelling --------------------------

def test_the_everyday_words_table_is_data(tmp_path):
    path = tmp_path / "colloquial.txt"
    path.write_text("# comment\nSổ đỏ | bìa đỏ = giấy chứng nhận quyền sử dụng đất  # trailing comment\n\n"
                    "GPLX = giấy phép lái xe\n", encoding="utf-8")
    assert load_colloquial(path) == {"so do": "giay chung nhan quyen su dung dat",
                                     "bia do": "giay chung nhan quyen su dung dat", "gplx": "giay phep lai xe"}
    path.write_text("sổ đỏ giấy chứng nhận\n", encoding="utf-8")
    with pytest.raises(ValueError, match="colloquial.txt:1"):
        load_colloquial(path)


@pytest.mark.parametrize("question, seen, added", [
    ("tiền án tiền sự có không", ["tien an", "tien su"], "khong ly lich tu phap ly lich tu phap"),
    ("đóng cửa công ty", ["dong cua cong ty"], "giai the doanh nghiep"),      # longest entry wins
    ("lap cong ty tnhh", ["lap cong ty", "tnhh"], "thanh lap doanh nghiep trach nhiem huu han"),
    ("xin học cấp 3", ["cap 3"], "trung hoc pho thong"),
])
def test_shipped_table_brings_the_catalogue_words(question, seen, added):
    text, found = expand_colloquial(" ".join(words(question)))
    assert found == seen and text.endswith(added)


@pytest.mark.parametrize("token, syllable", [
    ("nguoi", True), ("truyen", True), ("khuya", True), ("ruou", True), ("xoong", True), ("quyen", True),
    ("thaan", False), ("sihn", False), ("matt", False), ("dugn", False), ("kee", False),
])
def test_syllable_shape_knows_vietnamese_vowel_sequences(token, syllable):
    assert bool(SYLLABLE.match(token)) is syllable


@pytest.mark.parametrize("token, other", [("si", "sy"), ("sy", "si"), ("ky", "ki"), ("ly", "li"), ("quy", "qui"),
                                          ("tay", None), ("huy", None), ("sinh", None), ("y", None)])
def test_i_y_spellings(token, other):
    assert spelling_variant(token) == other


@pytest.mark.parametrize("name, variants", [
    ("Cấp lại giấy phép lái xe", ["cap lai"]),
    ("Đăng ký chấm dứt giám hộ", ["cham dut"]),
    ("Đăng ký khai sinh có yếu tố nước ngoài", ["co yeu to nuoc ngoai"]),
    ("Đổi, cấp lại Giấy xác nhận khuyết tật", ["cap lai"]),
    # one action among several, or a situation: not a variant of another procedure
    ("Cấp, cấp lại giấy phép khai thác thủy sản", []),
    ("Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam", []),
    ("Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", []),
    ("Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", []),
    ("Đăng ký nghĩa vụ quân sự chuyển đến khi thay đổi nơi cư trú", []),
])
def test_variants_that_define_a_name(name, variants):
    assert variants_in(fold(name)) == variants


@pytest.mark.parametrize("folded, marked", [
    ("cho hoi lam the nao de dang ky khai sinh can giay to gi o dau", {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15}),
    ("xin giay phep xay dung mat bao lau", {5, 6, 7}),
    ("khieu nai lan dau", set()),          # "đầu" alone names a matter ("lần đầu"); only "ở đâu" asks
    ("cap lai giay to tuy than", set()),   # "giấy tờ" is a matter unless asked as "giấy tờ gì"
    ("thu tuc gi de mo quan an", {0, 1, 2}),
])
def test_question_phrases_are_marked_as_a_whole(folded, marked):
    assert asking_words(folded) == marked


@pytest.mark.parametrize("written, first_vowel", [
    ("hoà giải", "hòa giải"), ("Hoá đơn", "Hóa đơn"), ("khoẻ", "khỏe"), ("thuỷ lợi", "thủy lợi"),
    ("Uỷ ban", "Ủy ban"), ("toạ đàm", "tọa đàm"), ("xoã", "xõa"), ("tuỳ", "tùy"),
    ("hòa giải", "hòa giải"),                     # already so
    ("hoàng", "hoàng"), ("khoảng", "khoảng"),       # a final consonant: the mark is on the last vowel
    ("quý", "quý"), ("quả", "quả"),                 # "qu" is the onset, "y"/"a" the vowel
    ("khuyến", "khuyến"), ("người", "người"),
])
def test_tone_mark_on_the_first_vowel_of_oa_oe_uy(written, first_vowel):
    assert tone_marks_on_first_vowel(written) == first_vowel


@pytest.mark.parametrize("question, known, content", [
    ("Cho em hỏi làm giấy khai sinh cho con ở đâu ạ", (), "hỏi giấy khai sinh con"),
    # "em" is a filler but "em bé" a phrase of the catalogue; "giấy tờ gì" is how it is asked
    ("Vợ tôi vừa sinh em bé được một tuần, giờ phải làm giấy tờ gì cho cháu?", ("em be",),
     "Vợ vừa sinh em bé một tuần cháu"),
    ("Vợ tôi vừa sinh em bé được một tuần, giờ phải làm giấy tờ gì cho cháu?", (),
     "Vợ vừa sinh bé một tuần cháu"),
    ("ạ ở đâu", (), "ạ ở đâu"),                   # nothing left: the question as asked
])
def test_without_fillers(question, known, content):
    assert without_fillers(question, known=set(known).__contains__) == content
