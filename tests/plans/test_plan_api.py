"""Plans over real HTTP: preview (nothing saved), confirm, monitoring, progress by the lead only."""
from __future__ import annotations

import uuid

import pytest
from tests.conftest import make_user

from cchc.org.models import Role
from cchc.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLAN = """KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025
| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Quý I/2025 |
| 2 | Số hóa 100% hồ sơ | Phòng không có thật | năm 2025 |
"""


def _upload(client, name: str, data: bytes):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return client.call("POST", "/plans/import/preview", data=body,
                       headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


def test_import_then_progress_over_http(api, world, clock):
    reformer = make_user("cchc_tinh", world.province, Role.REFORM)
    c = api(reformer)
    r = _upload(c, "kh.txt", PLAN.encode())
    assert r.status == 200, r.data
    assert Plan.objects.count() == 0  # preview only
    assert r.data["review"]["unresolved_orgs"] == ["Phòng không có thật"]
    r2 = c.post("/plans/import/confirm", {"token": r.data["token"], "decisions": {"issuer_id": world.province.id}})
    assert r2.status == 201 and r2.data["tasks"] == 2 and r2.data["targets"] == 1
    plan_id = r2.data["id"]
    m = c.get(f"/plans/{plan_id}/monitoring")
    assert m.status == 200 and m.data["targets"][0]["status"] == "not_measurable"
    task_id = Plan.objects.get(pk=plan_id).tasks.order_by("id")[0].id
    denied = api(world.finance_specialist).post(f"/tasks/{task_id}/progress", {"percent": 50})
    assert (denied.status, denied.code) == (403, "khong_phai_co_quan_chu_tri")
    clock.set(2025, 3, 10, 9, 0)
    ok = api(world.justice_specialist).post(f"/tasks/{task_id}/progress", {"percent": 50, "narrative": "Đang làm"})
    assert ok.status == 201 and ok.data["percent"] == 50 and ok.data["status"] == "in_progress"
    # 01/07/2025: task 1 (due 31/03/2025, 50%) is late for Sở Tư pháp; task 2 (due 31/12/2025) is not
    clock.set(2025, 7, 1, 9, 0)
    late = c.get("/plans/late-tasks")
    assert late.status == 200
    assert [(g["org"], [(t["number"], t["percent"], t["due_on"]) for t in g["tasks"]]) for g in late.data] == [
        ("Sở Tư pháp", [("1", 50, "2025-03-31")])]


def test_not_a_plan_over_http(api, world):
    r = _upload(api(world.justice_leader), "menu.txt", "Thực đơn: cơm, canh, cá.".encode())
    assert (r.status, r.code) == (422, "khong_phai_ke_hoach")
    assert Plan.objects.count() == 0


def test_confirm_with_forged_token(api, world):
    r = api(make_user("cchc2", world.province, Role.REFORM)).post("/plans/import/confirm", {"token": "abc"})
    assert (r.status, r.code) == (422, "ban_xem_truoc_khong_hop_le")
