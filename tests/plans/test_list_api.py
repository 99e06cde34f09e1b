"""The list endpoints of reports and inspections over real HTTP: who sees what, filters by year,
organisation and status, paging, and errors with a stable code."""
from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import make_org, make_user

from cchc.org.models import OrgKind, Role
from cchc.plans import inspections as rules
from cchc.plans.models import Finding, Inspection, InspectionPlan, PeriodicReport, Recommendation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BOUNDS = {("year", 0): (date(2024, 1, 1), date(2024, 12, 31)), ("quarter", 1): (date(2025, 1, 1), date(2025, 3, 31)),
          ("half", 1): (date(2025, 1, 1), date(2025, 6, 30))}


def _report(org, kind, year, part, status="draft"):
    start, end = BOUNDS[(kind, part)]
    return PeriodicReport.objects.create(org=org, kind=kind, year=year, part=part, period_start=start,
                                         period_end=end, status=status)


@pytest.fixture
def reports(world):
    w = world
    w.old = make_org("H99.90", "Sở Thông tin và Truyền thông", OrgKind.AGENCY, w.province, successor=w.justice,
                     succeeded_on=date(2025, 3, 1))
    w.rows = {
        "stp_2024": _report(w.justice, "year", 2024, 0, "submitted"),
        "stp_q1": _report(w.justice, "quarter", 2025, 1),
        "stc_2024": _report(w.finance, "year", 2024, 0, "returned"),
        "xa_h1": _report(w.commune, "half", 2025, 1),
        "old_2024": _report(w.old, "year", 2024, 0, "submitted"),  # merged into Sở Tư pháp since
    }
    w.stp_reform = make_user("cchc_stp", w.justice, Role.REFORM)
    w.province_reform = make_user("cchc_tinh", w.province, Role.REFORM)
    return w


def _ids(w, r):
    names = {v.id: k for k, v in w.rows.items()}
    return [names[i["id"]] for i in r.data["items"]]


def test_report_list_shows_what_the_caller_may_open(api, reports):
    w = reports
    # sorted by year (newest first), then period end (latest first), then organisation code
    r = api(w.province_reform).get("/reports")
    assert r.status == 200 and r.data["count"] == 5
    assert _ids(w, r) == ["xa_h1", "stp_q1", "stp_2024", "stc_2024", "old_2024"]
    # an agency's reform officer: its own reports and those of the agency merged into it
    r = api(w.stp_reform).get("/reports")
    assert sorted(_ids(w, r)) == ["old_2024", "stp_2024", "stp_q1"]
    assert r.data["items"][0]["org_code"] == "H99.01" and r.data["items"][0]["status_label"] == "Đang soạn"
    # a specialist does not report: nothing, not an error
    r = api(w.justice_specialist).get("/reports")
    assert (r.status, r.data["count"], r.data["items"]) == (200, 0, [])


FILTERS = [  # query → reports, as seen by the province's reform officer
    ({"year": 2024}, ["stp_2024", "stc_2024", "old_2024"]),
    ({"year": 2025, "org": "H99.01"}, ["stp_q1"]),
    ({"org": "H99.01"}, ["stp_q1", "stp_2024"]),
    ({"status": "submitted"}, ["stp_2024", "old_2024"]),
    ({"status": "returned", "year": 2024}, ["stc_2024"]),
    ({"kind": "half"}, ["xa_h1"]),
    ({"status": "draft", "year": 2023}, []),
    ({"page_size": 2, "page": 2}, ["stp_2024", "stc_2024"]),
    ({"page_size": 2, "page": 3}, ["old_2024"]),
    ({"page_size": 2, "page": 4}, []),
]


def test_report_list_filters_and_pages(api, reports):
    c = api(reports.province_reform)  # one live-server test for the whole table: the machine is small
    for query, want in FILTERS:
        r = c.get("/reports", **query)
        assert r.status == 200 and _ids(reports, r) == want, query
        assert r.data["page"] == query.get("page", 1) and r.data["page_size"] == query.get("page_size", 20)
        assert r.data["count"] == (5 if "page" in query else len(want)), query


BAD = [  # query → status, code
    ({"status": "sent"}, 422, "du_lieu_khong_hop_le"),
    ({"kind": "month"}, 422, "du_lieu_khong_hop_le"),
    ({"year": "năm nay"}, 422, "du_lieu_khong_hop_le"),
    ({"year": 1999}, 422, "du_lieu_khong_hop_le"),
    ({"page": 0}, 422, "du_lieu_khong_hop_le"),
    ({"page_size": 101}, 422, "du_lieu_khong_hop_le"),
    ({"org": "H00.99"}, 404, "don_vi_khong_ton_tai"),
]


def test_bad_list_queries(api, reports):
    c = api(reports.province_reform)
    for path in ("/reports", "/inspections"):
        for query, status, code in BAD:
            if path == "/inspections" and "kind" in query:
                query = {"status": "late"}  # inspections have no kind; an unknown status instead
            r = c.get(path, **query)
            assert (r.status, r.code) == (status, code), (path, query, r.data)
            assert r.data["message"]  # Vietnamese text for the user


