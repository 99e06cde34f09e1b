"""Register book (form 07) of a period as XLSX, opened with openpyxl and checked against the dossiers.

Dates by hand (no holiday in October 2025, 5 working days, cut-off 15:00):
A received Wed 01/10/2025 09:00 -> due Wed 08/10 17:00; finished Thu 09/10 10:00 (late), returned the same day.
B received Mon 06/10/2025 16:00 (after the cut-off, counted from Tue 07) -> due Tue 14/10 17:00.
C received Tue 30/09/2025 (outside the period); D at another commune (never in this book).
"""
from datetime import datetime
from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from cchc.dossiers import services as s
from cchc.dossiers.models import PersonalDataAccess, ReturnMethod

pytestmark = pytest.mark.django_db
HEADERS = ["TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức; địa chỉ, điện thoại", "Nhận hồ sơ",
           "Hẹn trả kết quả", "Ngày có kết quả", "Trả kết quả", "Ghi chú"]


def receive(w, name, org=None, actor=None):
    return s.receive_at_desk(actor=actor or w.desk, intake=s.Intake(
        procedure_code="1.001193", org_id=(org or w.commune).id,
        applicant=s.Applicant(name=name, id_number="079123456789", phone="0905123456", address="Thôn 3")))


def client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def book(world, clock):
    w = world
    clock.set(2025, 9, 30, 9, 0)
    c = receive(w, "Người C")
    clock.set(2025, 10, 1, 9, 0)
    a = receive(w, "Người A")
    clock.set(2025, 10, 6, 16, 0)
    b = receive(w, "Người B")
    d = receive(w, "Người D", org=w.other_commune, actor=w.other_desk)
    clock.set(2025, 10, 6, 16, 30)
    s.hand_over(actor=w.desk, dossier_id=a.id)
    clock.set(2025, 10, 9, 10, 0)
    s.finish(actor=w.leader, dossier_id=a.id)
    s.return_result(actor=w.desk, dossier_id=a.id, method=ReturnMethod.DESK)
    clock.set(2025, 10, 10, 9, 0)
    return {"A": a, "B": b, "C": c, "D": d}


def sheet(resp):
    assert resp.status_code == 200, resp.content[:300]
    assert resp["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(BytesIO(resp.content)).active


def test_register_xlsx_rows_match_the_dossiers_of_the_period(world, book):
    r = client(world.desk).get("/can-bo/so-theo-doi/", {"org": world.commune.id, "start": "01/10/2025",
                                                        "end": "31/10/2025", "format": "xlsx"})
    assert r["Content-Disposition"] == 'attachment; filename="mau-07-H99.01.01-20251001-20251031.xlsx"'
    ws = sheet(r)
    assert ws["A5"].value == "SỔ THEO DÕI HỒ SƠ"
    assert ws["A6"].value == "Từ ngày 01/10/2025 đến ngày 31/10/2025"
    assert [c.value for c in ws[8]] == HEADERS
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=9, max_row=10)]
    a, b = book["A"], book["B"]
    assert rows[0][:4] == [1, a.code, "Đăng ký khai sinh", "Người A\nThôn 3, 0905123456"]
    assert rows[0][4:] == [datetime(2025, 10, 1, 9, 0), datetime(2025, 10, 8), datetime(2025, 10, 9),
                           datetime(2025, 10, 9), "Đã trả kết quả; trễ hạn"]
    assert rows[1][:2] == [2, b.code]
    assert rows[1][4:] == [datetime(2025, 10, 6, 16, 0), datetime(2025, 10, 14), None, None,
                           "Được tiếp nhận"]
    # shown dd/mm/yyyy in the spreadsheet program
    assert [ws.cell(9, col).number_format for col in (5, 6, 7, 8)] == [
        "dd/mm/yyyy hh:mm", "dd/mm/yyyy", "dd/mm/yyyy", "dd/mm/yyyy"]
    assert ws["A9"].value == 1 and ws["A11"].value is None  # C (September) and D (other commune) are not here
    assert ws["A12"].value == "Tổng số hồ sơ: 2"
    assert ws.freeze_panes == "A9" and ws.auto_filter.ref == "A8:I10"
    # the view of the applicants' data is logged (Nghị định 13/2023)
    assert set(PersonalDataAccess.objects.filter(purpose="so_theo_doi").values_list("dossier_id", flat=True)) == {
        a.id, b.id}


def test_register_page_defaults_to_this_month_in_dd_mm_yyyy(world, book):
    page = client(world.desk).get("/can-bo/so-theo-doi/").content.decode()
    assert 'value="01/10/2025"' in page and 'value="10/10/2025"' in page
    assert "Xã Phong Điền" in page and "Phường Thuận Hóa" not in page


def test_register_as_pdf_reuses_the_documents_form(world, book):
    r = client(world.leader).get("/can-bo/so-theo-doi/", {"org": world.commune.id, "start": "01/10/2025",
                                                          "end": "31/10/2025", "format": "pdf"})
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")


@pytest.mark.parametrize("params, message", [
    ({"start": "31/10/2025", "end": "01/10/2025"}, "Ngày cuối phải sau hoặc trùng ngày đầu."),
    ({"start": "2025-10-01", "end": "31/10/2025"}, "Nhập một ngày hợp lệ."),
    ({"start": "01/01/2024", "end": "31/10/2025"}, "Khoảng thời gian không hợp lệ (tối đa một năm"),
])
def test_register_bad_period_is_a_clear_message(world, book, params, message):
    r = client(world.desk).get("/can-bo/so-theo-doi/", {"org": world.commune.id, "format": "xlsx", **params})
    assert r.status_code in (400, 422) and message in r.content.decode()
    assert not PersonalDataAccess.objects.filter(purpose="so_theo_doi").exists()


def test_another_organisations_register_is_refused(world, book):
    # the choice is not even offered; forcing it in the URL changes nothing and shows nothing
    r = client(world.other_desk).get("/can-bo/so-theo-doi/", {"org": world.commune.id, "start": "01/10/2025",
                                                              "end": "31/10/2025", "format": "xlsx"})
    assert r.status_code == 422 and book["A"].code not in r.content.decode()
    assert not PersonalDataAccess.objects.filter(purpose="so_theo_doi").exists()


