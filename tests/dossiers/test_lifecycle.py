"""Dossier lifecycle through the services, with due dates worked out by hand.

Calendar facts used (2025): 30/04–04/05 off with Fri 02/05 swapped for make-up Sat 26/04;
01/09–02/09 off (National Day + adjacent Monday). Working hours end 17:00; cut-off 15:00.
"""
from datetime import datetime

import pytest
from tests.conftest import local

from cchc.core.errors import Conflict, NotFound, PermissionDenied, ReasonRequired, TransitionNotAllowed
from cchc.dossiers import services as s
from cchc.dossiers.models import AuditRecord, Dossier, Handover, Status

pytestmark = pytest.mark.django_db


def intake(w, code="1.001193", org=None, **kw):
    return s.Intake(procedure_code=code, org_id=(org or w.commune).id,
                    applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone="0905123456"),
                    **kw)


def test_desk_path_with_supplement_across_30_4(world, clock):
    w = world
    clock.set(2025, 4, 24, 10, 0)  # Thu, before the cut-off: D = 24/04
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    # 5 working days after Thu 24/04: Fri 25, make-up Sat 26, Mon 28, Tue 29, (30/4–4/5 off), Mon 05/05
    assert d.status == Status.RECEIVED
    assert d.due_at == local(2025, 5, 5, 17, 0)
    assert d.code == "H99.01.01-250424-0001"

    clock.set(2025, 4, 24, 11, 0)
    s.hand_over(actor=w.desk, dossier_id=d.id)
    clock.set(2025, 4, 28, 9, 0)  # used: 25, 26, 28 = 3 working days; 2 remain
    d = s.request_supplement(actor=w.specialist, dossier_id=d.id, items=["Bản sao giấy chứng sinh"],
                             reason="Thiếu giấy chứng sinh")
    assert d.status == Status.SUPPLEMENT and d.paused_at == local(2025, 4, 28, 9, 0)

    clock.set(2025, 5, 6, 16, 0)  # Tue after the cut-off -> counts from Wed 07/05; +2 = Fri 09/05
    d = s.receive_supplement(actor=w.desk, dossier_id=d.id)
    assert d.status == Status.PROCESSING
    assert d.due_at == local(2025, 5, 9, 17, 0)
    assert d.original_due_at == local(2025, 5, 5, 17, 0)
    assert d.paused_working_days == 4  # the due moved 05/05 -> 09/05: 06, 07, 08, 09
    assert d.paused_at is None

    clock.set(2025, 5, 8, 10, 0)
    s.hand_over(actor=w.specialist, dossier_id=d.id)
    clock.set(2025, 5, 9, 16, 0)
    d = s.finish(actor=w.leader, dossier_id=d.id)
    assert d.status == Status.DONE and d.finished_at == local(2025, 5, 9, 16, 0)
    assert d.is_late is False and d.supplement_count == 1

    clock.set(2025, 5, 12, 8, 30)
    d = s.return_result(actor=w.desk, dossier_id=d.id, method="desk")
    assert d.status == Status.RETURNED and d.returned_at == local(2025, 5, 12, 8, 30)
    actions = list(AuditRecord.objects.filter(dossier=d).values_list("action", flat=True))
    assert actions == ["receive_at_desk", "hand_over", "request_supplement", "receive_supplement", "hand_over",
                       "finish", "return_result"]


def test_online_receipt_after_cutoff_before_national_day(world, clock):
    w = world
    clock.set(2025, 8, 28, 20, 0)
    d = s.submit_online(actor=w.citizen, intake=intake(w))
    assert d.status == Status.NEW and d.due_at is None and d.citizen_id == w.citizen.id
    clock.set(2025, 8, 29, 15, 30)  # Fri after 15:00; Sat, Sun, 01/09, 02/09 off -> D' = Wed 03/09
    d = s.receive(actor=w.desk, dossier_id=d.id)
    # 5 working days after Wed 03/09: Thu 04, Fri 05, Mon 08, Tue 09, Wed 10
    assert d.due_at == local(2025, 9, 10, 17, 0)
    assert d.received_at == local(2025, 8, 29, 15, 30)


