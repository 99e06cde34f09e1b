"""Binding, reports and inspections over real HTTP: errors carry a stable code and Vietnamese text."""
from __future__ import annotations

import uuid
from datetime import date

import pytest
from tests.conftest import make_org, make_user

from cchc.org.models import OrgKind, Role
from cchc.plans.models import Inspection, PeriodicReport, Plan, Target

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_target_binding_over_http(api, world):
    reformer = make_user("cchc_tinh", world.province, Role.REFORM)
    plan = Plan.objects.create(kind="province_year", title="KH 2025", issuer=world.province,
                               period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    t = Target.objects.create(plan=plan, text="100% trễ hạn có xin lỗi", threshold=100,
                              period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    c = api(reformer)
    r = c.call("PUT", f"/targets/{t.id}/binding", {"measure_name": "khong_co"})
    assert (r.status, r.code) == (404, "phep_do_khong_ton_tai") and "khong_co" in r.data["message"]
    r = c.call("PUT", f"/targets/{t.id}/binding", {"measure_name": "late_count"})
    assert (r.status, r.code) == (422, "don_vi_khong_khop")
    r = c.call("PUT", f"/targets/{t.id}/binding", {"measure_name": "apology_coverage", "scope_org_id": world.commune.id})
    assert r.status == 200 and r.data["measure_name"] == "apology_coverage" and r.data["scope_org_id"] == world.commune.id
    assert c.get(f"/targets/{t.id}").data["status"] in ("met", "not_met", "not_measurable")


def test_report_over_http(api, world):
    reformer = make_user("cchc_stp", world.justice, Role.REFORM)
    c = api(reformer)
    r = c.post("/reports", {"org_id": world.justice.id, "kind": "quarter", "year": 2024, "part": 5})
    assert (r.status, r.code) == (422, "ky_bao_cao_sai")
    r = c.post("/reports", {"org_id": world.justice.id, "kind": "year", "year": 2024})
    assert r.status == 201 and r.data["label"] == "Năm 2024" and r.data["figures"]["counts"]["late"] == 0
    rid = r.data["id"]
    denied = api(world.finance_specialist).get(f"/reports/{rid}")
    assert (denied.status, denied.code) == (403, "khong_co_quyen_bao_cao")
    r = c.call("PUT", f"/reports/{rid}/narrative", {"sections": {"ket_qua": "Hoàn thành kế hoạch năm."}})
    assert r.status == 200 and r.data["narrative"]["ket_qua"] == "Hoàn thành kế hoạch năm."
    r = c.post(f"/reports/{rid}/submit")
    assert r.status == 200 and r.data["status"] == "submitted"
    assert (c.post(f"/reports/{rid}/submit").code) == "bao_cao_da_gui"
    raw = c.call("GET", f"/reports/{rid}/export.docx")
    assert raw.status == 200 and raw.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert PeriodicReport.objects.get().status == "submitted"


def _fix(c, rec_id, with_file=True):
    boundary = uuid.uuid4().hex
    body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"result\"\r\n\r\nĐã khắc phục\r\n".encode()
    if with_file:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"bb.pdf\"\r\n"
                 f"Content-Type: application/pdf\r\n\r\n").encode() + b"%PDF-1.4\r\n"
    body += f"--{boundary}--\r\n".encode()
    return c.call("POST", f"/recommendations/{rec_id}/fix", data=body,
                  headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


def test_inspections_over_http(api, world):
    home = make_org("H99.03", "Sở Nội vụ", OrgKind.AGENCY, world.province)
    c = api(make_user("snv", home, Role.REFORM))
    year = date.today().year
    r = c.post("/inspection-plans", {"issuer_id": home.id, "year": year, "title": "Kế hoạch kiểm tra CCHC"})
    assert r.status == 201, r.data
    pid = r.data["id"]
    r = c.post(f"/inspection-plans/{pid}/approve")
    assert (r.status, r.code) == (422, "chua_du_ty_le_kiem_tra")
    assert r.data["details"]["agency"] == {"total": 3, "planned": 0, "required": 1}
    bad = c.post(f"/inspection-plans/{pid}/inspections", {"org_id": world.justice.id,
                                                          "planned_from": f"{year}-02-10", "planned_to": "ngày mai"})
    assert (bad.status, bad.code) == (422, "du_lieu_khong_hop_le")
    start = f"{year}-01-01"
    for org in (world.justice, world.commune):
        assert c.post(f"/inspection-plans/{pid}/inspections", {"org_id": org.id, "planned_from": start,
                                                              "planned_to": start}).status == 201
    r = c.post(f"/inspection-plans/{pid}/approve")
    assert r.status == 200 and r.data["approved"] and [x["ok"] for x in r.data["coverage"]] == [True, True]
    iid = Inspection.objects.get(org=world.justice).id
    assert c.post(f"/inspections/{iid}/result", {"done_on": start, "conclusion": "Đạt yêu cầu"}).status == 200
    rec = c.post(f"/inspections/{iid}/recommendations", {"text": "Niêm yết TTHC", "due_on": f"{year}-12-31"})
    assert rec.status == 201 and rec.data["status"] == "open"
    other = _fix(api(world.finance_specialist), rec.data["id"])
    assert (other.status, other.code) == (403, "khong_phai_co_quan_thuc_hien")
    missing = _fix(api(world.justice_specialist), rec.data["id"], with_file=False)
    assert missing.status == 422
    ok = _fix(api(world.justice_specialist), rec.data["id"])
    assert ok.status == 200 and ok.data["status"] == "fixed"
