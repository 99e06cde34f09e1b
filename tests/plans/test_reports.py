"""Periodic reports: figures as they stood at the end of the period, live measurements over the
period, budgets, agency → province consolidation, and the DOCX/XLSX files opened and read back.

Hand-worked data (clock 05/04/2025, report quý I/2025 = 01/01–31/03):
  province plan P: A justice due 31/03 40% on 10/03 → in progress; B justice due 28/02, 100% on 05/03 →
  done late; C finance due 15/03 nothing → late; D justice due 30/06 → not started; E finance
  "thường xuyên", 100% on 03/04 (after the quarter) → not started at 31/03.
  justice plan J: F justice due 20/03, 100% on 18/03 → done.
  Budgets: A 50.000.000 + C 20.000.000 (Ngân sách tỉnh), D 10.000.000 (Kinh phí thường xuyên).
  Targets: T1 (P, ≥95%, whole province) measured 39/40 = 97,5% over Q1 → met; T2 (P, manual ≥80%)
  reported 75 on 20/03 (85 on 02/04 is after the quarter) → not met; T3 (J, ≥98%, scope justice)
  measured 49/50 = 98% → met.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from tests.conftest import make_user

from cchc.core.errors import Conflict, PermissionDenied, ReasonRequired, ValidationFailed
from cchc.measures.registry import Measurement, register
from cchc.org.models import Role
from cchc.plans import report_services as svc
from cchc.plans import reports, services
from cchc.plans.exports import docx as docx_export
from cchc.plans.exports import xlsx as xlsx_export
from cchc.plans.models import Plan, Target, Task

ASKED: list = []


@register("test_report_rate", label="Tỷ lệ hồ sơ đúng hạn (kiểm thử báo cáo)")
def _rate(scope, period):
    """Answers by scope so the test sees which scope and period the report asked for."""
    ASKED.append((scope.org_id, period.start, period.end))
    num, den = (49, 50) if scope.org_id else (39, 40)
    return Measurement("test_report_rate", num, den, round(100 * num / den, 2), computed_at=timezone.now())


PERIODS = [  # kind, part → bounds and label
    ("quarter", 1, date(2025, 1, 1), date(2025, 3, 31), "Quý I năm 2025"),
    ("quarter", 4, date(2025, 10, 1), date(2025, 12, 31), "Quý IV năm 2025"),
    ("half", 1, date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
    ("half", 2, date(2025, 7, 1), date(2025, 12, 31), "6 tháng cuối năm 2025"),
    ("year", 0, date(2025, 1, 1), date(2025, 12, 31), "Năm 2025"),
]


@pytest.mark.parametrize("kind,part,start,end,label", PERIODS)
def test_period_bounds_and_labels(kind, part, start, end, label):
    assert reports.period_bounds(kind, 2025, part) == (start, end)
    assert reports.period_label(kind, 2025, part) == label


@pytest.mark.parametrize("kind,part", [("quarter", 5), ("quarter", 0), ("half", 3), ("year", 1), ("month", 1)])
def test_bad_periods_are_refused(kind, part):
    with pytest.raises(ValidationFailed) as e:
        reports.period_bounds(kind, 2025, part)
    assert e.value.code == "ky_bao_cao_sai"


def _task(plan, number, lead, due, budget=None, source=""):
    return Task.objects.create(plan=plan, number=number, task=f"Nhiệm vụ {number}", lead=lead, due_on=due,
                               budget_amount=budget, budget_source=source)


@pytest.fixture
def data(world, clock, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = world
    w.prov_reform = make_user("cchc_tinh", w.province, Role.REFORM)
    w.justice_reform = make_user("cchc_stp", w.justice, Role.REFORM)
    w.finance_reform = make_user("cchc_stc", w.finance, Role.REFORM)
    y0, y1 = date(2025, 1, 1), date(2025, 12, 31)
    p = Plan.objects.create(kind="province_year", title="KH CCHC tỉnh 2025", number="15/KH-UBND", issuer=w.province,
                            period_start=y0, period_end=y1)
    j = Plan.objects.create(kind="agency", title="KH CCHC Sở Tư pháp 2025", number="07/KH-STP", issuer=w.justice,
                            parent=p, period_start=y0, period_end=y1)
    w.t1 = Target.objects.create(plan=p, text="98% hồ sơ đúng hạn", measure_name="test_report_rate", threshold=95,
                                 period_start=y0, period_end=y1)
    w.t2 = Target.objects.create(plan=p, text="80% cán bộ được tập huấn", threshold=80, period_start=y0, period_end=y1)
    Target.objects.create(plan=j, text="98% hồ sơ của Sở đúng hạn", measure_name="test_report_rate", threshold=98,
                          scope_org=w.justice, period_start=y0, period_end=y1)
    w.a = _task(p, "A", w.justice, date(2025, 3, 31), 50_000_000, "Ngân sách tỉnh")
    w.b = _task(p, "B", w.justice, date(2025, 2, 28))
    w.c = _task(p, "C", w.finance, date(2025, 3, 15), 20_000_000, "Ngân sách tỉnh")
    w.d = _task(p, "D", w.justice, date(2025, 6, 30), 10_000_000, "Kinh phí thường xuyên")
    w.e = _task(p, "E", w.finance, None)
    w.f = _task(j, "F", w.justice, date(2025, 3, 20))
    for when, user, task, pct in [((2025, 3, 5), w.justice_reform, w.b, 100), ((2025, 3, 10), w.justice_reform, w.a, 40),
                                  ((2025, 3, 18), w.justice_reform, w.f, 100), ((2025, 4, 3), w.finance_reform, w.e, 100)]:
        clock.set(*when, 9, 0)
        services.record_progress(actor=user, task_id=task.id, percent=pct)
    for when, value in [((2025, 3, 20), 75), ((2025, 4, 2), 85)]:
        clock.set(*when, 9, 0)
        services.report_target_value(actor=w.prov_reform, target_id=w.t2.id, value=value,
                                     evidence=SimpleUploadedFile("bc.pdf", b"%PDF-1.4"))
    clock.set(2025, 4, 5, 9, 0)
    return w


def test_agency_figures_as_of_the_end_of_the_quarter(data):
    w = data
    r = svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="quarter", year=2025, part=1)
    ASKED.clear()
    f = reports.assemble(r)
    assert f["label"] == "Quý I năm 2025" and f["as_of"] == "2025-03-31"
    assert [t["number"] for t in f["tasks"]] == ["A", "B", "D", "F"]
    assert f["counts"] == {"not_started": 1, "in_progress": 1, "done": 1, "done_late": 1, "late": 0}
    assert [(t["number"], t["percent"], t["status"]) for t in f["tasks"]] == [
        ("A", 40, "in_progress"), ("B", 100, "done_late"), ("D", 0, "not_started"), ("F", 100, "done")]
    assert [(t["text"], t["value"], t["numerator"], t["denominator"], t["status"]) for t in f["targets"]] == [
        ("98% hồ sơ của Sở đúng hạn", 98.0, 49, 50, "met")]
    assert ASKED == [(w.justice.id, date(2025, 1, 1), date(2025, 3, 31))]  # its scope, over the quarter only
    assert f["budget"] == [{"source": "Kinh phí thường xuyên", "amount": 10_000_000, "tasks": 1},
                           {"source": "Ngân sách tỉnh", "amount": 50_000_000, "tasks": 1}]
    assert f["budget_total"] == 60_000_000
    assert "units" not in f


def test_submit_freezes_figures_and_province_consolidates(data, clock):
    w = data
    jr = svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="quarter", year=2025, part=1)
    fr = svc.create_report(actor=w.finance_reform, org_id=w.finance.id, kind="quarter", year=2025, part=1)
    with pytest.raises(ValidationFailed) as e:  # no narrative yet
        svc.submit_report(actor=w.justice_reform, report_id=jr.id)
    assert e.value.code == "thieu_thuyet_minh"
    svc.save_narrative(actor=w.justice_reform, report_id=jr.id,
                       sections={"ket_qua": "Hoàn thành rà soát văn bản.", "kien_nghi": "Bổ sung biên chế CCHC."})
    svc.submit_report(actor=w.justice_reform, report_id=jr.id)
    services.record_progress(actor=w.justice_reform, task_id=w.d.id, percent=30)  # after submission
    jr.refresh_from_db()
    assert jr.status == "submitted" and jr.figures["counts"]["not_started"] == 1  # frozen
    with pytest.raises(Conflict):
        svc.save_narrative(actor=w.justice_reform, report_id=jr.id, sections={"ket_qua": "sửa"})

    pr = svc.create_report(actor=w.prov_reform, org_id=w.province.id, kind="quarter", year=2025, part=1)
    f = reports.assemble(pr)
    assert [t["number"] for t in f["tasks"]] == ["A", "B", "C", "D", "E"]
    assert f["counts"] == {"not_started": 2, "in_progress": 1, "done": 0, "done_late": 1, "late": 1}
    assert [t["number"] for t in f["late"]] == ["C"]
    assert [(t["value"], t["status"], t["source"]) for t in f["targets"]] == [(97.5, "met", "measure"),
                                                                              (75.0, "not_met", "manual")]
    assert f["budget_total"] == 80_000_000
    assert [u["org"] for u in f["units"]] == ["Sở Tư pháp"]  # the finance report is still a draft
    assert f["units"][0]["counts"]["done_late"] == 1 and f["units"][0]["kien_nghi"] == "Bổ sung biên chế CCHC."
    assert f["missing"] == ["Sở Tài chính", "Phường Thuận Hóa", "Xã Phong Điền"] and f["expected"] == 4
    svc.save_narrative(actor=w.prov_reform, report_id=pr.id, sections={"ket_qua": "Tỉnh đạt 1/2 chỉ tiêu."})
    svc.submit_report(actor=w.prov_reform, report_id=pr.id)
    jr.refresh_from_db()
    fr.refresh_from_db()
    assert jr.consolidated_into_id == pr.id and fr.consolidated_into_id is None
    with pytest.raises(Conflict) as e:
        svc.return_report(actor=w.prov_reform, report_id=jr.id, reason="Thiếu số liệu")
    assert e.value.code == "bao_cao_da_tong_hop"


def test_return_for_completion(data):
    w = data
    r = svc.create_report(actor=w.finance_reform, org_id=w.finance.id, kind="half", year=2025, part=1)
    svc.save_narrative(actor=w.finance_reform, report_id=r.id, sections={"ket_qua": "Đã làm."})
    svc.submit_report(actor=w.finance_reform, report_id=r.id)
    with pytest.raises(PermissionDenied):  # an agency cannot return another's report
        svc.return_report(actor=w.justice_reform, report_id=r.id, reason="x")
    with pytest.raises(ReasonRequired):
        svc.return_report(actor=w.prov_reform, report_id=r.id, reason="  ")
    r = svc.return_report(actor=w.prov_reform, report_id=r.id, reason="Thiếu kết quả nhiệm vụ C")
    assert (r.status, r.figures, r.return_reason) == ("returned", None, "Thiếu kết quả nhiệm vụ C")
    svc.save_narrative(actor=w.finance_reform, report_id=r.id, sections={"ket_qua": "Đã bổ sung."})
    assert svc.submit_report(actor=w.finance_reform, report_id=r.id).status == "submitted"


def test_bad_report_requests_change_nothing(data):
    w = data
    with pytest.raises(PermissionDenied):
        svc.create_report(actor=w.finance_reform, org_id=w.justice.id, kind="quarter", year=2025, part=1)
    with pytest.raises(ValidationFailed) as e:
        svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="quarter", year=2025, part=7)
    assert e.value.code == "ky_bao_cao_sai"
    with pytest.raises(ValidationFailed) as e:  # Q3 has not begun on 05/04/2025
        svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="quarter", year=2025, part=3)
    assert e.value.code == "ky_bao_cao_chua_bat_dau"
    r = svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="year", year=2025)
    with pytest.raises(Conflict):
        svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="year", year=2025)
    with pytest.raises(ValidationFailed) as e:
        svc.save_narrative(actor=w.justice_reform, report_id=r.id, sections={"loi_noi_dau": "x"})
    assert e.value.code == "muc_bao_cao_sai"
    r.refresh_from_db()
    assert r.narrative == {k: "" for k in reports.SECTIONS}


def _docx_text(data: bytes) -> tuple[str, object]:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts), doc


def _province_report(w):
    jr = svc.create_report(actor=w.justice_reform, org_id=w.justice.id, kind="quarter", year=2025, part=1)
    svc.save_narrative(actor=w.justice_reform, report_id=jr.id, sections={"ket_qua": "Xong.", "kien_nghi": "Tập huấn."})
    svc.submit_report(actor=w.justice_reform, report_id=jr.id)
    pr = svc.create_report(actor=w.prov_reform, org_id=w.province.id, kind="quarter", year=2025, part=1)
    svc.save_narrative(actor=w.prov_reform, report_id=pr.id,
                       sections={"ket_qua": "Cải cách TTHC chuyển biến rõ.\nSố hóa đạt kế hoạch.",
                                 "phuong_huong": "Tập trung nhiệm vụ quá hạn."})
    pr.refresh_from_db()
    return pr


def test_docx_reads_back_with_the_hand_worked_figures(data):
    pr = _province_report(data)
    text, doc = _docx_text(docx_export.render(pr, reports.figures_of(pr), today=date(2025, 4, 5)))
    assert "UBND TỈNH SÔNG HƯƠNG" in text and "DỰ THẢO" in text
    assert "Kết quả thực hiện công tác cải cách hành chính quý I năm 2025" in text
    assert "số liệu tính đến hết ngày 31/03/2025" in text and "ngày 05 tháng 04 năm 2025" in text
    assert "Đạt 1/2 chỉ tiêu." in text
    assert "1 | 98% hồ sơ đúng hạn | ≥ 95% | 97,5% (39/40) | Đạt | Tỷ lệ hồ sơ đúng hạn (kiểm thử báo cáo)" in text
    assert "2 | 80% cán bộ được tập huấn | ≥ 80% | 75% | Chưa đạt | Báo cáo kèm minh chứng" in text
    assert ("Tổng số 5 nhiệm vụ: chưa thực hiện 2; đang thực hiện 1; hoàn thành 0; hoàn thành muộn 1; quá hạn 1."
            in text)
    assert "1 | Nhiệm vụ C | Sở Tài chính | 15/03/2025 | 0%" in text
    assert "Ngân sách tỉnh | 2 | 70.000.000" in text and "Tổng cộng | 3 | 80.000.000" in text
    assert "Đã nhận 1/4 báo cáo." in text
    assert "1 | Sở Tư pháp | 4 | 2 | 0 | 1/1 | 05/04/2025" in text
    assert "Chưa gửi báo cáo: Sở Tài chính, Phường Thuận Hóa, Xã Phong Điền." in text
    assert "Sở Tư pháp kiến nghị: Tập huấn." in text
    assert "V. KẾT QUẢ NỔI BẬT TRONG KỲ\nCải cách TTHC chuyển biến rõ.\nSố hóa đạt kế hoạch." in text
    assert "VII. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI\nTập trung nhiệm vụ quá hạn." in text
    assert len(doc.inline_shapes) == 1  # the task chart
    blob = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = Image.open(io.BytesIO(doc.part.related_parts[blob].blob))
    assert image.format == "PNG" and image.size[0] == 1200


def test_xlsx_reads_back_with_native_charts(data):
    pr = _province_report(data)
    raw = xlsx_export.render(pr, reports.figures_of(pr))
    wb = load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == ["Tổng hợp", "Chỉ tiêu", "Nhiệm vụ", "Quá hạn", "Kinh phí", "Đơn vị", "Thuyết minh"]
    s = wb["Tổng hợp"]
    assert [(s.cell(r, 1).value, s.cell(r, 2).value) for r in range(8, 14)] == [
        ("Chưa thực hiện", 2), ("Đang thực hiện", 1), ("Hoàn thành", 0), ("Hoàn thành muộn", 1), ("Quá hạn", 1),
        ("Tổng cộng", 5)]
    assert (s["B15"].value, s["B16"].value, s["B17"].value) == (1, 2, 80_000_000)
    t = wb["Chỉ tiêu"]
    assert [[c.value for c in row] for row in t.iter_rows(min_row=2, max_row=3, min_col=3, max_col=12)] == [
        ["98% hồ sơ đúng hạn", "Tỷ lệ hồ sơ đúng hạn (kiểm thử báo cáo)", "Toàn tỉnh", "≥", 95, "%", 97.5, 39, 40,
         "Đạt"],
        ["80% cán bộ được tập huấn", "Nhập tay (kèm minh chứng)", "Toàn tỉnh", "≥", 80, "%", 75, None, None, "Chưa đạt"]]
    assert [r[2].value for r in wb["Quá hạn"].iter_rows(min_row=2)] == ["Nhiệm vụ C"]
    assert [[c.value for c in r] for r in wb["Kinh phí"].iter_rows(min_row=2)] == [
        ["Kinh phí thường xuyên", 1, 10_000_000], ["Ngân sách tỉnh", 2, 70_000_000], ["Tổng cộng", 3, 80_000_000]]
    u = wb["Đơn vị"]
    assert [c.value for c in u[2]][:9] == ["Sở Tư pháp", 1, 1, 1, 1, 0, 4, 1, 1]
    assert [u.cell(r, 1).value for r in range(4, 9)] == ["Đã nhận 1/4 báo cáo", "Chưa gửi báo cáo", "Sở Tài chính",
                                                          "Phường Thuận Hóa", "Xã Phong Điền"]
    assert wb["Thuyết minh"]["B2"].value.startswith("Cải cách TTHC")
    # openpyxl does not read charts back: look at the package itself
    z = zipfile.ZipFile(io.BytesIO(raw))
    charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
    assert len(charts) == 4
    xml = z.read(charts[0]).decode()
    assert "'Tổng hợp'!$B$8:$B$12" in xml and "'Tổng hợp'!$A$8:$A$12" in xml
    units_chart = next(z.read(c).decode() for c in charts if "'Đơn vị'" in z.read(c).decode())
    # one series per status (B..F), one category per reporting unit (a single row here)
    assert all(f"<f>'Đơn vị'!${col}$2</f>" in units_chart for col in "BCDEF")
