"""The pure index rules, table-driven with hand-worked expectations."""
from decimal import Decimal as D

import pytest

from cchc.appraisal.formulas import AspectIndex, competition_rank, parent_code, points, sipas, survey_points


@pytest.mark.parametrize("scores, expected", [
    ([("a", D(90)), ("b", D(85)), ("c", D(85)), ("d", D(80))], [("a", 1), ("b", 2), ("c", 2), ("d", 4)]),
    ([("a", D("70.5")), ("b", D("70.50")), ("c", D("70.5"))], [("a", 1), ("b", 1), ("c", 1)]),
    ([("x", D(10)), ("y", D(95)), ("z", D(95)), ("w", D(95)), ("v", D(94))],
     [("y", 1), ("z", 1), ("w", 1), ("v", 4), ("x", 5)]),
    ([("a", D("80.75")), ("b", D("80.74"))], [("a", 1), ("b", 2)]),
    ([], []),
])
def test_ties_are_ranked_equal_and_the_next_rank_skips(scores, expected):
    assert [(k, r) for k, _, r in competition_rank(scores)] == expected


@pytest.mark.parametrize("aspects, expected", [
    # hand-worked: (50 + 75 + 75 + 75 + 50) / 5 = 65 %
    ({"a": AspectIndex(2, 4), "b": AspectIndex(3, 4), "c": AspectIndex(3, 4), "d": AspectIndex(3, 4),
      "e": AspectIndex(1, 2)}, D("0.65")),
    # an aspect nobody answered is no data, not 0 %: mean of 100 % and 50 %
    ({"a": AspectIndex(1, 1), "b": AspectIndex(1, 2), "c": AspectIndex(0, 0)}, D("0.75")),
    ({"a": AspectIndex(0, 3)}, D(0)),
    ({"a": AspectIndex(0, 0)}, None),
])
def test_sipas_is_the_mean_of_aspects_with_answers(aspects, expected):
    assert sipas(aspects) == expected


@pytest.mark.parametrize("share, max_points, expected", [
    (D("0.65"), D(10), D("6.50")),
    (D(2) / D(3), D(10), D("6.67")),        # 6.666… rounds to 6.67
    (D(1) / D(3), D(10), D("3.33")),
    (D("0.125"), D(1), D("0.13")),          # half rounds up
    (D(1), D(30), D("30.00")),
    (None, D(10), None),                    # no survey answers: no points, not zero
])
def test_survey_points(share, max_points, expected):
    assert survey_points(share, max_points) == expected


def test_helpers():
    assert points(D("1.005")) == D("1.01")
    assert [parent_code(c) for c in ("2", "2.1", "2.1.3")] == [None, "2", "2.1"]
    assert AspectIndex(0, 0).share is None
