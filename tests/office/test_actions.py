"""Each back-office action through its form, and the official form it leaves to print (02–05).

Dates by hand (no holiday in October 2025): received Mon 06/10/2025 09:00, 5 working days ->
due Mon 13/10/2025 17:00.
"""
import re

import pytest
from django.test import Client

from cchc.dossiers import services as s
from cchc.dossiers.models import AuditRecord, Dossier, Status

pytestmark = pytest.mark.django_db


def intake(w, code="1.001193", name="Nguyễn Thị Hoa"):
    return s.Intake(procedure_code=code, org_id=w.commune.id,
                    applicant=s.Applicant(name=name, id_number="079123456789", phone="0905123456"))


def logged_in(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def forms_offered(page: str, code: str) -> set[str]:
    return set(re.findall(rf"/giay-to/ho-so/{re.escape(code)}/mau-(\d\d)\.pdf", page))


def test_refuse_an_online_dossier_with_a_reason_then_form_03(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.submit_online(actor=w.citizen, intake=intake(w))
    c = logged_in(w.desk)
    page = c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    assert 'name="refuse-reason"' in page and forms_offered(page, d.code) == set()
    r = c.post(f"/can-bo/ho-so/{d.code}/refuse/", {"refuse-reason": ""})
    assert r.status_code == 422 and "Trường này là bắt buộc." in r.content.decode()
    d.refresh_from_db()
    assert d.status == Status.NEW
    r = c.post(f"/can-bo/ho-so/{d.code}/refuse/", {"refuse-reason": "Thủ tục không thuộc thẩm quyền của xã"},
               follow=True)
    page = r.content.decode()
    assert "Đã thực hiện: Từ chối tiếp nhận." in page and "Thủ tục không thuộc thẩm quyền của xã" in page
    d.refresh_from_db()
    assert d.status == Status.REFUSED and d.end_reason == "Thủ tục không thuộc thẩm quyền của xã"
    assert forms_offered(page, d.code) == {"03"}
    pdf = c.get(f"/giay-to/ho-so/{d.code}/mau-03.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_supplement_then_apology_then_stop_each_leave_their_form(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    leader = logged_in(w.leader)
    assert forms_offered(leader.get(f"/can-bo/ho-so/{d.code}/").content.decode(), d.code) == {"01", "06"}
    clock.set(2025, 10, 6, 10, 0)
    assert leader.post(f"/can-bo/ho-so/{d.code}/request_supplement/", {
        "request_supplement-items": "Giấy chứng sinh", "request_supplement-reason": "Thiếu giấy chứng sinh"}
    ).status_code == 302
    s.receive_supplement(actor=w.desk, dossier_id=d.id)
    clock.set(2025, 10, 10, 9, 0)  # before the due date (13/10): an apology may still be issued
    r = leader.post(f"/can-bo/ho-so/{d.code}/apologise/", {
        "apologise-reason": "Cần xác minh thêm", "apologise-new_due": "20/10/2025"}, follow=True)
    assert "Đã thực hiện: Xin lỗi, hẹn lại." in r.content.decode()
    r = leader.post(f"/can-bo/ho-so/{d.code}/stop/", {"stop-reason": "Người nộp đã chuyển nơi cư trú"}, follow=True)
    page = r.content.decode()
    assert "Đã thực hiện: Dừng xử lý." in page
    d.refresh_from_db()
    assert d.status == Status.STOPPED
    assert forms_offered(page, d.code) == {"01", "02", "04", "05", "06"}
    for number in ("02", "04", "05"):
        f = leader.get(f"/giay-to/ho-so/{d.code}/mau-{number}.docx")
        assert f.status_code == 200 and f.content.startswith(b"PK"), number


def test_apology_date_in_the_wrong_format_changes_nothing(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    r = logged_in(w.leader).post(f"/can-bo/ho-so/{d.code}/apologise/", {
        "apologise-reason": "Cần xác minh thêm", "apologise-new_due": "2025-10-20"})
    assert r.status_code == 422 and "Nhập một ngày hợp lệ." in r.content.decode()
    d.refresh_from_db()
    assert d.apology_count == 0 and AuditRecord.objects.filter(dossier=d).count() == 1


def test_finish_then_the_desk_returns_the_result(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    s.hand_over(actor=w.desk, dossier_id=d.id)
    clock.set(2025, 10, 9, 10, 0)
    assert logged_in(w.leader).post(f"/can-bo/ho-so/{d.code}/finish/", {"finish-note": "Đã ký"}).status_code == 302
    desk = logged_in(w.desk)
    page = desk.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    assert 'name="return_result-method"' in page
    clock.set(2025, 10, 9, 14, 0)
    r = desk.post(f"/can-bo/ho-so/{d.code}/return_result/", {"return_result-method": "desk"}, follow=True)
    assert "Đã thực hiện: Trả kết quả." in r.content.decode()
    d.refresh_from_db()
    assert d.status == Status.RETURNED and d.return_method == "desk" and d.is_late is False


def test_inbox_filters_by_status_and_procedure(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    birth = s.receive_at_desk(actor=w.desk, intake=intake(w, name="Người khai sinh"))
    other = s.receive_at_desk(actor=w.desk, intake=intake(w, name="Người thứ hai"))
    s.request_supplement(actor=w.desk, dossier_id=other.id, items=["Tờ khai"], reason="Thiếu chữ ký")
    online = s.submit_online(actor=w.citizen, intake=intake(w, name="Người nộp trực tuyến"))
    c = logged_in(w.desk)

    def codes(query):
        page = c.get("/can-bo/", query).content.decode()
        return set(re.findall(r'href="/can-bo/ho-so/([^/"]+)/"', page))

    assert codes({}) == {birth.code, other.code, online.code}
    assert codes({"status": [Status.SUPPLEMENT]}) == {other.code}
    assert codes({"status": [Status.NEW, Status.RECEIVED]}) == {birth.code, online.code}
    assert codes({"procedure": "1.001193"}) == {birth.code, other.code, online.code}
    assert codes({"procedure": "2.000488"}) == set()
    # sorted by receipt, newest first; paged links keep the filters
    page = c.get("/can-bo/", {"sort": "-received", "status": [Status.RECEIVED, Status.SUPPLEMENT]}).content.decode()
    assert page.index(other.code) < page.index(birth.code)
    assert Dossier.objects.count() == 3
