"""Satisfaction per dossier: who may rate, when, the points and the band (DOMAIN §4)."""
from __future__ import annotations

import pytest
from tests.measures.conftest import ALL_VERY, answers

from cchc.core.errors import Conflict, PermissionDenied, ValidationFailed
from cchc.dossiers.models import AuditRecord
from cchc.measures import selectors, services
from cchc.measures.models import Rating
from cchc.measures.registry import Period

JULY = Period.month(2025, 7)

# answers → (self points, appraised points if late, band): 2 / 1 / 0 points a criterion; bands ≥14, ≥9, else
POINTS = [
    (dict(ALL_VERY), 18, 16, "rat_hai_long"),                       # late: the time criterion's 2 points go
    (answers("hai_long"), 9, 8, "hai_long"),
    (answers("hai_long", thoi_gian_tong="khong_hai_long"), 8, 8, "khong_hai_long"),
    (answers("rat_hai_long", thai_do_can_bo="hai_long", so_lan_lien_he="hai_long"), 16, 14, "rat_hai_long"),
    (answers("hai_long", so_lan_lien_he="rat_hai_long", thai_do_can_bo="rat_hai_long",
             cong_khai_thu_tuc="rat_hai_long", dich_vu_truc_tuyen="rat_hai_long", thoi_gian_tong="rat_hai_long"),
     14, 12, "rat_hai_long"),
]


@pytest.mark.parametrize("given,points,late_points,band", POINTS)
def test_points_and_band(july, given, points, late_points, band):
    from cchc.measures import formulas
    rules = selectors.index_version(JULY).rules["rating"]
    assert formulas.rating_points(rules, given) == points
    assert formulas.appraised_points(rules, given, late=True) == late_points
    assert formulas.appraised_points(rules, given, late=False) == points
    assert formulas.band(rules, points)["code"] == band


def test_fixture_ratings_are_stored_with_both_scores(july):
    c = Rating.objects.get(dossier=july.C)
    assert (c.self_points, c.appraised_points, c.band, c.satisfied, c.channel) == (2, 0, "khong_hai_long", False, "kiosk")
    assert c.rated_by == july.world.desk
    assert AuditRecord.objects.filter(dossier=july.C, action="rate").count() == 1
    b = Rating.objects.get(dossier=july.B)
    assert (b.self_points, b.appraised_points, b.band, b.channel) == (18, 18, "rat_hai_long", "portal")


def test_second_rating_is_refused(july, clock):
    with pytest.raises(Conflict) as e:
        services.rate(actor=july.world.citizen, dossier_id=july.B.id, answers=dict(ALL_VERY), channel="portal")
    assert e.value.code == "ho_so_da_danh_gia"
    assert Rating.objects.filter(dossier=july.B).count() == 1


@pytest.mark.parametrize("letter", ["D", "I", "F"])  # processing, processed not returned, paused
def test_dossier_not_returned_cannot_be_rated(july, letter):
    with pytest.raises(Conflict) as e:
        services.rate(actor=july.world.desk, dossier_id=getattr(july, letter).id, answers=dict(ALL_VERY),
                      channel="kiosk")
    assert e.value.code == "ho_so_chua_tra_ket_qua"
    assert not Rating.objects.filter(dossier=getattr(july, letter)).exists()


def test_only_the_applicant_or_the_receiving_desk_may_rate(july):
    w = july.world
    with pytest.raises(PermissionDenied):  # L is the citizen's dossier: another desk cannot enter it
        services.rate(actor=w.other_desk, dossier_id=july.L.id, answers=dict(ALL_VERY), channel="kiosk")
    with pytest.raises(PermissionDenied):  # an officer cannot rate on the portal for someone else
        services.rate(actor=w.desk, dossier_id=july.L.id, answers=dict(ALL_VERY), channel="portal")
    with pytest.raises(PermissionDenied):  # a desk dossier has no portal applicant
        services.rate(actor=w.citizen, dossier_id=july.H.id, answers=dict(ALL_VERY), channel="portal")
    r = services.rate(actor=w.citizen, dossier_id=july.L.id, answers=dict(ALL_VERY), channel="api")
    assert r.satisfied


@pytest.mark.parametrize("bad,problem", [
    ({k: v for k, v in ALL_VERY.items() if k != "thai_do_can_bo"}, {"thai_do_can_bo": "thiếu câu trả lời"}),
    ({**ALL_VERY, "thoi_tiet": "hai_long"}, {"thoi_tiet": "tiêu chí không tồn tại"}),
    ({**ALL_VERY, "thai_do_can_bo": "tuyet_voi"}, {"thai_do_can_bo": "mức “tuyet_voi” không hợp lệ"}),
])
def test_malformed_answers_are_refused_with_every_problem(july, bad, problem):
    with pytest.raises(ValidationFailed) as e:
        services.rate(actor=july.world.desk, dossier_id=july.H.id, answers=bad, channel="kiosk")
    assert e.value.details["errors"] == problem
    assert not Rating.objects.filter(dossier=july.H).exists()


def test_satisfaction_per_organisation_and_procedure(july):
    by_org = selectors.satisfaction(JULY, by="org")
    assert by_org == [{"key": july.world.commune.code, "rated": 3, "satisfied": 2, "share": 2 / 3,
                       "avg_self": (10 + 18 + 2) / 3, "avg_appraised": (10 + 18 + 0) / 3}]
    by_proc = selectors.satisfaction(JULY, by="procedure")
    assert [(r["key"], r["rated"], r["satisfied"]) for r in by_proc] == [("1.001193", 3, 2)]
