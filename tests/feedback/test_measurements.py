"""Feedback measurements, September 2025, worked out by hand (2025 calendar: 01–02/09 off).

Sở Tư pháp (H99.01):
  A received Wed 03/09, due Wed 24/09, answered 10/09 (on time), rated "hài lòng" 12/09
  B received Thu 04/09, due Thu 25/09, answered 30/09 (late), rated "không hài lòng" 30/09
  C received Fri 05/09, refused 05/09 (refuse due Tue 09/09: on time)
  D received Mon 08/09, due Mon 29/09, never answered → open and overdue at 30/09: late
  E received Mon 22/09, due in October, open → not judged yet
  F received Thu 28/08, due Mon 22/09, answered 10/09 (on time), rated "rất hài lòng" 11/09
Sở Tài chính (H99.02): G received 10/09, answered 11/09 (on time), rated "không hài lòng" 11/09
Unassigned: H and I received 15/09 (due 06/10) about the same commune dossier #1.

feedback_on_time       Tư pháp: handled A B C F + overdue D = 5, on time A C F = 3 → 60 %
                       province: + G → 4 / 6 = 66.67 %
feedback_satisfaction  Tư pháp: rated A B F = 3, satisfied A F = 2 → 66.67 %;  province: 2 / 4 = 50 %
feedback_resolved_share Tư pháp: received in Sept, not refused: A B D E = 4, answered A B = 2 → 50 %
                       province: A B D E G H I = 7, answered A B G = 3 → 42.86 %
dossiers_with_complaints Xã Phong Điền: 2 dossiers received in Sept, 1 named in feedback → 1 (of 2)
"""
import pytest

from cchc.dossiers import services as ds
from cchc.feedback import services as s
from cchc.measures.registry import Period, Scope, measure

from .helpers import submit

pytestmark = pytest.mark.django_db
SEPT = Period.month(2025, 9)


@pytest.fixture
def month(world, clock, settings):
    settings.CCHC_FEEDBACK_PER_HOUR = 100
    w, n = world, iter(range(100))

    def fb(day, org=None, month=9, **kw):
        clock.set(2025, month, day, 9, 0)
        f, key = submit(phone=f"09120000{next(n):02d}", **kw)
        if org:
            s.assign(actor=w.desk, feedback_id=f.id, org_code=org)
        return f, key

    def answer(f, day, user, month=9):
        clock.set(2025, month, day, 10, 0)
        s.answer(actor=user, feedback_id=f.id, text="Đã trả lời.")

    def rate(f, key, day, rating):
        clock.set(2025, 9, day, 11, 0)
        s.rate(actor=None, feedback_id=f.id, rating=rating, key=key)

    a, ka = fb(3, "H99.01")
    answer(a, 10, w.justice_specialist)
    rate(a, ka, 12, "satisfied")
    b, kb = fb(4, "H99.01")
    answer(b, 30, w.justice_specialist)
    rate(b, kb, 30, "unsatisfied")
    c, _ = fb(5, "H99.01")
    clock.set(2025, 9, 5, 15, 0)
    s.refuse(actor=w.justice_specialist, feedback_id=c.id, reason="Là khiếu nại.")
    fb(8, "H99.01")
    fb(22, "H99.01")
    f, kf = fb(28, "H99.01", month=8)
    answer(f, 10, w.justice_specialist)
    rate(f, kf, 11, "very_satisfied")
    g, kg = fb(10, "H99.02")
    answer(g, 11, w.finance_specialist)
    rate(g, kg, 11, "unsatisfied")

    clock.set(2025, 9, 3, 9, 0)
    intake = ds.Intake(procedure_code="1.001193", org_id=w.commune.id,
                       applicant=ds.Applicant(name="Trần Văn Nam", phone="0905111222"))
    d1 = ds.receive_at_desk(actor=w.desk, intake=intake)
    ds.receive_at_desk(actor=w.desk, intake=intake)
    fb(15, dossier_code=d1.code)
    fb(15, dossier_code=d1.code)
    return w


@pytest.mark.parametrize("name, org, num, den, value", [
    ("feedback_on_time", "justice", 3, 5, 60.0),
    ("feedback_on_time", None, 4, 6, 66.67),
    ("feedback_satisfaction", "justice", 2, 3, 66.67),
    ("feedback_satisfaction", None, 2, 4, 50.0),
    ("feedback_resolved_share", "justice", 2, 4, 50.0),
    ("feedback_resolved_share", None, 3, 7, 42.86),
    ("dossiers_with_complaints", "commune", 1, 2, 1.0),
    ("dossiers_with_complaints", "justice", 0, 0, 0.0),
])
def test_measurements(month, name, org, num, den, value):
    scope = Scope(org_id=getattr(month, org).id if org else None)
    m = measure(name, scope=scope, period=SEPT)
    assert (m.numerator, m.denominator, round(m.value, 2)) == (num, den, value)


def test_nothing_to_measure_gives_none(world):
    m = measure("feedback_on_time", scope=Scope(), period=SEPT)
    assert (m.numerator, m.denominator, m.value, m.measurable) == (0, 0, None, True)
