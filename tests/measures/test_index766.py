"""Index 766 on the July 2025 fixture (tests/measures/conftest.py): every number worked out by hand.

Populations in July (period 01/07–31/07), by the organisation each dossier belongs to:
- Commune (birth 1.001193 and the legacy 1.000999): in play A B C D E F G I L = 9 (H finished in
  June, J never received); late C (finished after due), E (open, past due), G (two supplement
  requests) = 3; received in July A B D E F G I L = 8 (C was received in June); online and, when
  returned, returned electronically: B = 1 (L was returned at the desk); fee-bearing received: 8;
  paid online: B = 1; with a result in July: A B C L = 4 (I finished on 1 August), electronic: B = 1;
  components of July receipts: A 2 + B 2 + E 1 + I 1 = 6 provided, digitised 1+2+1+1 = 5, reused
  0+1+1+0 = 2; ratings in July: A, B satisfied, C not (a complaint) → 5.3 numerator 9 − 3 − 1 = 5.
  Procedures in force: birth (complete, fully online) and 1.000999 (method missing, offline).
- Justice (2.000488, received at the centre): K only — on time, desk, fee not paid online,
  electronic result, components 2/2/1. Procedures: 2.000488 (complete, fully online, no online dossier).
- Province = both, plus nothing at the centre itself (its only dossier belongs to Justice).

Scores: max × min(1, ratio / full_at); full_at 0.5 for 3.3, 0.8 for 4.2 and 6.3, 0.9 for 5.3.
"""
from __future__ import annotations

import pytest

from cchc.measures import selectors
from cchc.measures.registry import Period, Scope

JULY = Period.month(2025, 7)
NOT = None  # not measured: no numerator, no denominator, no score

# code: (numerator, denominator, score) per scope — worked out by hand from the table above
EXPECTED = {
    #        commune                          justice            province
    "1.1": (NOT,                              NOT,               NOT),
    "1.2": (NOT,                              NOT,               NOT),
    "1.3": ((1, 2, 1.0),                      (1, 1, 2.0),       (2, 3, 2 * 2 / 3)),       # 2 × ratio
    "1.4": (NOT,                              NOT,               NOT),
    "2.1": ((6, 9, 20 * 6 / 9),               (1, 1, 20.0),      (7, 10, 14.0)),           # 20 × on-time share
    "3.1": ((1, 2, 2.0),                      (1, 1, 4.0),       (2, 3, 4 * 2 / 3)),
    "3.2": ((1, 1, 4.0),                      (0, 1, 0.0),       (1, 2, 2.0)),             # online procs with online dossiers
    "3.3": ((1, 8, 4 * 0.125 / 0.5),          (0, 1, 0.0),       (1, 9, 4 * (1 / 9) / 0.5)),  # = 1.0, 0, 0.8889
    "4.1": ((1, 1, 5.0),                      (0, 1, 0.0),       (1, 2, 2.5)),             # procs with fee dossiers paid online
    "4.2": ((1, 8, 5 * 0.125 / 0.8),          (0, 1, 0.0),       (1, 9, 5 * (1 / 9) / 0.8)),  # 0.78125, 0, 0.6944
    "5.1": (NOT,                              NOT,               NOT),
    "5.2": (NOT,                              NOT,               NOT),
    "5.3": ((5, 9, 6 * (5 / 9) / 0.9),        (1, 1, 6.0),       (6, 10, 4.0)),            # 3.7037, 6, 6×0.6/0.9
    "6.1": ((1, 4, 1.5),                      (1, 1, 6.0),       (2, 5, 2.4)),
    "6.2": ((5, 6, 5.0),                      (2, 2, 6.0),       (7, 8, 5.25)),
    "6.3": ((2, 6, 6 * (2 / 6) / 0.8),        (1, 2, 3.75),      (3, 8, 6 * 0.375 / 0.8)),   # 2.5, 3.75, 2.8125
    "6.4": (NOT,                              NOT,               NOT),
    "6.5": (NOT,                              NOT,               NOT),
}
# total of the measured points and the maximum of what was measured (32 points not measured:
# 1.1 6 + 1.2 4 + 1.4 6 + 5.1 6 + 5.2 6 + 6.4 2 + 6.5 2)
TOTALS = {
    "commune": (1.0 + 20 * 6 / 9 + 2.0 + 4.0 + 1.0 + 5.0 + 0.78125 + 6 * (5 / 9) / 0.9 + 1.5 + 5.0 + 2.5, 68),
    "justice": (2.0 + 20.0 + 4.0 + 0 + 0 + 5 * 0 + 0 + 6.0 + 6.0 + 6.0 + 3.75, 68),
}


