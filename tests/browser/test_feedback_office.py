"""Real browser: an official of the competent department finds a feedback item in the back office,
reads it and answers it; the sender's notification is queued.

Dates by hand: received Mon 06/10/2025 09:00, answer due after 15 working days (no holiday in
October 2025): 07, 08, 09, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 27/10 → 27/10/2025 17:00.
"""
import pytest
from playwright.sync_api import expect
from tests.browser.conftest import log_in

from cchc.feedback import services as s
from cchc.feedback.models import Feedback
from cchc.notifications.models import Outbox

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_official_answers_a_feedback_item(world, clock, open_page, shot):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    fb, _ = s.submit(actor=None, channel="portal", title="Yêu cầu bản sao chứng thực không cần thiết",
                     content="Xã yêu cầu nộp bản sao có chứng thực giấy khai sinh của cha mẹ.",
                     sender=s.Sender("Nguyễn Thị Hoa", "0905123456", "hoa@example.vn"), source_ip="203.0.113.7")
    s.assign(actor=w.desk, feedback_id=fb.id, org_code="H99.01")
    clock.set(2025, 10, 8, 10, 0)

    page = open_page()
    log_in(page, "thuly_stp")
    page.get_by_role("link", name="Phản ánh, kiến nghị").click()
    expect(page.get_by_role("status")).to_contain_text("1 phản ánh")
    expect(page.locator("tbody")).to_contain_text("27/10/2025")
    shot(page, "office-feedback-list")
    page.get_by_role("link", name=fb.code).click()
    expect(page.locator("h1")).to_have_text(f"Phản ánh {fb.code}")
    expect(page.locator("main")).to_contain_text("Nguyễn Thị Hoa")
    # only the actions the state allows are offered: nothing to publish before an answer exists
    expect(page.get_by_role("form", name="Công khai")).to_have_count(0)
    form = page.get_by_role("form", name="Trả lời")
    form.get_by_label("Nội dung trả lời").fill("Sở Tư pháp đã hướng dẫn xã không yêu cầu bản sao có chứng thực.")
    form.get_by_role("button", name="Trả lời").click()
    expect(page.get_by_role("status")).to_contain_text("Đã thực hiện: Trả lời.")
    expect(page.get_by_test_id("trang-thai")).to_have_text("Đã trả lời")
    expect(page.get_by_test_id("tra-loi")).to_contain_text("không yêu cầu bản sao có chứng thực")
    expect(page.locator("table").last).to_contain_text("Đúng hạn")
    shot(page, "office-feedback-answered", full_page=True)

    fb.refresh_from_db()
    assert fb.state == "answered" and fb.is_late is False and fb.answer.startswith("Sở Tư pháp đã hướng dẫn")
    assert set(Outbox.objects.filter(feedback_id=fb.id).values_list("kind", "recipient")) == {
        ("feedback_answered", "hoa@example.vn"), ("feedback_answered", "0905123456")}
    assert Feedback.objects.count() == 1
