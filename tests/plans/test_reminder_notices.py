"""Reminders of plan deadlines told by e-mail through the notifications outbox and delivered to a real
SMTP server (aiosmtpd on 127.0.0.1) by ``send_pending`` — ADR 0009 "Reminders".

Dates by hand (calendar days):
- Task "Rà soát quy trình nội bộ" led by Sở Tư pháp, due 15/04/2025 (40% done): 7 days before =
  08/04, 1 day before = 14/04, late from 16/04 ("quá 1 ngày" on 16/04; first noticed on 23/04 it is
  "quá 8 ngày": 23 − 15).
- Recommendation "Công khai đủ 12 thủ tục" to Sở Tài chính after the inspection of Sở Tư pháp on
  02/04/2025, due 30/04/2025: 7 days before = 23/04, 1 day before = 29/04, late from 01/05.
- Task "Niêm yết thủ tục tại bộ phận một cửa" led by Xã Phong Điền, due 10/05/2025: 7 days before =
  03/05, 1 day before = 09/05.
Who is told:
- Sở Tư pháp: its two reform officers with an e-mail (Trần Thị Mai, Lê Văn Nam); not its leader (a
  reform officer exists), not a reform officer whose membership was ended, not one without an e-mail.
- Sở Tài chính: no usable reform officer (the only one's account is disabled) → its leader.
- Xã Phong Điền: a leader without an e-mail and no reform officer → nobody; the reminder is still logged.
"""
from __future__ import annotations

import io
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from tests.conftest import make_user

from cchc.notifications import services as ns
from cchc.notifications.models import Outbox, Template
from cchc.org.models import Membership, Role
from cchc.plans import reminder_notices, services
from cchc.plans.models import Inspection, InspectionPlan, Plan, Recommendation, Reminder, Task

SITE = "https://dichvucong.example.vn"
MAI, NAM, LEADER_STP, LEADER_STC = ("mai.tt@stp.example.vn", "nam.lv@stp.example.vn", "lanhdao@stp.example.vn",
                                    "lanhdao@stc.example.vn")
KINDS = ("plan_task_due", "plan_task_late", "recommendation_due", "recommendation_late")


def _user(username, email, org, role, *, name=("", ""), active=True, member=True):
    u = make_user(username, org, role)
    u.email, (u.last_name, u.first_name), u.is_active = email, name, active
    u.save()
    if not member:
        Membership.objects.filter(user=u).update(active=False)
    return u


