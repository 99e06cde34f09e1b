"""Named measurements and their drill-down on the July fixture (numbers from tests/measures/conftest.py)."""
from __future__ import annotations

import pytest

from cchc.core.errors import NotFound, ValidationFailed
from cchc.measures import registry
from cchc.measures.registry import Period, Scope, dossiers_behind, measure

JULY = Period.month(2025, 7)

# name: (numerator, denominator, value, dossiers behind the numerator, behind the denominator) — commune, July
EXPECTED = {
    "on_time_rate":              (6, 9, 100 * 6 / 9, "ABDFIL", "ABCDEFGIL"),
    "late_count":                (3, 9, 3.0, "CEG", "ABCDEFGIL"),
    "apology_coverage":          (1, 3, 100 / 3, "C", "CEG"),
    "online_submission_share":   (1, 8, 12.5, "B", "ABDEFGIL"),
    "online_payment_share":      (1, 8, 12.5, "B", "ABDEFGIL"),
    "digitised_component_share": (5, 6, 100 * 5 / 6, "ABEI", "ABEI"),   # dossiers holding the components
    "electronic_result_share":   (1, 4, 25.0, "B", "ABCL"),
    "reuse_share":               (2, 6, 100 * 2 / 6, "BE", "ABEI"),
    "satisfaction_share":        (2, 3, 100 * 2 / 3, "AB", "ABC"),
    "procedures_fully_online":   (1, 2, 50.0, None, None),               # birth yes, 1.000999 no
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_measurement_and_its_dossiers(july, name):
    num, den, value, behind_num, behind_den = EXPECTED[name]
    scope = Scope(org_id=july.world.commune.id)
    m = measure(name, scope=scope, period=JULY)
    assert (m.name, m.numerator, m.denominator, m.measurable) == (name, num, den, True)
    assert m.value == pytest.approx(value)
    if behind_num is None:
        with pytest.raises(NotFound):
            dossiers_behind(name, scope=scope, period=JULY, part="numerator")
        return
    for part, letters in (("numerator", behind_num), ("denominator", behind_den)):
        codes = list(dossiers_behind(name, scope=scope, period=JULY, part=part).values_list("code", flat=True))
        assert codes == sorted(getattr(july, x).code for x in letters), (name, part)


def test_feedback_with_none_received_has_no_value_rather_than_zero(july):
    m = measure("feedback_on_time", scope=Scope(), period=JULY)  # no feedback in the fixture
    assert (m.measurable, m.numerator, m.denominator, m.value) == (True, 0, 0, None)


def test_every_required_measurement_is_registered():
    assert {i.name for i in registry.names()} >= set(EXPECTED) | {"feedback_on_time"}
    with pytest.raises(NotFound) as e:
        measure("khong_co", scope=Scope(), period=JULY)
    assert e.value.code == "phep_do_khong_ton_tai"


def test_empty_period_has_no_value_not_a_division_error(july):
    m = measure("on_time_rate", scope=Scope(org_id=july.world.justice.id), period=Period.month(2025, 3))
    assert (m.numerator, m.denominator, m.value) == (0, 0, None)


def test_unknown_part_is_refused(july):
    with pytest.raises(ValidationFailed):
        dossiers_behind("on_time_rate", scope=Scope(), period=JULY, part="khac")


def test_quarter_and_year_include_july(july):
    for period in (Period.quarter(2025, 3), Period.year(2025)):
        m = measure("on_time_rate", scope=Scope(org_id=july.world.justice.id), period=period)
        assert (m.numerator, m.denominator) == (1, 1)