def test_inter_agency_path_at_the_centre(world, clock):
    w = world
    clock.set(2025, 10, 6, 9, 0)  # Mon; 10 working days -> Mon 20/10
    d = s.receive_at_desk(actor=w.centre_desk, intake=intake(w, "2.000488", org=w.centre))
    assert d.due_at == local(2025, 10, 20, 17, 0) and d.code.startswith("H99.50-251006-")
    s.hand_over(actor=w.centre_desk, dossier_id=d.id)
    d.refresh_from_db()
    assert d.current_org == w.justice
    with pytest.raises(PermissionDenied):  # the centre no longer holds it
        s.hand_over(actor=w.centre_desk, dossier_id=d.id)
    clock.set(2025, 10, 9, 9, 0)
    d = s.hand_over(actor=w.justice_specialist, dossier_id=d.id)
    assert d.current_org == w.finance
    clock.set(2025, 10, 10, 9, 0)
    d = s.hand_over(actor=w.finance_specialist, dossier_id=d.id)
    assert d.current_org == w.justice
    clock.set(2025, 10, 21, 9, 0)  # one day after the due date
    d = s.finish(actor=w.justice_leader, dossier_id=d.id)
    assert d.is_late is True and d.current_org == w.centre
    d = s.return_result(actor=w.centre_desk, dossier_id=d.id, method="post")
    rows = list(Handover.objects.filter(dossier=d).values_list("from_org__code", "to_org__code"))
    assert rows == [("H99.50", "H99.01"), ("H99.01", "H99.02"), ("H99.02", "H99.01"), ("H99.01", "H99.50")]


def test_second_supplement_needs_override_and_marks_late(world, clock):
    w = world
    clock.set(2025, 6, 2, 9, 0)  # Mon; due Mon 09/06
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    s.request_supplement(actor=w.desk, dossier_id=d.id, items=["Tờ khai"], reason="Thiếu chữ ký")
    clock.set(2025, 6, 3, 9, 0)
    s.receive_supplement(actor=w.desk, dossier_id=d.id)
    before = AuditRecord.objects.count()
    with pytest.raises(Conflict) as e:
        s.request_supplement(actor=w.specialist, dossier_id=d.id, items=["Giấy tờ khác"], reason="Thiếu thêm")
    assert e.value.code == "da_yeu_cau_bo_sung" and AuditRecord.objects.count() == before
    d = s.request_supplement(actor=w.specialist, dossier_id=d.id, items=["Giấy tờ khác"], reason="Thiếu thêm",
                             override_reason="Phát sinh yêu cầu từ cơ quan phối hợp")
    assert d.supplement_count == 2
    clock.set(2025, 6, 4, 9, 0)
    s.receive_supplement(actor=w.desk, dossier_id=d.id)
    d = s.finish(actor=w.leader, dossier_id=d.id)
    assert d.is_late is True  # more than one supplement request counts as late, even if early


def test_apology_only_before_due(world, clock):
    w = world
    clock.set(2025, 6, 2, 9, 0)  # due Mon 09/06 17:00
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    s.hand_over(actor=w.desk, dossier_id=d.id)
    with pytest.raises(ReasonRequired):
        s.apologise(actor=w.leader, dossier_id=d.id, reason=" ", new_due_at=local(2025, 6, 12, 17, 0))
    clock.set(2025, 6, 9, 16, 0)
    d = s.apologise(actor=w.leader, dossier_id=d.id, reason="Cần xác minh thêm",
                    new_due_at=local(2025, 6, 12, 17, 0))
    assert d.apology_count == 1 and d.apology_due_at == local(2025, 6, 12, 17, 0)
    assert d.due_at == local(2025, 6, 9, 17, 0)  # the legal due date is not moved by an apology
    clock.set(2025, 6, 10, 9, 0)
    with pytest.raises(Conflict) as e:
        s.apologise(actor=w.leader, dossier_id=d.id, reason="Lần nữa", new_due_at=local(2025, 6, 20, 17, 0))
    assert e.value.code == "xin_loi_sau_han"


def test_refuse_withdraw_stop_need_reasons_and_end_the_dossier(world, clock):
    w = world
    clock.set(2025, 6, 2, 9, 0)
    online = s.submit_online(actor=w.citizen, intake=intake(w))
    with pytest.raises(ReasonRequired):
        s.refuse(actor=w.desk, dossier_id=online.id, reason="")
    assert Dossier.objects.get(pk=online.id).status == Status.NEW
    refused = s.refuse(actor=w.desk, dossier_id=online.id, reason="Không thuộc thẩm quyền")
    assert refused.status == Status.REFUSED and refused.is_late is False and refused.finished_at

    mine = s.submit_online(actor=w.citizen, intake=intake(w))
    s.receive(actor=w.desk, dossier_id=mine.id)
    withdrawn = s.withdraw(actor=w.citizen, dossier_id=mine.id, reason="Tôi không cần nữa")
    assert withdrawn.status == Status.WITHDRAWN and withdrawn.end_reason == "Tôi không cần nữa"

    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    with pytest.raises(PermissionDenied):  # a specialist cannot stop; only a leader
        s.stop(actor=w.specialist, dossier_id=d.id, reason="x")
    clock.set(2025, 6, 20, 9, 0)  # after the due date (09/06)
    stopped = s.stop(actor=w.leader, dossier_id=d.id, reason="Hồ sơ giả mạo")
    assert stopped.status == Status.STOPPED and stopped.is_late is True


def test_financial_obligation_pauses_the_clock(world, clock):
    w = world
    clock.set(2025, 6, 2, 9, 0)  # Mon; D = 02/06; due Mon 09/06
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    s.hand_over(actor=w.desk, dossier_id=d.id)
    clock.set(2025, 6, 4, 10, 0)  # used 03, 04 = 2; 3 remain
    d = s.request_payment(actor=w.specialist, dossier_id=d.id, amount=50000, description="Lệ phí trước bạ")
    assert d.status == Status.FINANCIAL
    clock.set(2025, 6, 6, 9, 0)  # Fri before cut-off -> D = 06/06; +3 = Mon 09, Tue 10, Wed 11
    d = s.record_payment(actor=w.desk, dossier_id=d.id, online=True)
    assert d.status == Status.PROCESSING and d.paid_online is True
    assert d.due_at == local(2025, 6, 11, 17, 0) and d.paused_working_days == 2


def test_transition_not_allowed_changes_nothing(world, clock):
    w = world
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    snapshot = Dossier.objects.filter(pk=d.id).values().get()
    audits = AuditRecord.objects.count()
    with pytest.raises(TransitionNotAllowed):
        s.return_result(actor=w.desk, dossier_id=d.id)
    assert Dossier.objects.filter(pk=d.id).values().get() == snapshot
    assert AuditRecord.objects.count() == audits


def test_other_organisation_gets_403_and_nothing_changes(world, clock):
    w = world
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    with pytest.raises(PermissionDenied) as e:
        s.stop(actor=w.other_leader, dossier_id=d.id, reason="Không phải của tôi")
    assert e.value.status == 403
    assert Dossier.objects.get(pk=d.id).status == Status.RECEIVED
    with pytest.raises(PermissionDenied):  # nor can it receive at someone else's desk
        s.receive_at_desk(actor=w.other_desk, intake=intake(w))


def test_unknown_and_unpublished_procedures(world, clock):
    from tests.conftest import make_procedure
    w = world
    with pytest.raises(NotFound) as e:
        s.receive_at_desk(actor=w.desk, intake=intake(w, "9.999999"))
    assert e.value.code == "thu_tuc_khong_ton_tai"
    make_procedure("1.000777", level="commune", amount=3, unit="working_days", publish=False,
                   steps=[("Xử lý", None, "specialist", 100)])
    with pytest.raises(Conflict) as e:
        s.receive_at_desk(actor=w.desk, intake=intake(w, "1.000777"))
    assert e.value.code == "thu_tuc_chua_cong_bo"
    assert Dossier.objects.count() == 0


def test_codes_are_sequential_per_organisation_and_day(world, clock):
    w = world
    clock.set(2025, 7, 15, 9, 0)
    codes = [s.receive_at_desk(actor=w.desk, intake=intake(w)).code for _ in range(3)]
    clock.set(2025, 7, 16, 9, 0)
    codes.append(s.receive_at_desk(actor=w.desk, intake=intake(w)).code)
    assert codes == ["H99.01.01-250715-0001", "H99.01.01-250715-0002", "H99.01.01-250715-0003",
                     "H99.01.01-250716-0001"]


def test_rule_set_follows_the_date(world, clock):
    w = world
    clock.set(2025, 6, 30, 9, 0)
    assert s.receive_at_desk(actor=w.desk, intake=intake(w)).rule_set == "nd61-2018"
    clock.set(2025, 7, 1, 9, 0)
    assert s.receive_at_desk(actor=w.desk, intake=intake(w)).rule_set == "nd118-2025"


def test_identity_number_is_never_stored_in_clear(world, clock):
    w = world
    d = s.receive_at_desk(actor=w.desk, intake=intake(w))
    row = Dossier.objects.filter(pk=d.id).values().get()
    assert "079123456789" not in str(row)
    assert row["applicant_id_masked"] == "*********789"
    from cchc.core import identity
    assert identity.reveal(row["applicant_id_encrypted"]) == "079123456789"


def merge(org, *, into):
    org.successor, org.succeeded_on = into, datetime(2025, 7, 1).date()
    org.save()


