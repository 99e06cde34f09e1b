"""Back-office pages for periodic reports and inspections, driven as an officer would."""
from __future__ import annotations

import io
from datetime import date

from docx import Document
from openpyxl import load_workbook
from tests.conftest import make_org, make_user

from cchc.org.models import OrgKind, Role
from cchc.plans.models import Inspection, InspectionPlan, PeriodicReport, Plan, Task


def test_report_pages_create_write_submit_download(client, world, clock):
    clock.set(2025, 7, 3, 9, 0)
    reformer = make_user("cchc_stp", world.justice, Role.REFORM)
    plan = Plan.objects.create(kind="province_year", title="KH 2025", issuer=world.province,
                               period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    Task.objects.create(plan=plan, task="Rà soát thủ tục hộ tịch", lead=world.justice, due_on=date(2025, 5, 31))
    client.force_login(reformer)
    page = client.get("/can-bo/ke-hoach/bao-cao/").content.decode()
    assert "Sở Tư pháp" in page and "Lập báo cáo" in page
    r = client.post("/can-bo/ke-hoach/bao-cao/", {"org_id": world.justice.id, "kind": "half", "part_half": "1",
                                                   "year": "2025"})
    report = PeriodicReport.objects.get()
    assert r["Location"] == f"/can-bo/ke-hoach/bao-cao/{report.id}/"
    page = client.get(r["Location"]).content.decode()
    assert "6 tháng đầu năm 2025" in page and "Rà soát thủ tục hộ tịch" in page and "Quá hạn" in page
    r = client.post("/can-bo/ke-hoach/bao-cao/", {"org_id": world.justice.id, "kind": "half", "part_half": "1",
                                                   "year": "2025"})
    assert r.status_code == 409 and "đã có báo cáo 6 tháng đầu năm 2025" in r.content.decode()
    r = client.post(f"/can-bo/ke-hoach/bao-cao/{report.id}/", {"action": "submit", "ket_qua": ""})
    assert r.status_code == 422 and "Kết quả nổi bật trong kỳ" in r.content.decode()
    r = client.post(f"/can-bo/ke-hoach/bao-cao/{report.id}/", {"action": "submit", "ket_qua": "Đã rà soát 12 thủ tục."})
    assert r.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted" and report.figures["counts"]["late"] == 1
    d = client.get(f"/can-bo/ke-hoach/bao-cao/{report.id}/docx/")
    assert d["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="bao-cao-cchc-h9901-6-thang-au-nam-2025.docx"' in d["Content-Disposition"]
    doc = Document(io.BytesIO(d.content))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for c in doc.tables[0].rows[0].cells])
    assert "Đã rà soát 12 thủ tục." in text and "ngày 03 tháng 07 năm 2025" in text and "DỰ THẢO" not in text
    x = client.get(f"/can-bo/ke-hoach/bao-cao/{report.id}/xlsx/")
    assert load_workbook(io.BytesIO(x.content))["Quá hạn"]["C2"].value == "Rà soát thủ tục hộ tịch"
    # another agency's officer cannot open it
    client.force_login(make_user("cchc_stc", world.finance, Role.REFORM))
    assert client.get(f"/can-bo/ke-hoach/bao-cao/{report.id}/").status_code == 403
    assert client.get(f"/can-bo/ke-hoach/bao-cao/{report.id}/docx/").status_code == 403


def test_inspection_pages(client, world, clock):
    clock.set(2025, 3, 1, 9, 0)
    home = make_org("H99.03", "Sở Nội vụ", OrgKind.AGENCY, world.province)
    client.force_login(make_user("snv", home, Role.REFORM))
    r = client.post("/can-bo/ke-hoach/kiem-tra/", {"issuer_id": home.id, "year": "2025", "number": "05/KH-SNV",
                                                   "title": "Kế hoạch kiểm tra CCHC năm 2025", "min_share": "30"})
    plan = InspectionPlan.objects.get()
    url = f"/can-bo/ke-hoach/kiem-tra/{plan.id}/"
    assert r["Location"] == url
    r = client.post(url, {"action": "add", "org_id": world.justice.id, "planned_from": "2025-05-01",
                          "planned_to": "2025-04-01"})
    assert r.status_code == 422 and "Ngày kết thúc trước ngày bắt đầu." in r.content.decode()
    client.post(url, {"action": "add", "org_id": world.justice.id, "planned_from": "2025-05-05",
                      "planned_to": "2025-05-06", "content": "Một cửa"})
    r = client.post(url, {"action": "approve"})  # 1/3 agencies is enough (ceil 0,9), but 0/2 communes is not
    html = r.content.decode()
    assert r.status_code == 422 and "xã, phường, đặc khu: 0/2 (0%), cần ít nhất 1" in html
    client.post(url, {"action": "add", "org_id": world.commune.id, "planned_from": "2025-06-02",
                      "planned_to": "2025-06-03"})
    assert client.post(url, {"action": "approve"}).status_code == 302
    page = client.get(url).content.decode()
    assert "Đã phê duyệt" in page and "Xã Phong Điền" in page
    i = Inspection.objects.get(org=world.justice)
    page = client.get(f"/can-bo/ke-hoach/kiem-tra/cuoc/{i.id}/").content.decode()
    assert "Kiểm tra công tác CCHC tại Sở Tư pháp" in page and "Chưa kiểm tra" in page
