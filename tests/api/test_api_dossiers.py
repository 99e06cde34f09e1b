"""Dossiers over real HTTP: the whole desk path, online filing, detail and the scoped list.

Due dates are the ones worked out by hand in tests/dossiers/test_lifecycle.py.
"""
from datetime import datetime

import pytest
from tests.api.live_api import dossier_body
from tests.conftest import local

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_desk_path_from_receipt_to_result(api, world, clock):
    w = world
    desk, specialist, leader = api(w.desk), api(w.specialist), api(w.leader)
    clock.set(2025, 4, 24, 10, 0)
    r = desk.post("/dossiers", dossier_body())
    assert r.status == 201, r
    d = r.data
    assert (d["code"], d["status"], d["channel"]) == ("H99.01.01-250424-0001", 2, 1)
    assert at(d["due_at"]) == local(2025, 5, 5, 17, 0)
    assert d["applicant_id_masked"] == "*********789" and "079123456789" not in str(d)
    path = f"/dossiers/{d['code']}"

    clock.set(2025, 4, 24, 11, 0)
    assert desk.post(f"{path}/hand-over", {"note": "Chuyển thẩm định"}).data["status"] == 4
    clock.set(2025, 4, 28, 9, 0)
    r = specialist.post(f"{path}/request-supplement", {"items": ["Bản sao giấy chứng sinh"],
                                                        "reason": "Thiếu giấy chứng sinh"})
    assert r.status == 200 and r.data["status"] == 5 and at(r.data["paused_at"]) == local(2025, 4, 28, 9, 0)
    clock.set(2025, 5, 6, 16, 0)
    r = desk.post(f"{path}/receive-supplement")
    assert r.status == 200 and r.data["status"] == 4
    assert at(r.data["due_at"]) == local(2025, 5, 9, 17, 0) and r.data["paused_working_days"] == 4
    clock.set(2025, 5, 8, 10, 0)
    assert specialist.post(f"{path}/hand-over").status == 200
    clock.set(2025, 5, 9, 16, 0)
    r = leader.post(f"{path}/finish")
    assert r.status == 200 and r.data["status"] == 9 and r.data["is_late"] is False
    clock.set(2025, 5, 12, 8, 30)
    r = desk.post(f"{path}/return-result", {"method": "desk"})
    assert r.status == 200, r
    assert r.data["status"] == 10 and at(r.data["returned_at"]) == local(2025, 5, 12, 8, 30)
    assert [e["action"] for e in r.data["timeline"]] == [
        "receive_at_desk", "hand_over", "request_supplement", "receive_supplement", "hand_over", "finish",
        "return_result"]
    assert r.data["timeline"][1]["actor"] == "motcua_xa" and r.data["timeline"][2]["new"]["status"] == 5
    assert len(r.data["handovers"]) == 2 and r.data["allowed_actions"] == []


def test_online_submission_then_receipt(api, world, clock):
    w = world
    clock.set(2025, 8, 28, 20, 0)
    r = api(w.citizen).post("/dossiers", dossier_body(channel=2))
    assert r.status == 201, r
    assert (r.data["status"], r.data["due_at"], r.data["allowed_actions"]) == (1, None, ["withdraw"])
    desk = api(w.desk)
    assert desk.get(f"/dossiers/{r.data['code']}").data["allowed_actions"] == ["receive", "refuse", "withdraw"]
    clock.set(2025, 8, 29, 15, 30)  # after the cut-off before the National Day holidays
    r = desk.post(f"/dossiers/{r.data['code']}/receive")
    assert r.status == 200, r
    assert r.data["status"] == 2 and at(r.data["due_at"]) == local(2025, 9, 10, 17, 0)
    assert [e["action"] for e in r.data["timeline"]] == ["submit_online", "receive"]


def test_detail_shows_timeline_and_the_actions_the_reader_may_take(api, world, clock):
    w = world
    clock.set(2025, 6, 2, 9, 0)
    code = api(w.desk).post("/dossiers", dossier_body(request="Đăng ký khai sinh cho con")).data["code"]
    r = api(w.leader).get(f"/dossiers/{code}")
    assert r.status == 200, r
    d = r.data
    assert d["allowed_actions"] == ["hand_over", "request_supplement", "stop", "apologise"]
    assert api(w.desk).get(f"/dossiers/{code}").data["allowed_actions"] == [
        "hand_over", "request_supplement", "withdraw"]
    assert [(e["action"], e["actor"]) for e in d["timeline"]] == [("receive_at_desk", "motcua_xa")]
    assert d["timeline"][0]["new"]["status"] == 2
    assert (d["org_code"], d["current_org_code"], d["rule_set"]) == ("H99.01.01", "H99.01.01", "nd61-2018")
    assert d["procedure_name"] == "Đăng ký khai sinh" and d["fee_amount"] == 8000
    assert d["request"] == "Đăng ký khai sinh cho con" and d["supplement_count"] == 0


def _codes(r) -> list[str]:
    assert r.status == 200, r
    return [row["code"] for row in r.data["items"]]


