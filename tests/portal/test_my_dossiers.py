""""Hồ sơ của tôi": a citizen sees their own dossiers only, with the timeline, forms and rating.

Dates by hand: submitted online Mon 06/10/2025 09:30, received 10:00 (before the 15:00 cut-off),
5 working days → due Mon 13/10/2025; returned Wed 08/10/2025.
"""
from __future__ import annotations

import re

import pytest
from django.test import Client
from tests.portal.conftest import client_for

from cchc.dossiers import services as s
from cchc.dossiers.models import AuditRecord, PersonalDataAccess, Status
from cchc.measures.models import Rating

pytestmark = pytest.mark.django_db

# the nine criteria of DOMAIN §4 as stored in the index rules (measures/data/index766-2022.json)
CRITERIA = ["thoi_gian_tong", "thoi_gian_tung_co_quan", "so_lan_lien_he", "so_co_quan_lien_he",
            "tiep_nhan_tra_ket_qua", "cong_khai_thu_tuc", "thai_do_can_bo", "tiep_thu_giai_trinh",
            "dich_vu_truc_tuyen"]


def online(w, user, name="Nguyễn Thị Hoa", phone="0905111222"):
    return s.submit_online(actor=user, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name=name, id_number="079123456789", phone=phone, address="Xã Phong Điền"),
        components=[s.ComponentInput(name="Tờ khai theo mẫu")]))


@pytest.fixture
def dossiers(world, clock, hoa, nam):
    clock.set(2025, 10, 6, 9, 30)
    mine, other = online(world, hoa), online(world, nam, name="Trần Văn Nam", phone="0905333444")
    desk = s.receive_at_desk(actor=world.desk, intake=s.Intake(  # a desk dossier with Hoa's phone: not "mine"
        procedure_code="1.001193", org_id=world.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", phone="0905111222")))
    clock.set(2025, 10, 6, 10, 0)
    s.receive(actor=world.desk, dossier_id=mine.id)
    return mine, other, desk


def test_my_dossiers_lists_mine_only(dossiers, hoa):
    mine, other, desk = dossiers
    page = client_for(hoa).get("/ho-so-cua-toi/").content.decode()
    assert re.findall(r'href="/ho-so-cua-toi/([^/"]+)/"', page) == [mine.code]
    assert other.code not in page and desk.code not in page
    assert "Được tiếp nhận" in page and "13/10/2025" in page


def test_my_dossier_shows_the_timeline_and_form_01(dossiers, hoa):
    mine = dossiers[0]
    page = client_for(hoa).get(f"/ho-so-cua-toi/{mine.code}/").content.decode()
    steps = re.findall(r"</time> — ([^<]+)</li>", page)
    assert steps == ["Hồ sơ đã được nộp trực tuyến, chờ tiếp nhận", "Bộ phận Một cửa đã tiếp nhận hồ sơ"]
    assert f"/ho-so-cua-toi/{mine.code}/mau-01.pdf" in page and "13/10/2025" in page
    assert "*********789" in page and "079123456789" not in page
    assert PersonalDataAccess.objects.filter(dossier=mine, viewer=hoa, purpose="nguoi_nop_xem").count() == 1


@pytest.mark.parametrize("path", ["/", "/da-nop/", "/mau-01.pdf", "/danh-gia/"])
def test_another_citizens_dossier_is_not_found(dossiers, nam, path):
    mine = dossiers[0]
    r = client_for(nam).get(f"/ho-so-cua-toi/{mine.code}{path}")
    assert r.status_code == 404
    assert not PersonalDataAccess.objects.filter(viewer=nam).exists()
    # the same answer as a code that does not exist: no hint that it does
    assert client_for(nam).get(f"/ho-so-cua-toi/H99.01.01-251006-9999{path}").status_code == 404


def test_a_desk_dossier_is_not_anyones_to_open(dossiers, hoa):
    desk = dossiers[2]
    assert client_for(hoa).get(f"/ho-so-cua-toi/{desk.code}/").status_code == 404


def test_sign_in_needed(dossiers):
    r = Client().get("/ho-so-cua-toi/")
    assert r.status_code == 302 and r["Location"] == "/tai-khoan/dang-nhap/?next=/ho-so-cua-toi/"


# ---------------------------------------------------------------- rating (DOMAIN §4)


def answers(level="rat_hai_long", **over) -> dict:
    return {c: over.get(c, level) for c in CRITERIA}


@pytest.fixture
def returned(world, clock, dossiers):
    clock.set(2025, 10, 8, 9, 0)
    return return_dossier_after_receipt(world, dossiers[0])


def return_dossier_after_receipt(w, d):
    s.hand_over(actor=w.desk, dossier_id=d.id)
    s.finish(actor=w.leader, dossier_id=d.id)
    return s.return_result(actor=w.desk, dossier_id=d.id)


def test_rating_page_has_the_nine_criteria(returned, hoa):
    page = client_for(hoa).get(f"/ho-so-cua-toi/{returned.code}/danh-gia/").content.decode()
    for label in ["Tổng thời gian giải quyết so với thời gian quy định",
                  "Thời gian giải quyết của từng cơ quan, kể cả phối hợp",
                  "Số lần phải liên hệ để hoàn thiện hồ sơ", "Số cơ quan phải liên hệ",
                  "Tiếp nhận, trả kết quả tại Bộ phận Một cửa", "Công khai thủ tục hành chính",
                  "Thái độ của cán bộ, công chức", "Tiếp thu, giải trình phản ánh, kiến nghị",
                  "Tiến độ, chất lượng cung cấp dịch vụ công trực tuyến"]:
        assert label in page, label
    assert len(re.findall(r'type="radio"', page)) == 27


@pytest.mark.parametrize("given, points, band, satisfied", [
    (answers(), 18, "rat_hai_long", True),
    (answers("hai_long"), 9, "hai_long", True),  # 9 × 1 point: the lowest "Hài lòng" (≥ 9)
    (answers("hai_long", thai_do_can_bo="khong_hai_long"), 8, "khong_hai_long", False),
    (answers("rat_hai_long", thoi_gian_tong="hai_long", so_lan_lien_he="khong_hai_long"), 15, "rat_hai_long", True),
])
def test_a_citizen_rates_a_returned_dossier(returned, hoa, given, points, band, satisfied):
    c = client_for(hoa)
    r = c.post(f"/ho-so-cua-toi/{returned.code}/danh-gia/", given)
    assert r.status_code == 302 and r["Location"] == f"/ho-so-cua-toi/{returned.code}/"
    rating = Rating.objects.get(dossier=returned)
    assert (rating.self_points, rating.band, rating.satisfied, rating.channel) == (points, band, satisfied, "portal")
    assert rating.rated_by_id == hoa.id and rating.answers == given
    page = c.get(r["Location"]).content.decode()
    assert "Cảm ơn bạn đã đánh giá." in page and f"{points}/18 điểm" in page


def test_rating_twice_is_refused(returned, hoa):
    c = client_for(hoa)
    assert c.post(f"/ho-so-cua-toi/{returned.code}/danh-gia/", answers()).status_code == 302
    r = c.post(f"/ho-so-cua-toi/{returned.code}/danh-gia/", answers("khong_hai_long"))
    assert r.status_code == 409 and "mỗi hồ sơ chỉ đánh giá một lần" in r.content.decode()
    assert Rating.objects.get().self_points == 18
    assert AuditRecord.objects.filter(action="rate").count() == 1


def test_a_dossier_not_returned_cannot_be_rated(dossiers, hoa):
    mine = dossiers[0]  # received, not returned
    c = client_for(hoa)
    assert "Chỉ đánh giá được hồ sơ đã trả kết quả." in c.get(f"/ho-so-cua-toi/{mine.code}/danh-gia/").content.decode()
    r = c.post(f"/ho-so-cua-toi/{mine.code}/danh-gia/", answers())
    assert r.status_code == 409 and "Chỉ đánh giá được hồ sơ đã trả kết quả." in r.content.decode()
    assert not Rating.objects.exists()
    mine.refresh_from_db()
    assert mine.status == Status.RECEIVED


def test_every_criterion_must_be_answered(returned, hoa):
    given = answers()
    del given["dich_vu_truc_tuyen"]
    r = client_for(hoa).post(f"/ho-so-cua-toi/{returned.code}/danh-gia/", {**given, "thai_do_can_bo": "tuyet_voi"})
    page = r.content.decode()
    assert r.status_code == 422 and "Hãy chọn một mức cho mỗi tiêu chí." in page
    assert "Hãy chọn một mức cho tiêu chí này." in page
    assert not Rating.objects.exists()


def test_rating_without_csrf_is_rejected(returned, hoa):
    c = Client(enforce_csrf_checks=True)
    c.force_login(hoa)
    assert c.post(f"/ho-so-cua-toi/{returned.code}/danh-gia/", answers()).status_code == 403
    assert not Rating.objects.exists()


def test_rating_link_in_my_dossiers_until_rated(returned, hoa):
    c = client_for(hoa)
    assert f"/ho-so-cua-toi/{returned.code}/danh-gia/" in c.get("/ho-so-cua-toi/").content.decode()
    c.post(f"/ho-so-cua-toi/{returned.code}/danh-gia/", answers())
    assert f"/ho-so-cua-toi/{returned.code}/danh-gia/" not in c.get("/ho-so-cua-toi/").content.decode()

