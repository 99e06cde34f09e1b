"""The server-rendered pages: self-assessment, appraisal, ranking, evidence download."""
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.appraisal.par_fixture import FINANCE_SELF, JUSTICE_SELF, entries

from cchc.appraisal import services
from cchc.appraisal.models import Evidence, Score

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def client(user=None):
    c = Client()
    if user:
        c.force_login(user)
    return c


def test_self_assessment_page_scores_uploads_and_submits(par, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = f"/danh-gia/chi-so/{par.tree_id}/H99.01/tu-danh-gia/"
    c = client(par.reform_justice)
    page = c.get(url).content.decode()
    assert "Tự đánh giá Chỉ số CCHC năm 2026" in page and 'name="score_3.1.1"' in page
    assert 'name="score_7.1"' not in page  # survey points are Home Affairs'
    form = {f"score_{k}": v for k, v in JUSTICE_SELF.items()} | {"comment_1.1": "Kế hoạch số 12/KH", "action": "save"}
    r = c.post(url, {**form, "evidence_1.1": SimpleUploadedFile("ke-hoach.pdf", PDF)})
    assert r.status_code == 302
    assert Score.objects.get(criterion__code="1.1").self_comment == "Kế hoạch số 12/KH"
    ev = Evidence.objects.get()
    assert b"".join(client(par.appraiser).get(f"/danh-gia/minh-chung/{ev.id}/").streaming_content) == PDF
    assert client(par.reform_finance).get(f"/danh-gia/minh-chung/{ev.id}/").status_code == 403
    too_much = c.post(url, {**form, "score_1.1": "11"})
    assert too_much.status_code == 422 and "vượt điểm tối đa 10.00" in too_much.content.decode()
    c.post(url, {**form, "action": "submit"})
    assert "Đã gửi tự đánh giá" in c.get(url).content.decode()


def test_a_reform_officer_cannot_open_another_organisations_form(par):
    r = client(par.reform_finance).post(f"/danh-gia/chi-so/{par.tree_id}/H99.01/tu-danh-gia/", {"score_1.1": "5"})
    assert r.status_code == 403 and "chỉ được chấm điểm cho đơn vị của mình" in r.content.decode()
    assert not Score.objects.exists()
    assert client(par.appraiser).get(f"/danh-gia/chi-so/{par.tree_id}/H99.01/tu-danh-gia/").status_code == 403
    assert client().get(f"/danh-gia/chi-so/{par.tree_id}/H99.01/tu-danh-gia/").status_code == 302  # login


def test_appraisal_page_and_published_ranking(par):
    services.save_self_scores(actor=par.reform_finance, tree_id=par.tree_id, org_id=par.finance.id,
                              entries=entries(FINANCE_SELF))
    services.submit_self_assessment(actor=par.reform_finance, tree_id=par.tree_id, org_id=par.finance.id)
    url = f"/danh-gia/chi-so/{par.tree_id}/H99.02/tham-dinh/"
    assert client(par.reform_finance).get(url).status_code == 403
    c = client(par.appraiser)
    assert "Thẩm định Chỉ số CCHC năm 2026" in c.get(url).content.decode()
    r = c.post(url, {"score_1.1": "12", "reason_1.1": "x", "action": "save"})
    assert r.status_code == 422 and "vượt điểm tối đa" in r.content.decode()
    r = c.post(url, {"score_1.1": "8", "reason_1.1": "", "action": "save"})
    assert r.status_code == 422 and "cần ghi lý do" in r.content.decode()
    done = c.post(url, {"score_1.1": "8", "reason_1.1": "Thiếu minh chứng", "survey_7.1": "7", "survey_7.2": "7",
                 "survey_7.3": "6.75", "action": "finish"})
    assert done.status_code == 302, done.content.decode()[-800:]
    ranking = f"/danh-gia/xep-hang/{par.tree_id}/"
    assert "Sở Tài chính" not in client().get(ranking).content.decode()  # not public before publication
    preview = c.get(ranking).content.decode()
    assert "<strong>78,75</strong>" in preview  # 60 − 2 + 20.75, Vietnamese decimal comma; appraiser preview
    c.post(ranking)
    page = client().get(ranking).content.decode()
    assert "Sở Tài chính" in page and "<strong>78,75</strong>" in page and "Công bố ngày" in page
    assert "Xếp hạng đã công bố" in client().get("/danh-gia/").content.decode()
