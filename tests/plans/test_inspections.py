"""Reform inspections: the ≥ 30% coverage rule (table-driven, hand-worked), the yearly plan,
results, findings, recommendations with deadlines and the inspected organisation's follow-up."""
from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.conftest import make_org, make_user

from cchc.core.errors import Conflict, NotFound, PermissionDenied, ReasonRequired, ValidationFailed
from cchc.org.models import OrgKind, Role
from cchc.plans import inspection_services as svc
from cchc.plans import inspections as rules
from cchc.plans.models import Inspection, Recommendation

REQUIRED = [  # organisations in the group, share % → how many must be inspected
    (10, 30, 3), (7, 30, 3), (3, 30, 1), (1, 30, 1), (0, 30, 0), (20, 30, 6), (21, 30, 7), (100, 30, 30),
    (10, "33.33", 4), (9, "33.34", 4), (12, 25, 3),
]


@pytest.mark.parametrize("total,share,want", REQUIRED)
def test_required_count(total, share, want):
    assert rules.required(total, share) == want


@pytest.fixture
def province(world, clock, settings, tmp_path):
    """10 agencies (2 from world + 8) and 2 communes; one merged agency that no longer counts."""
    settings.MEDIA_ROOT = tmp_path
    w = world
    w.home = make_org("H99.03", "Sở Nội vụ", OrgKind.AGENCY, w.province)
    w.agencies = [w.justice, w.finance, w.home] + [
        make_org(f"H99.1{i}", f"Sở số {i}", OrgKind.AGENCY, w.province) for i in range(7)]
    make_org("H99.90", "Sở Thông tin và Truyền thông (cũ)", OrgKind.AGENCY, w.province,
             successor=w.agencies[3], succeeded_on=date(2025, 3, 1))
    w.inspector = make_user("snv_cchc", w.home, Role.REFORM)
    w.appraiser = make_user("snv_thamdinh", w.home, Role.APPRAISER)
    clock.set(2025, 2, 10, 9, 0)
    w.plan = svc.create_plan(actor=w.inspector, issuer_id=w.home.id, year=2025, number="12/KH-SNV",
                             title="Kế hoạch kiểm tra công tác CCHC năm 2025")
    return w


def _add(w, org, start=(2025, 4, 1), end=(2025, 4, 3)):
    return svc.add_inspection(actor=w.inspector, plan_id=w.plan.id, org_id=org.id, planned_from=date(*start),
                              planned_to=date(*end), content="Kiểm tra một cửa, công khai TTHC")


def test_plan_is_approved_only_when_coverage_is_met(province):
    w = province
    _add(w, w.justice)
    _add(w, w.finance)
    cov = {c.kind: c for c in rules.coverage(w.plan)}
    assert (cov["agency"].total, cov["agency"].planned, cov["agency"].required) == (10, 2, 3)
    assert (cov["commune"].total, cov["commune"].planned, cov["commune"].required) == (2, 0, 1)
    with pytest.raises(ValidationFailed) as e:
        svc.approve_plan(actor=w.inspector, plan_id=w.plan.id)
    assert e.value.code == "chua_du_ty_le_kiem_tra"
    assert "sở, ban, ngành: 2/10 (20%), cần ít nhất 3" in e.value.message
    assert "xã, phường, đặc khu: 0/2 (0%), cần ít nhất 1" in e.value.message
    _add(w, w.agencies[5])
    _add(w, w.commune)
    plan = svc.approve_plan(actor=w.inspector, plan_id=w.plan.id)
    assert plan.approved_at is not None
    with pytest.raises(Conflict):
        svc.approve_plan(actor=w.inspector, plan_id=w.plan.id)
    # cancelling one would leave 2/10 agencies: refused, nothing changed
    i = Inspection.objects.get(plan=w.plan, org=w.finance)
    with pytest.raises(ValidationFailed) as e:
        svc.cancel_inspection(actor=w.inspector, inspection_id=i.id, reason="Sở đang sáp nhập")
    assert e.value.code == "chua_du_ty_le_kiem_tra"
    i.refresh_from_db()
    assert i.cancelled_reason == ""
    with pytest.raises(ReasonRequired):
        svc.cancel_inspection(actor=w.inspector, inspection_id=i.id, reason=" ")


def test_bad_inspection_input(province):
    w = province
    with pytest.raises(NotFound):
        svc.add_inspection(actor=w.inspector, plan_id=w.plan.id, org_id=999_999, planned_from="2025-04-01",
                           planned_to="2025-04-02")
    cases = [  # org, from, to → code
        (w.province, "2025-04-01", "2025-04-02", "khong_thuoc_doi_tuong_kiem_tra"),
        (w.justice, "2025-04-05", "2025-04-02", "ngay_kiem_tra_sai"),
        (w.justice, "2026-01-05", "2026-01-06", "ngay_kiem_tra_ngoai_nam"),
        (w.justice, "31/13/2025", "2025-04-02", "ngay_khong_hop_le"),
        (w.justice, "", "2025-04-02", "thieu_ngay"),
    ]
    for org, start, end, code in cases:
        with pytest.raises(ValidationFailed) as e:
            svc.add_inspection(actor=w.inspector, plan_id=w.plan.id, org_id=org.id, planned_from=start,
                               planned_to=end)
        assert e.value.code == code, (start, end)
    _add(w, w.justice)
    with pytest.raises(Conflict) as e:
        _add(w, w.justice)
    assert e.value.code == "da_co_trong_ke_hoach_kiem_tra"
    with pytest.raises(PermissionDenied):  # an agency's specialist does not plan inspections
        svc.add_inspection(actor=w.finance_specialist, plan_id=w.plan.id, org_id=w.finance.id,
                           planned_from="2025-04-01", planned_to="2025-04-02")
    with pytest.raises(Conflict):  # one plan per issuer and year
        svc.create_plan(actor=w.inspector, issuer_id=w.home.id, year=2025, title="Kế hoạch khác")
    with pytest.raises(ValidationFailed) as e:
        svc.create_plan(actor=w.inspector, issuer_id=w.home.id, year=2026, title="KH 2026", min_share=0)
    assert e.value.code == "ty_le_khong_hop_le"
    assert Inspection.objects.count() == 1


