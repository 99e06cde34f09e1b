"""The web pages: upload → review (nothing saved) → confirm → monitoring page."""
from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from tests.conftest import make_user

from cchc.org.models import Role
from cchc.plans.models import Plan

PLAN = """KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025
| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Quý I/2025 |
| 2 | Kiểm tra một cửa | Sở Xây dựng | khi có yêu cầu |
"""


def test_upload_review_confirm_monitor(client, world):
    client.force_login(make_user("cchc_tinh", world.province, Role.REFORM))
    r = client.post("/can-bo/ke-hoach/nhap/", {"file": SimpleUploadedFile("kh.txt", PLAN.encode())})
    html = r.content.decode()
    assert r.status_code == 200 and "Duyệt kế hoạch trước khi lưu" in html
    assert "Sở Xây dựng" in html and "chưa xác định được cơ quan" in html and "không hiểu thời hạn" in html
    assert Plan.objects.count() == 0
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    r = client.post("/can-bo/ke-hoach/nhap/xac-nhan/", {"token": token, "issuer_id": world.province.id,
                                                 "lead_1": world.justice.id, "period_start_year": "2025"})
    assert r.status_code == 302
    plan = Plan.objects.get()
    assert [t.lead for t in plan.tasks.order_by("id")] == [world.justice, world.justice]
    page = client.get(r["Location"]).content.decode()
    assert "Nhiệm vụ theo trạng thái" in page and "Rà soát văn bản quy phạm pháp luật" in page


def test_upload_not_a_plan_shows_message(client, world):
    client.force_login(world.justice_leader)
    r = client.post("/can-bo/ke-hoach/nhap/", {"file": SimpleUploadedFile("x.txt", "Chỉ là một ghi chú.".encode())})
    assert r.status_code == 422 and "không phải là một kế hoạch" in r.content.decode()
    assert Plan.objects.count() == 0
