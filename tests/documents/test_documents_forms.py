"""Official forms 01–07: the style rules (table-driven), and real PDF/DOCX files read back.

Expected texts are written by hand from the dossier facts set below (received Thursday
05/06/2025 10:05 at Xã Phong Điền, 5 working days → due Thursday 12/06/2025 17:00).
"""
from __future__ import annotations

import io
import re
import subprocess
from datetime import date, datetime

import docx
import pypdf
import pytest
from tests.conftest import local
from tests.documents.conftest import birth_dossier

from cchc.core.errors import Conflict
from cchc.documents import selectors, style
from cchc.documents.forms import content
from cchc.dossiers import services as ds

A4 = (595.28, 841.89)


@pytest.mark.parametrize("on, place, expected", [
    # Nghị định 30/2020: day < 10 and months 1, 2 take a leading zero; other months do not
    (date(2025, 6, 5), "Huế", "Huế, ngày 05 tháng 6 năm 2025"),
    (date(2025, 2, 5), "Huế", "Huế, ngày 05 tháng 02 năm 2025"),
    (date(2026, 1, 10), "Phong Điền", "Phong Điền, ngày 10 tháng 01 năm 2026"),
    (date(2025, 12, 25), "Sông Hương", "Sông Hương, ngày 25 tháng 12 năm 2025"),
    (date(2025, 10, 1), "Hà Nội", "Hà Nội, ngày 01 tháng 10 năm 2025"),
])
def test_place_and_date_line(on, place, expected):
    assert style.place_date(place, on) == expected


@pytest.mark.parametrize("amount, expected", [(0, "0 đồng"), (8000, "8.000 đồng"), (1250000, "1.250.000 đồng")])
def test_money(amount, expected):
    assert style.money(amount) == expected


@pytest.mark.parametrize("name, expected", [
    ("UBND tỉnh Sông Hương", "Sông Hương"), ("Xã Phong Điền", "Phong Điền"), ("Phường Thuận Hóa", "Thuận Hóa"),
    ("Đặc khu Lý Sơn", "Lý Sơn"), ("UBND thành phố Huế", "Huế"), ("Sở Tư pháp", "Sở Tư pháp"),
])
def test_place_name(name, expected):
    assert style.place_name(name) == expected


def test_clock_time():
    assert style.clock_time(datetime(2025, 6, 12, 17, 0)) == "17 giờ 00 phút, ngày 12/06/2025"


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode().split())


def pdf_fonts(data: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return " ".join(" ".join(parts).split())


FORM01 = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH SÔNG HƯƠNG", "XÃ PHONG ĐIỀN",
    "Số: H99.01.01-250605-0001/TNHS", "Phong Điền, ngày 05 tháng 6 năm 2025",
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: H99.01.01-250605-0001",
    "Ông/bà/tổ chức: Nguyễn Thị Hoà", "Địa chỉ: Thôn Phò Trạch, xã Phong Điền", "Số điện thoại: 0905123456",
    "Nội dung yêu cầu giải quyết: Đăng ký khai sinh. Đăng ký khai sinh cho con",
    "1 Tờ khai đăng ký khai sinh Bản chính 1", "2 Giấy chứng sinh Bản sao 2",
    "3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc",
    "4. Thời gian nhận hồ sơ: 10 giờ 05 phút, ngày 05/06/2025",
    "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 12/06/2025",
    "7. Phí, lệ phí: 8.000 đồng", "Quyển số: 2025, Số thứ tự: 1", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Thị Lan",
]


def test_form01_pdf_is_a4_with_embedded_fonts_and_exact_vietnamese_text(world, clock, tmp_path):
    d = birth_dossier(world, clock)
    r = selectors.dossier_form(world.desk, d.code, "01", "pdf")
    assert r.filename == "mau-01-H99.01.01-250605-0001.pdf" and r.content_type == "application/pdf"
    page = pypdf.PdfReader(io.BytesIO(r.data)).pages[0]
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    text = pdf_text(r.data, tmp_path)
    for expected in FORM01:
        assert expected in text, expected
    fonts = pdf_fonts(r.data, tmp_path)
    assert "LiberationSerif" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # every font embedded


