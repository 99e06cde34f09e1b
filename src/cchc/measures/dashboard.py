"""The public dashboard's figures: index 766 by organisation, monthly trends, on-time and
satisfaction rates, and the published PAR Index and SIPAS results of the appraisal app.

Everything is read from the same counting pass as the index (one pass for the year, one per
month for the trend); the figures are kept in the cache for a few minutes because the page is
public and a province-year is ~1 s per pass (docs/benchmarks.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache

from cchc.appraisal import formulas as par_formulas
from cchc.appraisal import selectors as appraisal
from cchc.appraisal.models import CriteriaTree
from cchc.org.models import Organisation

from . import queries, selectors
from .registry import Period, Scope


def _pct(num: int | None, den: int | None) -> float | None:
    """A share in percent, rounded for display; no denominator: nothing to show (not 0)."""
    return round(100.0 * num / den, 1) if den else None


@dataclass
class OrgRow:
    code: str
    name: str
    total: float
    measured_max: float
    on_time: tuple[int, int]
    on_time_pct: float | None
    satisfied: tuple[int, int]
    satisfied_pct: float | None


@dataclass
class MonthRow:
    label: str  # "T7/2025"
    on_time: tuple[int, int]
    on_time_pct: float | None
    satisfied: tuple[int, int]
    satisfied_pct: float | None
    online: tuple[int, int]
    online_pct: float | None


@dataclass
class Ranking:
    title: str
    year: int
    org_type: str
    tree_id: int
    rows: list[dict]  # rank, org_name, final_score


@dataclass
class Dashboard:
    year: int
    index_version: str
    province: OrgRow
    orgs: list[OrgRow] = field(default_factory=list)  # best index total first
    months: list[MonthRow] = field(default_factory=list)
    par: list[Ranking] = field(default_factory=list)
    sipas: list[dict] = field(default_factory=list)  # rank, org_name, responses, index (percent)


def _row(code: str, name: str, res: selectors.IndexResult, src: dict) -> OrgRow:
    on_time, sat = src["on_time"], src["satisfaction"]
    return OrgRow(code, name, round(res.total, 2), res.measured_max, on_time, _pct(*on_time), sat, _pct(*sat))


def build(year: int, today: date) -> Dashboard:
    period = Period.year(year)
    version = selectors.index_version(period)
    facts = queries.count_facts(period)
    province = Scope()
    board = Dashboard(year, version.code, _row("", "Toàn tỉnh", selectors.score_index(version, facts, province),
                                               selectors.sources(facts, province)))
    orgs = Organisation.objects.filter(kind__in=selectors.ASSESSED_KINDS, successor__isnull=True).order_by("name")
    for o in orgs:
        scope = Scope(org_id=o.id)
        board.orgs.append(_row(o.code, o.name, selectors.score_index(version, facts, scope),
                               selectors.sources(facts, scope)))
    board.orgs.sort(key=lambda r: (-r.total, r.name))
    last_month = 12 if year < today.year else (today.month if year == today.year else 0)
    for m in range(1, last_month + 1):
        src = selectors.sources(queries.count_facts(Period.month(year, m)), province)
        board.months.append(MonthRow(f"T{m}/{year}", src["on_time"], _pct(*src["on_time"]), src["satisfaction"],
                                     _pct(*src["satisfaction"]), src["online_dossiers"],
                                     _pct(*src["online_dossiers"])))
    board.par = published_par(year)
    board.sipas = sipas_ranking(year)
    return board


def published_par(year: int) -> list[Ranking]:
    """Per organisation type, the newest PAR Index result published for a year up to ``year``."""
    out = []
    seen: set[str] = set()
    for t in CriteriaTree.objects.filter(published_at__isnull=False, year__lte=year).order_by("-year", "org_type"):
        if t.org_type in seen:
            continue
        seen.add(t.org_type)
        rows = [{"rank": r["rank"], "org_name": r["org_name"], "final_score": float(r["final_score"])}
                for r in appraisal.ranking(t, published_only=True)]
        if rows:
            out.append(Ranking(t.title, t.year, t.get_org_type_display(), t.id, rows))
    return out


def sipas_ranking(year: int) -> list[dict]:
    """SIPAS index of the year per surveyed organisation, ranked (ties equal), with sample sizes."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    results = {}
    for o in Organisation.objects.filter(sipas_campaigns__isnull=False).distinct():
        r = appraisal.sipas_index(org_id=o.id, start=start, end=end)
        if r.responses and r.index is not None:
            results[o.id] = (o.name, r.responses, r.as_dict()["sipas"])
    ranked = par_formulas.competition_rank([(k, v[2]) for k, v in sorted(results.items(), key=lambda kv: kv[1][0])])
    return [{"rank": rank, "org_name": results[k][0], "responses": results[k][1], "index": score}
            for k, score, rank in ranked]


def cached(year: int, today: date) -> Dashboard:
    seconds = getattr(settings, "CCHC_DASHBOARD_CACHE_SECONDS", 300)
    if not seconds:
        return build(year, today)
    key = f"measures:dashboard:{year}:{today.isoformat()}"
    board = cache.get(key)
    if board is None:
        board = build(year, today)
        cache.set(key, board, seconds)
    return board


def chart_data(board: Dashboard) -> dict:
    """What the charts draw — the same numbers as the tables next to them."""
    return {
        "index": {"labels": [r.name for r in board.orgs], "total": [r.total for r in board.orgs],
                  "max": [r.measured_max for r in board.orgs]},
        "rates": {"labels": [r.name for r in board.orgs], "on_time": [r.on_time_pct for r in board.orgs],
                  "satisfied": [r.satisfied_pct for r in board.orgs]},
        "months": {"labels": [m.label for m in board.months], "on_time": [m.on_time_pct for m in board.months],
                   "satisfied": [m.satisfied_pct for m in board.months],
                   "online": [m.online_pct for m in board.months]},
        "par": [{"title": f"{p.title} ({p.year})", "labels": [r["org_name"] for r in p.rows],
                 "scores": [r["final_score"] for r in p.rows]} for p in board.par],
        "sipas": {"labels": [r["org_name"] for r in board.sipas], "index": [r["index"] for r in board.sipas]},
    }
