"""Notifications to citizens through the outbox, sent through a real local SMTP server.

Hand-worked: the birth registration (5 working days, cut-off 15:00) received Tue 01/07/2025 09:00
is due at the end of the 5th working day after: 02, 03, 04, 07, 08/07 → "08/07/2025".
"""
import json
from datetime import timedelta

import pytest
from django.core.management import call_command

from cchc.core.events import dossier_recorded
from cchc.dossiers import services as ds
from cchc.dossiers.models import Dossier, Status
from cchc.notifications import services as ns
from cchc.notifications.models import Outbox, Template
from cchc.notifications.rules import retry_delay

pytestmark = pytest.mark.django_db
EMAIL, PHONE = "hoa.nguyen@example.vn", "0905123456"


def receive(w, capture, email=EMAIL, phone=PHONE):
    intake = ds.Intake(procedure_code="1.001193", org_id=w.commune.id,
                       applicant=ds.Applicant(name="Nguyễn Thị Hoa", phone=phone, email=email))
    with capture(execute=True):
        return ds.receive_at_desk(actor=w.desk, intake=intake)


def subject(msg) -> str:
    return str(msg["Subject"]).strip()  # a folded encoded-word header parses with a leading space


def sms_lines(settings):
    path = settings.VAR_DIR / "sms" / "sms.log"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def test_dossier_received_by_email_and_sms(world, clock, smtp, settings, django_capture_on_commit_callbacks):
    d = receive(world, django_capture_on_commit_callbacks)
    rows = Outbox.objects.filter(dossier_id=d.id)
    assert sorted(rows.values_list("channel", "recipient", "state")) == [
        ("email", EMAIL, "pending"), ("sms", PHONE, "pending")]
    assert ns.send_pending() == {"sent": 2}
    [(to, msg)] = smtp.messages
    assert to == [EMAIL]
    assert subject(msg) == f"Đã tiếp nhận hồ sơ {d.code}"
    body = msg.get_content()
    assert "Xã Phong Điền đã tiếp nhận hồ sơ" in body and "08/07/2025" in body and "Đăng ký khai sinh" in body
    assert "/thong-bao/t/" in body  # an optional message says how to stop it (the link: test_pages)
    [line] = sms_lines(settings)
    assert line["to"] == PHONE and d.code in line["text"] and "08/07/2025" in line["text"]
    assert set(rows.values_list("state", flat=True)) == {"sent"}


def test_one_event_is_never_sent_twice(world, clock, smtp, django_capture_on_commit_callbacks):
    d = receive(world, django_capture_on_commit_callbacks)
    ns.send_pending()
    # the same event delivered again (a re-sent signal, a second worker): nothing new
    dossier_recorded.send(sender=None, action="receive", dossier=d, actor_id=None, audit_id=None)
    assert Outbox.objects.count() == 2
    assert ns.send_pending() == {}
    assert len(smtp.messages) == 1


