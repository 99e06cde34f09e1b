"""Real browser, citizen side: sign up, submit online with an upload, download form 01, see "Hồ sơ của tôi".

Dates by hand: submitted Mon 06/10/2025 09:30, received by the desk at 10:00 (before the 15:00
cut-off), 5 working days → due Mon 13/10/2025 17:00.
"""
import io

import pypdf
import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from tests.browser.conftest import sign_up

from cchc.documents.models import ComponentFile
from cchc.dossiers import services as s
from cchc.dossiers.models import Channel, Dossier, Status

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_citizen_signs_up_submits_online_and_downloads_form_01(world, clock, open_page, shot, settings, tmp_path):
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    clock.set(2025, 10, 6, 9, 30)
    page = open_page(width=390, height=844)  # a citizen on a phone
    page.goto("/thu-tuc/1.001193/")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()

    # not signed in: the sign-in page, then sign up, and back to the form
    sign_up(page, "Phạm Thị Lan", "0905 777 888", "Sen-vang-2026")
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến: Đăng ký khai sinh")

    page.get_by_label("Nơi nộp hồ sơ").select_option(label="Xã Phong Điền")
    expect(page.get_by_label("Họ và tên người nộp")).to_have_value("Phạm Thị Lan")
    expect(page.get_by_label("Số điện thoại")).to_have_value("0905777888")
    page.get_by_label("Số định danh cá nhân (CCCD, 12 chữ số)").fill("079123456789")
    page.get_by_label("Địa chỉ liên hệ").fill("Thôn 3, xã Phong Điền")
    declaration = page.get_by_role("group", name="Tờ khai theo mẫu")
    declaration.get_by_label("Tệp (PDF, PNG, JPEG hoặc TIFF; tối đa 20 MB)").set_input_files(
        files=[{"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    declaration.get_by_label("Ngày cấp (ngày lập)").fill("06/10/2025")
    shot(page, "portal-submit", full_page=True)
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()

    expect(page.get_by_test_id("ma-ho-so")).to_have_text("H99.01.01-251006-0001")
    shot(page, "portal-submitted")
    d = Dossier.objects.get()
    assert (d.status, d.channel, d.citizen.username) == (Status.NEW, Channel.ONLINE, "0905777888")
    assert ComponentFile.objects.get(component__dossier=d).stored_file.original_name == "to-khai.pdf"

    clock.set(2025, 10, 6, 10, 0)
    s.receive(actor=world.desk, dossier_id=d.id)  # the desk receives it: form 01 now exists
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) (PDF)").click()
    assert download.value.suggested_filename == "mau-01-H99.01.01-251006-0001.pdf"
    data = open(download.value.path(), "rb").read()
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())
    assert "Mã hồ sơ: H99.01.01-251006-0001" in text and "Phạm Thị Lan" in text and "13/10/2025" in text

    page.get_by_role("link", name="Hồ sơ của tôi", exact=True).first.click()
    row = page.get_by_role("row", name="H99.01.01-251006-0001")
    expect(row).to_contain_text("Đăng ký khai sinh")
    expect(row).to_contain_text("Được tiếp nhận")
    shot(page, "portal-my-dossiers")
    row.get_by_role("link", name="H99.01.01-251006-0001").click()
    expect(page.locator(".timeline")).to_contain_text("Bộ phận Một cửa đã tiếp nhận hồ sơ")
