"""Plans in the database: confirming an import, live targets, progress by the lead only, statuses, reminders."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from tests.conftest import make_org, make_user

from cchc.core.errors import NotFound, PermissionDenied, ValidationFailed
from cchc.measures.registry import Measurement, register
from cchc.org.models import OrgKind, Role
from cchc.plans import importing, selectors, services, status
from cchc.plans.models import Plan, Reminder, Target, Task

PLAN = """ỦY BAN NHÂN DÂN
TỈNH SÔNG HƯƠNG
Số: 15/KH-UBND
Sông Hương, ngày 10 tháng 01 năm 2025
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH TỈNH SÔNG HƯƠNG NĂM 2025
I. MỤC TIÊU
- Phấn đấu 98% hồ sơ được giải quyết đúng hạn.
- 80% cán bộ được tập huấn kỹ năng số.
PHỤ LỤC
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Sở Tài chính | Quý I/2025 |
| 2 | Kiểm tra công tác một cửa tại xã | Sở Xây dựng | UBND cấp xã | tháng 6/2025 |
| 3 | Công khai thủ tục hành chính | Sở Tài chính | | thường xuyên |
| 4 | Tổng kết năm | Sở Tư pháp | | sau khi có hướng dẫn |
"""

# hand-worked: 9 of 10 dossiers on time = 90.0
@register("test_on_time_rate", label="Tỷ lệ hồ sơ đúng hạn (kiểm thử)")
def _on_time(scope, period):
    return Measurement("test_on_time_rate", 9, 10, 90.0, computed_at=timezone.now())


@pytest.fixture
def reform(world):
    world.reformer = make_user("cchc_tinh", world.province, Role.REFORM)
    return world


def _preview(text=PLAN):
    return importing.preview(text.encode(), "kh2025.txt")


def test_preview_saves_nothing_and_flags_what_needs_review(reform):
    payload = _preview()
    review = importing.review_summary(payload)
    assert Plan.objects.count() == Task.objects.count() == Target.objects.count() == 0
    assert review["unresolved_orgs"] == ["Sở Xây dựng"]
    assert review["tasks_without_lead"] == [1]
    assert review["unknown_deadlines"] == [3]
    assert review["unbound_targets"] == [1]  # "80% cán bộ được tập huấn": no measurement fits
    # the signed draft comes back unchanged; a tampered one is refused
    assert importing.unsign(importing.sign(payload)) == payload
    with pytest.raises(ValidationFailed) as e:
        importing.unsign(importing.sign(payload)[:-3] + "abc")
    assert e.value.code == "ban_xem_truoc_khong_hop_le"


def test_not_a_plan_creates_nothing(reform):
    with pytest.raises(ValidationFailed) as e:
        importing.preview("Biên bản họp chi bộ tháng 3.".encode(), "bienban.txt")
    assert e.value.code == "khong_phai_ke_hoach"
    assert Plan.objects.count() == 0


def test_confirm_saves_plan_tasks_targets(reform):
    w = reform
    payload = _preview()
    payload["targets"][0]["measure"] = "test_on_time_rate"  # the reviewer's choice
    plan = services.confirm_import(actor=w.reformer, payload=payload, decisions={"issuer_id": w.province.id})
    assert (plan.number, plan.issued_on, plan.kind) == ("15/KH-UBND", date(2025, 1, 10), "province_year")
    assert (plan.period_start, plan.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    tasks = list(plan.tasks.order_by("id"))
    assert [t.lead_id for t in tasks] == [w.justice.id, None, w.finance.id, w.justice.id]
    assert [t.due_on for t in tasks] == [date(2025, 3, 31), date(2025, 6, 30), None, None]
    assert tasks[2].recurrence == "continuous"
    assert list(tasks[0].coordinating.all()) == [w.finance]
    # unresolved lead kept unassigned and flagged; unknown deadline kept as text and flagged
    assert "chưa xác định được cơ quan “Sở Xây dựng”" in tasks[1].review_flags
    assert tasks[3].time_text == "sau khi có hướng dẫn" and any("không hiểu thời hạn" in f for f in tasks[3].review_flags)
    bound, manual = plan.targets.order_by("id")
    assert (bound.measure_name, bound.threshold) == ("test_on_time_rate", Decimal("98.00"))
    # a target whose number cannot be bound: manual and flagged
    assert manual.is_manual and any("chỉ tiêu nhập tay" in f for f in manual.review_flags)


def test_reviewer_resolves_a_lead(reform):
    w = reform
    plan = services.confirm_import(actor=w.reformer, payload=_preview(),
                                   decisions={"issuer_id": w.province.id, "task_leads": {"1": w.commune.id}})
    t = plan.tasks.order_by("id")[1]
    assert t.lead == w.commune and not any("cơ quan" in f for f in t.review_flags)


def test_unknown_suggested_measure_stays_manual(reform):
    payload = _preview()
    payload["targets"][0]["measure"] = "no_such_measure"
    plan = services.confirm_import(actor=reform.reformer, payload=payload, decisions={"issuer_id": reform.province.id})
    t = plan.targets.order_by("id")[0]
    assert t.is_manual and t.suggested_measure == "no_such_measure"
    assert any("no_such_measure" in f for f in t.review_flags)


def test_only_plan_managers_confirm(reform):
    with pytest.raises(PermissionDenied):
        services.confirm_import(actor=reform.desk, payload=_preview(), decisions={"issuer_id": reform.province.id})
    assert Plan.objects.count() == 0


def test_missing_period_must_be_given(reform):
    payload = _preview(PLAN.replace(" NĂM 2025", ""))
    with pytest.raises(ValidationFailed) as e:
        services.confirm_import(actor=reform.reformer, payload=payload, decisions={"issuer_id": reform.province.id})
    assert e.value.code == "thieu_ky_ke_hoach"


def test_live_target_status_and_manual_reports(reform):
    w = reform
    payload = _preview()
    payload["targets"][0]["measure"] = "test_on_time_rate"
    plan = services.confirm_import(actor=w.reformer, payload=payload, decisions={"issuer_id": w.province.id})
    bound, manual = plan.targets.order_by("id")
    s = selectors.target_state(bound)
    assert (s.status, s.value, s.source) == ("not_met", 90.0, "measure")  # 90 < 98
    services.bind_target(actor=w.reformer, target_id=bound.id, measure_name="test_on_time_rate", threshold=90)
    assert selectors.target_state(Target.objects.get(pk=bound.id)).status == "met"  # 90 >= 90
    assert selectors.target_state(manual).status == "not_measurable"
    with pytest.raises(ValidationFailed) as e:
        services.report_target_value(actor=w.reformer, target_id=manual.id, value=85)
    assert e.value.code == "thieu_minh_chung"
    services.report_target_value(actor=w.reformer, target_id=manual.id, value=85,
                                 evidence=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 minh chung"))
    s = selectors.target_state(manual)
    assert (s.status, s.value, s.source) == ("met", 85.0, "manual")
    with pytest.raises(NotFound):
        services.bind_target(actor=w.reformer, target_id=manual.id, measure_name="no_such_measure")


def test_progress_by_lead_only_and_computed_status(reform, clock, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = reform
    plan = services.confirm_import(actor=w.reformer, payload=_preview(), decisions={"issuer_id": w.province.id})
    t1 = plan.tasks.order_by("id")[0]  # Sở Tư pháp, due 31/03/2025
    with pytest.raises(PermissionDenied) as e:  # a coordinating agency is not the lead
        services.record_progress(actor=w.finance_specialist, task_id=t1.id, percent=50)
    assert e.value.code == "khong_phai_co_quan_chu_tri"
    clock.set(2025, 3, 20, 9, 0)
    services.record_progress(actor=w.justice_specialist, task_id=t1.id, percent=40, narrative="Đã rà soát 40 văn bản",
                             evidence=SimpleUploadedFile("danh-muc.xlsx", b"PK\x03\x04"))
    t1.refresh_from_db()
    assert selectors.task_status(t1, date(2025, 3, 20)) == "in_progress"
    assert selectors.task_status(t1, date(2025, 4, 1)) == "late"
    clock.set(2025, 4, 3, 9, 0)
    services.record_progress(actor=w.justice_leader, task_id=t1.id, percent=100)
    t1.refresh_from_db()
    assert (t1.done_on, selectors.task_status(t1, date(2025, 4, 3))) == (date(2025, 4, 3), "done_late")
    with pytest.raises(ValidationFailed):
        services.record_progress(actor=w.justice_leader, task_id=t1.id, percent=120)
    unassigned = plan.tasks.order_by("id")[1]
    with pytest.raises(PermissionDenied):
        services.record_progress(actor=w.justice_leader, task_id=unassigned.id, percent=10)


STATUS = [  # percent, done_on, due_on, today → status
    (0, None, date(2025, 6, 30), date(2025, 6, 30), "not_started"),
    (0, None, date(2025, 6, 30), date(2025, 7, 1), "late"),
    (30, None, date(2025, 6, 30), date(2025, 6, 1), "in_progress"),
    (30, None, date(2025, 6, 30), date(2025, 7, 1), "late"),
    (100, date(2025, 6, 30), date(2025, 6, 30), date(2025, 9, 1), "done"),
    (100, date(2025, 7, 1), date(2025, 6, 30), date(2025, 9, 1), "done_late"),
    (0, None, None, date(2030, 1, 1), "not_started"),  # "thường xuyên": never late
]


@pytest.mark.parametrize("percent,done_on,due_on,today,want", STATUS)
def test_task_status_rule(percent, done_on, due_on, today, want):
    assert status.task_status(percent=percent, done_on=done_on, due_on=due_on, today=today) == want


def test_reminders_monitoring_and_late_by_org(reform):
    w = reform
    plan = services.confirm_import(actor=w.reformer, payload=_preview(), decisions={"issuer_id": w.province.id})
    made = services.send_reminders(today=date(2025, 3, 24))  # 31/03 is 7 days away
    assert [(r.kind, r.days, r.org) for r in made] == [("before", 7, w.justice)]
    assert services.send_reminders(today=date(2025, 3, 24)) == []  # logged once
    made = services.send_reminders(today=date(2025, 7, 2))
    assert sorted((r.kind, r.task.number) for r in made) == [("late", "1"), ("late", "2")]
    assert Reminder.objects.count() == 3
    late = selectors.late_by_org(date(2025, 7, 2))
    assert {(o.name if o else None): [t.number for t in ts] for o, ts in late.items()} == {
        "Sở Tư pháp": ["1"], None: ["2"]}
    m = selectors.monitoring(plan, date(2025, 6, 15))
    assert [t.number for t, _s in m["due_this_month"]] == ["2"]
    assert [t.number for t, _s in m["late"]] == ["1"]
    assert m["counts"] == {"late": 1, "not_started": 3}


def test_agency_plan_tracking(reform):
    w = reform
    parent = Plan.objects.create(kind="province_year", title="KH tỉnh", issuer=w.province, period_start=date(2025, 1, 1),
                                 period_end=date(2025, 12, 31), agency_plans_due=date(2025, 1, 31))
    Plan.objects.create(kind="agency", title="KH Sở Tư pháp", issuer=w.justice, parent=parent,
                        issued_on=date(2025, 1, 20), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    Plan.objects.create(kind="agency", title="KH Sở Tài chính", issuer=w.finance, parent=parent,
                        issued_on=date(2025, 2, 10), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    make_org("H99.03", "Sở Nội vụ", OrgKind.AGENCY, w.province)
    got = {r["org"].name: (r["plan"] is not None, r["on_time"]) for r in selectors.agency_plan_tracking(parent)}
    assert got == {"Sở Tư pháp": (True, True), "Sở Tài chính": (True, False), "Sở Nội vụ": (False, False)}


PROGRAMME = """ỦY BAN NHÂN DÂN
TỈNH SÔNG HƯƠNG
Số: 88/KH-UBND
Sông Hương, ngày 05 tháng 02 năm 2021
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH SÔNG HƯƠNG GIAI ĐOẠN 2021 - 2030
I. MỤC TIÊU
- Đến năm 2025, 90% thủ tục hành chính được giải quyết đúng hạn.
II. NHIỆM VỤ
1. Cải cách thể chế
a) Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh.
2. Cải cách thủ tục hành chính
a) Công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công.
3. Công tác thông tin, tuyên truyền cải cách hành chính
a) Tổ chức cuộc thi tìm hiểu cải cách hành chính.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì, theo dõi nội dung cải cách thể chế.
"""


def test_programme_from_narrative_with_areas_then_a_derived_agency_plan(reform):
    """A multi-year programme with no appendix table: tasks from the numbered narrative, the lead of
    an area taken from the implementation section (and said so), two of the seven areas plus a
    custom one; then Sở Tư pháp's own plan saved under it."""
    w = reform
    plan = services.confirm_import(actor=w.reformer, payload=_preview(PROGRAMME),
                                   decisions={"issuer_id": w.province.id})
    assert (plan.kind, plan.number, plan.issued_on) == ("programme", "88/KH-UBND", date(2021, 2, 5))
    assert (plan.period_start, plan.period_end) == (date(2021, 1, 1), date(2030, 12, 31))
    assert plan.title == "Kế hoạch cải cách hành chính nhà nước tỉnh Sông Hương giai đoạn 2021 - 2030"
    assert plan.areas == [{"key": "the_che", "label": "Cải cách thể chế"},
                          {"key": "tthc", "label": "Cải cách thủ tục hành chính"},
                          {"key": "custom", "label": "Công tác thông tin, tuyên truyền cải cách hành chính"}]
    tasks = list(plan.tasks.order_by("id"))
    assert [(t.area, t.lead) for t in tasks] == [
        ("the_che", w.justice), ("tthc", None), ("Công tác thông tin, tuyên truyền cải cách hành chính", None)]
    assert "cơ quan chủ trì suy ra từ phần tổ chức thực hiện" in tasks[0].review_flags
    assert "thiếu cơ quan chủ trì" in tasks[1].review_flags and tasks[1].due_on is None
    (target,) = plan.targets.all()  # 90% by 2025: measured over the year 2025
    assert (target.threshold, target.period_start, target.period_end) == (90, date(2025, 1, 1), date(2025, 12, 31))

    stp_reform = make_user("cchc_stp", w.justice, Role.REFORM)
    with pytest.raises(NotFound) as e:  # a parent that does not exist is refused, not dropped
        services.confirm_import(actor=stp_reform, payload=_preview(),
                                decisions={"issuer_id": w.justice.id, "parent_id": 999_999, "kind": "agency"})
    assert e.value.code == "ke_hoach_khong_ton_tai"
    with pytest.raises(PermissionDenied):  # Sở Tư pháp's officer does not issue the province's plan
        services.confirm_import(actor=stp_reform, payload=_preview(), decisions={"issuer_id": w.province.id})
    own = services.confirm_import(actor=stp_reform, payload=_preview(),
                                  decisions={"issuer_id": w.justice.id, "parent_id": plan.id, "kind": "agency"})
    assert (own.kind, own.issuer, own.parent) == ("agency", w.justice, plan)
    assert Plan.objects.count() == 2
