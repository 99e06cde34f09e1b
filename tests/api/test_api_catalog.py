"""The published catalogue over real HTTP: public, paged, only versions in force."""
import pytest
from tests.conftest import make_procedure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_list_and_detail_of_published_procedures(api, world):
    make_procedure("1.000777", level="commune", amount=3, unit="working_days", publish=False,
                   steps=[("Xử lý", None, "specialist", 100)])
    public = api()
    r = public.get("/procedures")
    assert r.status == 200, r
    assert r.data["count"] == 2 and [p["code"] for p in r.data["items"]] == ["1.001193", "2.000488"]
    assert [p["code"] for p in public.get("/procedures", level="province").data["items"]] == ["2.000488"]
    assert [p["code"] for p in public.get("/procedures", q="khai sinh").data["items"]] == ["1.001193"]
    r = public.get("/procedures", page=2, page_size=1)
    assert (r.data["count"], r.data["page"], [p["code"] for p in r.data["items"]]) == (2, 2, ["2.000488"])

    d = public.get("/procedures/2.000488").data
    assert (d["name"], d["competent_org_code"], d["processing_amount"]) == ("Cấp phiếu lý lịch tư pháp", "H99.01", 10)
    assert [s["org_code"] for s in d["steps"]] == [None, "H99.01", "H99.02", "H99.01", None]
    assert [f["amount"] for f in d["fees"]] == [8000] and len(d["components"]) == 2

    r = public.get("/procedures", page_size=500)
    assert (r.status, r.code) == (422, "du_lieu_khong_hop_le")
    assert [e["field"] for e in r.data["details"]["errors"]] == ["page_size"]
