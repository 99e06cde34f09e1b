"""Feedback over real HTTP: a citizen submits, officials handle, anyone searches the published answer."""
import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BODY = {"content": "Thủ tục cấp phiếu lý lịch tư pháp đòi nộp bản sao hộ khẩu đã bãi bỏ. Liên hệ 0905123456.",
        "title": "Yêu cầu giấy tờ đã bãi bỏ", "sender_name": "Lê Văn Tâm", "sender_phone": "0905123456",
        "consent_publish": True}


def test_submit_handle_publish_search_rate(api, world, settings):
    anon = api()
    r = anon.post("/feedback", BODY)
    assert r.status == 201, r.data
    code, key = r.data["code"], r.data["key"]
    desk, leader = api(world.desk), api(world.justice_leader)
    assert desk.post(f"/feedback/{code}/classify", {"category": "regulation", "procedure_code": "2.000488"}).status == 200
    r = desk.post(f"/feedback/{code}/assign", {"org_code": "H99.77"})
    assert (r.status, r.code) == (404, "co_quan_khong_ton_tai")
    assert desk.post(f"/feedback/{code}/assign", {"org_code": "H99.01"}).data["org_code"] == "H99.01"
    assert anon.post(f"/feedback/{code}/answer", {"text": "x"}).status == 401
    r = leader.post(f"/feedback/{code}/answer", {"text": "Đã chỉ đạo bỏ yêu cầu sổ hộ khẩu."})
    assert r.data["state"] == "answered"
    assert leader.post(f"/feedback/{code}/publish").data["state"] == "published"
    r = anon.get("/feedback/published", q="hộ khẩu")
    assert r.data["count"] == 1
    item = r.data["items"][0]
    assert item["code"] == code and "0905123456" not in item["content"] and "bãi bỏ" in item["content"]
    assert anon.get("/feedback/published", q="không-có-từ-này").data["count"] == 0
    assert anon.post(f"/feedback/{code}/rate", {"rating": "very_satisfied", "key": "sai"}).status == 403
    assert anon.post(f"/feedback/{code}/rate", {"rating": "very_satisfied", "key": key}).status == 200


@pytest.mark.parametrize("change, status, code", [
    ({"content": ""}, 422, "noi_dung_trong"),
    ({"content": "x" * 5001}, 422, "noi_dung_qua_dai"),
])
def test_bad_text_over_http(api, change, status, code):
    r = api().post("/feedback", {**BODY, **change})
    assert (r.status, r.code) == (status, code)


def test_flood_gets_429(api, settings):
    settings.CCHC_FEEDBACK_PER_HOUR = 2
    anon = api()
    assert [anon.post("/feedback", {**BODY, "sender_phone": f"09000000{i}"}).status for i in range(3)] == [201, 201, 429]


def test_publish_without_consent_over_http(api, world):
    code = api().post("/feedback", {**BODY, "consent_publish": False}).data["code"]
    api(world.desk).post(f"/feedback/{code}/assign", {"org_code": "H99.01"})
    leader = api(world.justice_leader)
    leader.post(f"/feedback/{code}/answer", {"text": "Đã trả lời."})
    r = leader.post(f"/feedback/{code}/publish")
    assert (r.status, r.code) == (409, "khong_dong_y_cong_khai")