def test_result_findings_recommendations_and_follow_up(province, clock):
    w = province
    i = _add(w, w.justice)
    clock.set(2025, 4, 2, 9, 0)
    with pytest.raises(Conflict) as e:  # not approved yet
        svc.record_result(actor=w.inspector, inspection_id=i.id, done_on="2025-04-02", conclusion="Tốt")
    assert e.value.code == "ke_hoach_kiem_tra_chua_duyet"
    for org in (w.finance, w.agencies[5], w.commune):
        _add(w, org)
    svc.approve_plan(actor=w.inspector, plan_id=w.plan.id)
    with pytest.raises(Conflict):  # findings only after the inspection took place
        svc.add_finding(actor=w.inspector, inspection_id=i.id, text="Chưa niêm yết TTHC")
    with pytest.raises(ValidationFailed) as e:
        svc.record_result(actor=w.inspector, inspection_id=i.id, done_on="2025-04-03", conclusion="Tốt")
    assert e.value.code == "ngay_trong_tuong_lai"
    with pytest.raises(ValidationFailed) as e:
        svc.record_result(actor=w.inspector, inspection_id=i.id, done_on="2025-04-02", conclusion="  ")
    assert e.value.code == "thieu_noi_dung"
    svc.record_result(actor=w.inspector, inspection_id=i.id, done_on="2025-04-02",
                      conclusion="Cơ bản thực hiện tốt cơ chế một cửa.")
    finding = svc.add_finding(actor=w.inspector, inspection_id=i.id, area="Cải cách TTHC",
                              text="3 thủ tục chưa niêm yết công khai")
    with pytest.raises(ValidationFailed) as e:
        svc.add_recommendation(actor=w.inspector, inspection_id=i.id, text="Niêm yết", due_on="2025-04-01")
    assert e.value.code == "han_khac_phuc_sai"
    r1 = svc.add_recommendation(actor=w.inspector, inspection_id=i.id, text="Niêm yết đủ 3 thủ tục",
                                due_on="2025-04-30", finding_id=finding.id)
    r2 = svc.add_recommendation(actor=w.inspector, inspection_id=i.id, text="Cập nhật quy trình nội bộ",
                                due_on="15/04/2025")
    assert (r1.responsible, r2.due_on) == (w.justice, date(2025, 4, 15))
    cov = {c.kind: c for c in rules.coverage(w.plan)}
    assert (cov["agency"].done, cov["agency"].share_done) == (1, 10.0)

    with pytest.raises(PermissionDenied) as e:  # another agency cannot report the fix
        svc.report_fix(actor=w.finance_specialist, recommendation_id=r1.id, result="Đã niêm yết",
                       evidence=SimpleUploadedFile("anh.jpg", b"\xff\xd8"))
    assert e.value.code == "khong_phai_co_quan_thuc_hien"
    with pytest.raises(ValidationFailed) as e:
        svc.report_fix(actor=w.justice_specialist, recommendation_id=r1.id, result="Đã niêm yết")
    assert e.value.code == "thieu_minh_chung"
    clock.set(2025, 4, 20, 9, 0)
    svc.report_fix(actor=w.justice_specialist, recommendation_id=r1.id, result="Đã niêm yết đủ",
                   evidence=SimpleUploadedFile("anh.jpg", b"\xff\xd8"))
    today = date(2025, 4, 20)
    r1.refresh_from_db()
    assert rules.recommendation_status(r1, today) == "fixed"
    assert rules.recommendation_status(r2, today) == "late"  # due 15/04, not reported
    assert [r.id for r in rules.overdue_recommendations(today)] == [r2.id]
    assert list(rules.overdue_recommendations(today, org_id=w.finance.id)) == []
    with pytest.raises(Conflict):
        svc.report_fix(actor=w.justice_specialist, recommendation_id=r1.id, result="lần nữa",
                       evidence=SimpleUploadedFile("anh.jpg", b"\xff\xd8"))
    clock.set(2025, 4, 22, 9, 0)
    svc.report_fix(actor=w.justice_leader, recommendation_id=r2.id, result="Đã cập nhật",
                   evidence=SimpleUploadedFile("qt.pdf", b"%PDF-1.4"))
    assert rules.recommendation_status(Recommendation.objects.get(pk=r2.id), date(2025, 4, 22)) == "fixed_late"


STATUS = [  # done_on, cancelled, planned_to, today → status
    (None, "", date(2025, 4, 3), date(2025, 4, 3), "planned"),
    (None, "", date(2025, 4, 3), date(2025, 4, 4), "overdue"),
    (date(2025, 4, 2), "", date(2025, 4, 3), date(2025, 5, 1), "done"),
    (None, "Sáp nhập", date(2025, 4, 3), date(2025, 5, 1), "cancelled"),
]


@pytest.mark.parametrize("done_on,reason,planned_to,today,want", STATUS)
def test_inspection_status_rule(done_on, reason, planned_to, today, want):
    i = Inspection(planned_from=date(2025, 4, 1), planned_to=planned_to, done_on=done_on, cancelled_reason=reason)
    assert rules.inspection_status(i, today) == want
