import pytest

from cchc.notifications.models import OptOut

pytestmark = pytest.mark.django_db


def test_opt_out_and_back_in(client):
    r = client.post("/thong-bao/", {"address": "0905 123 456", "receive": "0"})
    assert r.status_code == 200 and "Đã ngừng gửi" in r.content.decode()
    assert list(OptOut.objects.values_list("address", flat=True)) == ["0905123456"]
    client.post("/thong-bao/", {"address": "0905123456", "receive": "1"})
    assert not OptOut.objects.exists()


def test_bad_address(client):
    r = client.post("/thong-bao/", {"address": "12", "receive": "0"})
    assert r.status_code == 422 and not OptOut.objects.exists()
