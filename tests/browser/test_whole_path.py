"""The whole path in a real browser (issue 3 §4), every step a person takes driven through its screen.

A citizen on a phone submits "Cấp phiếu lý lịch tư pháp" online at the province's service centre;
the centre's desk receives it and hands it to the Department of Justice; Justice asks for a
supplement, the citizen provides it from "Hồ sơ của tôi", Justice hands over to the Department of
Finance, Finance hands back to Justice's leader, who finishes; the centre's desk returns the result
online and the citizen downloads it; the citizen looks the dossier up by code and phone, and rates it.

Dates by hand (10 working days, cut-off 15:00, no holiday in October 2025): received Mon
06/10/2025 10:00 → due the 10th working day after → Mon 20/10/2025 17:00. Supplement requested Wed
08/10: Tue 07 and Wed 08 used, 8 remain. Provided Fri 10/10 09:00 (before the cut-off), counted
again from Fri 10/10: 13, 14, 15, 16, 17, 20, 21, 22 → due Wed 22/10/2025 17:00.

With CCHC_SCREENSHOTS=1 the main pages are saved to docs/screenshots/ (citizen-*.png, office-*.png).
"""
import hashlib
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from tests.browser.conftest import log_in, sign_up
from tests.documents.conftest import PASSWORD, ca, p12  # noqa: F401 — fixtures used below

from cchc.documents import services as documents
from cchc.documents.models import ComponentFile, ResultDocument
from cchc.dossiers.models import Channel, Dossier, Handover, ReturnMethod, Status
from cchc.measures.models import Rating

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
CODE = "H99.50-251006-0001"
# the page is no wider than the phone (wide tables scroll in their own box, not the page)
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def upload(group, name: str, data: bytes, mime: str, issued: str) -> None:
    group.get_by_label("Tệp (PDF, PNG, JPEG hoặc TIFF; tối đa 20 MB)").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    group.get_by_label("Ngày cấp (ngày lập)").fill(issued)


def act(page, action: str, **fields) -> None:
    """Press an action on the office dossier page (its form is named after it) and wait for the answer."""
    form = page.get_by_role("form", name=action, exact=True)
    for label, value in fields.items():
        field = form.get_by_label(label)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    form.get_by_role("button", name=action, exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"Đã thực hiện: {action}.")


def officer_opens(open_page, username: str):
    page = open_page()
    log_in(page, username)
    page.get_by_role("link", name=CODE).click()
    expect(page.locator("h1")).to_have_text(f"Hồ sơ {CODE}")
    return page


def result_pdf(d) -> bytes:
    # a real PDF made by the platform stands for the result Justice drafted (signing needs a real one)
    return documents.generate_result_pdf(d, "06").data


