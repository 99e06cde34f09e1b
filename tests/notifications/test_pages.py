"""Opt-out of optional messages: only the owner of the address — the holder of the link in a message
sent to it, or the signed-in citizen whose contact it is — changes anything."""
import re

import pytest

from cchc.core.errors import PermissionDenied
from cchc.dossiers import services as ds
from cchc.notifications import services as ns
from cchc.notifications.models import OptOut, Outbox

pytestmark = pytest.mark.django_db
PHONE, EMAIL = "0905123456", "hoa.nguyen@example.vn"


def receive(w, capture, phone=PHONE, email=EMAIL):
    intake = ds.Intake(procedure_code="1.001193", org_id=w.commune.id,
                       applicant=ds.Applicant(name="Nguyễn Thị Hoa", phone=phone, email=email))
    with capture(execute=True):
        return ds.receive_at_desk(actor=w.desk, intake=intake)


def link_path(body: str) -> str:
    [path] = re.findall(r"https?://[^/\s]+(/thong-bao/t/[\w-]+/)", body)
    return path


def test_a_stranger_cannot_opt_someone_out(client):
    page = client.get("/thong-bao/").content.decode()
    assert 'name="address"' not in page and "Đăng nhập" in page  # told how to prove ownership instead
    r = client.post("/thong-bao/", {"address": "0905 123 456", "receive": "0"})
    html = r.content.decode()
    assert r.status_code == 403 and "Chỉ chủ số điện thoại hoặc thư điện tử này" in html
    assert not OptOut.objects.exists()


def test_a_stranger_cannot_opt_someone_back_in(client):
    OptOut.objects.create(address=PHONE)
    r = client.post("/thong-bao/", {"address": PHONE, "receive": "1"})
    assert r.status_code == 403 and OptOut.objects.filter(address=PHONE).exists()


def test_the_link_in_an_optional_message_opts_its_recipient_out_and_back_in(
        client, world, clock, django_capture_on_commit_callbacks):
    receive(world, django_capture_on_commit_callbacks)
    sms = Outbox.objects.get(kind="dossier_received", channel="sms")
    assert sms.body.startswith("Xã Phong Điền đã tiếp nhận hồ sơ") and "Từ chối nhận: http" in sms.body
    path = link_path(sms.body)
    page = client.get(path).content.decode()
    assert "0905***456" in page and PHONE not in page  # the page never shows the whole number
    r = client.post(path, {"receive": "0"})
    assert r.status_code == 200 and "Đã ngừng gửi" in r.content.decode()
    assert list(OptOut.objects.values_list("address", flat=True)) == [PHONE]
    client.post(path, {"receive": "1"})
    assert not OptOut.objects.exists()
    # the e-mail's link is its own and stops only the e-mail address
    client.post(link_path(Outbox.objects.get(kind="dossier_received", channel="email").body), {"receive": "0"})
    assert list(OptOut.objects.values_list("address", flat=True)) == [EMAIL]


def test_a_forged_link_changes_nothing(client, world, clock, django_capture_on_commit_callbacks):
    receive(world, django_capture_on_commit_callbacks)
    r = client.post("/thong-bao/t/khong-phai-ma-that/", {"receive": "0"})
    assert r.status_code == 404 and "Đường dẫn không hợp lệ" in r.content.decode()
    assert 'href="/thong-bao/"' in r.content.decode()  # the other way to show ownership: signing in
    assert not OptOut.objects.exists()


def test_a_link_proves_only_its_own_address(world, clock, django_capture_on_commit_callbacks):
    receive(world, django_capture_on_commit_callbacks)
    token = Outbox.objects.get(channel="sms").token
    with pytest.raises(PermissionDenied) as e:  # someone else's number with my message's link
        ns.opt_out(actor=None, address="0911222333", token=token)
    assert e.value.code == "khong_phai_chu_dia_chi"
    assert not OptOut.objects.exists()


def test_mandatory_messages_carry_no_opt_out_footer(world, clock, django_capture_on_commit_callbacks):
    d = receive(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        ds.hand_over(actor=world.desk, dossier_id=d.id)
        ds.request_supplement(actor=world.specialist, dossier_id=d.id, items=["Giấy chứng sinh"], reason="Thiếu")
    sms = Outbox.objects.get(kind="supplement_requested", channel="sms")
    assert "/thong-bao/t/" not in sms.body


def test_signed_in_citizen_opts_out_their_own_number_only(client, world):
    client.force_login(world.citizen)  # user name 0905123456
    page = client.get("/thong-bao/").content.decode()
    assert f'<option value="{PHONE}"' in page
    r = client.post("/thong-bao/", {"address": "0905 123 456", "receive": "0"})
    assert r.status_code == 200 and "Đã ngừng gửi" in r.content.decode()
    assert list(OptOut.objects.values_list("address", flat=True)) == [PHONE]
    r = client.post("/thong-bao/", {"address": "0911222333", "receive": "0"})  # a forged choice
    assert r.status_code == 403 and "Chỉ chủ số điện thoại" in r.content.decode()
    assert list(OptOut.objects.values_list("address", flat=True)) == [PHONE]


def test_signed_in_citizen_owns_the_contacts_of_their_own_dossiers(client, world, clock):
    ds.submit_online(actor=world.citizen, intake=ds.Intake(
        procedure_code="1.001193", org_id=world.commune.id,
        applicant=ds.Applicant(name="Nguyễn Thị Hoa", phone=PHONE, email=EMAIL)))
    client.force_login(world.citizen)
    assert client.post("/thong-bao/", {"address": EMAIL.upper(), "receive": "0"}).status_code == 200
    assert OptOut.objects.filter(address=EMAIL).exists()


def test_bad_address(client, world):
    client.force_login(world.citizen)
    r = client.post("/thong-bao/", {"address": "12", "receive": "0"})
    assert r.status_code == 422 and not OptOut.objects.exists()


def test_links_are_built_from_the_site_url_setting_only(world, clock, settings, monkeypatch,
                                                        django_capture_on_commit_callbacks):
    settings.CCHC_SITE_URL = "https://dichvucong.songhuong.gov.vn/"
    monkeypatch.setenv("CCHC_SITE_URL", "http://somewhere-else.example")  # read once, by settings.py only
    receive(world, django_capture_on_commit_callbacks)
    sms = Outbox.objects.get(kind="dossier_received", channel="sms")
    assert f"https://dichvucong.songhuong.gov.vn/thong-bao/t/{sms.token}/" in sms.body
    assert "somewhere-else" not in sms.body


@pytest.mark.parametrize("environment, expected", [
    ({}, "http://127.0.0.1:8000"),
    ({"CCHC_SITE_URL": "https://dichvucong.songhuong.gov.vn"}, "https://dichvucong.songhuong.gov.vn"),
])
def test_the_site_url_setting_comes_from_the_environment(environment, expected, tmp_path):
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if k != "CCHC_SITE_URL"} | environment
    env |= {"DJANGO_SETTINGS_MODULE": "cchc.settings", "CCHC_VAR_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", "from django.conf import settings; print(settings.CCHC_SITE_URL)"],
                         env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected
