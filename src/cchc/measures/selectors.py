"""Reads: the index 766 per scope and per organisation, satisfaction aggregates, trends."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count, Q, Sum

from cchc.core.errors import NotFound
from cchc.org.models import Organisation, OrgKind

from . import formulas, queries
from .models import IndexVersion, Rating, Snapshot
from .registry import Period, Scope

# Organisations that get their own row in the index table: they are competent for procedures.
ASSESSED_KINDS = (OrgKind.AGENCY, OrgKind.COMMUNE, OrgKind.CENTRE)


def index_version(period: Period) -> IndexVersion:
    """The rules in force on the period's last day (a new decision applies to periods ending after it)."""
    v = (IndexVersion.objects.filter(valid_from__lte=period.end)
         .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=period.end)).order_by("-valid_from").first())
    if v is None:
        raise NotFound("Chưa có phiên bản Bộ chỉ số 766 áp dụng cho kỳ này.", code="chua_co_phien_ban_chi_so",
                       details={"start": period.start.isoformat(), "end": period.end.isoformat()})
    return v


@dataclass(frozen=True)
class IndexResult:
    scope: Scope
    period: Period
    version: str
    metrics: list[formulas.MetricScore]
    groups: list[formulas.GroupTotal]
    total: float
    measured_max: float

    def metric(self, code: str) -> formulas.MetricScore:
        return next(m for m in self.metrics if m.code == code)


def sources(facts: queries.Facts, scope: Scope) -> dict[str, tuple[int, int]]:
    """(numerator, denominator) of every source the platform can supply, for one scope."""
    c = facts.rollup(scope)
    procs = queries.procedures_in_scope(facts.period, scope, facts.versions)
    online_procs = {p for p, v in procs.items() if v.online_level in ("full", "partial")}
    with_online = facts.procedures_with(scope, "online")
    fee_procs, paid_procs = facts.procedures_with(scope, "fee"), facts.procedures_with(scope, "paid_online")
    return {
        "on_time": (c["play"] - c["late"], c["play"]),
        "procedures_complete": (sum(1 for v in procs.values() if v.complete), len(procs)),
        "procedures_online": (len(online_procs), len(procs)),
        "procedures_fully_online": (sum(1 for v in procs.values() if v.online_level == "full"), len(procs)),
        "procedures_with_online_dossiers": (len(online_procs & with_online), len(online_procs)),
        "online_dossiers": (c["online"], c["received"]),
        "procedures_paid_online": (len(paid_procs & fee_procs), len(fee_procs)),
        "dossiers_paid_online": (c["paid_online"], c["fee"]),
        "dossier_satisfaction": (formulas.satisfied_count(c["play"], c["late"], c["complaints"]), c["play"]),
        "electronic_results": (c["e_result"], c["result"]),
        "digitised_components": (c["digitised"], c["components"]),
        "reused_components": (c["reused"], c["components"]),
        "late_apology": (c["late_apology"], c["late"]),
        "satisfaction": (c["rated_satisfied"], c["rated"]),
        "late_count": (c["late"], c["play"]),
    }


def score_index(version: IndexVersion, facts: queries.Facts, scope: Scope) -> IndexResult:
    rules = [formulas.MetricRule.from_dict(m) for m in version.rules["metrics"]]
    src = sources(facts, scope)
    scores = [formulas.score(r, *(src[r.source] if r.source in src else (None, None))) for r in rules]
    groups, total, measured_max = formulas.totals(version.rules["groups"], scores)
    return IndexResult(scope, facts.period, version.code, scores, groups, total, measured_max)


# Index metrics whose numbers are counts of dossiers: the parts one can list (drill-down).
DRILL = {
    "on_time": {"numerator": "on_time", "denominator": "play", "late": "late"},
    "online_dossiers": {"numerator": "online", "denominator": "received"},
    "dossiers_paid_online": {"numerator": "paid_online", "denominator": "fee"},
    "dossier_satisfaction": {"denominator": "play", "late": "late", "complaints": "complaints"},
    "electronic_results": {"numerator": "e_result", "denominator": "result"},
    "digitised_components": {"numerator": "digitised", "denominator": "components"},
    "reused_components": {"numerator": "reused", "denominator": "components"},
}


def index_dossiers(code: str, part: str, scope: Scope, period: Period):
    """Drill-down from an index metric to the dossiers counted in one of its parts."""
    rule = next((m for m in index_version(period).rules["metrics"] if m["code"] == code), None)
    if rule is None:
        raise NotFound(f"Không có chỉ tiêu “{code}”.", code="chi_tieu_khong_ton_tai")
    parts = DRILL.get(rule.get("source"))
    if parts is None:
        raise NotFound(f"Chỉ tiêu {code} không tính trên hồ sơ (hoặc chưa đo được).", code="khong_co_ho_so_chi_tiet")
    if part not in parts:
        from cchc.core.errors import ValidationFailed
        raise ValidationFailed(f"Chỉ tiêu {code} chỉ xem được: {', '.join(parts)}.", code="phan_khong_hop_le",
                               details={"part": part, "allowed": list(parts)})
    return queries.dossiers(period, scope, parts[part])


def index(scope: Scope, period: Period) -> IndexResult:
    """Index 766 of one scope (organisation with its sub-organisations, field, procedure) for a period."""
    version = index_version(period)
    return score_index(version, queries.count_facts(period, scope), scope)


def index_table(period: Period, *, org_ids: list[int] | None = None) -> list[tuple[Organisation | None, IndexResult]]:
    """The province first, then every assessed organisation: one counting pass for all of them."""
    version = index_version(period)
    facts = queries.count_facts(period)
    orgs = Organisation.objects.filter(kind__in=ASSESSED_KINDS, successor__isnull=True).order_by("kind", "name")
    if org_ids is not None:
        orgs = orgs.filter(id__in=org_ids)
    out: list[tuple[Organisation | None, IndexResult]] = [(None, score_index(version, facts, Scope()))]
    out += [(o, score_index(version, facts, Scope(org_id=o.id))) for o in orgs]
    return out


# ---------------------------------------------------------------- satisfaction per dossier


def satisfaction(period: Period, *, by: str = "org") -> list[dict]:
    """Ratings given in the period per responsible organisation or per procedure."""
    s, e = queries.bounds(period)
    ratings = Rating.objects.filter(rated_at__gte=s, rated_at__lt=e)
    if by == "procedure":
        key = "dossier__version__procedure__code"
        rows = (ratings.values(key).annotate(rated=Count("id"), satisfied=Count("id", filter=Q(satisfied=True)),
                                             avg_self=Avg("self_points"), avg_appraised=Avg("appraised_points"))
                .order_by(key))
        return [{"key": r[key], "rated": r["rated"], "satisfied": r["satisfied"],
                 "share": r["satisfied"] / r["rated"], "avg_self": float(r["avg_self"]),
                 "avg_appraised": float(r["avg_appraised"])} for r in rows]
    if by == "org":
        # the organisation competent for the procedure, as everywhere in the index
        rows = (ratings.values("dossier__org_id", "dossier__version__competent_org_id")
                .annotate(rated=Count("id"), satisfied=Count("id", filter=Q(satisfied=True)),
                          sum_self=Sum("self_points"), sum_appraised=Sum("appraised_points")).order_by())
        merged: dict[int, dict] = {}
        for r in rows:
            org = r["dossier__version__competent_org_id"] or r["dossier__org_id"]
            m = merged.setdefault(org, {"rated": 0, "satisfied": 0, "sum_self": 0, "sum_appraised": 0})
            for k in m:
                m[k] += r[k] or 0
        names = dict(Organisation.objects.filter(id__in=merged).values_list("id", "code"))
        return [{"key": names[o], "rated": m["rated"], "satisfied": m["satisfied"],
                 "share": m["satisfied"] / m["rated"], "avg_self": m["sum_self"] / m["rated"],
                 "avg_appraised": m["sum_appraised"] / m["rated"]}
                for o, m in sorted(merged.items(), key=lambda kv: names[kv[0]])]
    raise ValueError(by)


def trend(*, metric: str, org_id: int | None, since=None) -> list[Snapshot]:
    qs = Snapshot.objects.filter(metric=metric, org_id=org_id)
    if since:
        qs = qs.filter(day__gte=since)
    return list(qs.order_by("day"))
