"""An official enters feedback received by phone, letter, hotline or at the desk (/can-bo/phan-anh/nhap/):
receiving roles only, minimum personal data, Vietnamese errors that change nothing, the new item in the list
with its access key shown once."""
import hashlib
import re

import pytest
from django.test import Client

from cchc.feedback.models import Feedback

pytestmark = pytest.mark.django_db
LIST, ENTER = "/can-bo/phan-anh/", "/can-bo/phan-anh/nhap/"
CONTENT = "Gọi điện: xã yêu cầu bản sao có chứng thực giấy khai sinh của cha mẹ khi đăng ký khai sinh."


def data(**kw):
    return {"channel": "phone", "title": "Bản sao chứng thực", "content": CONTENT, "category": "",
            "procedure_code": "", "dossier_code": "", "sender_name": "Trần Văn Bình",
            "sender_phone": "0905 123 456", "sender_email": "", **kw}


def test_a_desk_official_enters_phone_feedback_and_finds_it_in_the_list(client, world):
    client.force_login(world.desk)
    html = client.get(LIST).content.decode()
    assert f'href="{ENTER}"' in html
    r = client.post(ENTER, data(category="regulation", procedure_code="1.001193", consent_publish="on"))
    assert r.status_code == 302 and r["Location"] == LIST
    fb = Feedback.objects.get()
    assert (fb.channel, fb.state, fb.category, fb.procedure_code) == ("phone", "received", "regulation", "1.001193")
    assert (fb.sender_name, fb.sender_phone, fb.sender_email) == ("Trần Văn Bình", "0905123456", "")
    assert fb.entered_by == world.desk and fb.sender is None and fb.consent_publish is True
    assert fb.source_digest == ""  # the official's own IP address is not the sender's
    stage = fb.stages.get()
    assert (stage.action, stage.actor, stage.note) == ("submit", world.desk, "Điện thoại")

    html = client.get(LIST).content.decode()
    assert f">{fb.code}</a>" in html
    key = re.search(r'data-testid="vua-nhap".*?<code>([^<]+)</code>', html, re.S).group(1)
    assert hashlib.sha256(key.encode()).hexdigest() == fb.key_digest  # the key the sender will use
    again = client.get(LIST).content.decode()
    assert f">{fb.code}</a>" in again and key not in again  # shown once


def test_the_form_asks_only_what_is_needed_to_answer(client, world):
    client.force_login(world.desk)
    html = client.get(ENTER).content.decode()
    form = html.split('<form method="post" class="card"')[1].split("</form>")[0]
    names = set(re.findall(r'name="(\w+)"', form)) - {"csrfmiddlewaretoken"}
    assert names == {"channel", "title", "content", "category", "procedure_code", "dossier_code", "sender_name",
                     "sender_phone", "sender_email", "consent_publish"}  # no identity number, no address
    channels = set(re.findall(r'<option value="(\w+)"', html.split('name="channel"')[1].split("</select>")[0]))
    assert channels == {"desk", "phone", "letter", "hotline"}  # the portal and the API are the citizen's own


def test_a_letter_without_phone_or_email_is_accepted(client, world):
    client.force_login(world.justice_leader)  # leaders receive feedback too
    r = client.post(ENTER, data(channel="letter", sender_phone=""))
    assert r.status_code == 302
    fb = Feedback.objects.get()
    assert (fb.channel, fb.sender_phone, fb.entered_by) == ("letter", "", world.justice_leader)


def test_official_entry_is_not_rate_limited(client, world, settings):
    settings.CCHC_FEEDBACK_PER_HOUR = 2
    client.force_login(world.desk)
    for i in range(3):  # a hotline officer types in many calls an hour, some from one caller
        assert client.post(ENTER, data(title=f"Cuộc gọi {i}")).status_code == 302
    assert Feedback.objects.count() == 3


@pytest.mark.parametrize("changes, field, message", [
    ({"content": ""}, "content", "Hãy nhập nội dung phản ánh, kiến nghị."),
    ({"content": " \n\t "}, "content", "Hãy nhập nội dung phản ánh, kiến nghị."),
    ({"content": "a" * 5001}, "content", "Nội dung dài quá 5000 ký tự (hiện có 5001 ký tự)."),
    ({"title": "t" * 201}, "title", "Tiêu đề dài quá 200 ký tự."),
    ({"sender_name": "  "}, "sender_name", "Hãy nhập họ tên người phản ánh."),
    ({"sender_name": "n" * 201}, "sender_name", "Họ tên dài quá 200 ký tự."),
    ({"sender_phone": "gọi lại sau"}, "sender_phone", "Số điện thoại không hợp lệ"),
    ({"sender_email": "binh@"}, "sender_email", "Địa chỉ thư điện tử không hợp lệ."),
    ({"channel": "portal"}, "channel", "Chọn kênh đã nhận: trực tiếp, điện thoại, thư hoặc đường dây nóng."),
    ({"category": "khieu_nai"}, "category", "Phân loại không hợp lệ."),
    ({"procedure_code": "9.999999"}, "procedure_code", "Không có thủ tục mã “9.999999”."),
    ({"dossier_code": "H99-000000-0000"}, "dossier_code", "Không có hồ sơ mã “H99-000000-0000”."),
])
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(client, world, changes, field, message):
    client.force_login(world.desk)
    r = client.post(ENTER, data(**changes))
    html = r.content.decode()
    assert r.status_code == 422
    assert message in html
    assert f'class="errorlist" id="id_{field}_error"' in html  # shown at the field it concerns
    assert not Feedback.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.desk)
    assert client.post(ENTER, data()).status_code == 403
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("who, message", [
    ("citizen", "Chỉ cán bộ, công chức"),
    ("justice_specialist", "Chỉ cán bộ tiếp nhận"),  # an official, but not a receiving role
    ("finance_specialist", "Chỉ cán bộ tiếp nhận"),
])
def test_only_receiving_officials_may_enter(client, world, who, message):
    client.force_login(getattr(world, who))
    r = client.get(ENTER)
    assert r.status_code == 403 and message in r.content.decode()
    r = client.post(ENTER, data())
    assert r.status_code == 403 and message in r.content.decode()
    assert not Feedback.objects.exists()
    if who != "citizen":
        assert f'href="{ENTER}"' not in client.get(LIST).content.decode()


def test_signing_in_is_required(client, world):
    r = client.post(ENTER, data())
    assert r.status_code == 302 and "/can-bo/dang-nhap/" in r["Location"]
    assert not Feedback.objects.exists()
