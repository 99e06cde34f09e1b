"""Bad input over real HTTP: each answer is JSON with a stable code, a Vietnamese message, details."""
import pytest
from tests.api.live_api import dossier_body
from tests.conftest import make_procedure

from cchc.dossiers.models import AuditRecord, Dossier, Status

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def state(code: str) -> tuple[dict, int]:
    """The dossier row and its audit count, to prove a refused action changed nothing."""
    d = Dossier.objects.filter(code=code).values().get()
    return d, AuditRecord.objects.filter(dossier_id=d["id"]).count()


def error(r, status: int, code: str) -> dict:
    assert (r.status, r.code) == (status, code), r
    assert r.data["message"] and r.data["message"] != code and isinstance(r.data["details"], dict)
    return r.data


@pytest.fixture
def received(api, world, clock):
    """A dossier received at the commune desk on Mon 02/06/2025 (due Mon 09/06 17:00)."""
    clock.set(2025, 6, 2, 9, 0)
    return api(world.desk).post("/dossiers", dossier_body()).data["code"]


def test_unknown_procedure_and_unpublished_version(api, world, clock):
    desk = api(world.desk)
    data = error(desk.post("/dossiers", dossier_body("9.999999")), 404, "thu_tuc_khong_ton_tai")
    assert data["message"] == "Không có thủ tục mã “9.999999”." and data["details"] == {"procedure_code": "9.999999"}
    make_procedure("1.000777", level="commune", amount=3, unit="working_days", publish=False,
                   steps=[("Xử lý", None, "specialist", 100)])
    error(desk.post("/dossiers", dossier_body("1.000777")), 409, "thu_tuc_chua_cong_bo")
    error(desk.post("/dossiers", dossier_body(org="H99.99")), 404, "noi_tiep_nhan_khong_ton_tai")
    error(api().get("/procedures/1.000777"), 409, "thu_tuc_chua_cong_bo")
    error(api().get("/procedures/9.999999"), 404, "thu_tuc_khong_ton_tai")
    assert Dossier.objects.count() == 0


def test_transition_not_allowed_is_409_and_changes_nothing(api, world, received):
    before = state(received)
    data = error(api(world.desk).post(f"/dossiers/{received}/return-result", {"method": "desk"}),
                 409, "chuyen_trang_thai_khong_hop_le")
    assert data["details"] == {"action": "return_result", "status": 2}
    assert "Được tiếp nhận" in data["message"]
    error(api(world.desk).post(f"/dossiers/{received}/receive"), 409, "chuyen_trang_thai_khong_hop_le")
    assert state(received) == before


def test_second_supplement_request_needs_an_override(api, world, clock, received):
    desk, path = api(world.desk), f"/dossiers/{received}"
    assert desk.post(f"{path}/request-supplement", {"items": ["Tờ khai"], "reason": "Thiếu chữ ký"}).status == 200
    clock.set(2025, 6, 3, 9, 0)
    assert desk.post(f"{path}/receive-supplement").status == 200
    before = state(received)
    second = {"items": ["Giấy tờ khác"], "reason": "Thiếu thêm"}
    error(desk.post(f"{path}/request-supplement", second), 409, "da_yeu_cau_bo_sung")
    assert state(received) == before
    r = desk.post(f"{path}/request-supplement", {**second, "override_reason": "Cơ quan phối hợp yêu cầu"})
    assert r.status == 200 and r.data["supplement_count"] == 2


@pytest.mark.parametrize("action", ["stop", "request-supplement", "apologise"])
def test_missing_reason_where_one_is_required(api, world, received, action):
    body = {"reason": "  ", "items": ["Tờ khai"], "new_due_at": "2025-06-12T17:00:00+07:00"}
    before = state(received)
    data = error(api(world.leader).post(f"/dossiers/{received}/{action}", body), 422, "thieu_ly_do")
    assert data["details"] == {"field": "reason"}
    assert state(received) == before


def test_refusing_an_online_dossier_needs_a_reason(api, world, clock):
    code = api(world.citizen).post("/dossiers", dossier_body(channel=2)).data["code"]
    error(api(world.desk).post(f"/dossiers/{code}/refuse"), 422, "thieu_ly_do")
    assert Dossier.objects.get(code=code).status == Status.NEW


def test_apology_after_the_due_date(api, world, clock, received):
    leader = api(world.leader)
    clock.set(2025, 6, 10, 9, 0)  # the day after the due date
    before = state(received)
    body = {"reason": "Cần xác minh thêm", "new_due_at": "2025-06-20T17:00:00+07:00"}
    error(leader.post(f"/dossiers/{received}/apologise", body), 409, "xin_loi_sau_han")
    assert state(received) == before
    clock.set(2025, 6, 9, 16, 0)  # before it: accepted, the legal due date unchanged
    r = leader.post(f"/dossiers/{received}/apologise", body)
    assert r.status == 200 and r.data["apology_count"] == 1
    assert r.data["apology_due_at"] and r.data["due_at"] == r.data["original_due_at"]


def test_official_of_another_organisation_gets_403_and_nothing_changes(api, world, received):
    before = state(received)
    for path, body in (("stop", {"reason": "Không phải của tôi"}), ("hand-over", {}), ("finish", None)):
        error(api(world.other_leader).post(f"/dossiers/{received}/{path}", body), 403, "ngoai_pham_vi_don_vi")
    error(api(world.other_leader).get(f"/dossiers/{received}"), 403, "ngoai_pham_vi_don_vi")
    # same organisation, wrong role: only a leader may stop
    error(api(world.specialist).post(f"/dossiers/{received}/stop", {"reason": "x"}), 403, "khong_co_quyen")
    error(api(world.other_desk).post("/dossiers", dossier_body()), 403, "khong_co_quyen")
    assert state(received) == before


def test_malformed_json_and_wrong_types_are_422_with_field_details(api, world, received):
    desk = api(world.desk)
    data = error(desk.post("/dossiers", data=b'{"procedure_code": "1.001193",'), 422, "du_lieu_khong_hop_le")
    assert data["message"] == "Dữ liệu gửi lên không hợp lệ."
    assert data["details"]["errors"][0]["error"] == "json_invalid"
    error(desk.post(f"/dossiers/{received}/stop", data="lý do".encode("latin-1", "replace")), 422,
          "du_lieu_khong_hop_le")

    wrong = {"procedure_code": 1001193, "org_code": "H99.01.01", "channel": 9,
             "applicant": {"name": "", "phone": "abc"}, "components": [{"quantity": "nhiều"}]}
    data = error(desk.post("/dossiers", wrong), 422, "du_lieu_khong_hop_le")
    fields = {e["field"] for e in data["details"]["errors"]}
    assert fields == {"procedure_code", "channel", "applicant.name", "applicant.phone", "components.0.quantity"}
    assert all(e["error"] and e["detail"] for e in data["details"]["errors"])

    assert error(desk.post("/dossiers", [1, 2]), 422, "du_lieu_khong_hop_le")["details"]["errors"]
    data = error(desk.post(f"/dossiers/{received}/apologise", {"reason": "x", "new_due_at": "mai"}),
                 422, "du_lieu_khong_hop_le")
    assert [e["field"] for e in data["details"]["errors"]] == ["new_due_at"]
    data = error(desk.get("/dossiers", page=0, sort="tên", status="hai"), 422, "du_lieu_khong_hop_le")
    assert {e["field"] for e in data["details"]["errors"]} == {"page", "sort", "status.0"}
    assert Dossier.objects.count() == 1


def test_unknown_dossier_is_404(api, world):
    error(api(world.desk).get("/dossiers/H99.01.01-250602-9999"), 404, "ho_so_khong_ton_tai")
    error(api(world.desk).post("/dossiers/H99.01.01-250602-9999/finish"), 404, "ho_so_khong_ton_tai")


def test_no_or_invalid_token_is_401(api, world, received):
    from tests.api.live_api import Client

    from cchc.api.models import ApiToken
    base = api().base_url
    cases = {
        "no token": Client(base),
        "unknown token": Client(base, "khong-phai-khoa-that"),
    }
    revoked_row, revoked = ApiToken.issue(world.desk, "Đã thu hồi")
    ApiToken.objects.filter(pk=revoked_row.pk).update(revoked=True)
    cases["revoked token"] = Client(base, revoked)
    inactive = api(world.leader)
    type(world.leader).objects.filter(pk=world.leader.pk).update(is_active=False)
    cases["inactive user"] = inactive
    before = state(received)
    for name, client in cases.items():
        for r in (client.get("/dossiers"), client.get(f"/dossiers/{received}"),
                  client.post("/dossiers", dossier_body()),  # a POST too: no CSRF 403 in the way
                  client.post(f"/dossiers/{received}/stop", {"reason": "x"})):
            error(r, 401, "chua_xac_thuc")
            assert r.headers["WWW-Authenticate"] == "Bearer", name
    r = Client(base).call("GET", "/dossiers", headers={"Authorization": "Token abc"})
    error(r, 401, "chua_xac_thuc")
    assert state(received) == before and Dossier.objects.count() == 1
    # the catalogue stays public
    assert Client(base).get("/procedures").status == 200