def test_lists_need_a_caller(api, reports):
    for path in ("/reports", "/inspections"):
        r = api().get(path)
        assert (r.status, r.code) == (401, "chua_xac_thuc")


@pytest.fixture
def inspections(world, clock):
    """Today 01/06/2025. Plan 2025 of Sở Nội vụ: Sở Tư pháp inspected on 02/04 (1 finding, 2
    recommendations of which 1 fixed); Sở Tài chính planned until 03/05 (overdue); the centre
    planned until today 01/06 (still planned: overdue only from 02/06); Xã Phong Điền planned until
    10/12 (planned); Phường Thuận Hóa cancelled. Plan 2024: Sở Tư pháp, done."""
    clock.set(2025, 6, 1, 9, 0)
    w = world
    w.home = make_org("H99.03", "Sở Nội vụ", OrgKind.AGENCY, w.province)
    p25 = InspectionPlan.objects.create(issuer=w.home, year=2025, title="KH kiểm tra 2025")
    p24 = InspectionPlan.objects.create(issuer=w.home, year=2024, title="KH kiểm tra 2024")
    w.by = {}
    w.by["stp"] = Inspection.objects.create(plan=p25, org=w.justice, planned_from=date(2025, 4, 1),
                                            planned_to=date(2025, 4, 3), done_on=date(2025, 4, 2), conclusion="Đạt")
    w.by["stc"] = Inspection.objects.create(plan=p25, org=w.finance, planned_from=date(2025, 5, 2),
                                            planned_to=date(2025, 5, 3))
    w.by["tt"] = Inspection.objects.create(plan=p25, org=w.centre, planned_from=date(2025, 5, 30),
                                           planned_to=date(2025, 6, 1))
    w.by["xa"] = Inspection.objects.create(plan=p25, org=w.commune, planned_from=date(2025, 12, 9),
                                           planned_to=date(2025, 12, 10))
    w.by["phuong"] = Inspection.objects.create(plan=p25, org=w.other_commune, planned_from=date(2025, 3, 1),
                                               planned_to=date(2025, 3, 2), cancelled_reason="Sáp nhập đơn vị")
    w.by["stp24"] = Inspection.objects.create(plan=p24, org=w.justice, planned_from=date(2024, 10, 1),
                                              planned_to=date(2024, 10, 2), done_on=date(2024, 10, 1),
                                              conclusion="Đạt")
    f = Finding.objects.create(inspection=w.by["stp"], text="3 thủ tục chưa niêm yết")
    Recommendation.objects.create(inspection=w.by["stp"], finding=f, text="Niêm yết", responsible=w.justice,
                                  due_on=date(2025, 4, 30), done_on=date(2025, 4, 20), result="Đã niêm yết")
    Recommendation.objects.create(inspection=w.by["stp"], text="Cập nhật quy trình", responsible=w.justice,
                                  due_on=date(2025, 5, 15))
    return w


INSPECTION_FILTERS = [  # query → inspections (by year newest first, then planned start)
    ({}, ["phuong", "stp", "stc", "tt", "xa", "stp24"]),
    ({"year": 2024}, ["stp24"]),
    ({"org": "H99.01"}, ["stp", "stp24"]),
    ({"status": "done"}, ["stp", "stp24"]),
    ({"status": "overdue"}, ["stc"]),
    ({"status": "planned"}, ["tt", "xa"]),
    ({"status": "cancelled"}, ["phuong"]),
    ({"status": "done", "year": 2025, "org": "H99.01"}, ["stp"]),
    ({"page_size": 2, "page": 2}, ["stc", "tt"]),
]


def test_inspection_list_filters_and_pages(api, inspections):
    w = inspections
    c = api(w.justice_specialist)  # any official
    names = {v.id: k for k, v in w.by.items()}
    for query, want in INSPECTION_FILTERS:
        r = c.get("/inspections", **query)
        assert r.status == 200 and [names[i["id"]] for i in r.data["items"]] == want, query
        assert r.data["count"] == (6 if "page" in query else len(want)), query
        for item in r.data["items"]:  # the status filter and the shown status are the same rule
            i = Inspection.objects.get(pk=item["id"])
            assert item["status"] == rules.inspection_status(i, date(2025, 6, 1)), query


def test_inspection_row_counts_and_officials_only(api, inspections):
    w = inspections
    r = api(w.justice_leader).get("/inspections", year=2025, org="H99.01")
    row = r.data["items"][0]
    assert (row["findings"], row["recommendations"], row["recommendations_open"]) == (1, 2, 1)
    assert (row["status_label"], row["issuer"], row["done_on"]) == ("Đã kiểm tra", "Sở Nội vụ", "2025-04-02")
    r = api(w.citizen).get("/inspections")
    assert (r.status, r.code) == (403, "chi_danh_cho_can_bo")
