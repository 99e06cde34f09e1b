"""POST /api/v1/assistant/ask over real HTTP: answers, bad input, rate limit."""
from urllib.request import urlopen

import pytest
from tests.api.live_api import Client

from cchc.assistant import search, services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def public(live_server, catalogue):
    return Client(live_server.url + "/api/v1")


def test_answer_with_why_and_what_to_bring(public, catalogue):
    r = public.post("/assistant/ask", {"question": "con moi sinh thi lam giay to gi", "place": "H99.01.01"})
    assert r.status == 200, r
    assert r.data["outcome"] == "answer"
    top = r.data["suggestions"][0]
    assert (top["code"], top["name"], top["level"]) == ("1.001193", "Đăng ký khai sinh", "commune")
    d = r.data["detail"]
    assert [c["name"] for c in d["components"]] == ["Tờ khai theo mẫu", "Giấy tờ tùy thân"]
    assert d["fees"][0]["text"] == "8.000 đồng" and d["time_limit"] == "5 ngày làm việc"
    assert d["where"] == "Bộ phận Một cửa — Xã Phong Điền"
    assert (d["url"], d["online_url"]) == ("/thu-tuc/1.001193/", "/thu-tuc/1.001193/nop-truc-tuyen/")
    assert top["url"] == "/thu-tuc/1.001193/"
    page = urlopen(public.base_url.removesuffix("/api/v1") + top["url"])               # the link works
    assert page.status == 200 and "Đăng ký khai sinh" in page.read().decode()


def test_follow_up_narrows_by_level(public, catalogue):
    q = "khiếu nại quyết định giải quyết khiếu nại lần đầu"
    r = public.post("/assistant/ask", {"question": q})
    assert [f["kind"] for f in r.data["follow_ups"]][0] == "level"
    r = public.post("/assistant/ask", {"question": q, "level": "province"})
    assert r.data["suggestions"][0]["code"] == "1.005863"
    assert {s["level"] for s in r.data["suggestions"]} == {"province"}


@pytest.mark.parametrize("body, code", [
    ({"question": ""}, "cau_hoi_trong"),
    ({"question": "   "}, "cau_hoi_trong"),
    ({"question": "đăng ký khai sinh " * 30}, "cau_hoi_qua_dai"),        # 540 characters
    ({"question": "khai sinh", "level": "huyen"}, "cap_khong_hop_le"),
    ({"question": "khai sinh", "place": "H00.99"}, "noi_khong_ton_tai"),
    ({}, "du_lieu_khong_hop_le"),
])
def test_bad_input_is_422_in_vietnamese(public, catalogue, body, code):
    r = public.post("/assistant/ask", body)
    assert (r.status, r.code) == (422, code), r
    assert r.data["message"]


def test_other_language(public, catalogue):
    for q in ("How do I get a marriage certificate?", "我想登记结婚"):
        r = public.post("/assistant/ask", {"question": q})
        assert (r.status, r.data["outcome"], r.data["suggestions"]) == (200, "not_vietnamese", [])
        assert "tiếng Việt" in r.data["message"]


def test_no_matching_procedure_offers_browsing(public, catalogue):
    r = public.post("/assistant/ask", {"question": "cách nấu phở bò ngon"})
    assert (r.data["outcome"], r.data["suggestions"], r.data["detail"]) == ("no_match", [], None)
    assert r.data["browse_url"] == "/thu-tuc/" and r.data["fields"][0]["name"] == "Hộ tịch"
    browse = urlopen(public.base_url.removesuffix("/api/v1") + r.data["fields"][0]["url"])   # the link works
    assert browse.status == 200 and "Đăng ký khai sinh" in browse.read().decode()


def test_rate_limited_per_address(public, catalogue, settings):
    settings.CCHC_ASSISTANT_RATE_PER_MINUTE = 3
    statuses = [public.post("/assistant/ask", {"question": "đăng ký kết hôn"}).status for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    r = public.post("/assistant/ask", {"question": "đăng ký kết hôn"})
    assert r.code == "hoi_qua_nhieu" and r.data["details"] == {"limit_per_minute": 3}


def test_empty_index_is_no_match_not_an_error(public, world):
    from cchc.assistant.models import IndexEntry
    IndexEntry.objects.all().delete()
    search.forget()
    r = public.post("/assistant/ask", {"question": "đăng ký khai sinh"})
    assert (r.status, r.data["outcome"]) == (200, "no_match")
    services.reindex_catalogue(actor=None)