def test_whole_path_online_to_rating(world, clock, open_page, shot, settings, tmp_path, p12):  # noqa: F811
    cache.clear()  # the lookup throttle counts in the cache, which outlives a test
    settings.MEDIA_ROOT = tmp_path / "media"
    documents.import_certificate(actor=None, org_id=world.justice.id, data=p12("Sở Tư pháp tỉnh Sông Hương"),
                                 password=PASSWORD)

    # ---- Mon 06/10 09:30: the citizen, on a phone, finds the procedure and submits online
    clock.set(2025, 10, 6, 9, 30)
    desktop_home = open_page()
    desktop_home.goto("/")
    expect(desktop_home.locator("h1")).to_have_text("Cổng dịch vụ công")
    shot(desktop_home, "citizen-home-desktop")

    phone = open_page(**PHONE)
    phone.goto("/")
    expect(phone.locator("h1")).to_have_text("Cổng dịch vụ công")
    shot(phone, "citizen-home-phone", full_page=True)
    phone.get_by_label("Tên thủ tục (gõ có dấu hoặc không dấu)").fill("ly lich tu phap")
    phone.get_by_role("button", name="Tìm thủ tục").click()
    phone.get_by_role("link", name="Cấp phiếu lý lịch tư pháp").click()
    expect(phone.locator("h1")).to_have_text("Cấp phiếu lý lịch tư pháp")
    phone.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    sign_up(phone, "Lê Thị Mai", "0905 246 810", "Hoa-mai-2026")
    expect(phone.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến: Cấp phiếu lý lịch tư pháp")
    expect(phone.get_by_label("Nơi nộp hồ sơ")).to_have_value(str(world.centre.id))
    phone.get_by_label("Số định danh cá nhân (CCCD, 12 chữ số)").fill("046190001234")
    phone.get_by_label("Địa chỉ liên hệ").fill("12 Lê Lợi, phường Thuận Hóa")
    phone.get_by_label("Nội dung yêu cầu (không bắt buộc)").fill("Cấp phiếu số 1 để xin việc")
    upload(phone.get_by_role("group", name="Tờ khai theo mẫu"), "to-khai.pdf", PDF, "application/pdf", "06/10/2025")
    upload(phone.get_by_role("group", name="Giấy tờ tùy thân"), "cccd.png", PNG, "image/png", "15/03/2021")
    assert phone.evaluate(OVERFLOW) <= 0
    phone.get_by_role("button", name="Nộp hồ sơ", exact=True).click()
    expect(phone.get_by_test_id("ma-ho-so")).to_have_text(CODE)
    d = Dossier.objects.get()
    assert (d.status, d.channel, d.org_id, d.citizen.username) == (
        Status.NEW, Channel.ONLINE, world.centre.id, "0905246810")

    # ---- 10:00: the centre's desk receives it and hands it to the Department of Justice
    clock.set(2025, 10, 6, 10, 0)
    desk = officer_opens(open_page, "motcua_tinh")
    act(desk, "Tiếp nhận")
    expect(desk.locator("main")).to_contain_text("20/10/2025 17:00")
    act(desk, "Chuyển xử lý", **{"Ghi chú": "Chuyển Sở Tư pháp thẩm định"})
    expect(desk.locator("main")).to_contain_text("Sở Tư pháp — bước 2: Thẩm định")

    # ---- Wed 08/10: Justice asks for a supplement (form 02); the clock stops
    clock.set(2025, 10, 8, 9, 0)
    justice = officer_opens(open_page, "thuly_stp")
    act(justice, "Yêu cầu bổ sung", **{
        "Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)": "Bản chụp căn cước công dân rõ nét, đủ hai mặt",
        "Lý do, hướng dẫn": "Ảnh căn cước đã nộp bị mờ, không đọc được số"})
    expect(justice.locator("main")).to_contain_text("Tạm dừng tính thời hạn từ 08/10/2025")

    # ---- Fri 10/10 09:00: the citizen provides it online from "Hồ sơ của tôi"
    clock.set(2025, 10, 10, 9, 0)
    phone.get_by_role("link", name="Hồ sơ của tôi", exact=True).first.click()
    row = phone.get_by_role("row", name=CODE)
    expect(row).to_contain_text("Yêu cầu bổ sung giấy tờ")
    row.get_by_role("link", name=CODE).click()
    expect(phone.get_by_role("region", name="Cần nộp bổ sung giấy tờ")).to_contain_text(
        "Bản chụp căn cước công dân rõ nét, đủ hai mặt")
    phone.get_by_role("link", name="Nộp bổ sung trực tuyến").click()
    expect(phone.locator("main")).to_contain_text("Ảnh căn cước đã nộp bị mờ, không đọc được số")
    id_card = phone.get_by_role("group", name="Giấy tờ tùy thân")
    upload(id_card, "cccd-ro-net.pdf", PDF + b"% hai mat\n", "application/pdf", "15/03/2021")
    id_card.get_by_label("Số, ký hiệu của giấy tờ").fill("046190001234")
    id_card.get_by_label("Cơ quan cấp").fill("Cục Cảnh sát QLHC về TTXH")
    assert phone.evaluate(OVERFLOW) <= 0
    shot(phone, "citizen-supplement-phone", full_page=True)
    phone.get_by_role("button", name="Nộp bổ sung").click()
    expect(phone.get_by_role("status")).to_contain_text("Đã nộp giấy tờ bổ sung.")
    expect(phone.locator("main")).to_contain_text("22/10/2025")
    expect(phone.locator(".timeline")).to_contain_text("Đã nhận giấy tờ bổ sung, tiếp tục xử lý")
    assert ComponentFile.objects.filter(component__dossier=d, stored_file__original_name="cccd-ro-net.pdf").exists()

    # ---- 10:00: Justice hands over to Finance; Mon 13/10 Finance hands back to Justice's leader
    clock.set(2025, 10, 10, 10, 0)
    justice.reload()
    expect(justice.locator("main")).to_contain_text("Đang xử lý")
    act(justice, "Chuyển xử lý", **{"Ghi chú": "Đã thẩm định, đề nghị xác nhận nghĩa vụ tài chính"})
    clock.set(2025, 10, 13, 9, 0)
    finance = officer_opens(open_page, "thuly_stc")
    act(finance, "Chuyển xử lý", **{"Ghi chú": "Không có nghĩa vụ tài chính còn nợ"})
    expect(finance.locator("main")).to_contain_text("Sở Tư pháp — bước 4: Phê duyệt")
    shot(finance, "office-dossier-inter-agency", full_page=True)

    # ---- Tue 14/10: Justice's leader finishes; the centre's desk returns the result online
    clock.set(2025, 10, 14, 9, 0)
    leader = officer_opens(open_page, "lanhdao_stp")
    act(leader, "Hoàn thành xử lý", **{"Ghi chú": "Đồng ý cấp phiếu"})
    # the leader signs the result with Justice's certificate and issues it from the same page
    leader.reload()
    issue = leader.get_by_role("form", name="Ký số và ban hành kết quả điện tử")
    issue.get_by_label("Tệp kết quả (PDF, tối đa 20 MB)").set_input_files(
        files=[{"name": "phieu-ly-lich-tu-phap.pdf", "mimeType": "application/pdf", "buffer": result_pdf(Dossier.objects.get(pk=d.pk))}])
    issue.get_by_label("Loại kết quả").fill("Phiếu lý lịch tư pháp số 1")
    issue.get_by_label("Số, ký hiệu của kết quả").fill("15/PLLTP")
    issue.get_by_label("Ngày ký ban hành (dd/mm/yyyy)").fill("14/10/2025")
    issue.get_by_role("button", name="Ký số và ban hành").click()
    expect(leader.get_by_role("region", name="Kết quả điện tử")).to_contain_text("phieu-ly-lich-tu-phap.pdf")
    clock.set(2025, 10, 14, 14, 0)
    desk.reload()
    act(desk, "Trả kết quả", **{"Hình thức trả": "Trực tuyến (bản điện tử)"})
    d.refresh_from_db()
    assert (d.status, d.return_method, d.is_late) == (Status.RETURNED, ReturnMethod.ONLINE, False)
    # form 06: the desk, Justice, Finance each handed it over, and Justice's leader sent it back
    assert list(Handover.objects.filter(dossier=d).values_list("from_org__code", "to_org__code")) == [
        ("H99.50", "H99.01"), ("H99.01", "H99.02"), ("H99.02", "H99.01"), ("H99.01", "H99.50")]

    # ---- 15:00: the citizen sees it returned, looks it up publicly, and rates it
    clock.set(2025, 10, 14, 15, 0)
    phone.reload()
    expect(phone.locator("main")).to_contain_text("Đã trả kết quả")
    expect(phone.locator(".timeline")).to_contain_text("Đã trả kết quả")
    assert phone.evaluate(OVERFLOW) <= 0
    shot(phone, "citizen-dossier-phone", full_page=True)
    with phone.expect_download() as download:
        phone.get_by_role("link", name=re.compile("^Tải kết quả")).click()
    assert download.value.suggested_filename == "phieu-ly-lich-tu-phap.pdf"
    # exactly the signed bytes the leader issued (checked against their recorded SHA-256)
    signed = ResultDocument.objects.get(dossier=d).stored_file
    assert hashlib.sha256(open(download.value.path(), "rb").read()).hexdigest() == signed.sha256
    desktop = open_page()
    desktop.context.add_cookies(phone.context.cookies())  # the same citizen at a desktop
    desktop.goto(f"/ho-so-cua-toi/{CODE}/")
    expect(desktop.locator("h1")).to_have_text(f"Hồ sơ {CODE}")
    shot(desktop, "citizen-dossier-desktop", full_page=True)

    phone.get_by_role("link", name=re.compile("^Tra cứu công khai hồ sơ này")).click()
    expect(phone.get_by_label("Mã hồ sơ (trên giấy tiếp nhận)")).to_have_value(CODE)
    phone.get_by_label("Số điện thoại đã khai khi nộp").fill("0905 246 810")
    phone.get_by_role("button", name="Tra cứu", exact=True).click()
    result = phone.get_by_role("region", name=f"Hồ sơ {CODE}")
    expect(result).to_contain_text("Đã trả kết quả")
    expect(result).to_contain_text("22/10/2025")
    expect(result.locator(".timeline")).to_contain_text("Đã nhận giấy tờ bổ sung, tiếp tục xử lý")
    assert phone.evaluate(OVERFLOW) <= 0
    shot(phone, "citizen-lookup-returned-phone", full_page=True)

    phone.goto(f"/ho-so-cua-toi/{CODE}/")
    phone.get_by_role("link", name="Đánh giá hồ sơ này").click()
    criteria = phone.locator("fieldset.criterion")
    expect(criteria).to_have_count(9)
    for i in range(9):
        criteria.nth(i).get_by_label("Rất hài lòng" if i != 2 else "Hài lòng", exact=True).check()
    assert phone.evaluate(OVERFLOW) <= 0
    shot(phone, "citizen-rating-phone")
    phone.get_by_role("button", name="Gửi đánh giá").click()
    expect(phone.get_by_role("status")).to_contain_text("Cảm ơn bạn đã đánh giá.")
    expect(phone.locator("main")).to_contain_text("17/18 điểm")
    rating = Rating.objects.get(dossier=d)
    assert rating.channel == "portal"