def test_form01_docx_has_the_same_facts(world, clock):
    d = birth_dossier(world, clock)
    r = selectors.dossier_form(world.desk, d.code, "01", "docx")
    assert r.filename.endswith(".docx")
    text = docx_text(r.data)
    for expected in FORM01:
        if expected[0].isdigit() and " Bản " in expected:  # table rows: cells are separate in DOCX
            continue
        assert expected in text, expected
    section = docx.Document(io.BytesIO(r.data)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_form06_lists_every_handover_with_its_result(world, clock, tmp_path):
    d = birth_dossier(world, clock)
    clock.set(2025, 6, 5, 10, 30)  # step 1 (10% of 5 → 1 working day) due 06/06 17:00: ahead
    ds.hand_over(actor=world.desk, dossier_id=d.id, note="Chuyển thẩm định")
    clock.set(2025, 6, 13, 9, 0)  # step 2 (50% → 3 working days from 05/06) due 10/06 17:00: late
    ds.hand_over(actor=world.specialist, dossier_id=d.id)
    text = pdf_text(selectors.dossier_form(world.desk, d.code, "06", "pdf").data, tmp_path)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "Phong Điền, ngày 13 tháng 6 năm 2025" in text
    rows = re.findall(r"(\d) Giao: Xã Phong Điền Nhận: Xã Phong Điền (\d\d giờ \d\d phút, ngày [\d/]+)", text)
    assert rows == [("1", "10 giờ 30 phút, ngày 05/06/2025"), ("2", "09 giờ 00 phút, ngày 13/06/2025")]
    assert "Người giao: Trần Thị Lan" in text and "Người giao: thuly_xa" in text
    assert text.index("Trước hạn") < text.index("Quá hạn")
    assert "Chuyển thẩm định" in text


def test_forms_02_to_05_carry_their_reason_and_dates(world, clock, tmp_path):
    d = birth_dossier(world, clock)
    clock.set(2025, 6, 6, 9, 0)
    ds.request_supplement(actor=world.desk, dossier_id=d.id, items=["Bản chính Giấy chứng sinh"],
                          reason="Bản sao không rõ chữ")
    t02 = pdf_text(selectors.dossier_form(world.desk, d.code, "02", "pdf").data, tmp_path)
    for s in ("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Kính gửi: Nguyễn Thị Hoà",
              "Phong Điền, ngày 06 tháng 6 năm 2025", "1. Bản chính Giấy chứng sinh", "Lý do: Bản sao không rõ chữ",
              "Ngày 05/06/2025, Xã Phong Điền tiếp nhận hồ sơ"):
        assert s in t02, s
    clock.set(2025, 6, 9, 8, 0)
    ds.receive_supplement(actor=world.desk, dossier_id=d.id)
    d.refresh_from_db()
    clock.set(2025, 6, 10, 8, 0)
    ds.apologise(actor=world.leader, dossier_id=d.id, reason="Cần xác minh thêm", new_due_at=local(2025, 6, 20, 17))
    t04 = pdf_text(selectors.dossier_form(world.desk, d.code, "04", "pdf").data, tmp_path)
    for s in ("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Lý do: Cần xác minh thêm",
              "hẹn trả kết quả vào ngày 20/06/2025", "hẹn trả kết quả ngày 12/06/2025",
              "Phong Điền, ngày 10 tháng 6 năm 2025"):
        assert s in t04, s
    clock.set(2025, 6, 11, 14, 0)
    ds.stop(actor=world.leader, dossier_id=d.id, reason="Người nộp đã chết trước khi giải quyết xong")
    t05 = pdf_text(selectors.dossier_form(world.desk, d.code, "05", "pdf").data, tmp_path)
    for s in ("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "từ ngày 11/06/2025", "Người nộp đã chết trước khi giải quyết xong"):
        assert s in t05, s
    with pytest.raises(Conflict) as e:
        selectors.dossier_form(world.desk, d.code, "03", "pdf")
    assert e.value.code == "bieu_mau_chua_co"


def test_form03_refusal(world, clock, tmp_path):
    clock.set(2025, 6, 5, 8, 0)
    d = ds.submit_online(actor=world.citizen, intake=ds.Intake(
        procedure_code="1.001193", org_id=world.commune.id, applicant=ds.Applicant(name="Lê Văn Đức")))
    clock.set(2025, 6, 5, 9, 15)
    ds.refuse(actor=world.desk, dossier_id=d.id, reason="Không thuộc thẩm quyền của xã")
    text = pdf_text(selectors.dossier_form(world.citizen, d.code, "03", "pdf").data, tmp_path)
    for s in ("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Kính gửi: Lê Văn Đức", "Không thuộc thẩm quyền của xã",
              "Phong Điền, ngày 05 tháng 6 năm 2025", f"Số: {d.code}/TCTN"):
        assert s in text, s


def test_form07_register_of_a_period_is_landscape_and_complete(world, clock, tmp_path):
    a = birth_dossier(world, clock)
    b = birth_dossier(world, clock, id_number="079123456780", at=(2025, 6, 20, 14, 0))
    birth_dossier(world, clock, id_number="079123456781", at=(2025, 7, 1, 9, 0))  # outside the period
    r = selectors.register(world.desk, "H99.01.01", date(2025, 6, 1), date(2025, 6, 30), "pdf")
    page = pypdf.PdfReader(io.BytesIO(r.data)).pages[0]
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4[::-1]
    text = pdf_text(r.data, tmp_path)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/06/2025 đến ngày 30/06/2025" in text
    assert a.code in text and b.code in text and "H99.01.01-250701" not in text
    assert "Tổng số hồ sơ: 2" in text
    assert "XÃ PHONG ĐIỀN" in text and "Quyển số: 2025/STD" in text
    assert r.filename == "mau-07-H99.01.01-20250601-20250630.pdf"


def test_register_needs_a_member_of_the_organisation(world, clock):
    from cchc.core.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        selectors.register(world.other_desk, "H99.01.01", date(2025, 6, 1), date(2025, 6, 30), "pdf")


def test_dossier_forms_follow_dossier_visibility(world, clock):
    from cchc.core.errors import PermissionDenied
    from cchc.dossiers.models import PersonalDataAccess
    d = birth_dossier(world, clock)
    with pytest.raises(PermissionDenied):
        selectors.dossier_form(world.other_desk, d.code, "01", "pdf")
    selectors.dossier_form(world.desk, d.code, "01", "docx")
    assert PersonalDataAccess.objects.filter(dossier=d, viewer=world.desk, purpose="bieu_mau_01").count() == 1


def test_place_follows_the_province_for_an_agency(world):
    assert content.place_of(world.justice) == "Sông Hương"
    assert content.place_of(world.commune) == "Phong Điền"


# ---------------------------------------------------------------- every form, both formats

SYMBOL = {"01": "TNHS", "02": "YCBS", "03": "TCTN", "04": "XLHL", "05": "DGQ", "06": "KSQT"}


@pytest.fixture
def every_form(world, clock):
    """Dossier A goes through supplement (02), apology (04), hand-over (06) and stop (05); B is refused (03)."""
    a = birth_dossier(world, clock)
    clock.set(2025, 6, 6, 9, 0)
    ds.request_supplement(actor=world.desk, dossier_id=a.id, items=["Bản chính Giấy chứng sinh"], reason="Mờ")
    clock.set(2025, 6, 9, 8, 0)
    ds.receive_supplement(actor=world.desk, dossier_id=a.id)
    clock.set(2025, 6, 10, 8, 0)
    ds.apologise(actor=world.leader, dossier_id=a.id, reason="Cần xác minh", new_due_at=local(2025, 6, 20, 17))
    ds.hand_over(actor=world.desk, dossier_id=a.id)
    clock.set(2025, 6, 11, 14, 0)
    ds.stop(actor=world.leader, dossier_id=a.id, reason="Người nộp rút hồ sơ")
    b = ds.submit_online(actor=world.citizen, intake=ds.Intake(
        procedure_code="1.001193", org_id=world.commune.id, applicant=ds.Applicant(name="Lê Văn Đức")))
    ds.refuse(actor=world.desk, dossier_id=b.id, reason="Sai thẩm quyền")

    def get(form: str, fmt: str) -> tuple[str, bytes]:
        if form == "07":
            return "", selectors.register(world.desk, "H99.01.01", date(2025, 6, 1), date(2025, 6, 30), fmt).data
        d, user = (b, world.citizen) if form == "03" else (a, world.desk)
        return d.code, selectors.dossier_form(user, d.code, form, fmt).data
    return get


@pytest.mark.parametrize("form", ["01", "02", "03", "04", "05", "06", "07"])
def test_every_form_as_pdf_has_the_official_header_a4_and_embedded_fonts(every_form, form, tmp_path):
    code, data = every_form(form, "pdf")
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    size = (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
    assert size == (A4[::-1] if form == "07" else A4)  # the register is landscape, every other form portrait
    text = pdf_text(data, tmp_path)
    for s in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH SÔNG HƯƠNG",
              "XÃ PHONG ĐIỀN", "Phong Điền, ngày "):
        assert s in text, (form, s)
    assert (f"Số: {code}/{SYMBOL[form]}" if code else "Quyển số: 2025/STD") in text
    fonts = pdf_fonts(data, tmp_path).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


@pytest.mark.parametrize("form", ["01", "02", "03", "04", "05", "06", "07"])
def test_every_form_as_docx_has_the_official_header_and_page(every_form, form):
    code, data = every_form(form, "docx")
    assert data[:2] == b"PK"
    text = docx_text(data)
    for s in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH SÔNG HƯƠNG",
              "XÃ PHONG ĐIỀN", "Phong Điền, ngày "):
        assert s in text, (form, s)
    assert (f"Số: {code}/{SYMBOL[form]}" if code else "Quyển số: 2025/STD") in text
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == ((297, 210) if form == "07" else (210, 297))
