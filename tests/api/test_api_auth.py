"""The back office's browser session also reaches the API, with CSRF protection on writes."""
import pytest
from django.test import Client as SessionMaker
from tests.api.live_api import Client, dossier_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_session_needs_csrf_for_writes_but_token_does_not(api, world, clock):
    maker = SessionMaker()
    maker.force_login(world.desk)  # only to obtain a real session; the requests below are real HTTP
    session = {"Cookie": f"sessionid={maker.cookies['sessionid'].value}"}
    browser = Client(api().base_url)
    assert browser.call("GET", "/dossiers", headers=session).status == 200
    r = browser.call("POST", "/dossiers", dossier_body(), headers=session)
    assert (r.status, r.code) == (403, "khong_co_quyen"), r
    csrf = "k" * 32
    r = browser.call("POST", "/dossiers", dossier_body(),
                     headers={"Cookie": f"{session['Cookie']}; csrftoken={csrf}", "X-CSRFToken": csrf})
    assert r.status == 201, r
    assert api(world.desk).post("/dossiers", dossier_body()).status == 201  # a token needs no CSRF
