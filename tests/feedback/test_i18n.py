"""Feedback and notification names in English (the second locale); the record itself stays Vietnamese."""
import pytest
from django.test import Client
from django.utils import translation

from cchc.feedback import rules
from cchc.feedback.models import Category, Channel, Feedback, Rating, StageTimer
from cchc.feedback.office_views import STAGE_LABELS
from cchc.notifications.models import ChannelKind, Kind, Outbox

LABELS = {
    "states": list(rules.State.LABELS.values()), "actions": list(STAGE_LABELS.values()),
    "channel": Channel.labels, "category": Category.labels, "rating": Rating.labels,
    "timer": StageTimer.Stage.labels, "kind": Kind.labels, "sent_by": ChannelKind.labels,
    "outbox": Outbox.State.labels,
}


@pytest.mark.parametrize("name", LABELS)
def test_every_name_has_its_english(name):
    with translation.override("vi"):
        vietnamese = [str(label) for label in LABELS[name]]
    with translation.override("en"):
        english = [str(label) for label in LABELS[name]]
    untranslated = [vi for vi, en in zip(vietnamese, english, strict=True) if vi == en]
    assert untranslated == []


def test_a_state_and_an_action_with_one_vietnamese_name_differ_in_english():
    state, action = rules.State.LABELS["refused"], rules.TRANSITIONS["refuse"].label
    with translation.override("vi"):
        assert str(state) == str(action) == "Từ chối tiếp nhận"
    with translation.override("en"):
        assert (str(state), str(action)) == ("Refused", "Refuse")


@pytest.mark.django_db
def test_office_pages_in_english_while_the_history_keeps_vietnamese(world):
    c = Client()
    c.force_login(world.desk)
    c.post("/i18n/setlang/", {"language": "en", "next": "/can-bo/phan-anh/"})
    form = c.get("/can-bo/phan-anh/nhap/").content.decode()
    assert "Enter feedback received by phone, letter, hotline or in person" in form and "Hotline" in form
    r = c.post("/can-bo/phan-anh/nhap/", {"channel": "hotline", "content": "Xã thu phí sai quy định.",
                                          "sender_name": "Trần Văn Bình"})
    assert r.status_code == 302
    listing = c.get("/can-bo/phan-anh/").content.decode()
    fb = Feedback.objects.get()
    assert f">{fb.code}</a>" in listing and "<td>Received</td>" in listing
    assert fb.stages.get().note == "Đường dây nóng"  # the record is Vietnamese whatever the screen showed
    detail = c.get(f"/can-bo/phan-anh/{fb.code}/").content.decode()
    assert ">Assign to the competent agency</button>" in detail and ">Refuse</button>" in detail
