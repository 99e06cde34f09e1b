"""Retries and races over real HTTP: idempotent creation, and two actions on one dossier at once.

The requests really overlap: the live server answers each in its own thread with its own
database connection, and a barrier releases both client threads together.
"""
import threading
from datetime import date

import pytest
from tests.api.live_api import dossier_body

from cchc.catalog.models import ProcedureVersion
from cchc.dossiers.models import AuditRecord, Dossier, IdempotencyKey, Status

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at_once(*calls):
    """Run the calls in parallel threads, released together; their results in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    return results


def test_same_key_and_body_returns_the_same_dossier(api, world, clock):
    desk, key = api(world.desk), {"Idempotency-Key": "may-tiep-nhan-01:lan-1"}
    first = desk.call("POST", "/dossiers", dossier_body(), headers=key)
    again = desk.call("POST", "/dossiers", dossier_body(), headers=key)
    assert (first.status, again.status) == (201, 200), (first, again)
    assert again.data["code"] == first.data["code"] and Dossier.objects.count() == 1

    # the same key for another body is refused, and creates nothing
    r = desk.call("POST", "/dossiers", dossier_body(request="Nội dung khác"), headers=key)
    assert (r.status, r.code) == (409, "khoa_idempotency_da_dung"), r
    assert r.data["message"] and Dossier.objects.count() == 1

    # keys belong to the caller: another system's same key is a new request
    other = api(world.leader).call("POST", "/dossiers", dossier_body(), headers=key)
    assert (other.status, other.code) == (403, "khong_co_quyen")  # a leader cannot receive at the desk
    assert desk.call("POST", "/dossiers", dossier_body(), headers={"Idempotency-Key": "khac"}).status == 201
    assert Dossier.objects.count() == 2 and IdempotencyKey.objects.count() == 2


def test_a_retry_is_answered_even_when_the_procedure_was_retired_since(api, world, clock):
    desk, key = api(world.desk), {"Idempotency-Key": "lan-1"}
    first = desk.call("POST", "/dossiers", dossier_body(), headers=key)
    retired = ProcedureVersion.objects.get(pk=world.birth.pk)
    retired.valid_to = date(2025, 1, 1)
    retired.save(update_fields=["valid_to"])
    assert desk.call("POST", "/dossiers", dossier_body()).code == "thu_tuc_chua_cong_bo"
    again = desk.call("POST", "/dossiers", dossier_body(), headers=key)
    assert (again.status, again.data["code"]) == (200, first.data["code"]), again


def test_concurrent_creates_with_one_key_make_one_dossier(api, world, clock):
    desk, key = api(world.desk), {"Idempotency-Key": "mang-chap-chon"}
    results = at_once(*[lambda: desk.call("POST", "/dossiers", dossier_body(), headers=key)] * 2)
    assert sorted(r.status for r in results) == [200, 201], results
    assert results[0].data["code"] == results[1].data["code"]
    assert Dossier.objects.count() == 1 and IdempotencyKey.objects.count() == 1
    assert AuditRecord.objects.filter(action="receive_at_desk").count() == 1


@pytest.mark.parametrize("rounds", [3])
def test_finish_and_stop_at_the_same_moment(api, world, clock, rounds):
    w = world
    desk, leader_a, leader_b = api(w.desk), api(w.leader), api(w.leader)
    for _ in range(rounds):
        code = desk.post("/dossiers", dossier_body()).data["code"]
        assert desk.post(f"/dossiers/{code}/hand-over").status == 200  # status 4: both actions allowed
        finish, stop = at_once(lambda: leader_a.post(f"/dossiers/{code}/finish"),
                               lambda: leader_b.post(f"/dossiers/{code}/stop", {"reason": "Hồ sơ giả mạo"}))
        assert sorted([finish.status, stop.status]) == [200, 409], (finish, stop)
        loser = stop if finish.status == 200 else finish
        assert loser.code == "chuyen_trang_thai_khong_hop_le"
        d = Dossier.objects.get(code=code)
        assert d.status == (Status.DONE if finish.status == 200 else Status.STOPPED)
        ends = AuditRecord.objects.filter(dossier=d, action__in=["finish", "stop"]).values_list("action", flat=True)
        assert list(ends) == (["finish"] if finish.status == 200 else ["stop"])


def test_two_desks_receive_one_online_dossier_at_once(api, world, clock):
    code = api(world.citizen).post("/dossiers", dossier_body(channel=2)).data["code"]
    a, b = api(world.desk), api(world.desk)
    results = at_once(lambda: a.post(f"/dossiers/{code}/receive"), lambda: b.post(f"/dossiers/{code}/receive"))
    assert sorted(r.status for r in results) == [200, 409], results
    assert AuditRecord.objects.filter(dossier__code=code, action="receive").count() == 1
    assert Dossier.objects.get(code=code).status == Status.RECEIVED
