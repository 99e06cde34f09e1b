"""The two hot paths of the one-stop desk — intake and the officer list — keep their shortcuts honest:
the creator's answer (built from memory) equals what a later read returns, the list reads a fixed
number of statements however many rows it shows, and a remembered token stops working as soon as
it is revoked here (docs/benchmarks.md explains why these shortcuts exist)."""
from __future__ import annotations

import pytest
from django.test import Client

from cchc.api.models import ApiToken

pytestmark = pytest.mark.django_db


def _intake(world, n: int = 0) -> dict:
    return {"procedure_code": "1.001193", "org_code": world.commune.code, "channel": 1,
            "applicant": {"name": f"Trần Văn Bình {n}", "id_number": "079123456789", "phone": "0905123456"},
            "components": [{"component_id": c.id} for c in world.birth.components.all()] + [
                {"name": "Giấy xác nhận của trường", "provided": False}]}


def _client(user) -> Client:
    _, raw = ApiToken.issue(user, "kiểm thử")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_creators_answer_is_what_a_later_read_returns(world, clock):
    clock.set(2025, 7, 2, 9, 0)
    desk = _client(world.desk)
    created = desk.post("/api/v1/dossiers", _intake(world), content_type="application/json")
    assert created.status_code == 201, created.content
    again = desk.get(f"/api/v1/dossiers/{created.json()['code']}")
    assert again.status_code == 200
    first, later = created.json(), again.json()
    key = lambda c: c["name"]  # noqa: E731 — components have no order of their own
    assert sorted(first.pop("components"), key=key) == sorted(later.pop("components"), key=key)
    assert len(first["timeline"]) == 1 and first["timeline"][0]["action"] == "receive_at_desk"
    assert first["timeline"] == later["timeline"]
    assert first == later


def test_the_officer_list_reads_a_fixed_number_of_statements(world, clock, django_assert_max_num_queries):
    clock.set(2025, 7, 2, 9, 0)
    desk = _client(world.desk)
    for n in range(3):
        assert desk.post("/api/v1/dossiers", _intake(world, n), content_type="application/json").status_code == 201
    desk.get("/api/v1/dossiers")  # warm the token and organisation caches
    with django_assert_max_num_queries(2):  # the page and its count
        assert len(desk.get("/api/v1/dossiers?page_size=50").json()["items"]) == 3
    for n in range(3, 25):
        desk.post("/api/v1/dossiers", _intake(world, n), content_type="application/json")
    with django_assert_max_num_queries(2):
        page = desk.get("/api/v1/dossiers?page_size=50").json()
    assert len(page["items"]) == 25
    assert {r["procedure_name"] for r in page["items"]} == {"Đăng ký khai sinh"}


def test_a_revoked_token_is_refused_at_once_although_it_was_remembered(world, clock):
    row, raw = ApiToken.issue(world.desk, "tích hợp")
    c = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert c.get("/api/v1/dossiers").status_code == 200  # now remembered by this process
    row.revoked = True
    row.save()
    r = c.get("/api/v1/dossiers")
    assert r.status_code == 401 and r.json()["code"]


def test_a_deactivated_official_is_refused_at_once(world, clock):
    c = _client(world.desk)
    assert c.get("/api/v1/dossiers").status_code == 200
    world.desk.is_active = False
    world.desk.save()
    assert c.get("/api/v1/dossiers").status_code == 401
