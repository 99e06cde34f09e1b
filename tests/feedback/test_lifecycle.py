"""Feedback lifecycle with its stage timers. Dates worked out by hand on the 2025 calendar:

Received Thu 28/08/2025 10:00. Days off 30/08–02/09 (Quốc khánh). Working days after 28/08:
1 Fri 29/08, 2 Wed 03/09, 3 Thu 04/09, 4 Fri 05/09, 5 Mon 08/09, 6 Tue 09/09, 7 Wed 10/09,
8 Thu 11/09, 9 Fri 12/09, 10 Mon 15/09, 11 Tue 16/09, 12 Wed 17/09, 13 Thu 18/09, 14 Fri 19/09,
15 Mon 22/09.  So: refuse ≤ Wed 03/09 17:00, first request ≤ Mon 08/09 17:00, answer ≤ Mon 22/09
17:00; answered Fri 19/09 → publish ≤ Tue 23/09 17:00 (Mon 22/09, Tue 23/09).
"""
import pytest
from tests.conftest import local

from cchc.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    TransitionNotAllowed,
    ValidationFailed,
)
from cchc.feedback import services as s
from cchc.feedback.models import Feedback, StageTimer
from cchc.feedback.rules import HIDDEN

from .helpers import submit

pytestmark = pytest.mark.django_db


def test_timers_from_the_calendar(world, clock):
    clock.set(2025, 8, 28, 10, 0)
    fb, key = submit()
    assert fb.code == f"PAKN-2025-{fb.id:06d}" and len(key) >= 16
    assert fb.refuse_due_at == local(2025, 9, 3, 17, 0)
    assert fb.info_due_at == local(2025, 9, 8, 17, 0)
    assert fb.answer_due_at == local(2025, 9, 22, 17, 0)
    assert fb.state == "received"


def test_timers_are_data_an_administrator_changes(world, clock):
    StageTimer.objects.filter(stage="answer").update(working_days=10)
    clock.set(2025, 8, 28, 10, 0)
    fb, _ = submit()
    assert fb.answer_due_at == local(2025, 9, 15, 17, 0)  # 10th working day, see above


def test_full_lifecycle_on_time_and_published_without_personal_data(world, clock):
    clock.set(2025, 8, 28, 10, 0)
    fb, key = submit(content="Tôi là Nguyễn Thị Hoa, SĐT 0905 123 456, email hoa@example.vn, CCCD 079123456789. "
                             "Xã yêu cầu nộp bản sao có chứng thực giấy khai sinh của cha mẹ.",
                     title="Bản sao chứng thực không cần thiết", consent_publish=True, email="hoa@example.vn")
    s.classify(actor=world.desk, feedback_id=fb.id, category="regulation", procedure_code="1.001193")
    s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.01")
    clock.set(2025, 9, 4, 9, 0)
    s.request_info(actor=world.justice_specialist, feedback_id=fb.id, question="Xin cho biết tên xã.")
    clock.set(2025, 9, 5, 9, 0)  # info arrives Fri 05/09: answer period runs again, 15 working days → Fri 26/09
    fb = s.provide_info(actor=None, feedback_id=fb.id, info="Xã Phong Điền.", key=key)
    assert fb.answer_due_at == local(2025, 9, 26, 17, 0)
    clock.set(2025, 9, 19, 16, 0)
    fb = s.answer(actor=world.justice_leader, feedback_id=fb.id,
                  text="Sở Tư pháp đã hướng dẫn xã không yêu cầu bản sao có chứng thực (gửi bà Nguyễn Thị Hoa).")
    assert fb.state == "answered" and fb.is_late is False
    assert fb.publish_due_at == local(2025, 9, 23, 17, 0)
    clock.set(2025, 9, 22, 9, 0)
    fb = s.publish(actor=world.justice_leader, feedback_id=fb.id)
    assert fb.state == "published" and fb.publish_late is False
    for text in (fb.public_content, fb.public_answer):
        assert "0905" not in text and "hoa@example.vn" not in text and "079123456789" not in text
        assert "Nguyễn Thị Hoa" not in text and HIDDEN in text
    assert "bản sao có chứng thực" in fb.public_content
    stages = {st.action: st for st in fb.stages.all()}
    assert stages["request_info"].due_at == local(2025, 9, 8, 17, 0) and stages["request_info"].on_time is True
    assert stages["answer"].on_time is True and stages["publish"].on_time is True
    fb = s.rate(actor=None, feedback_id=fb.id, rating="satisfied", key=key)
    assert fb.rating == "satisfied"
    with pytest.raises(Conflict) as e:
        s.rate(actor=None, feedback_id=fb.id, rating="unsatisfied", key=key)
    assert e.value.code == "da_danh_gia"


