"""The SIPAS / PAR Index API over real HTTP (live server, real tokens, real XLSX and PDF files)."""
import io
import urllib.request
from datetime import date

import pytest
from openpyxl import load_workbook
from tests.appraisal.par_fixture import BUILDING_SELF, JUSTICE_FORMS, JUSTICE_SELF, TREE_ROWS, forms, multipart, xlsx
from tests.appraisal.test_par_criteria_import import BAD_ROWS

from cchc.appraisal.models import CriteriaTree, SurveyResponse

# as in tests/api: a live server needs real transactions; serialized rollback leaves the content types as
# later serialized tests expect them
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(client, path, fields, files):
    body, ctype = multipart(fields, files)
    return client.call("POST", path, data=body, headers={"Content-Type": ctype})


def scores(d, note=""):
    return {"scores": [{"code": k, "score": v, "note": note} for k, v in d.items()]}


def test_malformed_tree_workbook_is_refused_with_every_row(api, par):
    r = upload(api(par.appraiser), "/par/trees/import", {"year": 2027, "org_type": "agency"},
               {"file": ("tieu-chi.xlsx", xlsx(BAD_ROWS))})
    assert (r.status, r.code) == (422, "tep_khong_hop_le")
    assert [(e["row"], e["column"]) for e in r.data["details"]["errors"]][:3] == [
        (3, "Điểm tối đa"), (4, "Mã"), (5, "Mã")]
    assert len(r.data["details"]["errors"]) == 12
    assert not CriteriaTree.objects.filter(year=2027).exists()
    r = upload(api(par.reform_justice), "/par/trees/import", {"year": 2027, "org_type": "agency"},
               {"file": ("tieu-chi.xlsx", xlsx(TREE_ROWS))})
    assert r.status == 403


def test_full_cycle_over_http(api, justice_answers, settings, tmp_path):
    w, settings.MEDIA_ROOT = justice_answers, tmp_path
    appraiser, justice, building = api(w.appraiser), api(w.reform_justice), api(w.reform_building)
    r = upload(appraiser, "/par/trees/import", {"year": 2025, "org_type": "agency"},
               {"file": ("tieu-chi-2025.xlsx", xlsx(TREE_ROWS))})
    assert (r.status, r.data["created"]) == (201, 21)
    tree = api().get(f"/par/trees/{w.tree_id}").data
    assert [n["code"] for n in tree["criteria"]][:4] == ["1", "1.1", "1.2", "2"]
    base = f"/par/trees/{w.tree_id}/assessments"

    # a reform officer scoring another organisation: 403, nothing written
    r = justice.call("PUT", f"{base}/H99.02/self-scores", scores({"1.1": "5"}))
    assert (r.status, r.code) == (403, "ngoai_pham_vi_don_vi")
    assert api(w.reform_finance).get(f"{base}/H99.02").data["rows"][1]["self_score"] is None

    r = justice.call("PUT", f"{base}/H99.01/self-scores", scores(JUSTICE_SELF, "Có minh chứng"))
    assert (r.status, r.data["self_total"]) == (200, "61.75")
    r = upload(justice, f"{base}/H99.01/evidence", {"code": "1.1"}, {"file": ("ke-hoach.pdf", PDF)})
    assert r.status == 201
    assert justice.post(f"{base}/H99.01/submit").data["stage"] == "submitted"
    assert api().get(f"{base}/H99.01").status == 401

    # an appraisal score above the criterion's maximum: refused
    r = appraiser.call("PUT", f"{base}/H99.01/appraisal", scores({"1.1": "10.5"}, "Thưởng"))
    assert (r.status, r.code) == (422, "vuot_diem_toi_da")
    r = appraiser.call("PUT", f"{base}/H99.01/appraisal", scores({"1.1": "6"}))
    assert (r.status, r.code) == (422, "thieu_ly_do")
    r = appraiser.call("PUT", f"{base}/H99.01/appraisal", {"scores": [
        {"code": "1.1", "score": "6", "note": "Kế hoạch ban hành trễ hạn"},
        {"code": "6.1", "score": "8.5", "note": "Giải ngân chưa đạt"}]})
    assert r.status == 200
    r = appraiser.call("PUT", f"{base}/H99.01/survey-points", {"source": "sipas"})
    assert {x["code"]: x["final_score"] for x in r.data["rows"] if x["is_survey"]} == {
        "7": "21.50", "7.1": "6.50", "7.2": "7.50", "7.3": "7.50"}
    r = appraiser.post(f"{base}/H99.01/finish-appraisal")
    assert (r.data["stage"], r.data["final_score"]) == ("appraised", "80.75")

    building.call("PUT", f"{base}/H99.03/self-scores", scores(BUILDING_SELF))
    building.post(f"{base}/H99.03/submit")
    appraiser.call("PUT", f"{base}/H99.03/survey-points", {"source": "entered", "scores": [
        {"code": "7.1", "score": "5"}, {"code": "7.2", "score": "5.5"}, {"code": "7.3", "score": "5.5"}]})
    appraiser.post(f"{base}/H99.03/finish-appraisal")

    assert api().get("/par/rankings/2026/agency").data == []  # not published yet
    assert api().get(f"/par/trees/{w.tree_id}/results.xlsx").status == 403
    assert justice.post(f"/par/trees/{w.tree_id}/publish").status == 403
    assert appraiser.post(f"/par/trees/{w.tree_id}/publish").status == 200
    ranking = api().get("/par/rankings/2026/agency").data
    assert [(x["rank"], x["org_code"], x["final_score"]) for x in ranking] == [
        (1, "H99.01", "80.75"), (2, "H99.03", "70.00")]
    assert api().get("/par/history/H99.03").data == [
        {"year": 2026, "org_type": "agency", "final_score": "70.00", "rank": 2, "of": 2}]
    assert api().get(f"{base}/H99.03").status == 401  # the API itself needs a token; published data via rankings

    with urllib.request.urlopen(api().base_url + f"/par/trees/{w.tree_id}/results.xlsx") as resp:
        wb = load_workbook(io.BytesIO(resp.read()))
    rows = list(wb["Xếp hạng"].iter_rows(min_row=3, values_only=True))
    assert rows == [(1, "H99.01", "Sở Tư pháp", 61.75, 80.75), (2, "H99.03", "Sở Xây dựng", 54.0, 70.0)]
    detail = {r[0]: r[3:] for r in wb["Chi tiết"].iter_rows(min_row=2, values_only=True)}
    assert detail["1.1"] == (6.0, 7.0) and detail["7"] == (21.5, 16.0)


