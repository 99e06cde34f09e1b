"""Back office through Django's test client: login, inbox, dossier page, actions, desk receipt.

Dates worked out by hand (calendar 2025: no holiday in October): received Mon 06/10/2025 09:00,
before the 15:00 cut-off; 5 working days -> Tue 07, Wed 08, Thu 09, Fri 10, Mon 13/10 17:00.
"""
import re

import pytest
from django.test import Client
from tests.conftest import local

from cchc.dossiers import services as s
from cchc.dossiers.models import AuditRecord, Dossier, Handover, Status

pytestmark = pytest.mark.django_db


def intake(w, code="1.001193", org=None, name="Nguyễn Thị Hoa", phone="0905123456"):
    return s.Intake(procedure_code=code, org_id=(org or w.commune).id,
                    applicant=s.Applicant(name=name, id_number="079123456789", phone=phone))


def logged_in(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def text(resp) -> str:
    return resp.content.decode()


def test_anonymous_goes_to_the_officials_login(world):
    r = Client().get("/can-bo/")
    assert r.status_code == 302 and r.url.startswith("/can-bo/dang-nhap/")


def test_login_with_password_then_home(world):
    c = Client()
    r = c.post("/can-bo/dang-nhap/", {"username": "motcua_xa", "password": "sai"})
    assert r.status_code == 200 and "Tên đăng nhập hoặc mật khẩu không đúng" in text(r)
    r = c.post("/can-bo/dang-nhap/", {"username": "motcua_xa", "password": "matkhau-123"})
    assert r.status_code == 302 and r.url == "/can-bo/"
    r = c.get("/can-bo/")
    assert "Công chức Bộ phận Một cửa — Xã Phong Điền" in text(r) and "Tiếp nhận hồ sơ tại quầy" in text(r)


def test_desk_receipt_in_one_screen(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    c = logged_in(w.desk)
    r = c.get("/can-bo/tiep-nhan/?thu_tuc=1.001193")
    assert "Tờ khai theo mẫu (bản chính, 1 bản)" in text(r)
    comps = {c_.name: c_.id for c_ in w.birth.components.all()}
    r = c.post("/can-bo/tiep-nhan/", {
        "procedure": "1.001193", "org": w.commune.id, "name": "Trần Văn Nam", "kind": "citizen",
        "id_number": "079123456789", "phone": "0905 111 222", f"c{comps['Tờ khai theo mẫu']}": "on"})
    assert r.status_code == 302
    d = Dossier.objects.get()
    assert r.url == f"/can-bo/tiep-nhan/{d.code}/xong/"
    assert d.code == "H99.01.01-251006-0001" and d.status == Status.RECEIVED
    assert list(d.components.values_list("name", flat=True)) == ["Tờ khai theo mẫu"]
    page = text(c.get(r.url))
    assert "H99.01.01-251006-0001" in page and "13/10/2025 17:00" in page and "mau-01.pdf" in page


@pytest.mark.parametrize("change, message", [
    ({"c_required": ""}, "Hồ sơ thiếu giấy tờ bắt buộc: Tờ khai theo mẫu."),
    ({"phone": "abc"}, "Số điện thoại không hợp lệ."),
    ({"id_number": "12"}, "Số định danh gồm 9 đến 13 chữ số."),
    ({"name": ""}, "Trường này là bắt buộc."),
])
def test_desk_receipt_bad_input_stores_nothing(world, clock, change, message):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    required = w.birth.components.get(required=True).id
    data = {"procedure": "1.001193", "org": w.commune.id, "name": "Trần Văn Nam", "kind": "citizen",
            "phone": "0905111222", f"c{required}": "on"}
    if "c_required" in change:
        del data[f"c{required}"]
    data.update({k: v for k, v in change.items() if k != "c_required"})
    r = logged_in(w.desk).post("/can-bo/tiep-nhan/", data)
    assert r.status_code == 422
    assert message in text(r)
    assert Dossier.objects.count() == 0


def test_receipt_at_a_place_without_jurisdiction_is_refused_with_the_services_message(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    r = logged_in(w.desk).post("/can-bo/tiep-nhan/", {
        "procedure": "2.000488", "org": w.commune.id, "name": "Trần Văn Nam", "kind": "citizen",
        "phone": "0905111222", **{f"c{c.id}": "on" for c in w.record.components.all()}})
    assert r.status_code == 422 and "không tiếp nhận tại Xã Phong Điền" in text(r)
    assert Dossier.objects.count() == 0


def test_only_desk_officers_open_the_receipt_screen(world):
    assert logged_in(world.specialist).get("/can-bo/tiep-nhan/").status_code == 403


def test_inbox_filters_late_and_due_soon_with_badges(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    early = s.receive_at_desk(actor=w.desk, intake=intake(w, name="Người A"))  # due 13/10
    clock.set(2025, 10, 10, 9, 0)  # Fri; 5 working days: 13, 14, 15, 16, 17 -> due Fri 17/10
    later = s.receive_at_desk(actor=w.desk, intake=intake(w, name="Người B"))
    clock.set(2025, 10, 14, 18, 0)  # early is late since 13/10 17:00; later (17/10 17:00) is within 72 hours
    c = logged_in(w.desk)
    page = text(c.get("/can-bo/"))
    assert page.index(early.code) < page.index(later.code)  # soonest due first
    assert "13/10/2025" in page and "17/10/2025" in page
    assert page.count("badge badge-late") == 1 and page.count("badge badge-soon") == 1
    late_only = text(c.get("/can-bo/?due=late"))
    assert early.code in late_only and later.code not in late_only
    soon_only = text(c.get("/can-bo/?due=soon"))
    assert later.code in soon_only and early.code not in soon_only
    by_name = text(c.get("/can-bo/?q=Người B&sort=-due"))
    assert later.code in by_name and early.code not in by_name
    # another commune's officer sees neither
    other = text(logged_in(w.other_desk).get("/can-bo/"))
    assert early.code not in other and "Không có hồ sơ nào." in other


def test_inbox_pages_by_25(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    for i in range(26):
        s.receive_at_desk(actor=w.desk, intake=intake(w, name=f"Người {i}"))
    c = logged_in(w.desk)
    first, second = text(c.get("/can-bo/")), text(c.get("/can-bo/?trang=2"))
    assert "<strong>26</strong> hồ sơ" in first and "Trang 1/2" in first
    assert second.count('href="/can-bo/ho-so/') == 1


def test_dossier_page_masks_identity_and_offers_only_allowed_actions(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    page = text(logged_in(w.desk).get(f"/can-bo/ho-so/{d.code}/"))
    assert "079123456789" not in page and d.applicant_id_masked in page
    assert "Bộ phận Một cửa đã tiếp nhận hồ sơ" in page  # timeline from the audit trail
    offered = set(re.findall(rf'action="/can-bo/ho-so/{re.escape(d.code)}/(\w+)/"', page))
    assert offered == {"hand_over", "request_supplement", "withdraw"}
    leader_page = text(logged_in(w.leader).get(f"/can-bo/ho-so/{d.code}/"))
    offered = set(re.findall(rf'action="/can-bo/ho-so/{re.escape(d.code)}/(\w+)/"', leader_page))
    assert offered == {"hand_over", "request_supplement", "stop", "apologise"}


def test_hand_over_then_supplement_records_form_06_and_pauses(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    clock.set(2025, 10, 6, 10, 0)
    r = logged_in(w.desk).post(f"/can-bo/ho-so/{d.code}/hand_over/", {"hand_over-note": "Chuyển thẩm định"})
    assert r.status_code == 302
    h = Handover.objects.get(dossier=d)
    assert (h.from_org, h.to_org, h.note) == (w.commune, w.commune, "Chuyển thẩm định")
    c = logged_in(w.specialist)
    r = c.post(f"/can-bo/ho-so/{d.code}/request_supplement/", {
        "request_supplement-items": "Bản sao giấy chứng sinh\n\nGiấy xác nhận cư trú",
        "request_supplement-reason": "Thiếu giấy tờ"})
    assert r.status_code == 302
    d.refresh_from_db()
    assert d.status == Status.SUPPLEMENT and d.paused_at == local(2025, 10, 6, 10, 0)
    page = text(c.get(f"/can-bo/ho-so/{d.code}/"))
    assert "Đã thực hiện: Yêu cầu bổ sung." in page
    assert "Bản sao giấy chứng sinh; Giấy xác nhận cư trú" in page
    # the form 06 row: step 1 has 10% of 5 days -> 1 working day, due Tue 07/10 17:00; handed over Mon: ahead
    assert "06/10/2025 10:00" in page and "07/10/2025 17:00" in page and "Trước hạn" in page


def test_action_form_errors_change_nothing(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    r = logged_in(w.desk).post(f"/can-bo/ho-so/{d.code}/request_supplement/", {
        "request_supplement-items": "  \n ", "request_supplement-reason": ""})
    assert r.status_code == 422 and "Phải liệt kê đầy đủ giấy tờ cần bổ sung." in text(r)
    assert "Trường này là bắt buộc." in text(r)  # the reason
    d.refresh_from_db()
    assert d.status == Status.RECEIVED and AuditRecord.objects.filter(dossier=d).count() == 1


def test_stale_page_action_no_longer_allowed_changes_nothing(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    desk = logged_in(w.desk)
    assert "hand_over" in text(desk.get(f"/can-bo/ho-so/{d.code}/"))  # the page the desk keeps open
    s.request_supplement(actor=w.leader, dossier_id=d.id, items=["Tờ khai"], reason="Thiếu chữ ký")
    r = desk.post(f"/can-bo/ho-so/{d.code}/hand_over/", {"hand_over-note": ""}, follow=True)
    assert ("Không thể thực hiện “chuyển xử lý”: hồ sơ hiện ở trạng thái “Yêu cầu bổ sung giấy tờ”. "
            "Trang đã được cập nhật, không có gì thay đổi.") in text(r)
    d.refresh_from_db()
    assert d.status == Status.SUPPLEMENT and not Handover.objects.exists()
    assert AuditRecord.objects.filter(dossier=d).count() == 2


def test_unknown_action_is_refused_too(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    r = logged_in(w.desk).post(f"/can-bo/ho-so/{d.code}/delete/", follow=True)
    assert "Không thể thực hiện “delete”" in text(r)
    assert AuditRecord.objects.filter(dossier=d).count() == 1


def test_another_organisations_dossier_by_url_is_403(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    c = logged_in(w.other_desk)
    r = c.get(f"/can-bo/ho-so/{d.code}/")
    assert r.status_code == 403 and "Hồ sơ không thuộc đơn vị của bạn." in text(r)
    assert c.post(f"/can-bo/ho-so/{d.code}/withdraw/", {"withdraw-reason": "x"}).status_code == 403
    d.refresh_from_db()
    assert d.status == Status.RECEIVED
    assert logged_in(w.desk).get("/can-bo/ho-so/KHONG-CO/").status_code == 404


def test_post_without_csrf_token_is_rejected(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    c = Client(enforce_csrf_checks=True)
    c.force_login(w.desk)
    r = c.post(f"/can-bo/ho-so/{d.code}/hand_over/", {"hand_over-note": ""})
    assert r.status_code == 403
    assert not Handover.objects.exists()
    r = c.post("/can-bo/tiep-nhan/", {"procedure": "1.001193"})
    assert r.status_code == 403 and Dossier.objects.count() == 1


def test_apology_with_a_new_date_in_dd_mm_yyyy(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    clock.set(2025, 10, 10, 9, 0)
    r = logged_in(w.leader).post(f"/can-bo/ho-so/{d.code}/apologise/", {
        "apologise-reason": "Cần xác minh thêm", "apologise-new_due": "20/10/2025"})
    assert r.status_code == 302
    d.refresh_from_db()
    assert d.apology_due_at == local(2025, 10, 20, 17, 0) and d.apology_count == 1


def test_leader_overview_figures_worked_out_by_hand(world, clock):
    """Commune dossiers, 5 working days each (no holiday in Oct 2025); looked at Fri 10/10/2025 12:00.

    E 30/09 -> due 07/10, still open: late, received last month.   A 01/10 -> due 08/10, finished 09/10: late.
    D 03/10 -> due 10/10 17:00, open: due this week.               B, C 06/10 -> due 13/10 (next week);
    C finished 10/10: on time. F at another commune counts nowhere.
    Received this month: A, D, B, C = 4; in process: E, D, B = 3; due this week: D = 1; late: E = 1;
    finished this month: A, C = 2, one late -> on-time rate 50,0 %.
    """
    w = world
    at = {}
    for name, when in [("E", (2025, 9, 30, 9, 0)), ("A", (2025, 10, 1, 9, 0)), ("D", (2025, 10, 3, 9, 0)),
                       ("B", (2025, 10, 6, 9, 0)), ("C", (2025, 10, 6, 9, 0))]:
        clock.set(*when)
        at[name] = s.receive_at_desk(actor=w.desk, intake=intake(w, name=f"Người {name}"))
    s.receive_at_desk(actor=w.other_desk, intake=intake(w, org=w.other_commune))
    clock.set(2025, 10, 6, 10, 0)
    for name in "AC":
        s.hand_over(actor=w.desk, dossier_id=at[name].id)
    clock.set(2025, 10, 9, 10, 0)
    s.finish(actor=w.leader, dossier_id=at["A"].id)
    clock.set(2025, 10, 10, 11, 0)
    s.finish(actor=w.leader, dossier_id=at["C"].id)
    clock.set(2025, 10, 10, 12, 0)
    page = text(logged_in(w.leader).get("/can-bo/"))
    bars = dict(re.findall(r'<span class="bar-label">([^<]+)</span>\s*<span class="bar[^"]*" style="[^"]*"></span>'
                           r'<strong>(\d+)</strong>', page))
    assert bars == {"Tiếp nhận trong tháng": "4", "Đang giải quyết": "3", "Đến hạn trong tuần": "1", "Quá hạn": "1"}
    assert '<dt>Đã giải quyết trong tháng</dt><dd>2</dd>' in page
    assert '<dd data-testid="ty-le-dung-han">50,0%</dd>' in page  # Vietnamese decimal comma
    assert "Tổng quan" not in text(logged_in(w.desk).get("/can-bo/"))
