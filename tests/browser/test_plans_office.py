"""Real browser: the reform officer of Sở Tư pháp opens the province's plan, records progress on a
task her agency leads with an evidence file, and generates the first-quarter report as XLSX.

Dates by hand: today Thu 20/03/2025 10:00. Quarter I = 01/01–31/03/2025; the draft report's figures
stand "as of" min(31/03, today) = 20/03, so the 60% recorded today counts. Task 1 is due 30/06/2025
(not late: in progress); task 2, led by Sở Tài chính, is not in Sở Tư pháp's report; task 3 (Sở Tư
pháp, due 28/02/2025, 0%) is late on 20/03.
"""
from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from tests.browser.conftest import log_in
from tests.conftest import make_user

from cchc.org.models import Role
from cchc.plans.models import PeriodicReport, Plan, ProgressUpdate, Task

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(el => el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id)"""


def test_reform_officer_records_progress_and_downloads_the_quarter_report(world, clock, open_page, shot, tmp_path,
                                                                          settings):
    w = world
    settings.MEDIA_ROOT = tmp_path / "media"
    clock.set(2025, 3, 20, 10, 0)
    make_user("cchc_stp", w.justice, Role.REFORM)
    plan = Plan.objects.create(kind="province_year", title="Kế hoạch cải cách hành chính tỉnh năm 2025",
                               number="15/KH-UBND", issued_on=date(2025, 1, 10), issuer=w.province,
                               period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    task = Task.objects.create(plan=plan, number="1", task="Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp",
                               lead=w.justice, time_text="Quý II/2025", due_on=date(2025, 6, 30),
                               budget_amount=50_000_000, budget_source="Ngân sách tỉnh")
    Task.objects.create(plan=plan, number="2", task="Công khai ngân sách", lead=w.finance, time_text="thường xuyên")
    Task.objects.create(plan=plan, number="3", task="Ban hành kế hoạch CCHC của Sở", lead=w.justice,
                        time_text="trước ngày 28/02/2025", due_on=date(2025, 2, 28))
    evidence = tmp_path / "bien-ban-ra-soat.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% bien ban ra soat 12 thu tuc\n")

    page = open_page()
    log_in(page, "cchc_stp")
    page.get_by_role("link", name="Kế hoạch CCHC", exact=True).click()
    page.get_by_role("link", name="Kế hoạch cải cách hành chính tỉnh năm 2025").click()
    expect(page.locator("h1")).to_have_text("Kế hoạch cải cách hành chính tỉnh năm 2025")
    page.get_by_role("link", name="Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp").first.click()
    expect(page.get_by_test_id("trang-thai")).to_have_text("Chưa thực hiện")
    assert page.evaluate(UNLABELLED) == []

    form = page.get_by_role("form", name="Cập nhật tiến độ")
    form.get_by_label("Tiến độ (%)").fill("60")
    form.get_by_label("Kết quả thực hiện").fill("Đã rà soát 12/20 thủ tục, đề xuất đơn giản hóa 5 thủ tục.")
    form.get_by_label("Tệp minh chứng").set_input_files(str(evidence))
    form.get_by_role("button", name="Lưu tiến độ").click()
    expect(page.get_by_role("status")).to_contain_text("Đã cập nhật tiến độ nhiệm vụ.")
    expect(page.get_by_test_id("tien-do")).to_have_text("60%")
    expect(page.get_by_test_id("trang-thai")).to_have_text("Đang thực hiện")
    history = page.locator("table").last
    expect(history).to_contain_text("20/03/2025 10:00")
    expect(history).to_contain_text("Đã rà soát 12/20 thủ tục")
    shot(page, "office-plan-task-progress", full_page=True)
    with page.expect_download() as got:
        history.get_by_role("link", name="bien-ban-ra-soat.pdf").click()
    assert got.value.path().read_bytes() == evidence.read_bytes()

    update = ProgressUpdate.objects.get()
    assert (update.task_id, update.percent, update.org_id) == (task.id, 60, w.justice.id)

    page.get_by_role("link", name="Báo cáo định kỳ").click()
    new = page.get_by_role("form", name="Lập báo cáo mới")
    new.get_by_label("Cơ quan báo cáo").select_option(label="Sở Tư pháp")
    new.get_by_label("Kỳ", exact=True).select_option(label="Quý")
    new.get_by_label("Quý (nếu báo cáo quý)").select_option(label="Quý I")
    new.get_by_label("Năm", exact=True).fill("2025")
    new.get_by_role("button", name="Lập báo cáo").click()
    expect(page.locator("h1")).to_contain_text("Sở Tư pháp")
    expect(page.locator("main")).to_contain_text("Nhiệm vụ quá hạn")
    with page.expect_download() as got:
        page.get_by_role("link", name="Tải XLSX").click()
    download = got.value
    assert download.suggested_filename.endswith(".xlsx")
    wb = load_workbook(BytesIO(download.path().read_bytes()))

    report = PeriodicReport.objects.get()
    assert (report.org_id, report.kind, report.year, report.part, report.status) == (w.justice.id, "quarter", 2025, 1,
                                                                                     "draft")
    summary = wb["Tổng hợp"]
    assert summary["B2"].value == "Sở Tư pháp" and summary["B3"].value == "01/01/2025 – 31/03/2025"
    assert summary["B4"].value == "20/03/2025"
    counts = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(8, 13)}
    assert counts == {"Chưa thực hiện": 0, "Đang thực hiện": 1, "Hoàn thành": 0, "Quá hạn": 1,
                      "Hoàn thành muộn": 0}
    rows = {r[0]: r for r in wb["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"1", "3"}  # Sở Tài chính's task is not in this report
    assert rows["1"][6] == 60 and rows["1"][7] == "Đang thực hiện" and rows["1"][8] == 50_000_000
    assert rows["3"][6] == 0 and rows["3"][7] == "Quá hạn"
    assert [r[0] for r in wb["Quá hạn"].iter_rows(min_row=2, values_only=True)] == ["3"]
    assert len(summary._charts) == 1  # the native chart bound to the status counts