def test_sipas_over_http(api, par, clock):
    r = api(par.appraiser).post("/sipas/campaigns", {"questionnaire_id": par.questionnaire.id, "org_code": "H99.03",
                                                     "starts_on": "2026-01-01", "ends_on": "2026-12-31"})
    assert r.status == 201
    token = r.data["token"]
    assert [q["code"] for q in api().get(f"/sipas/public/{token}").data["questions"]] == [
        "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"]
    for f in JUSTICE_FORMS:
        r = api(par.appraiser).post(f"/sipas/campaigns/{par.campaign.id}/responses",
                                    {"answers": forms(f), "channel": "paper", "answered_on": "2026-04-01"})
        assert r.status == 201
    r = api().get("/sipas/index", start="2026-01-01", end="2026-12-31", org_code="H99.01")
    assert (r.data["responses"], r.data["sipas"]) == (4, 65.0)
    assert [a["index"] for a in r.data["aspects"]] == [50.0, 75.0, 75.0, 75.0, 50.0]
    body, ctype = multipart({}, {"file": ("phieu.csv", b"Ngay,Q1\n01/04/2026,9\n")})
    r = api(par.appraiser).call("POST", f"/sipas/campaigns/{par.campaign.id}/import", data=body,
                                headers={"Content-Type": ctype})
    assert (r.status, [(e["row"], e["column"]) for e in r.data["details"]["errors"]]) == (422, [(2, "Q1")])
    assert SurveyResponse.objects.count() == 4


def test_public_link_over_http_is_rate_limited(api, par, settings):
    settings.CCHC_SIPAS_RATE_LIMIT = (2, 3600)
    today = date.today()
    par.campaign.starts_on, par.campaign.ends_on = today, today
    par.campaign.save()
    url = f"/sipas/public/{par.campaign.token}/responses"
    assert [api().post(url, {"answers": {"Q1": 5}}).status for _ in range(3)] == [201, 201, 429]
    r = api().post(url, {"answers": {"Q1": 5}})
    assert r.code == "qua_nhieu_yeu_cau"
    assert api().post("/sipas/public/khong-co/responses", {"answers": {"Q1": 5}}).status == 404