@pytest.fixture
def notices(world, clock, settings):
    w = world
    settings.CCHC_SITE_URL = SITE + "/"
    _user("cchc_stp1", MAI, w.justice, Role.REFORM, name=("Trần Thị", "Mai"))
    _user("cchc_stp2", "Nam.LV@STP.example.vn", w.justice, Role.REFORM, name=("Lê Văn", "Nam"))
    _user("cchc_stp_cu", "nghi.huu@stp.example.vn", w.justice, Role.REFORM, member=False)
    _user("cchc_stp_khong_thu", "", w.justice, Role.REFORM)
    w.justice_leader.email = LEADER_STP
    w.justice_leader.save()
    _user("cchc_stc_khoa", "khoa@stc.example.vn", w.finance, Role.REFORM, active=False)
    _user("lanhdao_stc", LEADER_STC, w.finance, Role.LEADER, name=("Phạm Quốc", "Hùng"))
    plan = Plan.objects.create(kind="agency", title="Kế hoạch CCHC năm 2025 của Sở Tư pháp", number="15/KH-STP",
                               issuer=w.justice, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    w.task = Task.objects.create(plan=plan, number="3", task="Rà soát quy trình nội bộ", lead=w.justice,
                                 due_on=date(2025, 4, 15), percent=40)
    w.commune_task = Task.objects.create(plan=plan, number="4", task="Niêm yết thủ tục tại bộ phận một cửa",
                                         lead=w.commune, due_on=date(2025, 5, 10))
    iplan = InspectionPlan.objects.create(issuer=w.province, year=2025, title="Kế hoạch kiểm tra CCHC 2025")
    w.inspection = Inspection.objects.create(plan=iplan, org=w.justice, planned_from=date(2025, 4, 1),
                                             planned_to=date(2025, 4, 2), done_on=date(2025, 4, 2))
    w.rec = Recommendation.objects.create(inspection=w.inspection, text="Công khai đủ 12 thủ tục",
                                          responsible=w.finance, due_on=date(2025, 4, 30))
    return w


def _run(clock, day: date) -> list[Reminder]:
    clock.set(day.year, day.month, day.day, 7, 0)
    return services.send_reminders(today=day)


def _subject(msg) -> str:
    return " ".join(str(msg["Subject"]).split())  # long subjects are folded


def _body(msg) -> str:
    return msg.get_content().replace("\r\n", "\n")  # SMTP lines end in CRLF


def _delivered(smtp, since: int = 0) -> list[tuple[str, str]]:
    return sorted((to, _subject(m)) for [to], m in smtp.messages[since:])


TASK_DAYS = [  # day → (recipient, subject) delivered that day; every other day in between logs nothing
    (date(2025, 4, 8), [(MAI, "Nhắc việc: nhiệm vụ CCHC đến hạn ngày 15/04/2025 (còn 7 ngày)"),
                        (NAM, "Nhắc việc: nhiệm vụ CCHC đến hạn ngày 15/04/2025 (còn 7 ngày)")]),
    (date(2025, 4, 9), []),
    (date(2025, 4, 14), [(MAI, "Nhắc việc: nhiệm vụ CCHC đến hạn ngày 15/04/2025 (còn 1 ngày)"),
                         (NAM, "Nhắc việc: nhiệm vụ CCHC đến hạn ngày 15/04/2025 (còn 1 ngày)")]),
    (date(2025, 4, 15), []),  # due today: not late yet
    (date(2025, 4, 16), [(MAI, "Nhiệm vụ CCHC đã quá hạn từ ngày 15/04/2025"),
                         (NAM, "Nhiệm vụ CCHC đã quá hạn từ ngày 15/04/2025")]),
]


def test_task_reminders_7_days_1_day_and_late_by_email(notices, clock, smtp):
    for day, want in TASK_DAYS:
        before = len(smtp.messages)
        made = _run(clock, day)
        assert ns.send_pending() == (Counter(sent=len(want)) if want else Counter()), day
        assert _delivered(smtp, before) == want, day
        assert [r.recipients for r in made] == ([[MAI, NAM]] if want else []), day
        # a second run the same day: nothing logged, nothing queued, nothing sent
        rows = Outbox.objects.count()
        assert _run(clock, day) == [] and Outbox.objects.count() == rows and ns.send_pending() == Counter(), day
        assert len(smtp.messages) == before + len(want), day
    first = next(m for [to], m in smtp.messages if to == MAI)
    body = _body(first)
    assert body.startswith("Kính gửi Trần Thị Mai,")
    assert ("Nhiệm vụ do Sở Tư pháp chủ trì thuộc Kế hoạch CCHC năm 2025 của Sở Tư pháp (số 15/KH-STP) sẽ đến hạn "
            "hoàn thành ngày 15/04/2025 (còn 7 ngày):\n\nRà soát quy trình nội bộ") in body
    assert "Tiến độ đã cập nhật: 40%." in body
    assert f"{SITE}/can-bo/ke-hoach/nhiem-vu/{notices.task.id}/" in body
    assert "/thong-bao/t/" not in body  # a duty message to an official: no opt-out link
    late = _body([m for [to], m in smtp.messages if to == NAM][-1])
    assert late.startswith("Kính gửi Lê Văn Nam,") and "(hạn ngày 15/04/2025, quá 1 ngày)" in late
    assert not {LEADER_STP, "nghi.huu@stp.example.vn"} & {to for [to], _ in smtp.messages}


def test_recommendation_goes_to_leaders_when_there_is_no_reform_officer(notices, clock, smtp):
    made = _run(clock, date(2025, 4, 23))  # first run in weeks: the task's late reminder is logged now
    assert sorted((r.kind, r.days, r.recipients) for r in made) == [
        ("before", 7, [LEADER_STC]), ("late", 0, [MAI, NAM])]
    assert ns.send_pending() == Counter(sent=3)
    assert _delivered(smtp) == [
        (LEADER_STC, "Nhắc việc: kiến nghị sau kiểm tra CCHC đến hạn khắc phục ngày 30/04/2025 (còn 7 ngày)"),
        (MAI, "Nhiệm vụ CCHC đã quá hạn từ ngày 15/04/2025"), (NAM, "Nhiệm vụ CCHC đã quá hạn từ ngày 15/04/2025")]
    rec = _body(next(m for [to], m in smtp.messages if to == LEADER_STC))
    assert rec.startswith("Kính gửi Phạm Quốc Hùng,")
    assert ("Kiến nghị sau cuộc kiểm tra công tác cải cách hành chính tại Sở Tư pháp (ngày 02/04/2025) giao "
            "Sở Tài chính khắc phục sẽ đến hạn ngày 30/04/2025 (còn 7 ngày):\n\nCông khai đủ 12 thủ tục") in rec
    assert f"{SITE}/can-bo/ke-hoach/kiem-tra/cuoc/{notices.inspection.id}/" in rec
    assert "(hạn ngày 15/04/2025, quá 8 ngày)" in _body(next(m for [to], m in smtp.messages if to == MAI))
    before = len(smtp.messages)
    _run(clock, date(2025, 5, 1))
    ns.send_pending()
    assert _delivered(smtp, before) == [(LEADER_STC, "Kiến nghị sau kiểm tra CCHC đã quá hạn khắc phục từ ngày "
                                                     "30/04/2025")]
    assert "(hạn ngày 30/04/2025, quá 1 ngày)" in _body(smtp.messages[-1][1])


def test_an_organisation_with_nobody_to_tell(notices, clock, smtp):
    _run(clock, date(2025, 4, 23))  # the reminders of Sở Tư pháp and Sở Tài chính so far, out of the way
    ns.send_pending()
    before, rows = len(smtp.messages), Outbox.objects.count()
    out = io.StringIO()
    clock.set(2025, 5, 3, 7, 0)
    call_command("plan_reminders", "--today", "2025-05-03", stdout=out)
    text = out.getvalue()
    # Xã Phong Điền: logged, but no reform officer and its leader has no e-mail → no message
    assert ("Xã Phong Điền: Nhiệm vụ “Niêm yết thủ tục tại bộ phận một cửa” đến hạn ngày 10/05/2025 (còn 7 ngày). "
            "— không có ai để gửi: cơ quan chưa có cán bộ CCHC hay lãnh đạo có thư điện tử") in text
    assert f"Sở Tài chính: Kiến nghị “Công khai đủ 12 thủ tục” sau kiểm tra tại Sở Tư pháp đã quá hạn khắc phục " \
           f"từ ngày 30/04/2025. — gửi tới {LEADER_STC}" in text
    assert "Đã ghi 2 nhắc việc, đưa 1 thư vào hàng chờ gửi (cchc send_notifications)." in text
    r = Reminder.objects.get(task=notices.commune_task)
    assert (r.kind, r.days, r.sent_on, r.recipients) == ("before", 7, date(2025, 5, 3), [])
    assert Outbox.objects.count() == rows + 1
    assert ns.send_pending() == Counter(sent=1) and len(smtp.messages) == before + 1
    # the commune names a reform officer: the next reminder reaches them (the logged one is not repeated)
    _user("cchc_xa", "cchc.phongdien@example.vn", notices.commune, Role.REFORM, name=("Hồ Văn", "Bình"))
    assert _run(clock, date(2025, 5, 3)) == []
    made = _run(clock, date(2025, 5, 9))
    assert [(r.task_id, r.days, r.recipients) for r in made] == [(notices.commune_task.id, 1,
                                                                  ["cchc.phongdien@example.vn"])]
    ns.send_pending()
    assert _delivered(smtp, before + 1) == [("cchc.phongdien@example.vn", "Nhắc việc: nhiệm vụ CCHC đến hạn ngày "
                                                                         "10/05/2025 (còn 1 ngày)")]


def test_a_reminder_is_queued_once_per_person_and_waits_for_a_mail_server_that_is_down(notices, clock,
                                                                                       smtp_settings):
    [r] = _run(clock, date(2025, 4, 8))
    keys = sorted(Outbox.objects.values_list("key", flat=True))
    assert keys == [f"plans:reminder:{r.id}:email:{MAI}", f"plans:reminder:{r.id}:email:{NAM}"]
    # the same reminder told again (a retried run): the outbox key keeps one message per person
    reminder_notices.notify(r, today=date(2025, 4, 8))
    assert sorted(Outbox.objects.values_list("key", flat=True)) == keys
    assert ns.send_pending() == Counter(retry=2)  # nobody listens on the port yet
    smtp_settings.start()
    try:
        clock.value += timedelta(minutes=1)  # first retry after 1 minute (notifications.rules)
        assert ns.send_pending() == Counter(sent=2)
        assert _delivered(smtp_settings) == [(MAI, "Nhắc việc: nhiệm vụ CCHC đến hạn ngày 15/04/2025 (còn 7 ngày)"),
                                             (NAM, "Nhắc việc: nhiệm vụ CCHC đến hạn ngày 15/04/2025 (còn 7 ngày)")]
    finally:
        smtp_settings.stop()


def test_reminder_templates_are_data_and_editable_in_the_admin(notices, clock, client, django_user_model):
    # loaded by the data migration from notifications/data/templates.json
    defaults = ns.default_templates()
    for kind in KINDS:
        t = Template.objects.get(kind=kind)
        assert (t.subject, t.email_body, t.optional) == (defaults[kind]["subject"], defaults[kind]["email"], False)
    t = Template.objects.get(kind="plan_task_due")
    admin = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "matkhau-123")
    client.force_login(admin)
    r = client.post(f"/admin/notifications/template/{t.id}/change/", {
        "kind": "plan_task_due", "active": "on", "subject": "[CCHC] Còn {{ so_ngay }} ngày: {{ nhiem_vu }}",
        "email_body": "{{ co_quan }} – hạn {{ han }}", "sms_body": t.sms_body})
    assert r.status_code == 302, r.content.decode()[:2000]
    _run(clock, date(2025, 4, 8))
    assert sorted(Outbox.objects.values_list("recipient", "subject", "body")) == [
        (MAI, "[CCHC] Còn 7 ngày: Rà soát quy trình nội bộ", "Sở Tư pháp – hạn 15/04/2025"),
        (NAM, "[CCHC] Còn 7 ngày: Rà soát quy trình nội bộ", "Sở Tư pháp – hạn 15/04/2025")]
    # switched off by the administrator: still logged, nobody written to
    t.refresh_from_db()
    t.active = False
    t.save()
    [r14] = _run(clock, date(2025, 4, 14))
    assert r14.recipients == [] and Outbox.objects.count() == 2


def test_task_page_says_who_was_told(notices, clock, client):
    _run(clock, date(2025, 4, 8))
    _run(clock, date(2025, 5, 3))
    client.force_login(notices.justice_specialist)
    html = client.get(f"/can-bo/ke-hoach/nhiem-vu/{notices.task.id}/").content.decode()
    assert f"thư gửi tới {MAI}, {NAM}" in html and "(còn 7 ngày)" in html
    html = client.get(f"/can-bo/ke-hoach/nhiem-vu/{notices.commune_task.id}/").content.decode()
    assert "không có ai để gửi thư (cơ quan chưa có cán bộ CCHC hay lãnh đạo có thư điện tử)" in html
