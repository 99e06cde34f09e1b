import pytest

from cchc.feedback import services as s
from cchc.feedback.models import Feedback

from .helpers import submit

pytestmark = pytest.mark.django_db


def test_send_and_find_published_answer(client, world):
    r = client.post("/phan-anh/gui/", {"content": "Biểu mẫu tờ khai trên cổng bị lỗi phông chữ.",
                                         "sender_name": "Phạm An", "sender_email": "an@example.vn",
                                         "consent_publish": "on"})
    assert r.status_code == 200 and "Đã tiếp nhận phản ánh" in r.content.decode()
    fb = Feedback.objects.get()
    s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.01")
    s.answer(actor=world.justice_leader, feedback_id=fb.id, text="Đã sửa phông chữ, cảm ơn ông Phạm An.")
    s.publish(actor=world.justice_leader, feedback_id=fb.id)
    page = client.get("/phan-anh/", {"q": "phông chữ"}).content.decode()
    assert fb.code in page and "1 kết quả" in page
    detail = client.get(f"/phan-anh/{fb.code}/").content.decode()
    assert "Đã sửa phông chữ" in detail and "Phạm An" not in detail and "an@example.vn" not in detail


def test_unpublished_is_not_shown(client, world):
    fb, _ = submit(consent_publish=True)
    assert client.get(f"/phan-anh/{fb.code}/").status_code == 404


def test_empty_text_on_the_page(client, world):
    r = client.post("/phan-anh/gui/", {"content": "", "sender_name": "Phạm An", "sender_phone": "0905000000"})
    assert r.status_code == 422
