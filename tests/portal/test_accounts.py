"""Citizen accounts: sign up and sign in with a phone number (any usual writing) or an e-mail address."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from tests.portal.conftest import PASSWORD, citizen

from cchc.core.errors import Conflict, ValidationFailed
from cchc.portal import account_views, accounts

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.mark.parametrize("typed, expected", [
    ("0905000001", ("phone", "0905000001")),
    ("+84 905 000 001", ("phone", "0905000001")),
    ("84905000001", ("phone", "0905000001")),
    ("0905.000.001", ("phone", "0905000001")),
    ("090-500-0001", ("phone", "0905000001")),
    ("Hoa.Nguyen@Example.VN", ("email", "hoa.nguyen@example.vn")),
])
def test_identifiers(typed, expected):
    assert accounts.identifier(typed) == expected


@pytest.mark.parametrize("typed", ["090500000", "09050000011", "1905000001", "hoa@", "hoa", "", "0905-abc-001"])
def test_not_an_identifier(typed):
    with pytest.raises(ValidationFailed) as e:
        accounts.identifier(typed)
    assert e.value.code == "dinh_danh_dang_nhap_khong_hop_le"


def sign_up(c: Client, login: str, name="Nguyễn Thị Hoa", p1=PASSWORD, p2=None, **extra):
    return c.post("/tai-khoan/dang-ky/", {"name": name, "login": login, "password1": p1,
                                          "password2": p1 if p2 is None else p2, **extra})


def test_sign_up_with_a_phone_then_sign_in_in_another_writing(world):
    c = Client()
    r = sign_up(c, "+84 905 111 222", name="  Nguyễn   Thị Hoa ")
    assert r.status_code == 302 and r["Location"] == "/ho-so-cua-toi/"
    u = User.objects.get(username="0905111222")
    assert u.last_name == "Nguyễn Thị Hoa" and u.email == "" and accounts.is_citizen(u)
    assert u.check_password(PASSWORD) and PASSWORD not in u.password
    assert "Xin chào Nguyễn Thị Hoa." in c.get("/ho-so-cua-toi/").content.decode()

    other = Client()
    r = other.post("/tai-khoan/dang-nhap/", {"username": "0905 111 222", "password": PASSWORD, "next": "/ho-so-cua-toi/"})
    assert r.status_code == 302 and r["Location"] == "/ho-so-cua-toi/"


def test_sign_up_with_an_email(world):
    c = Client()
    assert sign_up(c, "Nam@Example.VN", name="Trần Văn Nam").status_code == 302
    u = User.objects.get(username="nam@example.vn")
    assert u.email == "nam@example.vn"
    r = Client().post("/tai-khoan/dang-nhap/", {"username": "NAM@example.vn", "password": PASSWORD})
    assert r.status_code == 302


def test_the_demo_citizen_signs_in_with_its_phone(world):
    # demo/seed.py: username = the phone number, full name in last_name, no e-mail
    User.objects.create_user(username="0905000001", password="cchc@2026", last_name="Công dân mẫu 1")
    r = Client().post("/tai-khoan/dang-nhap/", {"username": "+84905000001", "password": "cchc@2026"})
    assert r.status_code == 302


@pytest.mark.parametrize("login, p1, p2, message", [
    ("0905111222", PASSWORD, "Khac-2026", "Hai lần nhập mật khẩu không khớp."),
    ("0905111222", "12345678", None, "Mật khẩu này"),  # Django's validators, in Vietnamese
    ("0905111222", "Ab1-x", None, "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
    ("hoa", PASSWORD, None, "Hãy nhập số điện thoại di động (10 chữ số) hoặc địa chỉ thư điện tử hợp lệ."),
])
def test_sign_up_refused_with_a_message(world, login, p1, p2, message):
    r = sign_up(Client(), login, p1=p1, p2=p2)
    assert r.status_code == 422 and message in r.content.decode()
    assert not User.objects.filter(username=login).exists()


def test_an_identifier_has_one_account(world):
    citizen("0905111222")
    citizen("hoa@example.vn")
    for login in ["+84905111222", "HOA@example.vn"]:
        r = sign_up(Client(), login)
        assert r.status_code == 422
        assert "Số điện thoại hoặc thư điện tử này đã có tài khoản; hãy đăng nhập." in r.content.decode()
    with pytest.raises(Conflict):
        accounts.register(name="X", login="0905 111 222", password=PASSWORD)
    assert User.objects.filter(last_name="Nguyễn Thị Hoa").count() == 2


def test_wrong_password_and_unknown_account_get_the_same_answer(world):
    citizen("0905111222")
    wrong = Client().post("/tai-khoan/dang-nhap/", {"username": "0905111222", "password": "sai-mat-khau"})
    unknown = Client().post("/tai-khoan/dang-nhap/", {"username": "0905999999", "password": "sai-mat-khau"})
    assert wrong.status_code == unknown.status_code == 422
    for r in (wrong, unknown):
        assert "Số điện thoại/thư điện tử hoặc mật khẩu không đúng." in r.content.decode()
        assert "_auth_user_id" not in r.wsgi_request.session


def test_sign_in_is_rate_limited(world):
    citizen("0905111222")
    c = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(account_views.SIGN_IN_LIMIT):
        assert c.post("/tai-khoan/dang-nhap/", {"username": "0905111222", "password": "sai"}).status_code == 422
    r = c.post("/tai-khoan/dang-nhap/", {"username": "0905111222", "password": PASSWORD})
    assert r.status_code == 429 and "Bạn đã đăng nhập sai quá nhiều lần" in r.content.decode()
    assert "_auth_user_id" not in c.session
    assert Client(REMOTE_ADDR="10.0.0.8").post(
        "/tai-khoan/dang-nhap/", {"username": "0905111222", "password": PASSWORD}).status_code == 302


def test_next_never_leaves_the_site(world):
    citizen("0905111222")
    r = Client().post("/tai-khoan/dang-nhap/", {"username": "0905111222", "password": PASSWORD,
                                                "next": "https://evil.example/"})
    assert r["Location"] == "/ho-so-cua-toi/"


def test_forms_without_csrf_token_are_rejected(world):
    c = Client(enforce_csrf_checks=True)
    assert sign_up(c, "0905111222").status_code == 403
    assert not User.objects.filter(username="0905111222").exists()
    citizen("0905111222")
    assert c.post("/tai-khoan/dang-nhap/", {"username": "0905111222", "password": PASSWORD}).status_code == 403


def test_sign_out_is_a_post(world):
    c = Client()
    c.force_login(citizen("0905111222"))
    assert c.get("/tai-khoan/dang-xuat/").status_code == 405
    assert c.post("/tai-khoan/dang-xuat/").status_code == 302
    assert c.get("/ho-so-cua-toi/").status_code == 302  # back to the sign-in page


def test_no_oidc_button_unless_configured(world, settings):
    settings.CCHC_OIDC_ISSUER = ""
    page = Client().get("/tai-khoan/dang-nhap/").content.decode()
    assert "Đăng nhập qua" not in page
    assert Client().get("/tai-khoan/oidc/").status_code == 404
