"""The public dashboard /chi-so/bang-dieu-khien/: figures worked out by hand from the July 2025
fixture (tests/measures/conftest.py) and from the PAR/SIPAS fixture (tests/appraisal/par_fixture.py),
rendered without login; the vendored ECharts is served by the platform itself.

Year 2025, judged at 31/12/2025 ("now" is 05/08/2025):
- in play: A B C D E F G H I K L = 11 (J never received); late: C (finished late), D (open, due
  04/08), E (open, due 28/07), G (two supplement requests) = 4; F is paused before its due date
  and I finished on time → on time 7/11 = 63.6 %. Commune 6/10 = 60.0 %, Justice (K) 1/1 = 100.0 %.
- ratings given in 2025: A, B satisfied, C not → 2/3 = 66.7 % (all at the commune; Justice: none → "—").
Months (province):
- June: in play H (finished 05/06) and C (open, due 02/07) → on time 2/2 = 100.0 %; no rating → "—";
  received in June H, C, none online → 0.0 % (0/2) (B was received on 01/07).
- July: as test_index766: on time 7/10 = 70.0 %; ratings A B C → 2/3 = 66.7 %; online 1/9 = 11.1 %.
- August: in play D E F G I; late D, E, G → on time 2/5 = 40.0 %; no rating, nothing received → "—".
- January–May: no dossier → "—"; September onwards: not yet (the page stops at the current month).
"""
from __future__ import annotations

import re

import pytest
from tests.appraisal.par_fixture import BUILDING_SELF, FINANCE_SELF, justice_answers, par  # noqa: F401
from tests.appraisal.test_par_scoring import appraise_justice, finish_with_entered_survey

from cchc.appraisal import services as appraisal_services

URL = "/chi-so/bang-dieu-khien/"


@pytest.fixture(autouse=True)
def no_cache(settings):
    settings.CCHC_DASHBOARD_CACHE_SECONDS = 0


def text(html: str) -> str:
    """The page as text, one space between cells, so rows can be matched."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def table(html: str, table_id: str) -> str:
    m = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S)
    assert m, table_id
    return text(m.group(0))


def test_dashboard_figures_for_the_july_fixture(client, july):
    w = july.world
    r = client.get(URL, {"nam": 2025})  # anonymous: the dashboard is public
    assert r.status_code == 200
    html = r.content.decode()
    page = text(html)
    assert "63,6%" in page and "7/11" in page  # province on time
    assert "66,7%" in page and "2/3" in page  # province satisfaction
    months = table(html, "bang-thang")
    assert "T5/2025 — — —" in months
    assert "T6/2025 100,0% (2/2) — 0,0% (0/2)" in months
    assert "T7/2025 70,0% (7/10) 66,7% (2/3) 11,1% (1/9)" in months
    assert "T8/2025 40,0% (2/5) — —" in months
    assert "T9/2025" not in months  # not yet
    rates = table(html, "bang-ty-le")
    assert f"{w.commune.name} 60,0% (6/10) 66,7% (2/3)" in rates
    assert f"{w.justice.name} 100,0% (1/1) —" in rates
    # the charts draw the same numbers, and the scripts are the platform's own files
    assert '"on_time": [null, null, null, null, null, 100.0, 70.0, 40.0]' in html
    assert '<script src="/static/measures/vendor/echarts.min.js" defer>' in html
    assert "cdn" not in html.lower()
    assert "Chưa có kết quả Chỉ số CCHC nào được công bố." in page
    assert "Chưa có phiếu khảo sát SIPAS nào trong năm." in page


def test_dashboard_shows_published_par_ranking_and_sipas(client, clock, justice_answers):  # noqa: F811
    """PAR 2026 (hand-worked in par_fixture.py): Tài chính 80.75 and Tư pháp 80.75 tie at rank 1,
    Xây dựng 70.00 is 3rd. SIPAS 2026: Tư pháp 65 % on 4 forms; Tài chính 1 form, all answers 1 → 0 %."""
    w = justice_answers
    clock.set(2026, 12, 1, 9, 0)
    appraise_justice(w)
    finish_with_entered_survey(w, w.reform_finance, w.finance, FINANCE_SELF, {"7.1": "7", "7.2": "7", "7.3": "6.75"})
    finish_with_entered_survey(w, w.reform_building, w.building, BUILDING_SELF,
                               {"7.1": "5", "7.2": "5.5", "7.3": "5.5"})
    before = text(client.get(URL, {"nam": 2026}).content.decode())
    assert "Chưa có kết quả Chỉ số CCHC nào được công bố." in before  # appraised, not yet published
    appraisal_services.publish_results(actor=w.appraiser, tree_id=w.tree_id)
    html = client.get(URL, {"nam": 2026}).content.decode()
    page = text(html)
    assert "1 Sở Tài chính 80,75 1 Sở Tư pháp 80,75 3 Sở Xây dựng 70,00" in page
    assert table(html, "bang-sipas").endswith("1 Sở Tư pháp 65,00% 4 2 Sở Tài chính 0,00% 1 ")


def test_vendored_echarts_and_page_script_are_served(client):
    r = client.get("/static/measures/vendor/echarts.min.js")
    assert r.status_code == 200
    body = b"".join(r.streaming_content) if r.streaming else r.content
    assert len(body) == 1034102 and b"Licensed to the Apache Software Foundation" in body[:400]
    assert client.get("/static/measures/dashboard.js").status_code == 200
    assert client.get("/static/measures/vendor/LICENSE").status_code == 200


def test_a_year_without_index_rules_says_so(client, db):
    r = client.get(URL, {"nam": 2019})  # the 2022 rules apply from 2022 on
    assert r.status_code == 200 and "Chưa có phiên bản Bộ chỉ số 766" in r.content.decode()