def test_list_filters_sorts_pages_and_is_scoped(api, world, clock):
    w = world
    desk = api(w.desk)
    clock.set(2025, 6, 2, 9, 0)
    received = [desk.post("/dossiers", dossier_body()).data["code"] for _ in range(3)]  # status 2
    clock.set(2025, 6, 3, 9, 0)
    desk.post(f"/dossiers/{received[2]}/hand-over")  # status 4
    online = api(w.citizen).post("/dossiers", dossier_body(channel=2)).data["code"]  # status 1
    centre = api(w.centre_desk).post("/dossiers", dossier_body("2.000488", "H99.50")).data["code"]

    r = desk.get("/dossiers")
    assert r.data["count"] == 4 and centre not in _codes(r)
    assert _codes(desk.get("/dossiers", status=2)) == received[:2]
    assert set(_codes(desk.get("/dossiers", status=[2, 4]))) == set(received)
    assert _codes(desk.get("/dossiers", status=1)) == [online]
    assert _codes(desk.get("/dossiers", procedure="2.000488")) == []
    assert len(_codes(desk.get("/dossiers", procedure="1.001193"))) == 4
    assert _codes(desk.get("/dossiers", q=online)) == [online]
    everything = sorted(received + [online])
    assert _codes(desk.get("/dossiers", sort="code")) == everything
    assert _codes(desk.get("/dossiers", sort="-code")) == everything[::-1]
    r = desk.get("/dossiers", sort="code", page=2, page_size=3)
    assert (r.data["count"], r.data["page"], r.data["page_size"], _codes(r)) == (4, 2, 3, everything[3:])
    assert _codes(desk.get("/dossiers", page=3, page_size=3)) == []
    # received Mon 02/06 -> due Mon 09/06 17:00; on Tue 10/06 the open ones are late, the online one has no clock
    assert _codes(desk.get("/dossiers", late="true")) == []
    clock.set(2025, 6, 10, 9, 0)
    assert set(_codes(desk.get("/dossiers", late="true"))) == set(received)

    # scope: another commune sees none of them, the centre only its own
    other = api(w.other_desk)
    assert other.get("/dossiers").data["count"] == 0
    assert _codes(api(w.centre_desk).get("/dossiers")) == [centre]
    r = other.get("/dossiers", org="H99.01.01")
    assert (r.status, r.code) == (403, "ngoai_pham_vi_don_vi")
    assert (other.get(f"/dossiers/{received[0]}").status, other.get("/dossiers", org="X").status) == (403, 404)


def test_late_and_due_soon_filters(api, world, clock):
    w = world
    desk = api(w.desk)
    clock.set(2025, 6, 2, 9, 0)  # Mon: due Mon 09/06 17:00
    late = desk.post("/dossiers", dossier_body()).data["code"]
    clock.set(2025, 6, 9, 9, 0)  # Mon: due Mon 16/06 17:00
    soon = desk.post("/dossiers", dossier_body()).data["code"]
    clock.set(2025, 6, 10, 9, 0)
    assert _codes(desk.get("/dossiers", late="true")) == [late]
    assert _codes(desk.get("/dossiers", late="false")) == [soon]
    assert _codes(desk.get("/dossiers", due_within_days=10)) == [soon]
    assert _codes(desk.get("/dossiers", due_within_days=0)) == []
    assert _codes(desk.get("/dossiers", sort="due")) == [late, soon]
    assert _codes(desk.get("/dossiers", sort="-due")) == [soon, late]


def test_refuse_withdraw_and_the_financial_obligation(api, world, clock):
    w = world
    desk, specialist, citizen = api(w.desk), api(w.specialist), api(w.citizen)
    clock.set(2025, 6, 2, 9, 0)
    online = citizen.post("/dossiers", dossier_body(channel=2)).data["code"]
    r = desk.post(f"/dossiers/{online}/refuse", {"reason": "Không thuộc thẩm quyền"})
    assert (r.status, r.data["status"], r.data["end_reason"]) == (200, 3, "Không thuộc thẩm quyền"), r

    mine = citizen.post("/dossiers", dossier_body(channel=2)).data["code"]
    r = citizen.post(f"/dossiers/{mine}/withdraw", {"reason": "Tôi không cần nữa"})
    assert (r.status, r.data["status"]) == (200, 7), r

    code = desk.post("/dossiers", dossier_body()).data["code"]  # due Mon 09/06
    r = desk.post(f"/dossiers/{code}/hand-over", {"to_org_code": "H99.99"})
    assert (r.status, r.code) == (404, "co_quan_khong_ton_tai")
    desk.post(f"/dossiers/{code}/hand-over")
    clock.set(2025, 6, 4, 10, 0)
    r = specialist.post(f"/dossiers/{code}/request-payment", {"amount": 50000, "description": "Lệ phí trước bạ"})
    assert (r.status, r.data["status"]) == (200, 6), r
    clock.set(2025, 6, 6, 9, 0)  # 2 working days paused: due moves to Wed 11/06
    r = desk.post(f"/dossiers/{code}/record-payment", {"online": True})
    assert (r.status, r.data["status"], r.data["paused_working_days"]) == (200, 4, 2), r
    assert at(r.data["due_at"]) == local(2025, 6, 11, 17, 0)
