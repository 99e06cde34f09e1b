"""Public portal: procedure search (with or without diacritics), procedure page, dossier lookup."""
import re

import pytest
from django.core.cache import cache
from django.test import Client
from tests.conftest import local, make_procedure

from cchc.catalog.models import ProcedureVersion
from cchc.dossiers import services as s
from cchc.portal import throttle

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the lookup counter lives in the cache, which outlives a test
    yield
    cache.clear()


def text(resp) -> str:
    return resp.content.decode()


def found(page: str) -> list[str]:
    return re.findall(r'href="/thu-tuc/([\d.]+)/"', page)


@pytest.fixture
def catalogue(world):
    v = make_procedure("1.000001", level="commune", amount=3, unit="working_days", online="none",
                       name="Chứng thực bản sao từ bản chính", steps=[("Chứng thực", None, "specialist", 100)])
    ProcedureVersion.objects.filter(pk=v.pk).update(keywords="photo công chứng; sao y giấy tờ")
    return world


@pytest.mark.parametrize("query, expected", [
    ("Đăng ký khai sinh", ["1.001193"]),
    ("dang ky khai sinh", ["1.001193"]),
    ("KHAI SINH", ["1.001193"]),
    ("ly lich   tu phap", ["2.000488"]),
    ("chung thuc", ["1.000001"]),
    ("sao y", ["1.000001"]),            # a search keyword, not in the name
    ("photo công chứng", ["1.000001"]),
    ("2.000488", ["2.000488"]),
    ("khai tử", []),
    ("", ["1.000001", "2.000488", "1.001193"]),  # by name: Chứng thực, Cấp phiếu ... sorted by name
])
def test_search_by_name_with_or_without_diacritics(catalogue, query, expected):
    page = text(Client().get("/thu-tuc/", {"q": query}))
    assert sorted(found(page)) == sorted(expected)
    assert f"<strong>{len(expected)}</strong> thủ tục" in page


@pytest.mark.parametrize("params, expected", [
    ({"level": "province"}, ["2.000488"]),
    ({"level": "commune"}, ["1.000001", "1.001193"]),
    ({"online": "on"}, ["1.001193", "2.000488"]),
    ({"field": "Hộ tịch", "level": "commune", "online": "on"}, ["1.001193"]),
    ({"org": "JUSTICE"}, ["2.000488"]),  # the competent organisation
    ({"field": "Không có"}, ["1.000001", "1.001193", "2.000488"]),  # not a field: ignored, nothing hidden
])
def test_filters_field_org_level_online(catalogue, params, expected):
    if params.get("org") == "JUSTICE":
        params = {"org": catalogue.justice.id}
    r = Client().get("/thu-tuc/", params)
    assert sorted(found(text(r))) == sorted(expected)


def test_procedure_page_has_the_public_components(world):
    page = text(Client().get("/thu-tuc/2.000488/"))
    for part in ["Cấp phiếu lý lịch tư pháp", "Trình tự thực hiện", "Nộp hồ sơ, nhận kết quả",
                 "Cách thức thực hiện", "Trực tiếp, trực tuyến", "10 ngày làm việc", "Công dân Việt Nam",
                 "Sở Tư pháp", "Giấy chứng nhận", "Luật Hộ tịch 2014", "Tờ khai theo mẫu", "Bản sao",
                 "Lệ phí — Lệ phí: <strong>8.000 đ</strong>", "Trung tâm Phục vụ hành chính công tỉnh"]:
        assert part in page, part
    commune = text(Client().get("/thu-tuc/1.001193/"))
    assert "Bộ phận Một cửa của Ủy ban nhân dân xã, phường, đặc khu nơi bạn cư trú" in commune
    assert Client().get("/thu-tuc/9.999999/").status_code == 404


@pytest.fixture
def dossier(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)  # Mon; 5 working days -> Mon 13/10 17:00
    d = s.receive_at_desk(actor=w.desk, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone="0905 123 456")))
    clock.set(2025, 10, 6, 10, 0)
    s.hand_over(actor=w.desk, dossier_id=d.id)
    clock.set(2025, 10, 8, 9, 0)
    s.apologise(actor=w.leader, dossier_id=d.id, reason="Cần xác minh với nơi đăng ký cư trú.",
                new_due_at=local(2025, 10, 16, 17, 0))
    return d


def lookup(code, phone, ip="10.0.0.1"):
    return Client(REMOTE_ADDR=ip).post("/tra-cuu/", {"code": code, "phone": phone})


@pytest.mark.parametrize("phone", ["0905123456", "+84 905 123 456", "0905.123.456"])
def test_lookup_shows_timeline_due_date_and_apology(dossier, phone):
    page = text(lookup(dossier.code, phone))
    assert "Hồ sơ H99.01.01-251006-0001" in page
    assert "13/10/2025" in page and "16/10/2025" in page  # due, new date after the apology
    steps = re.findall(r"</time> — ([^<]+)</li>", page)
    assert steps == ["Bộ phận Một cửa đã tiếp nhận hồ sơ", "Hồ sơ được chuyển sang bước xử lý tiếp theo",
                     "Cơ quan gửi thư xin lỗi và hẹn lại ngày trả kết quả"]
    assert "Cần xác minh với nơi đăng ký cư trú." in page
    assert "Nguyễn Thị Hoa" not in page and "079123456789" not in page  # nothing personal is echoed


def _answer(resp) -> str:
    """The page without the per-request CSRF token and the echoed form values."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text(resp))
    return re.sub(r'(name="(code|phone)"[^>]*?) value="[^"]*"', r"\1", page)


def test_wrong_phone_answers_exactly_like_an_unknown_code(dossier):
    wrong_phone = lookup(dossier.code, "0912000000")
    unknown_code = lookup("H99.01.01-251006-9999", "0905123456")
    assert wrong_phone.status_code == unknown_code.status_code == 200
    assert "Không tìm thấy hồ sơ với mã và số điện thoại này." in text(wrong_phone)
    assert _answer(wrong_phone) == _answer(unknown_code)


def test_lookup_is_rate_limited_per_ip(dossier):
    for _ in range(throttle.LOOKUP_LIMIT):
        assert lookup("SAI", "0905123456").status_code == 200
    blocked = lookup(dossier.code, "0905123456")  # even the right answer is withheld now
    assert blocked.status_code == 429
    assert "Bạn đã tra cứu quá nhiều lần" in text(blocked) and "Hồ sơ H99" not in text(blocked)
    assert lookup(dossier.code, "0905123456", ip="10.0.0.2").status_code == 200  # another address is not


def test_lookup_without_csrf_token_is_rejected(dossier):
    r = Client(enforce_csrf_checks=True).post("/tra-cuu/", {"code": dossier.code, "phone": "0905123456"})
    assert r.status_code == 403


def test_home_page(world):
    page = text(Client().get("/"))
    assert 'lang="vi"' in page and "Tìm thủ tục hành chính" in page and "Tra cứu hồ sơ" in page