def test_merged_commune_dossiers_are_handled_by_the_successor(world, clock):
    w = world
    clock.set(2025, 6, 2, 9, 0)
    d = s.receive_at_desk(actor=w.other_desk, intake=intake(w, org=w.other_commune))
    merge(w.other_commune, into=w.commune)
    clock.set(2025, 7, 2, 9, 0)
    s.hand_over(actor=w.desk, dossier_id=d.id)  # the successor's desk now acts for the old commune
    with pytest.raises(Exception) as e:  # and new dossiers go to the successor
        s.receive_at_desk(actor=w.desk, intake=intake(w, org=w.other_commune))
    assert getattr(e.value, "code", "") == "noi_tiep_nhan_da_sap_nhap"


def test_due_date_in_a_year_without_calendar_data_is_a_clear_error(world, clock):
    w = world
    clock.set(2027, 12, 28, 9, 0)  # 5 working days run into 2028, which nobody has confirmed
    with pytest.raises(Conflict) as e:
        s.receive_at_desk(actor=w.desk, intake=intake(w))
    assert e.value.code == "lich_chua_co_du_lieu" and e.value.details == {"year": 2028}
    assert Dossier.objects.count() == 0


def test_calendar_edits_are_seen_by_the_next_action(world, clock):
    from cchc.calendar.models import CalendarDay
    w = world
    clock.set(2025, 6, 2, 9, 0)  # Mon; 5 working days -> Mon 09/06
    assert s.receive_at_desk(actor=w.desk, intake=intake(w)).due_at == local(2025, 6, 9, 17, 0)
    CalendarDay.objects.create(date=datetime(2025, 6, 4).date(), kind="off", note="Nghỉ đột xuất do bão")
    assert s.receive_at_desk(actor=w.desk, intake=intake(w)).due_at == local(2025, 6, 10, 17, 0)


def test_successor_inbox_lists_predecessor_dossiers(world, clock):
    from cchc.dossiers.selectors import InboxFilters, inbox
    w = world
    clock.set(2025, 6, 2, 9, 0)
    old = s.receive_at_desk(actor=w.other_desk, intake=intake(w, org=w.other_commune))
    mine = s.receive_at_desk(actor=w.desk, intake=intake(w))
    assert [d.code for d in inbox(w.desk, InboxFilters())] == [mine.code]
    merge(w.other_commune, into=w.commune)
    assert {d.code for d in inbox(w.desk, InboxFilters())} == {old.code, mine.code}


def test_inbox_late_and_due_soon_filters_respect_pauses(world, clock):
    from cchc.dossiers.selectors import InboxFilters, inbox
    w = world
    clock.set(2025, 6, 2, 9, 0)  # due Mon 09/06 17:00
    running = s.receive_at_desk(actor=w.desk, intake=intake(w))
    paused = s.receive_at_desk(actor=w.desk, intake=intake(w))
    s.request_supplement(actor=w.desk, dossier_id=paused.id, items=["Tờ khai"], reason="Thiếu")  # paused on day 0
    codes = lambda **f: {d.code for d in inbox(w.desk, InboxFilters(**f))}  # noqa: E731
    clock.set(2025, 6, 5, 9, 0)
    assert codes(due_within_days=7) == {running.code}  # paused: no running due date
    assert codes(late=True) == set()
    clock.set(2025, 6, 10, 9, 0)  # past the due date: only the running one is late
    assert codes(late=True) == {running.code}
    assert codes(late=False) == {paused.code}


def test_hours_procedure_pauses_by_working_minutes(world, clock):
    from tests.conftest import make_procedure
    w = world
    make_procedure("1.000888", level="commune", amount=8, unit="hours", cutoff=None, name="Chứng thực chữ ký",
                   steps=[("Tiếp nhận", None, "desk", 20), ("Chứng thực", None, "leader", 80)])
    clock.set(2025, 6, 6, 14, 0)  # Fri: 14:00–17:00 = 3h, Mon 08:00–12:00 = 4h, 13:30–14:30 = 1h
    d = s.receive_at_desk(actor=w.desk, intake=intake(w, "1.000888"))
    assert d.due_at == local(2025, 6, 9, 14, 30)
    clock.set(2025, 6, 9, 9, 0)  # used: Fri 3h + Mon 1h = 4h; 4h remain
    s.request_supplement(actor=w.desk, dossier_id=d.id, items=["Bản chính giấy tờ"], reason="Thiếu bản chính")
    clock.set(2025, 6, 10, 16, 0)  # Tue 16:00–17:00 = 1h, Wed 08:00–11:00 = 3h
    d = s.receive_supplement(actor=w.desk, dossier_id=d.id)
    assert d.due_at == local(2025, 6, 11, 11, 0)
    # the due moved Mon 14:30 -> Wed 11:00: Mon 2.5h + Tue 7.5h + Wed 3h = 13h of office time
    assert d.paused_working_minutes == 13 * 60 and d.paused_working_days == 2