def test_late_answer_is_recorded_per_stage(world, clock):
    clock.set(2025, 8, 28, 10, 0)
    fb, _ = submit()
    s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.01")
    clock.set(2025, 9, 23, 8, 0)  # the day after Mon 22/09
    fb = s.answer(actor=world.justice_specialist, feedback_id=fb.id, text="Đã xử lý.")
    assert fb.is_late is True
    assert fb.stages.get(action="answer").on_time is False


def test_refuse_needs_a_reason_and_is_timed(world, clock):
    clock.set(2025, 8, 28, 10, 0)
    fb, _ = submit()
    with pytest.raises(ReasonRequired):
        s.refuse(actor=world.desk, feedback_id=fb.id, reason="  ")
    clock.set(2025, 9, 4, 8, 0)  # after Wed 03/09
    fb = s.refuse(actor=world.desk, feedback_id=fb.id, reason="Nội dung là khiếu nại, không phải phản ánh quy định.")
    assert fb.state == "refused" and fb.is_late is True
    with pytest.raises(TransitionNotAllowed):
        s.answer(actor=world.desk, feedback_id=fb.id, text="x")


def test_official_enters_phone_feedback(world, clock):
    fb, _ = submit(actor=world.desk, channel="hotline", phone="", ip="")
    assert fb.entered_by == world.desk and fb.channel == "hotline"
    with pytest.raises(PermissionDenied):
        submit(actor=world.citizen, channel="phone")


def test_transfer_to_another_organisation(world, clock):
    fb, _ = submit()
    s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.02")
    with pytest.raises(ReasonRequired):
        s.transfer(actor=world.finance_specialist, feedback_id=fb.id, org_code="H99.01", reason="")
    fb = s.transfer(actor=world.finance_specialist, feedback_id=fb.id, org_code="H99.01",
                    reason="Thuộc lĩnh vực tư pháp.")
    assert fb.org == world.justice
    with pytest.raises(PermissionDenied):  # no longer the finance department's
        s.answer(actor=world.finance_specialist, feedback_id=fb.id, text="x")


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("content, code", [
    ("", "noi_dung_trong"),
    ("   \n ", "noi_dung_trong"),
    ("a" * 5001, "noi_dung_qua_dai"),
])
def test_empty_or_oversized_text_is_refused(world, content, code):
    with pytest.raises(ValidationFailed) as e:
        submit(content=content)
    assert e.value.code == code
    assert not Feedback.objects.exists()


def test_text_of_exactly_the_limit_is_accepted(world):
    fb, _ = submit(content="a" * 5000)
    assert len(fb.content) == 5000


def test_flood_from_one_source_is_rate_limited(world, clock, settings):
    settings.CCHC_FEEDBACK_PER_HOUR = 3
    clock.set(2025, 9, 10, 9, 0)
    for i in range(3):
        submit(phone=f"090500000{i}")  # same IP, different phones
    with pytest.raises(s.TooManySubmissions) as e:
        submit(phone="0905000009")
    assert e.value.code == "gui_qua_nhieu"
    # one phone number from changing IP addresses is counted too
    for i in range(3):
        submit(phone="0911111111", ip=f"198.51.100.{i}")
    with pytest.raises(s.TooManySubmissions):
        submit(phone="0911111111", ip="198.51.100.9")
    clock.set(2025, 9, 10, 10, 1)  # an hour later the window has moved on
    submit(phone="0905000009")
    assert Feedback.objects.count() == 7


def test_assignment_to_an_unknown_organisation(world):
    fb, _ = submit()
    with pytest.raises(NotFound) as e:
        s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.77")
    assert e.value.code == "co_quan_khong_ton_tai"
    fb.refresh_from_db()
    assert fb.org is None and fb.state == "received"


def test_publication_without_consent_is_refused(world):
    fb, _ = submit(consent_publish=False)
    s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.01")
    s.answer(actor=world.justice_leader, feedback_id=fb.id, text="Đã trả lời.")
    with pytest.raises(Conflict) as e:
        s.publish(actor=world.justice_leader, feedback_id=fb.id)
    assert e.value.code == "khong_dong_y_cong_khai"
    fb.refresh_from_db()
    assert fb.state == "answered" and fb.public_answer == ""


def test_unknown_procedure_link_and_bad_category(world):
    fb, _ = submit()
    with pytest.raises(NotFound):
        s.classify(actor=world.desk, feedback_id=fb.id, category="regulation", procedure_code="9.999999")
    with pytest.raises(ValidationFailed):
        s.classify(actor=world.desk, feedback_id=fb.id, category="complaint")


def test_rating_needs_the_key(world):
    fb, _ = submit()
    s.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.01")
    s.answer(actor=world.justice_leader, feedback_id=fb.id, text="Đã trả lời.")
    with pytest.raises(PermissionDenied):
        s.rate(actor=None, feedback_id=fb.id, rating="satisfied", key="sai-khoa")
