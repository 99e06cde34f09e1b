"""Index 766 and per-dossier satisfaction as pure rules: no Django, no database.

The numbers that change by decision (maxima, thresholds, what an empty denominator earns,
rating points and bands) come in as data (``data/index766-*.json`` → ``IndexVersion``);
only the arithmetic lives here.
"""
from __future__ import annotations

from dataclasses import dataclass

FULL, ZERO = "full", "zero"  # what a metric earns when nothing was there to measure


@dataclass(frozen=True)
class MetricRule:
    code: str
    group: str
    label: str
    max: float
    full_at: float = 1.0  # ratio from which the full points are earned; below it, proportional
    if_empty: str = FULL
    source: str | None = None  # None: the platform cannot supply it (shown "chưa đo", never 0)
    not_measured: str = ""

    @classmethod
    def from_dict(cls, d: dict) -> MetricRule:
        return cls(code=d["code"], group=d["group"], label=d["label"], max=float(d["max"]),
                   full_at=float(d.get("full_at", 1.0)), if_empty=d.get("if_empty", FULL),
                   source=d.get("source"), not_measured=d.get("not_measured", ""))


@dataclass(frozen=True)
class MetricScore:
    code: str
    group: str
    label: str
    numerator: int | None
    denominator: int | None
    ratio: float | None  # 0..1; None when not measured or nothing to measure
    score: float | None  # None when not measured
    max: float
    measured: bool
    note: str = ""


def score(rule: MetricRule, numerator: int | None, denominator: int | None) -> MetricScore:
    """Points of one metric: ``max × min(1, ratio / full_at)``; empty denominator by the rule's data."""
    if rule.source is None or numerator is None or denominator is None:
        return MetricScore(rule.code, rule.group, rule.label, None, None, None, None, rule.max, False,
                           rule.not_measured or "Chưa đo được.")
    if numerator < 0 or denominator < 0 or numerator > denominator:
        raise ValueError(f"{rule.code}: tử số {numerator} / mẫu số {denominator} không hợp lệ")
    if denominator == 0:
        pts = rule.max if rule.if_empty == FULL else 0.0
        return MetricScore(rule.code, rule.group, rule.label, 0, 0, None, pts, rule.max, True,
                           "Không phát sinh trong kỳ.")
    ratio = numerator / denominator
    pts = rule.max * min(1.0, ratio / rule.full_at) if rule.full_at > 0 else rule.max
    return MetricScore(rule.code, rule.group, rule.label, numerator, denominator, ratio, round(pts, 4), rule.max,
                       True)


def satisfied_count(denominator: int, late: int, complaints: int) -> int:
    """5.3: 100% − late share − complaint share, as a count of the denominator (never negative)."""
    return max(0, denominator - late - complaints)


@dataclass(frozen=True)
class GroupTotal:
    code: str
    label: str
    max: float
    score: float  # of the measured metrics
    measured_max: float  # maximum of the metrics actually measured


def totals(groups: list[dict], scores: list[MetricScore]) -> tuple[list[GroupTotal], float, float]:
    """Per group and overall: points earned and the maximum of what was measured.

    Not-measured metrics add to neither: an index of 80/82 measurable points is shown as such,
    never as 80/100.
    """
    out = []
    for g in groups:
        mine = [s for s in scores if s.group == g["code"]]
        out.append(GroupTotal(g["code"], g["label"], float(g["max"]),
                              round(sum(s.score for s in mine if s.measured), 4),
                              sum(s.max for s in mine if s.measured)))
    return out, round(sum(t.score for t in out), 4), sum(t.measured_max for t in out)


# ---------------------------------------------------------------- one dossier's rating (DOMAIN §4)


class RatingInvalid(ValueError):
    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


def check_answers(rules: dict, answers: dict) -> None:
    """Every criterion answered exactly once with a known level; nothing else."""
    criteria = [c["code"] for c in rules["criteria"]]
    problems = {c: "thiếu câu trả lời" for c in criteria if c not in answers}
    problems |= {k: "tiêu chí không tồn tại" for k in answers if k not in criteria}
    problems |= {k: f"mức “{v}” không hợp lệ" for k, v in answers.items()
                 if k in criteria and v not in rules["levels"]}
    if problems:
        raise RatingInvalid(problems)


def rating_points(rules: dict, answers: dict) -> int:
    """Self-score: the citizen's answers, 2 points a criterion at most (18 in all)."""
    return sum(rules["levels"][answers[c["code"]]]["points"] for c in rules["criteria"])


def appraised_points(rules: dict, answers: dict, *, late: bool | None) -> int:
    """Appraised score: the self-score checked against what the platform knows.

    The one criterion the platform can verify is total time against the legal time: a late
    dossier earns no point there, whatever was answered.
    """
    pts = rating_points(rules, answers)
    crit = rules.get("time_criterion")
    if late and crit in answers:
        pts -= rules["levels"][answers[crit]]["points"]
    return pts


def band(rules: dict, points: int) -> dict:
    """The rating band (xếp loại) of a score: the first band whose minimum the score reaches."""
    for b in sorted(rules["bands"], key=lambda b: -b["min_points"]):
        if points >= b["min_points"]:
            return b
    raise ValueError("bảng xếp loại phải có một mức với điểm tối thiểu 0")
