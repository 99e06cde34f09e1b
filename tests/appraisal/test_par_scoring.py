"""PAR Index scoring through the services: who may score, maxima, reasons, survey points, ranking, publication,
reminders. Expected figures are the hand-worked ones of par_fixture.py."""
from datetime import date
from decimal import Decimal as D

import pytest
from django.core import mail
from django.core.management import call_command
from tests.appraisal.par_fixture import BUILDING_SELF, FINANCE_SELF, JUSTICE_SELF, entries

from cchc.appraisal import selectors, services
from cchc.appraisal.models import Assessment, Evidence, Reminder, Score, Stage
from cchc.core.errors import Conflict, NotFound, PermissionDenied, ReasonRequired, ValidationFailed


def self_assess(w, officer, org, scores):
    services.save_self_scores(actor=officer, tree_id=w.tree_id, org_id=org.id, entries=entries(scores, "Đã làm"))
    return services.submit_self_assessment(actor=officer, tree_id=w.tree_id, org_id=org.id)


def test_a_reform_officer_scoring_another_organisation_is_refused(par):
    with pytest.raises(PermissionDenied) as e:
        services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.finance.id,
                                  entries=entries({"1.1": "5"}))
    assert (e.value.status, e.value.code) == (403, "ngoai_pham_vi_don_vi")
    for other in (par.appraiser, par.justice_leader):  # appraisers appraise, leaders do not score
        with pytest.raises(PermissionDenied):
            services.save_self_scores(actor=other, tree_id=par.tree_id, org_id=par.justice.id,
                                      entries=entries({"1.1": "5"}))
    assert not Assessment.objects.filter(org=par.finance).exists()


@pytest.mark.parametrize("scores, code", [
    ({"1.1": "10.01"}, "vuot_diem_toi_da"),      # above the criterion's 10
    ({"3.1.1": "6"}, "vuot_diem_toi_da"),
    ({"2.1": "6", "2.2": "4.5"}, "vuot_diem_toi_da"),  # area 2: 10.5 > its maximum 10
    ({"1.1": "-1"}, "diem_khong_hop_le"),
    ({"1.1": "2.125"}, "diem_khong_hop_le"),
    ({"1.1": "mười"}, "diem_khong_hop_le"),
    ({"3.1": "8"}, "khong_phai_tieu_chi_la"),    # scored at its sub-criteria
    ({"7.1": "8"}, "sai_loai_tieu_chi"),         # survey points are not self-scored
])
def test_bad_self_scores_are_refused_and_nothing_is_kept(par, scores, code):
    services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                              entries=entries({"4.1": "3"}))
    with pytest.raises(ValidationFailed) as e:
        services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                                  entries=entries({"4.1": "5", **scores}))
    assert e.value.code == code
    assert list(Score.objects.values_list("criterion__code", "self_score")) == [("4.1", D("3.00"))]


def test_boundaries_are_accepted(par):
    a = services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                                  entries=entries({"1.1": "10", "2.1": "6", "2.2": "4", "3.1.1": "0"}))
    assert a.self_total == D("20.00")
    with pytest.raises(NotFound):
        services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                                  entries=entries({"8.1": "1"}))


def test_a_commune_is_not_scored_on_the_agency_tree(par):
    with pytest.raises(ValidationFailed) as e:
        services.save_self_scores(actor=par.reform_commune, tree_id=par.tree_id, org_id=par.commune.id,
                                  entries=entries({"1.1": "5"}))
    assert e.value.code == "sai_doi_tuong"


def test_submission_needs_every_criterion_and_then_locks(par):
    services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                              entries=entries({"1.1": "5"}))
    with pytest.raises(ValidationFailed) as e:
        services.submit_self_assessment(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id)
    assert e.value.details["codes"] == ["1.2", "2.1", "2.2", "3.1.1", "3.1.2", "3.2", "4.1", "5.1", "6.1"]
    a = self_assess(par, par.reform_justice, par.justice, JUSTICE_SELF)
    assert (a.stage, a.self_total) == (Stage.SUBMITTED, D("61.75"))
    with pytest.raises(Conflict):
        services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                                  entries=entries({"1.1": "1"}))


