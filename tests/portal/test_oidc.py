"""OpenID Connect sign-in against a real provider on 127.0.0.1 (tests/portal/oidc_provider.py).

The portal's server talks to the provider over HTTP (discovery, token, keys); the browser's
part — following the redirect to the provider and back — is played by ``requests``.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client
from tests.portal.conftest import citizen, client_for
from tests.portal.oidc_provider import Provider

from cchc.portal.models import ExternalIdentity

pytestmark = pytest.mark.django_db
CALLBACK = "http://testserver/tai-khoan/oidc/callback/"
User = get_user_model()


@pytest.fixture
def provider(settings):
    with Provider("cchc-portal", "bi-mat-cua-cong", CALLBACK) as p:
        settings.CCHC_OIDC_ISSUER = p.url
        settings.CCHC_OIDC_CLIENT_ID = "cchc-portal"
        settings.CCHC_OIDC_CLIENT_SECRET = "bi-mat-cua-cong"
        settings.CCHC_OIDC_SCOPES = "openid profile email"
        settings.CCHC_OIDC_NAME = "VNeID"
        settings.CCHC_OIDC_REDIRECT_URI = ""
        yield p


def sign_in(c: Client, next_url: str = "/ho-so-cua-toi/"):
    """Start at the portal, pass through the provider, come back; returns the portal's last response."""
    start = c.get("/tai-khoan/oidc/", {"next": next_url})
    assert start.status_code == 302
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302, at_provider.text
    back = urlparse(at_provider.headers["Location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == CALLBACK
    return c.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})


def test_the_authorisation_request(world, provider):
    r = Client().get("/tai-khoan/oidc/")
    url = urlparse(r["Location"])
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{provider.url}/authorize"
    assert q["client_id"] == "cchc-portal" and q["redirect_uri"] == CALLBACK and q["response_type"] == "code"
    assert q["scope"] == "openid profile email" and q["code_challenge_method"] == "S256"
    assert len(q["state"]) >= 20 and len(q["nonce"]) >= 20 and len(q["code_challenge"]) == 43


def test_first_sign_in_opens_a_citizen_account_and_the_next_one_the_same(world, provider):
    c = Client()
    r = sign_in(c)
    assert r.status_code == 302 and r["Location"] == "/ho-so-cua-toi/"
    link = ExternalIdentity.objects.get()
    assert (link.issuer, link.subject) == (provider.url, "vneid-0001")
    user = link.user
    assert user.last_name == "Lê Thị Mai" and user.email == "mai@example.vn" and not user.has_usable_password()
    assert int(c.session["_auth_user_id"]) == user.id
    assert "Xin chào Lê Thị Mai." in c.get("/ho-so-cua-toi/").content.decode()
    # the portal authenticated itself and proved PKCE at the token endpoint
    assert provider.token_requests[0]["code_verifier"] and "client_secret" not in provider.token_requests[0]

    again = Client()
    assert sign_in(again).status_code == 302
    assert int(again.session["_auth_user_id"]) == user.id
    assert User.objects.filter(external_identities__isnull=False).count() == 1


def test_a_signed_in_citizen_links_the_provider_to_the_same_account(world, provider):
    hoa = citizen("0905111222")
    c = client_for(hoa)
    assert sign_in(c).status_code == 302
    assert ExternalIdentity.objects.get().user_id == hoa.id
    assert int(c.session["_auth_user_id"]) == hoa.id


def test_an_officials_session_is_never_linked(world, provider):
    c = client_for(world.desk)
    assert sign_in(c).status_code == 302
    assert ExternalIdentity.objects.get().user_id != world.desk.id


@pytest.mark.parametrize("tamper", ["nonce", "aud", "iss", "signature", "deny"])
def test_a_bad_answer_from_the_provider_signs_nobody_in(world, provider, tamper):
    provider.tamper = tamper
    c = Client()
    r = sign_in(c)
    assert r.status_code == 400
    assert "Đăng nhập qua VNeID không thành công." in r.content.decode()
    assert "_auth_user_id" not in c.session
    assert not ExternalIdentity.objects.exists() and not User.objects.filter(username__startswith="oidc-").exists()


def test_a_callback_with_another_sessions_state_is_refused(world, provider):
    victim, attacker = Client(), Client()
    start = attacker.get("/tai-khoan/oidc/")
    back = urlparse(requests.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"])
    # the attacker's code and state, replayed in the victim's browser (login CSRF)
    r = victim.get(back.path, {k: v[0] for k, v in parse_qs(back.query).items()})
    assert r.status_code == 400 and "_auth_user_id" not in victim.session
    assert not ExternalIdentity.objects.exists()


def test_an_unreachable_provider_is_a_clear_message(world, settings):
    settings.CCHC_OIDC_ISSUER = "http://127.0.0.1:9"  # discard port: nothing listens
    settings.CCHC_OIDC_CLIENT_ID = "cchc-portal"
    r = Client().get("/tai-khoan/oidc/")
    assert r.status_code == 502 and "Đăng nhập qua VNeID không thành công." in r.content.decode()


def test_sign_in_page_offers_the_provider(world, provider):
    page = Client().get("/tai-khoan/dang-nhap/?next=/ho-so-cua-toi/").content.decode()
    assert "Đăng nhập qua VNeID" in page and 'href="/tai-khoan/oidc/?next=/ho-so-cua-toi/"' in page
