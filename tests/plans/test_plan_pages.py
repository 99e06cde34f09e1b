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


def _plan_with_task(world):
    from datetime import date

    from cchc.plans.models import Target, Task
    plan = Plan.objects.create(kind="province_year", title="Kế hoạch CCHC năm 2025", issuer=world.province,
                               period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    task = Task.objects.create(plan=plan, number="3", task="Số hóa kết quả giải quyết TTHC", lead=world.justice,
                               time_text="Quý II/2025", due_on=date(2025, 6, 30))
    target = Target.objects.create(plan=plan, text="80% cán bộ được tập huấn kỹ năng số", threshold=80,
                                   period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    return plan, task, target


def test_task_page_progress_with_evidence_and_download(client, world, clock, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    clock.set(2025, 5, 12, 10, 0)
    plan, task, _target = _plan_with_task(world)
    client.force_login(world.justice_specialist)  # staff of the lead organisation
    page = client.get(f"/can-bo/ke-hoach/{plan.id}/").content.decode()
    assert f'href="/can-bo/ke-hoach/nhiem-vu/{task.id}/"' in page  # the plan lists its tasks
    url = f"/can-bo/ke-hoach/nhiem-vu/{task.id}/"
    r = client.post(url, {"percent": "60", "narrative": "Đã số hóa 600/1.000 kết quả",
                          "evidence": SimpleUploadedFile("bao-cao-so-hoa.xlsx", b"PK\x03\x04 so lieu")})
    assert r.status_code == 302
    html = client.get(url).content.decode()
    assert "Đã cập nhật tiến độ nhiệm vụ." in html and "Đã số hóa 600/1.000 kết quả" in html
    assert "12/05/2025 10:00" in html and "bao-cao-so-hoa.xlsx" in html and ">Đang thực hiện<" in html
    task.refresh_from_db()
    update = task.updates.get()
    assert (task.percent, update.percent, update.org) == (60, 60, world.justice)
    got = client.get(f"/can-bo/ke-hoach/minh-chung/tien-do/{update.id}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"PK\x03\x04 so lieu"
    assert got["Content-Disposition"].startswith("attachment;") and "bao-cao-so-hoa.xlsx" in got["Content-Disposition"]

    # refused, with the reason on the page, and nothing changed
    for data, status, text in [
        ({"percent": "nhiều"}, 422, "Tiến độ phải là số nguyên từ 0 đến 100."),
        ({"percent": "101"}, 422, "Tiến độ phải là số nguyên từ 0 đến 100."),
    ]:
        r = client.post(url, data)
        assert r.status_code == status and text in r.content.decode()
    monkeypatch.setattr("cchc.plans.services.MAX_BYTES", 10)
    r = client.post(url, {"percent": "70", "evidence": SimpleUploadedFile("to.pdf", b"%PDF-1.4 qua 10 byte")})
    assert r.status_code == 422 and "Tệp minh chứng quá lớn" in r.content.decode()
    client.force_login(world.finance_specialist)  # not the lead: no form, and a post is refused
    html = client.get(url).content.decode()
    assert 'name="percent"' not in html and "Chỉ cơ quan chủ trì cập nhật tiến độ" in html
    r = client.post(url, {"percent": "90"})
    assert r.status_code == 403 and "Chỉ cơ quan chủ trì nhiệm vụ được cập nhật tiến độ." in r.content.decode()
    task.refresh_from_db()
    assert (task.percent, task.updates.count()) == (60, 1)
    client.force_login(world.citizen)  # evidence is for officials only
    assert client.get(f"/can-bo/ke-hoach/minh-chung/tien-do/{update.id}/").status_code == 403
    assert client.get("/can-bo/ke-hoach/minh-chung/khac/1/").status_code == 404


def test_manual_target_reported_on_its_page(client, world, clock, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    clock.set(2025, 7, 1, 9, 0)
    _plan, _task, target = _plan_with_task(world)
    client.force_login(make_user("cchc_tinh", world.province, Role.REFORM))
    url = f"/can-bo/ke-hoach/chi-tieu/{target.id}/"
    r = client.post(url, {"action": "report", "value": "85,5"})
    assert r.status_code == 422 and "Chỉ tiêu nhập tay phải kèm minh chứng." in r.content.decode()
    assert target.reports.count() == 0
    r = client.post(url, {"action": "report", "value": "85,5", "note": "Theo báo cáo của Sở Nội vụ",
                          "evidence": SimpleUploadedFile("danh-sach.pdf", b"%PDF-1.4 danh sach")})
    assert r.status_code == 302
    html = client.get(url).content.decode()
    assert "Đã ghi giá trị báo cáo của chỉ tiêu." in html and "Theo báo cáo của Sở Nội vụ" in html
    assert '<dd data-testid="gia-tri">85,50%</dd>' in html  # 85,5 as typed, shown with the decimal comma
    assert '<span class="badge badge-ok">Đạt</span>' in html  # 85.5 ≥ 80


def test_monitoring_page_due_this_month_late_and_chart(client, world, clock):
    from datetime import date

    from cchc.plans.models import Task
    clock.set(2025, 6, 10, 9, 0)  # task 3 is due 30/06/2025: this month; task 4 was due 31/05/2025: late
    plan, _task, _target = _plan_with_task(world)
    Task.objects.create(plan=plan, number="4", task="Ban hành quy chế phối hợp", lead=world.finance,
                        due_on=date(2025, 5, 31), percent=40)
    client.force_login(world.justice_leader)
    html = client.get(f"/can-bo/ke-hoach/{plan.id}/").content.decode()
    due = html[html.index("Đến hạn trong tháng"):html.index("<h2>Quá hạn")]
    late = html[html.index("<h2>Quá hạn"):]
    assert "Số hóa kết quả giải quyết TTHC" in due and "hạn 30/06/2025" in due and "Ban hành quy chế" not in due
    assert "Ban hành quy chế phối hợp</a> — Sở Tài chính — hạn 31/05/2025 (40%)" in late
    assert 'aria-label="Biểu đồ nhiệm vụ theo trạng thái"' in html
    assert '<span class="bar-label">Quá hạn</span><span class="bar late" style="width: 50%"></span><strong>1</strong>' \
        in html  # 1 of 2 tasks
    assert "Chưa đo được" in html  # the manual target with no report yet
