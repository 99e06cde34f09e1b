"""Reminders of inspection recommendations (kiến nghị) through the same mechanism as plan tasks:
7 and 1 days before the fix deadline, once when late, each logged once, none after the fix.

Dates by hand (calendar days, as for tasks). Inspection of Sở Tư pháp done on 02/04/2025:
- R1 "Niêm yết đủ 3 thủ tục", due 15/04/2025: 7 days before = 08/04, 1 day before = 14/04,
  late from 16/04 (15 < 16).
- R2 "Cập nhật quy trình nội bộ", due 02/05/2025 (across the month end): 7 days before = 25/04
  (25 + 7 = 32 = 02/05), 1 day before = 01/05; fixed on 28/04, so no reminder on 01/05 nor later.
- R3 given to Sở Tài chính (not the inspected agency), due 09/04/2025: 7 days before = 02/04 (the
  inspection day, run after it was written down), 1 day before = 08/04, late from 10/04.
- Task of a plan led by Sở Tư pháp, due 15/04/2025 like R1: reminded on the same days, separately.
"""
from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from tests.conftest import make_org, make_user

from cchc.org.models import OrgKind, Role
from cchc.plans import inspection_services as svc
from cchc.plans import services
from cchc.plans.models import Plan, Reminder, Task


@pytest.fixture
def recs(world, clock, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = world
    w.home = make_org("H99.03", "Sở Nội vụ", OrgKind.AGENCY, w.province)
    w.inspector = make_user("snv_cchc", w.home, Role.REFORM)
    clock.set(2025, 2, 10, 9, 0)
    plan = svc.create_plan(actor=w.inspector, issuer_id=w.home.id, year=2025, title="Kế hoạch kiểm tra CCHC 2025")
    # 3 agencies and 2 communes at 30% → 1 of each (see test_inspections for the rule)
    i = svc.add_inspection(actor=w.inspector, plan_id=plan.id, org_id=w.justice.id, planned_from="2025-04-01",
                           planned_to="2025-04-02")
    svc.add_inspection(actor=w.inspector, plan_id=plan.id, org_id=w.commune.id, planned_from="2025-05-05",
                       planned_to="2025-05-06")
    svc.approve_plan(actor=w.inspector, plan_id=plan.id)
    clock.set(2025, 4, 2, 16, 0)
    svc.record_result(actor=w.inspector, inspection_id=i.id, done_on="2025-04-02", conclusion="Cơ bản đạt yêu cầu.")
    w.r1 = svc.add_recommendation(actor=w.inspector, inspection_id=i.id, text="Niêm yết đủ 3 thủ tục",
                                  due_on="2025-04-15")
    w.r2 = svc.add_recommendation(actor=w.inspector, inspection_id=i.id, text="Cập nhật quy trình nội bộ",
                                  due_on="02/05/2025")
    w.r3 = svc.add_recommendation(actor=w.inspector, inspection_id=i.id, text="Bố trí kinh phí số hóa",
                                  due_on="2025-04-09", responsible_id=w.finance.id)
    kh = Plan.objects.create(kind="agency", title="KH CCHC Sở Tư pháp 2025", issuer=w.justice,
                             period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    w.task = Task.objects.create(plan=kh, number="1", task="Rà soát quy trình nội bộ", lead=w.justice,
                                 due_on=date(2025, 4, 15))
    return w


def _sent(made):
    return sorted(((r.recommendation.text if r.recommendation else r.task.task), r.kind, r.days, r.org.name)
                  for r in made)


BEFORE_FIX = [  # today → reminders logged that day (every day in between run too, logging nothing)
    (date(2025, 4, 2), [("Bố trí kinh phí số hóa", "before", 7, "Sở Tài chính")]),
    (date(2025, 4, 8), [("Bố trí kinh phí số hóa", "before", 1, "Sở Tài chính"),
                        ("Niêm yết đủ 3 thủ tục", "before", 7, "Sở Tư pháp"),
                        ("Rà soát quy trình nội bộ", "before", 7, "Sở Tư pháp")]),
    (date(2025, 4, 9), []),  # R3 due today: not late yet
    (date(2025, 4, 10), [("Bố trí kinh phí số hóa", "late", 0, "Sở Tài chính")]),
    (date(2025, 4, 14), [("Niêm yết đủ 3 thủ tục", "before", 1, "Sở Tư pháp"),
                         ("Rà soát quy trình nội bộ", "before", 1, "Sở Tư pháp")]),
    (date(2025, 4, 15), []),
    (date(2025, 4, 16), [("Niêm yết đủ 3 thủ tục", "late", 0, "Sở Tư pháp"),
                         ("Rà soát quy trình nội bộ", "late", 0, "Sở Tư pháp")]),
    (date(2025, 4, 25), [("Cập nhật quy trình nội bộ", "before", 7, "Sở Tư pháp")]),
]
AFTER_FIX = [(date(2025, 5, 1), []), (date(2025, 5, 3), [])]  # R2 fixed on 28/04: no 1-day nor late reminder


def _run(days):
    for today, want in days:
        assert _sent(services.send_reminders(today=today)) == want, today
        assert services.send_reminders(today=today) == [], today  # run twice the same day: logged once


def test_recommendation_reminders_day_by_day(recs, clock):
    w = recs
    _run(BEFORE_FIX)
    clock.set(2025, 4, 28, 10, 0)
    svc.report_fix(actor=w.justice_specialist, recommendation_id=w.r2.id, result="Đã ban hành quy trình mới",
                   evidence=SimpleUploadedFile("quy-trinh.pdf", b"%PDF-1.4"))
    _run(AFTER_FIX)
    assert Reminder.objects.filter(recommendation__isnull=False).count() == 7  # R3: 3, R1: 3, R2: 1
    assert Reminder.objects.filter(task__isnull=False).count() == 3


def test_recommendation_reminder_text_and_command(recs):
    out = io.StringIO()
    call_command("plan_reminders", "--today", "2025-04-08", stdout=out)
    text = out.getvalue()
    assert ("Sở Tài chính: Kiến nghị “Bố trí kinh phí số hóa” sau kiểm tra tại Sở Tư pháp đến hạn khắc phục "
            "ngày 09/04/2025 (còn 1 ngày).") in text
    assert ("Sở Tư pháp: Kiến nghị “Niêm yết đủ 3 thủ tục” sau kiểm tra tại Sở Tư pháp đến hạn khắc phục "
            "ngày 15/04/2025 (còn 7 ngày).") in text
    assert "Sở Tư pháp: Nhiệm vụ “Rà soát quy trình nội bộ” đến hạn ngày 15/04/2025 (còn 7 ngày)." in text
    assert "Đã ghi 3 nhắc việc, đưa 0 thư vào hàng chờ gửi" in text  # nobody there has an e-mail address
    call_command("plan_reminders", "--today", "2025-04-10", stdout=out)
    late = Reminder.objects.get(kind="late")
    assert (late.recommendation_id, late.due_on, late.sent_on) == (recs.r3.id, date(2025, 4, 9), date(2025, 4, 10))
    assert late.message == "Kiến nghị “Bố trí kinh phí số hóa” sau kiểm tra tại Sở Tư pháp đã quá hạn khắc phục từ ngày " \
                           "09/04/2025."


def test_a_reminder_has_exactly_one_subject(recs):
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(kind="late", days=0, due_on=date(2025, 4, 9), sent_on=date(2025, 4, 10), message="?")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(task=recs.task, recommendation=recs.r1, kind="late", days=0, due_on=date(2025, 4, 9),
                                sent_on=date(2025, 4, 10), message="?")