def test_evidence_files_are_stored_under_media_root(par, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    ev = services.add_evidence(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id, code="1.1",
                               name="ke-hoach.pdf", content=pdf)
    assert (tmp_path / ev.file.name).read_bytes() == pdf
    assert ev.file.name.startswith(f"appraisal/evidence/2026/{par.justice.id}/")
    with pytest.raises(ValidationFailed):
        services.add_evidence(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id, code="1.1",
                              name="virus.exe", content=b"MZ")
    with pytest.raises(PermissionDenied):
        services.add_evidence(actor=par.reform_finance, tree_id=par.tree_id, org_id=par.justice.id, code="1.1",
                              name="x.pdf", content=pdf)
    assert Evidence.objects.count() == 1


def test_appraisal_above_the_maximum_is_refused(par):
    self_assess(par, par.reform_justice, par.justice, JUSTICE_SELF)
    with pytest.raises(ValidationFailed) as e:
        services.appraise(actor=par.appraiser, tree_id=par.tree_id, org_id=par.justice.id,
                          entries=entries({"1.1": "10.5"}, "Thêm điểm"))
    assert (e.value.code, e.value.details["max_points"]) == ("vuot_diem_toi_da", "10.00")
    with pytest.raises(ValidationFailed) as e:  # 2.1 (6) + 2.2 raised to 6 = 12 > area 2's 10
        services.appraise(actor=par.appraiser, tree_id=par.tree_id, org_id=par.justice.id,
                          entries=entries({"2.2": "6"}, "Đủ minh chứng"))
    assert (e.value.code, e.value.details["code"]) == ("vuot_diem_toi_da", "2")
    assert not Score.objects.filter(appraised_score__isnull=False).exists()


def test_a_changed_score_needs_a_reason_and_only_appraisers_appraise(par):
    self_assess(par, par.reform_justice, par.justice, JUSTICE_SELF)
    with pytest.raises(ReasonRequired):
        services.appraise(actor=par.appraiser, tree_id=par.tree_id, org_id=par.justice.id, entries=entries({"1.1": "6"}))
    with pytest.raises(PermissionDenied):
        services.appraise(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                          entries=entries({"1.1": "6"}, "tự nâng"))
    # the same score as self-assessed needs no reason
    services.appraise(actor=par.appraiser, tree_id=par.tree_id, org_id=par.justice.id, entries=entries({"3.2": "7.25"}))


def test_appraisal_of_a_draft_is_refused(par):
    services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                              entries=entries({"1.1": "5"}))
    with pytest.raises(Conflict):
        services.appraise(actor=par.appraiser, tree_id=par.tree_id, org_id=par.justice.id,
                          entries=entries({"1.1": "4"}, "x"))


def appraise_justice(w):
    self_assess(w, w.reform_justice, w.justice, JUSTICE_SELF)
    services.appraise(actor=w.appraiser, tree_id=w.tree_id, org_id=w.justice.id, entries=[
        services.ScoreEntry("1.1", "6", "Kế hoạch ban hành trễ hạn"), services.ScoreEntry("3.2", "7.25"),
        services.ScoreEntry("6.1", "8.5", "Giải ngân chưa đạt")])
    services.set_survey_points(actor=w.appraiser, tree_id=w.tree_id, org_id=w.justice.id, source="sipas")
    return services.finish_appraisal(actor=w.appraiser, tree_id=w.tree_id, org_id=w.justice.id)


def test_survey_points_from_sipas_and_the_final_score(justice_answers):
    w = justice_answers
    a = appraise_justice(w)
    survey = dict(Score.objects.filter(assessment=a, criterion__is_survey=True).values_list(
        "criterion__code", "appraised_score"))
    assert survey == {"7.1": D("6.50"), "7.2": D("7.50"), "7.3": D("7.50")}
    assert (a.stage, a.self_total, a.final_score) == (Stage.APPRAISED, D("61.75"), D("80.75"))
    view = selectors.assessment_view(selectors.tree(w.tree_id), w.justice.id)
    by_code = {r["node"].code: r for r in view.rows}
    assert (by_code["1"]["final_total"], by_code["6"]["final_total"], by_code["7"]["final_total"]) == (
        D(16), D("8.5"), D("21.5"))


def test_sipas_points_need_answers(par):
    self_assess(par, par.reform_finance, par.finance, FINANCE_SELF)
    with pytest.raises(Conflict) as e:
        services.set_survey_points(actor=par.appraiser, tree_id=par.tree_id, org_id=par.finance.id, source="sipas")
    assert e.value.code == "chua_co_du_lieu_sipas"
    with pytest.raises(ValidationFailed) as e:
        services.finish_appraisal(actor=par.appraiser, tree_id=par.tree_id, org_id=par.finance.id)
    assert e.value.details["codes"] == ["7.1", "7.2", "7.3"]
    with pytest.raises(ValidationFailed) as e:
        services.set_survey_points(actor=par.appraiser, tree_id=par.tree_id, org_id=par.finance.id,
                                   source="entered", entries=entries({"7.1": "10.5"}))
    assert e.value.code == "vuot_diem_toi_da"