def test_result_ready_once_for_finish_then_return(world, clock, smtp, django_capture_on_commit_callbacks):
    w = world
    d = receive(w, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        ds.hand_over(actor=w.desk, dossier_id=d.id)
        ds.hand_over(actor=w.specialist, dossier_id=d.id)
        ds.finish(actor=w.leader, dossier_id=d.id)
        ds.return_result(actor=w.desk, dossier_id=d.id, method="desk")
    assert Outbox.objects.filter(kind="result_ready").count() == 2  # one e-mail, one SMS
    ns.send_pending()
    assert [subject(m) for _, m in smtp.messages] == [f"Đã tiếp nhận hồ sơ {d.code}",
                                                        f"Hồ sơ {d.code} đã có kết quả"]


def test_each_supplement_request_is_its_own_event(world, clock, smtp, django_capture_on_commit_callbacks):
    w = world
    d = receive(w, django_capture_on_commit_callbacks, phone="")
    with django_capture_on_commit_callbacks(execute=True):
        ds.hand_over(actor=w.desk, dossier_id=d.id)
        ds.request_supplement(actor=w.specialist, dossier_id=d.id, items=["Giấy chứng sinh"], reason="Thiếu giấy")
    ns.send_pending()
    _, msg = smtp.messages[-1]
    assert subject(msg) == f"Hồ sơ {d.code} cần bổ sung" and "Giấy chứng sinh" in msg.get_content()


def test_smtp_down_message_waits_and_is_retried(world, clock, smtp_settings, django_capture_on_commit_callbacks):
    """Nobody listens on the port: the dossier is still received, the e-mail waits, then goes."""
    d = receive(world, django_capture_on_commit_callbacks, phone="")
    assert Dossier.objects.get(pk=d.id).status == Status.RECEIVED  # the action succeeded
    assert ns.send_pending() == {"retry": 1}
    m = Outbox.objects.get()
    assert (m.state, m.attempts) == ("pending", 1) and "Connection" in m.last_error
    assert m.next_attempt_at == clock.value + timedelta(minutes=1)
    assert ns.send_pending() == {}  # not due yet: backoff
    clock.value += timedelta(minutes=1)
    assert ns.send_pending() == {"retry": 1}  # still down: the next wait doubles
    m.refresh_from_db()
    assert (m.attempts, m.next_attempt_at) == (2, clock.value + timedelta(minutes=2))

    smtp_settings.start()  # the server comes back
    try:
        clock.value += timedelta(minutes=2)
        assert ns.send_pending() == {"sent": 1}
        [(to, msg)] = smtp_settings.messages
        assert to == [EMAIL] and d.code in subject(msg)
    finally:
        smtp_settings.stop()
    m.refresh_from_db()
    assert (m.state, m.attempts, m.last_error) == ("sent", 3, "")


def test_gives_up_after_max_attempts_but_keeps_the_message(world, clock, smtp_settings,
                                                           django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr("cchc.notifications.rules.MAX_ATTEMPTS", 2)
    receive(world, django_capture_on_commit_callbacks, phone="")
    ns.send_pending()
    clock.value += timedelta(minutes=1)
    assert ns.send_pending() == {"failed": 1}
    m = Outbox.objects.get()
    assert m.state == "failed"
    ns.resend(actor=None, outbox_id=m.id)
    m.refresh_from_db()
    assert (m.state, m.attempts) == ("pending", 0)


@pytest.mark.parametrize("attempts, minutes", [(1, 1), (2, 2), (3, 4), (4, 8), (9, 256), (10, 360), (20, 360)])
def test_backoff(attempts, minutes):
    assert retry_delay(attempts) == timedelta(minutes=minutes)


def test_opt_out_of_optional_messages_only(world, clock, smtp, settings, django_capture_on_commit_callbacks):
    w = world
    # the citizen account 0905123456 owns the number, written here the international way
    ns.opt_out(actor=w.citizen, address="+84 905 123 456")
    d = receive(w, django_capture_on_commit_callbacks, email="")
    with django_capture_on_commit_callbacks(execute=True):
        ds.hand_over(actor=w.desk, dossier_id=d.id)
        ds.request_supplement(actor=w.specialist, dossier_id=d.id, items=["Giấy chứng sinh"], reason="Thiếu giấy")
    # the receipt notice is optional: not sent; the supplement request is required by law: still sent
    assert ns.send_pending() == {"skipped": 1, "sent": 1}
    assert Outbox.objects.get(kind="dossier_received").state == "skipped"
    assert [line["text"] for line in sms_lines(settings)] == [
        f"Hồ sơ {d.code} cần bổ sung giấy tờ. Vui lòng xem hướng dẫn tại nơi tiếp nhận."]


def test_template_edited_by_an_administrator(world, clock, smtp, django_capture_on_commit_callbacks):
    Template.objects.filter(kind="dossier_received").update(subject="[UBND] Hồ sơ {{ ma_ho_so }} đã nhận")
    d = receive(world, django_capture_on_commit_callbacks, phone="")
    ns.send_pending()
    assert subject(smtp.messages[0][1]) == f"[UBND] Hồ sơ {d.code} đã nhận"


def test_feedback_answer_notifies_the_sender(world, clock, smtp, django_capture_on_commit_callbacks):
    from cchc.feedback import services as fs
    fb, _ = fs.submit(actor=None, channel="portal", content="Phản ánh về thời gian chờ.",
                      sender=fs.Sender("Trần An", "", "an.tran@example.vn"))
    fs.assign(actor=world.desk, feedback_id=fb.id, org_code="H99.01")
    with django_capture_on_commit_callbacks(execute=True):
        fs.answer(actor=world.justice_leader, feedback_id=fb.id, text="Sở đã bố trí thêm quầy tiếp nhận.")
    call_command("send_notifications")
    [(to, msg)] = smtp.messages
    assert to == ["an.tran@example.vn"] and subject(msg) == f"Trả lời phản ánh {fb.code}"
    assert "Sở đã bố trí thêm quầy tiếp nhận." in msg.get_content() and "Sở Tư pháp" in msg.get_content()


def test_a_broken_listener_never_fails_the_dossier_action(world, clock, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    def broken(**kw):
        raise RuntimeError("database of templates unavailable")
    monkeypatch.setattr(ns, "enqueue", broken)
    d = receive(world, django_capture_on_commit_callbacks)
    assert Dossier.objects.filter(pk=d.id, status=Status.RECEIVED).exists()


def test_payment_and_apology_with_the_new_date(world, clock, smtp, django_capture_on_commit_callbacks):
    """Received Tue 01/07 09:00, due Tue 08/07 17:00; the leader apologises on 07/07 with a new date 10/07."""
    from tests.conftest import local
    w = world
    d = receive(w, django_capture_on_commit_callbacks, phone="")
    with django_capture_on_commit_callbacks(execute=True):
        ds.hand_over(actor=w.desk, dossier_id=d.id)
        ds.request_payment(actor=w.specialist, dossier_id=d.id, amount=100000, description="Lệ phí trích lục")
        ds.record_payment(actor=w.specialist, dossier_id=d.id)
        clock.set(2025, 7, 7, 10, 0)
        ds.apologise(actor=w.leader, dossier_id=d.id, reason="Chờ xác minh tại nơi cư trú",
                     new_due_at=local(2025, 7, 10, 17, 0))
    assert ns.send_pending() == {"sent": 3}
    payment, apology = smtp.messages[1][1], smtp.messages[2][1]
    assert subject(payment) == f"Hồ sơ {d.code}: thông báo nghĩa vụ tài chính"
    assert "cần nộp 100.000 đồng (Lệ phí trích lục)" in payment.get_content()
    assert subject(apology) == f"Thư xin lỗi về hồ sơ {d.code}"
    body = apology.get_content()
    assert "Chờ xác minh tại nơi cư trú" in body and "Ngày hẹn trả mới: 10/07/2025" in body


def test_the_notice_commits_with_the_action_or_not_at_all(world, clock, django_capture_on_commit_callbacks):
    from django.db import transaction

    def intake():
        return ds.Intake(procedure_code="1.001193", org_id=world.commune.id,
                         applicant=ds.Applicant(name="Nguyễn Thị Hoa", phone=PHONE, email=EMAIL))
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            d = ds.receive_at_desk(actor=world.desk, intake=intake())
            # written in the action's own transaction (transactional outbox), before it commits
            assert Outbox.objects.filter(dossier_id=d.id).count() == 2
    assert Outbox.objects.filter(dossier_id=d.id).count() == 2
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            ds.receive_at_desk(actor=world.desk, intake=intake())
            raise RuntimeError("the caller's transaction fails after the dossier was written")
    assert Dossier.objects.count() == 1 and Outbox.objects.count() == 2


def test_an_administrator_edits_a_template_in_the_admin(client, world, clock, smtp,
                                                        django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model
    admin = get_user_model().objects.create_superuser("quantri", password="matkhau-123")
    client.force_login(admin)
    t = Template.objects.get(kind="result_ready")
    r = client.post(f"/admin/notifications/template/{t.pk}/change/", {
        "kind": "result_ready", "optional": "", "active": "on", "subject": "Kết quả hồ sơ {{ ma_ho_so }} đã sẵn sàng",
        "email_body": "Mời {{ nguoi_nop }} đến nhận kết quả hồ sơ {{ ma_ho_so }}.", "sms_body": "Hồ sơ {{ ma_ho_so }} có kết quả."})
    assert r.status_code == 302, r.content.decode()[:2000]
    w = world
    d = receive(w, django_capture_on_commit_callbacks, phone="")
    with django_capture_on_commit_callbacks(execute=True):
        ds.hand_over(actor=w.desk, dossier_id=d.id)
        ds.hand_over(actor=w.specialist, dossier_id=d.id)
        ds.finish(actor=w.leader, dossier_id=d.id)
    ns.send_pending()
    msg = smtp.messages[-1][1]
    assert subject(msg) == f"Kết quả hồ sơ {d.code} đã sẵn sàng"
    assert msg.get_content().strip() == f"Mời Nguyễn Thị Hoa đến nhận kết quả hồ sơ {d.code}."


def test_an_opt_out_made_after_the_action_still_stops_its_notice(world, clock, smtp, settings,
                                                                  django_capture_on_commit_callbacks):
    d = receive(world, django_capture_on_commit_callbacks, email="")
    assert Outbox.objects.get(dossier_id=d.id, kind="dossier_received").state == "pending"
    ns.opt_out(actor=world.citizen, address=PHONE)  # before the sender runs
    assert ns.send_pending() == {"skipped": 1}
    assert sms_lines(settings) == []


def test_a_broken_template_costs_the_notice_not_the_action(world, clock, django_capture_on_commit_callbacks):
    t = Template.objects.get(kind="dossier_received")
    t.sms_body = "Hồ sơ {% if %}"  # an administrator's syntax error
    t.save()
    d = receive(world, django_capture_on_commit_callbacks, email="")
    assert Dossier.objects.filter(pk=d.pk).exists() and not Outbox.objects.filter(dossier_id=d.id).exists()