def _scopes(w):
    return {"commune": Scope(org_id=w.commune.id), "justice": Scope(org_id=w.justice.id), "province": Scope()}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_metric_per_scope(july, code):
    for col, (name, scope) in enumerate(_scopes(july.world).items()):
        m = selectors.index(scope, JULY).metric(code)
        want = EXPECTED[code][col]
        if want is NOT:
            assert (m.measured, m.numerator, m.denominator, m.score) == (False, None, None, None), (code, name)
            assert m.note, "a metric not measured says why"
        else:
            assert m.measured, (code, name)
            assert (m.numerator, m.denominator) == want[:2], (code, name)
            assert m.score == pytest.approx(want[2], abs=1e-3), (code, name)


def test_totals_count_only_what_was_measured(july):
    w = july.world
    for name, scope in [("commune", Scope(org_id=w.commune.id)), ("justice", Scope(org_id=w.justice.id))]:
        r = selectors.index(scope, JULY)
        assert r.total == pytest.approx(TOTALS[name][0], abs=1e-3)
        assert r.measured_max == TOTALS[name][1]
        assert [g.max for g in r.groups] == [18, 20, 12, 10, 18, 22]


def test_the_table_computes_every_organisation_in_one_pass(july, django_assert_max_num_queries):
    w = july.world
    with django_assert_max_num_queries(8):  # version, catalogue, dossiers, components, ratings, organisations
        table = selectors.index_table(JULY)
    by_org = {(o.code if o else None): r for o, r in table}
    assert by_org[None].metric("2.1").numerator == 7
    assert by_org[w.commune.code].metric("2.1").denominator == 9
    assert by_org[w.justice.code].metric("6.2").numerator == 2
    # the centre receives K but is not competent for it: nothing counted there
    assert by_org[w.centre.code].metric("2.1").denominator == 0
    # the province organisation with its sub-organisations is the province
    assert selectors.index(Scope(org_id=w.province.id), JULY).metrics == by_org[None].metrics


def test_field_and_procedure_scopes(july):
    r = selectors.index(Scope(procedure_code="2.000488"), JULY)
    assert (r.metric("2.1").numerator, r.metric("2.1").denominator) == (1, 1)
    r = selectors.index(Scope(field="Hộ tịch"), JULY)  # every procedure of the fixture is in this field
    assert (r.metric("2.1").numerator, r.metric("2.1").denominator) == (7, 10)
    r = selectors.index(Scope(field="Đất đai"), JULY)
    assert r.metric("2.1").denominator == 0


# ---------------------------------------------------------------- a period with no dossiers

# March 2025: no dossier at all. Empty denominators follow the data (DOMAIN §3): 5.3 earns 0
# ("0 if no dossiers"); every other measured dossier metric earns its maximum (if_empty "full",
# to be confirmed by the Department of Home Affairs). Procedures are still in force.
EMPTY = {"2.1": 20.0, "3.3": 4.0, "4.1": 5.0, "4.2": 5.0, "5.3": 0.0, "6.1": 6.0, "6.2": 6.0, "6.3": 6.0}


@pytest.mark.parametrize("code,points", sorted(EMPTY.items()))
def test_period_without_dossiers_follows_the_empty_rules(july, code, points):
    m = selectors.index(Scope(org_id=july.world.commune.id), Period.month(2025, 3)).metric(code)
    assert (m.numerator, m.denominator, m.ratio, m.score, m.measured) == (0, 0, None, points, True)
    assert m.note == "Không phát sinh trong kỳ."


def test_the_previous_month_sees_june(july):
    # June: C (received 25/06, still open on 30/06, due 02/07) on time; H finished 05/06 on time.
    m = selectors.index(Scope(org_id=july.world.commune.id), Period.month(2025, 6)).metric("2.1")
    assert (m.numerator, m.denominator) == (2, 2)
