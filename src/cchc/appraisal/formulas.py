"""The index rules of SIPAS and the PAR Index, as plain functions (no Django).

* SIPAS (DOMAIN §6): the index of an aspect is the share of satisfied + very satisfied answers;
  SIPAS is the unweighted mean of the aspects' indices.
* PAR Index (DOMAIN §5): survey points = SIPAS share × the points of the survey part; results are
  ranked with ties ranked equal ("competition ranking": 1, 2, 2, 4).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def points(value: Decimal) -> Decimal:
    """Points are kept to two decimals, halves rounded up (as the appraisal forms do)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class AspectIndex:
    satisfied: int
    answers: int

    @property
    def share(self) -> Decimal | None:
        """Satisfied share in [0, 1]; None when nobody answered (no data is not 0%)."""
        return Decimal(self.satisfied) / Decimal(self.answers) if self.answers else None


def sipas(aspects: Mapping[str, AspectIndex]) -> Decimal | None:
    """Mean of the aspects that have answers; None when none has."""
    shares = [a.share for a in aspects.values() if a.share is not None]
    return sum(shares, Decimal(0)) / len(shares) if shares else None


def survey_points(share: Decimal | None, max_points: Decimal) -> Decimal | None:
    return None if share is None else points(share * max_points)


def competition_rank(scores: Iterable[tuple[Hashable, Decimal]]) -> list[tuple[Hashable, Decimal, int]]:
    """Highest first; equal scores share a rank and the next rank skips (1, 2, 2, 4)."""
    ordered = sorted(scores, key=lambda kv: kv[1], reverse=True)
    ranked, rank = [], 0
    for i, (key, score) in enumerate(ordered, start=1):
        if i == 1 or score != ordered[i - 2][1]:
            rank = i
        ranked.append((key, score, rank))
    return ranked


def parent_code(code: str) -> str | None:
    """"2.1.3" -> "2.1"; an area ("2") has none."""
    return code.rsplit(".", 1)[0] if "." in code else None
