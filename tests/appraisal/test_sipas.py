"""SIPAS: answers from the public link, kiosk, paper forms and CSV; the index against par_fixture's hand-worked numbers."""
from datetime import date

import pytest
from django.test import Client
from tests.appraisal.par_fixture import JUSTICE_FORMS, forms

from cchc.appraisal import selectors, services
from cchc.appraisal.models import SurveyResponse
from cchc.core.errors import Conflict, PermissionDenied, ValidationFailed


def test_index_per_aspect_and_overall_with_sample_size(justice_answers):
    w = justice_answers
    r = selectors.sipas_index(org_id=w.justice.id, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert r.responses == 4
    assert {a: (x.satisfied, x.answers) for a, x in r.aspects.items()} == {
        "access": (2, 4), "procedure": (3, 4), "officials": (3, 4), "result": (3, 4), "feedback": (1, 2)}
    assert r.as_dict()["sipas"] == 65.0
    assert [a["index"] for a in r.as_dict()["aspects"]] == [50.0, 75.0, 75.0, 75.0, 50.0]


def test_a_period_or_organisation_without_answers_has_no_index(justice_answers):
    w = justice_answers
    r = selectors.sipas_index(org_id=w.building.id, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert (r.responses, r.index, r.as_dict()["sipas"]) == (0, None, None)
    # December 2025: only the one form of 31/12/2025, all "very unsatisfied" → 0 %, not "no data"
    r = selectors.sipas_index(org_id=w.justice.id, start=date(2025, 12, 1), end=date(2025, 12, 31))
    assert (r.responses, r.as_dict()["sipas"]) == (1, 0.0)


def test_province_wide_counts_every_organisation(justice_answers):
    r = selectors.sipas_index(org_id=None, start=date(2026, 1, 1), end=date(2026, 12, 31))
    # + the one Sở Tài chính form, unsatisfied everywhere: access 2/5, procedure 3/5, officials 3/5, result 3/5,
    # feedback 1/3 → (40 + 60 + 60 + 60 + 33.33…) / 5 = 50.67 %
    assert r.responses == 5
    assert r.as_dict()["sipas"] == 50.67


def test_public_link_needs_no_login_and_keeps_no_address(par, clock):
    clock.set(2026, 6, 1, 9, 0)
    r = services.submit_public(token=par.campaign.token, answers=forms(JUSTICE_FORMS[0]), client="203.0.113.7")
    assert (r.channel, r.answered_on, r.entered_by) == ("link", date(2026, 6, 1), None)
    assert "203.0.113.7" not in r.source_digest and len(r.source_digest) == 64


def test_public_link_is_rate_limited_per_sender(par, clock, settings):
    clock.set(2026, 6, 1, 9, 0)
    settings.CCHC_SIPAS_RATE_LIMIT = (3, 3600)
    for _ in range(3):
        services.submit_public(token=par.campaign.token, answers={"Q1": 5}, client="198.51.100.1")
    with pytest.raises(services.TooManyRequests) as e:
        services.submit_public(token=par.campaign.token, answers={"Q1": 5}, client="198.51.100.1")
    assert e.value.status == 429
    services.submit_public(token=par.campaign.token, answers={"Q1": 5}, client="198.51.100.2")  # another sender
    clock.set(2026, 6, 1, 10, 1)  # the hour has passed
    services.submit_public(token=par.campaign.token, answers={"Q1": 5}, client="198.51.100.1")
    assert SurveyResponse.objects.count() == 5


@pytest.mark.parametrize("answers, code", [
    ({"Q1": 6}, "cau_tra_loi_khong_hop_le"),      # above the 5-level scale
    ({"Q7": 4}, "cau_tra_loi_khong_hop_le"),      # the expectation question has 3 options
    ({"Q1": 0}, "cau_tra_loi_khong_hop_le"),
    ({"Q99": 1}, "cau_tra_loi_khong_hop_le"),
    ({}, "phieu_trong"),
    ({"Q1": None}, "phieu_trong"),
])
def test_bad_answers_are_refused(par, clock, answers, code):
    clock.set(2026, 6, 1, 9, 0)
    with pytest.raises(ValidationFailed) as e:
        services.submit_public(token=par.campaign.token, answers=answers, client="x")
    assert e.value.code == code
    assert SurveyResponse.objects.count() == 0


def test_closed_or_finished_campaigns_take_no_answers(par, clock):
    clock.set(2027, 1, 2, 9, 0)
    with pytest.raises(Conflict):
        services.submit_public(token=par.campaign.token, answers={"Q1": 5}, client="x")
    clock.set(2026, 6, 1, 9, 0)
    services.close_campaign(actor=par.appraiser, campaign_id=par.campaign.id)
    with pytest.raises(Conflict):
        services.submit_public(token=par.campaign.token, answers={"Q1": 5}, client="x")


def test_paper_forms_are_typed_in_by_the_organisation_or_home_affairs_only(par):
    services.record_response(actor=par.justice_specialist, campaign_id=par.campaign.id, answers={"Q1": 4},
                             channel="paper", answered_on=date(2026, 2, 2))
    with pytest.raises(PermissionDenied):
        services.record_response(actor=par.finance_specialist, campaign_id=par.campaign.id, answers={"Q1": 4},
                                 channel="paper", answered_on=date(2026, 2, 2))
    with pytest.raises(ValidationFailed):  # date outside the campaign
        services.record_response(actor=par.justice_specialist, campaign_id=par.campaign.id, answers={"Q1": 4},
                                 channel="paper", answered_on=date(2027, 2, 2))


def test_csv_import_is_all_or_nothing_with_every_bad_row(par):
    bad = ("Ngày;Q1;Q2;Q7\n"
           "01/03/2026;5;4;1\n"          # fine
           "31/02/2026;5;4;1\n"          # no such day
           "01/03/2026;6;4;1\n"          # 6 is off the scale
           "01/03/2026;5;;4\n"           # Q7 has three options
           "01/03/2027;5;4;1\n"          # after the campaign
           "01/03/2026;;;\n"             # a date but no answer
           ";;;\n"                       # blank line: skipped
           "02/03/2026;x;4;1\n")         # not a number
    report = services.import_responses(actor=par.appraiser, campaign_id=par.campaign.id, data=bad.encode())
    assert not report.ok
    assert [(e.row, e.column) for e in report.errors] == [(3, "Ngày"), (4, "Q1"), (5, "Q7"), (6, "Ngày"), (7, None),
                                                         (9, "Q1")]
    assert SurveyResponse.objects.count() == 0
    good = "\ufeffngày,Q1,Q2,Q3,Q4,Q5,Q6\n" + "".join(
        "0{}/03/2026,{}\n".format(i + 1, ",".join("" if v is None else str(v) for v in f))
        for i, f in enumerate(JUSTICE_FORMS))
    report = services.import_responses(actor=par.appraiser, campaign_id=par.campaign.id, data=good.encode())
    assert (report.ok, report.created) == (True, 4)
    r = selectors.sipas_index(org_id=par.justice.id, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert (r.responses, r.as_dict()["sipas"]) == (4, 65.0)


def test_csv_with_unknown_column_or_no_date_is_refused(par):
    report = services.import_responses(actor=par.appraiser, campaign_id=par.campaign.id, data=b"Q1,Q42\n5,5\n")
    assert [(e.row, e.column) for e in report.errors] == [(1, "Q42"), (1, "Ngày")]


def test_questionnaires_are_versioned(par):
    again = services.create_questionnaire(actor=par.appraiser, code="SIPAS", title="Phiếu SIPAS sửa đổi", questions=[
        services.QuestionSpec("Q1", "access", "satisfaction", "Tiếp cận?")])
    assert (again.version, par.questionnaire.version, par.questionnaire.questions.count()) == (2, 1, 7)
    with pytest.raises(ValidationFailed):  # a draft cannot be surveyed with
        services.open_campaign(actor=par.appraiser, questionnaire_id=again.id, org_id=par.justice.id, name="x",
                               starts_on=date(2026, 1, 1), ends_on=date(2026, 2, 1))


def test_survey_pages_public_kiosk_and_paper(par, clock):
    clock.set(2026, 6, 1, 9, 0)
    c = Client()
    page = c.get(f"/danh-gia/khao-sat/{par.campaign.token}/")
    assert page.status_code == 200 and "Phiếu khảo sát sự hài lòng" in page.content.decode()
    done = c.post(f"/danh-gia/khao-sat/{par.campaign.token}/", {"Q1": "5", "Q2": "4"})
    assert "Cảm ơn Ông/Bà" in done.content.decode()
    bad = c.post(f"/danh-gia/khao-sat/{par.campaign.token}/", {"Q1": "9"})
    assert bad.status_code == 422 and "Phiếu có câu trả lời không hợp lệ" in bad.content.decode()
    assert c.get(f"/danh-gia/khao-sat/{par.campaign.token}/quay/").status_code == 302  # kiosk: login first
    c.force_login(par.justice_specialist)
    c.post(f"/danh-gia/khao-sat/{par.campaign.token}/quay/", {"Q1": "3"})
    c.post(f"/danh-gia/khao-sat/{par.campaign.token}/phieu-giay/", {"Q1": "2", "answered_on": "15/02/2026"})
    assert list(SurveyResponse.objects.order_by("id").values_list("channel", "answered_on")) == [
        ("link", date(2026, 6, 1)), ("kiosk", date(2026, 6, 1)), ("paper", date(2026, 2, 15))]
    assert c.get("/danh-gia/khao-sat/khong-co/").status_code == 404
    results = Client().get("/danh-gia/sipas/?nam=2026").content.decode()
    assert "Sở Tư pháp" in results and "SIPAS" in results
