"""Questions in everyday Vietnamese → procedures, with why, details and follow-ups."""
import pytest

from cchc.assistant import embedder, search
from cchc.assistant.models import IndexEntry
from cchc.assistant.selectors import QuestionEmpty, QuestionTooLong, ask

pytestmark = pytest.mark.django_db


def codes(answer):
    return [s.code for s in answer.suggestions]


@pytest.mark.parametrize("question, first", [
    ("dang ky khai sinh cho con", "1.001193"),              # no diacritics
    ("dang ky khai sihn", "1.001193"),                      # typo
    ("Vợ tôi vừa sinh em bé, cần làm giấy tờ gì?", "1.001193"),   # a situation, not a name
    ("lấy vợ thì phải làm giấy tờ gì", "1.000398"),          # colloquial
    ("bị mất sổ đỏ rồi làm sao", "1.013777"),
    ("mat so do lam lai", "1.013777"),
    ("xin phép xây nhà", "1.013435"),
    ("xin phieu ly lich tu phap", "2.000488"),
])
def test_finds_the_procedure(catalogue, question, first):
    answer = ask(question)
    assert answer.outcome == "answer"
    assert codes(answer)[0] == first


def test_why_names_the_words_and_the_similar_phrase(catalogue):
    top = ask("dang ky khai sinh cho con").suggestions[0]
    assert top.matched_words == ["đăng ký khai sinh"]
    assert top.similar_to == "Đăng ký khai sinh"


def test_typo_is_corrected_to_a_catalogue_word(catalogue):
    q = search.parse("dang ky khai sihn", search.current())
    assert q.corrected == {"sihn": "sinh"}
    assert q.for_model == "đăng ký khai sinh"  # diacritics put back for the model


def test_a_long_question_reaches_the_model_without_its_fillers(catalogue):
    index = search.current()
    short = "cho em hỏi đăng ký kết hôn ở đâu"
    assert embedder.tokens(short) <= search.MODEL_TOKENS and search.parse(short, index).for_model == short
    long = "Cho em hỏi là nếu mà hai vợ chồng em muốn đi đăng ký kết hôn thì phải làm những thủ tục gì và nộp ở đâu ạ"
    assert embedder.tokens(long) > search.MODEL_TOKENS
    q = search.parse(long, index)
    assert q.for_model == "hỏi nếu hai vợ chồng đi đăng ký kết hôn nộp"
    assert {"muon", "thu", "tuc"} <= set(q.tokens)        # the lexical side keeps every word
    assert search.rank(long, index=index).hits[0].version_id == catalogue.marriage.pk


def test_detail_of_the_chosen_procedure(catalogue):
    d = ask("đăng ký khai sinh", place="H99.01.01").detail
    assert d.code == "1.001193" and d.level_label == "Cấp xã"
    assert [(c["name"], c["form"], c["required"]) for c in d.components] == [
        ("Tờ khai theo mẫu", "Bản chính", True), ("Giấy tờ tùy thân", "Bản sao", False)]
    assert [(f["name"], f["text"]) for f in d.fees] == [("Lệ phí", "8.000 đồng")]
    assert d.time_limit == "5 ngày làm việc"
    assert d.where == "Bộ phận Một cửa — Xã Phong Điền"
    assert (d.online, d.online_url, d.url) == ("Toàn trình", "/thu-tuc/1.001193/nop-truc-tuyen/", "/thu-tuc/1.001193/")


def test_province_procedure_says_who_decides_and_where_to_file(catalogue):
    answer = ask("xin cấp phiếu lý lịch tư pháp")
    assert answer.detail.where == "Sở Tư pháp giải quyết; nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh"
    assert [f.kind for f in answer.follow_ups] == []   # one level only, nothing to ask


def test_commune_procedure_asks_where_then_answers_for_that_commune(catalogue):
    answer = ask("đăng ký kết hôn")
    place = [f for f in answer.follow_ups if f.kind == "place"]
    assert [o["value"] for o in place[0].options] == ["H99.01.02", "H99.01.01"]  # by name: Phường…, Xã…
    narrowed = ask("đăng ký kết hôn", place="H99.01.02")
    assert narrowed.detail.where == "Bộ phận Một cửa — Phường Thuận Hóa"
    assert [f.kind for f in narrowed.follow_ups] == []


def test_ambiguous_level_gets_a_follow_up_that_narrows(catalogue):
    answer = ask("tôi muốn khiếu nại quyết định giải quyết khiếu nại lần đầu")
    assert set(codes(answer)[:2]) == {"1.009037", "1.005863"}
    level = [f for f in answer.follow_ups if f.kind == "level"][0]
    assert [o["value"] for o in level.options] == ["province", "commune"]
    narrowed = ask("tôi muốn khiếu nại quyết định giải quyết khiếu nại lần đầu", level="commune")
    assert codes(narrowed)[0] == "1.009037" and all(s.level == "commune" for s in narrowed.suggestions)
    assert "level" not in [f.kind for f in narrowed.follow_ups]


def test_drafts_are_not_searched(catalogue):
    assert not IndexEntry.objects.filter(version=catalogue.draft).exists()
    answer = ask("giải thể doanh nghiệp")
    assert "1.001044" not in codes(answer)


# --- bad input -------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["", "   ", None])
def test_empty_question(catalogue, question):
    with pytest.raises(QuestionEmpty) as e:
        ask(question)
    assert e.value.status == 422 and e.value.code == "cau_hoi_trong"


def test_length_limit_is_500_characters(catalogue):
    ok = ("đăng ký khai sinh " * 40)[:500]
    assert len(ok) == 500 and ask(ok).outcome == "answer"
    with pytest.raises(QuestionTooLong) as e:
        ask("a" * 501)
    assert e.value.details == {"max_chars": 500, "chars": 501} and "500 ký tự" in e.value.message


@pytest.mark.parametrize("question", ["How do I register my baby's birth?", "我想给孩子办出生登记",
                                      "je veux me marier"])
def test_other_language_is_told_we_answer_vietnamese(catalogue, question):
    answer = ask(question)
    assert answer.outcome == "not_vietnamese" and answer.suggestions == []
    assert "chỉ trả lời câu hỏi bằng tiếng Việt" in answer.message


@pytest.mark.parametrize("question", ["giá vàng hôm nay bao nhiêu", "thoi tiet ngay mai the nao"])
def test_no_matching_procedure_offers_browsing(catalogue, question):
    answer = ask(question)
    assert answer.outcome == "no_match" and answer.suggestions == [] and answer.detail is None
    assert "Chưa tìm thấy thủ tục" in answer.message
    assert answer.fields == [{"name": "Hộ tịch", "url": "/thu-tuc/?field=H%E1%BB%99+t%E1%BB%8Bch"}]
    assert answer.browse_url == "/thu-tuc/"
