"""Measurement API over real HTTP, the /chi-so/ page, the XLSX export and daily snapshots."""
from __future__ import annotations

from io import BytesIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from tests.api.live_api import client_for
from tests.measures.conftest import ALL_VERY

from cchc.measures.models import Snapshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
JULY = {"start": "2025-07-01", "end": "2025-07-31"}


@pytest.fixture
def api(live_server):
    return lambda user=None: client_for(live_server.url + "/api/v1", user)


def test_index_measurements_and_drill_down_over_http(api, july):
    w, anon = july.world, api()
    r = anon.get("/index766", org=w.commune.code, **JULY)
    assert r.status == 200, r
    m = {x["code"]: x for x in r.data["metrics"]}
    assert (m["2.1"]["numerator"], m["2.1"]["denominator"]) == (6, 9)
    assert m["1.4"]["measured"] is False and m["1.4"]["score"] is None  # not measured, not 0
    assert r.data["measured_max"] == 68

    r = anon.get("/measures/on_time_rate", org=w.commune.code, **JULY)
    assert (r.status, r.data["numerator"], r.data["denominator"]) == (200, 6, 9)

    assert anon.get("/index766/2.1/dossiers", org=w.commune.code, **JULY).status == 401
    assert api(w.citizen).get("/index766/2.1/dossiers", org=w.commune.code, **JULY).status == 403
    r = api(w.leader).get("/index766/2.1/dossiers", org=w.commune.code, part="late", **JULY)
    assert r.status == 200, r
    assert (r.data["count"], r.data["codes"]) == (3, sorted([july.C.code, july.E.code, july.G.code]))
    r = api(w.leader).get("/measures/on_time_rate/dossiers", org=w.commune.code, part="numerator", page_size=4,
                          page=2, **JULY)
    assert (r.data["count"], len(r.data["codes"])) == (6, 2)
    r = api(w.leader).get("/index766/1.4/dossiers", **JULY)
    assert (r.status, r.code) == (404, "khong_co_ho_so_chi_tiet")

    r = anon.get("/index766/table", **JULY)
    assert r.status == 200 and r.data[0]["org"] is None and r.data[0]["metrics"][4]["denominator"] == 10

    r = anon.get("/index766", start="2025-07-31", end="2025-07-01")
    assert (r.status, r.code) == (422, "ky_khong_hop_le")
    r = anon.get("/index766", org="KHONG-CO", **JULY)
    assert (r.status, r.code) == (404, "don_vi_khong_ton_tai")


def test_rating_over_http(api, july):
    w = july.world
    path = f"/dossiers/{july.L.code}/rating"
    r = api(w.citizen).post(path, {"answers": ALL_VERY, "channel": "portal"})
    assert r.status == 201, r
    assert (r.data["self_points"], r.data["band"], r.data["satisfied"]) == (18, "rat_hai_long", True)
    r = api(w.citizen).post(path, {"answers": ALL_VERY, "channel": "portal"})
    assert (r.status, r.code) == (409, "ho_so_da_danh_gia")
    r = api(w.desk).post(f"/dossiers/{july.D.code}/rating", {"answers": ALL_VERY, "channel": "kiosk"})
    assert (r.status, r.code) == (409, "ho_so_chua_tra_ket_qua")
    r = api().post(path, {"answers": ALL_VERY})
    assert r.status == 401
    r = api(w.citizen).get("/satisfaction", by="procedure", **JULY)
    assert [(x["key"], x["rated"], x["satisfied"]) for x in r.data] == [("1.001193", 3, 2)]  # L rated in August


def test_page_export_and_snapshots(client, july, clock):
    w = july.world
    r = client.get("/chi-so/", {"nam": 2025, "ky": "T7"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Toàn tỉnh" in html and "chưa đo" in html and w.justice.name in html and "01/07/2025" in html
    assert "chi_tieu=2.1&phan=numerator&don_vi=H99.01.01" in html

    r = client.get("/chi-so/ho-so/", {"chi_tieu": "2.1", "phan": "late", "don_vi": w.commune.code, "nam": 2025,
                                      "ky": "T7"})
    assert r.status_code == 302  # officials only: log in first
    client.force_login(w.leader)
    r = client.get("/chi-so/ho-so/", {"chi_tieu": "2.1", "phan": "late", "don_vi": w.commune.code, "nam": 2025,
                                      "ky": "T7"})
    assert r.status_code == 200 and july.E.code in r.content.decode() and july.A.code not in r.content.decode()

    r = client.get("/chi-so/xuat.xlsx", {"nam": 2025, "ky": "T7"})
    wb = load_workbook(BytesIO(b"".join(r.streaming_content) if r.streaming else r.content))
    rows = list(wb["Chỉ tiêu"].iter_rows(values_only=True))
    commune_21 = next(x for x in rows if x[0] == w.commune.code and x[2] == "2.1")
    assert commune_21[4:9] == (6, 9, 66.67, 13.33, 20)
    commune_14 = next(x for x in rows if x[0] == w.commune.code and x[2] == "1.4")
    assert commune_14[4:8] == (None, None, None, None)  # blank, never 0

    call_command("snapshot_measures", "--date", "31/07/2025")
    n = Snapshot.objects.count()
    call_command("snapshot_measures", "--date", "31/07/2025")  # idempotent per day
    assert Snapshot.objects.count() == n
    s = Snapshot.objects.get(day="2025-07-31", org=w.justice, metric="2.1")
    assert (s.numerator, s.denominator, s.score) == (1, 1, 20.0)  # year to date = K only
    province = Snapshot.objects.get(day="2025-07-31", org=None, metric="2.1")
    # 1 Jan–31 Jul: everything of July plus H (June, on time) = 8 on time of 11
    assert (province.numerator, province.denominator) == (8, 11)
    r = client.get("/api/v1/index766/trend", {"metric": "2.1", "org": w.justice.code})
    assert [(x["day"], x["numerator"]) for x in r.json()] == [("2025-07-31", 1)]