def finish_with_entered_survey(w, officer, org, scores, survey):
    self_assess(w, officer, org, scores)
    services.set_survey_points(actor=w.appraiser, tree_id=w.tree_id, org_id=org.id, source="entered",
                               entries=entries(survey, "Kết quả điều tra của Sở Nội vụ"))
    return services.finish_appraisal(actor=w.appraiser, tree_id=w.tree_id, org_id=org.id)


def test_ranking_ties_publication_and_history(justice_answers):
    w = justice_answers
    appraise_justice(w)
    f = finish_with_entered_survey(w, w.reform_finance, w.finance, FINANCE_SELF, {"7.1": "7", "7.2": "7", "7.3": "6.75"})
    b = finish_with_entered_survey(w, w.reform_building, w.building, BUILDING_SELF,
                                   {"7.1": "5", "7.2": "5.5", "7.3": "5.5"})
    assert (f.final_score, b.final_score) == (D("80.75"), D("70.00"))
    t = selectors.tree(w.tree_id)
    assert selectors.ranking(t) == []  # nothing public before publication
    with pytest.raises(PermissionDenied):
        services.publish_results(actor=w.reform_justice, tree_id=w.tree_id)
    services.publish_results(actor=w.appraiser, tree_id=w.tree_id)
    assert [(r["rank"], r["org_name"], r["final_score"]) for r in selectors.ranking(t)] == [
        (1, "Sở Tài chính", D("80.75")), (1, "Sở Tư pháp", D("80.75")), (3, "Sở Xây dựng", D("70.00"))]
    assert selectors.history(w.building.id) == [
        {"year": 2026, "org_type": "agency", "final_score": D("70.00"), "rank": 3, "of": 3}]
    with pytest.raises(Conflict):  # published results are frozen
        services.appraise(actor=w.appraiser, tree_id=w.tree_id, org_id=w.justice.id,
                          entries=entries({"1.1": "7"}, "x"))


def test_publication_waits_for_every_submitted_assessment(justice_answers):
    w = justice_answers
    appraise_justice(w)
    self_assess(w, w.reform_finance, w.finance, FINANCE_SELF)
    with pytest.raises(Conflict) as e:
        services.publish_results(actor=w.appraiser, tree_id=w.tree_id)
    assert e.value.details["organisations"] == ["Sở Tài chính"]


def test_deadlines_and_reminders(par, clock, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    par.reform_justice.email = "cchc@stp.gov.vn"
    par.reform_justice.save()
    with pytest.raises(ValidationFailed):
        services.set_deadlines(actor=par.appraiser, tree_id=par.tree_id, self_assessment_due=date(2027, 2, 1),
                               appraisal_due=date(2027, 1, 1), publication_due=date(2027, 3, 1))
    services.set_deadlines(actor=par.appraiser, tree_id=par.tree_id, self_assessment_due=date(2027, 1, 15),
                           appraisal_due=date(2027, 2, 15), publication_due=date(2027, 3, 15), remind_days_before=5)
    # reform officers of the four agencies (justice, finance, building; Sở Nội vụ has none) + 2 for the appraiser
    assert Reminder.objects.count() == 3 + 2
    assert [r.org.name for r in services.due_reminders(date(2027, 1, 9))] == []
    due = services.due_reminders(date(2027, 1, 10))
    assert sorted(r.org.name for r in due) == ["Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng"]
    assert services.reminder_text(due[0]).endswith("là ngày 15/01/2027.")
    self_assess(par, par.reform_finance, par.finance, FINANCE_SELF)  # submitted: no more reminder for it
    assert sorted(r.org.name for r in services.due_reminders(date(2027, 1, 10))) == ["Sở Tư pháp", "Sở Xây dựng"]
    clock.set(2027, 2, 11, 8, 0)
    call_command("appraisal_reminders", "--send")
    assert [m.to for m in mail.outbox] == [["cchc@stp.gov.vn"]]
    assert "15/01/2027" in mail.outbox[0].body
    # sent once: the appraisal reminder (finance is waiting) was sent too; nothing is due any more
    assert services.due_reminders(date(2027, 2, 11)) == []
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 3
