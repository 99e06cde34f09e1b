"""Real-browser paths: desk receipt; hand-over then supplement request; public search and lookup.

Dates by hand: received Mon 06/10/2025 09:00 (before the 15:00 cut-off), 5 working days ->
Mon 13/10/2025 17:00 (no holiday in October 2025).
"""
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from tests.browser.conftest import log_in

from cchc.dossiers import services as s
from cchc.dossiers.models import Dossier, Handover, Status

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def receive(w):
    return s.receive_at_desk(actor=w.desk, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone="0905123456")))


def test_desk_receipt_path(world, clock, open_page, shot):
    clock.set(2025, 10, 6, 9, 0)
    page = open_page()
    log_in(page, "motcua_xa")
    page.get_by_role("link", name="+ Tiếp nhận hồ sơ tại quầy").click()
    page.get_by_label("Thủ tục", exact=True).select_option("1.001193")
    page.get_by_role("button", name="Chọn thủ tục").click()
    # keyboard path: the checklist is reachable and tickable without a mouse
    page.get_by_label("Tờ khai theo mẫu (bản chính, 1 bản)").focus()
    page.keyboard.press("Space")
    page.get_by_label("Họ và tên người nộp").fill("Trần Văn Nam")
    page.get_by_label("Số định danh cá nhân / mã số doanh nghiệp").fill("079123456789")
    page.get_by_label(re.compile(r"^Số điện thoại")).fill("0905 111 222")
    page.get_by_label(re.compile(r"^Địa chỉ")).fill("Thôn 3, xã Phong Điền")
    shot(page, "office-receive", full_page=True)
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    expect(page.get_by_test_id("ma-ho-so")).to_have_text("H99.01.01-251006-0001")
    expect(page.locator("main")).to_contain_text("13/10/2025 17:00")
    shot(page, "office-received")
    d = Dossier.objects.get()
    assert d.status == Status.RECEIVED and d.applicant_phone == "0905 111 222"
    assert list(d.components.values_list("name", flat=True)) == ["Tờ khai theo mẫu"]


def test_officer_hands_over_then_specialist_requests_supplement(world, clock, open_page, shot):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = receive(w)
    clock.set(2025, 10, 6, 10, 0)
    desk = open_page()
    log_in(desk, "motcua_xa")
    expect(desk.locator("tbody")).to_contain_text(d.code)
    shot(desk, "office-inbox")
    desk.get_by_role("link", name=d.code).click()
    hand_over = desk.get_by_role("form", name="Chuyển xử lý")
    hand_over.get_by_label("Ghi chú").fill("Chuyển chuyên viên thẩm định")
    hand_over.get_by_role("button", name="Chuyển xử lý").click()
    expect(desk.get_by_role("status")).to_contain_text("Đã thực hiện: Chuyển xử lý.")
    assert Handover.objects.get(dossier=d).note == "Chuyển chuyên viên thẩm định"

    clock.set(2025, 10, 7, 9, 0)
    specialist = open_page()
    log_in(specialist, "thuly_xa")
    specialist.get_by_role("link", name=d.code).click()
    form = specialist.get_by_role("form", name="Yêu cầu bổ sung")
    form.get_by_label("Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)").fill("Bản sao giấy chứng sinh\nGiấy xác nhận cư trú")
    form.get_by_label("Lý do, hướng dẫn").fill("Thiếu giấy chứng sinh")
    form.get_by_role("button", name="Yêu cầu bổ sung").click()
    expect(specialist.get_by_role("status")).to_contain_text("Đã thực hiện: Yêu cầu bổ sung.")
    expect(specialist.locator("main")).to_contain_text("Tạm dừng tính thời hạn từ 07/10/2025")
    shot(specialist, "office-dossier", full_page=True)
    d.refresh_from_db()
    assert d.status == Status.SUPPLEMENT and d.supplement_count == 1

    # the desk's page is now stale: its hand-over button must not change anything
    desk.get_by_role("form", name="Chuyển xử lý").get_by_role("button", name="Chuyển xử lý").click()
    expect(desk.get_by_role("status")).to_contain_text("Không thể thực hiện “chuyển xử lý”")
    assert Handover.objects.filter(dossier=d).count() == 1


def test_citizen_finds_a_procedure_and_looks_up_a_dossier_on_a_phone(world, clock, open_page, shot):
    cache.clear()
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = receive(w)
    page = open_page()
    page.goto("/thu-tuc/")
    page.get_by_label("Tên thủ tục (gõ có dấu hoặc không dấu)").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Tìm thấy 1 thủ tục")
    shot(page, "portal-procedures")
    page.get_by_role("link", name="Đăng ký khai sinh").click()
    expect(page.locator("h1")).to_have_text("Đăng ký khai sinh")
    shot(page, "portal-procedure", full_page=True)

    phone = open_page(width=390, height=844)
    phone.goto("/tra-cuu/")
    phone.get_by_label("Mã hồ sơ (trên giấy tiếp nhận)").fill(d.code)
    phone.get_by_label("Số điện thoại đã khai khi nộp").fill("0905999999")
    phone.get_by_role("button", name="Tra cứu", exact=True).click()
    expect(phone.get_by_role("alert")).to_contain_text("Không tìm thấy hồ sơ với mã và số điện thoại này.")
    phone.get_by_label("Số điện thoại đã khai khi nộp").fill("0905123456")
    phone.get_by_role("button", name="Tra cứu", exact=True).click()
    expect(phone.locator("main")).to_contain_text("Ngày hẹn trả")
    expect(phone.locator(".timeline")).to_contain_text(re.compile("Bộ phận Một cửa đã tiếp nhận hồ sơ"))
    shot(phone, "portal-lookup-phone", full_page=True)
