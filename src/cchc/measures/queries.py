"""Every number comes from here: the dossier populations as Q expressions, counted in one pass.

The same Q objects serve the aggregate (``COUNT(*) FILTER (WHERE …)`` on PostgreSQL) and the
drill-down (``Dossier.objects.filter(q)``), so the dossiers listed behind a number are exactly
the ones counted. One statement per scope and period counts every dossier-based fact, grouped
by (receiving organisation, procedure version); organisations, fields and procedures are then
rolled up in Python from those few thousand rows (a province-year of 2M dossiers: see
docs/benchmarks.md).

Conventions (ADR 0008):
- A dossier belongs to the organisation competent for its procedure (``competent_org``), or to
  the receiving organisation when the procedure names none (commune-level procedures).
- "In the period" for timeliness: received before the period ends and not finished before it
  starts (received or processed in the period). Unfinished dossiers are judged at the period's
  end, a paused one on the time it had used when it paused.
"""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from cchc.catalog.models import ProcedureVersion, VersionStatus
from cchc.dossiers.models import Channel, Dossier, ReturnMethod, Status
from cchc.org.models import OrgKind
from cchc.org.selectors import descendant_ids, org_by_id, predecessor_ids

from .models import Rating
from .registry import Period, Scope

RESULT_STATUSES = (Status.DONE, Status.RETURNED)


def bounds(period: Period) -> tuple[datetime, datetime]:
    """[start, end) as aware local datetimes: the first moment of the first day, of the day after the last."""
    tz = timezone.get_current_timezone()
    return (datetime.combine(period.start, time(0), tz),
            datetime.combine(period.end + timedelta(days=1), time(0), tz))


# ---------------------------------------------------------------- populations (Q)


def in_play(s: datetime, e: datetime) -> Q:
    """Received or processed in the period: received before its end, not finished before its start."""
    return Q(received_at__isnull=False, received_at__lt=e) & (Q(finished_at__isnull=True) | Q(finished_at__gte=s))


def late(s: datetime, e: datetime) -> Q:
    """Late as judged at the period's end (apply within ``in_play``).

    Finished by then: the stored verdict (``is_late``, ADR 0002 §8). Still open then: more than one
    supplement request, or due before the end — a paused dossier only if due before it paused.
    """
    still_open = Q(finished_at__isnull=True) | Q(finished_at__gte=e)
    overdue = Q(due_at__lt=e) & (Q(paused_at__isnull=True) | Q(due_at__lt=F("paused_at")))
    return Q(finished_at__lt=e, is_late=True) | (still_open & (Q(supplement_count__gt=1) | overdue))


def received_in(s: datetime, e: datetime) -> Q:
    return Q(received_at__gte=s, received_at__lt=e)


def online(s: datetime, e: datetime) -> Q:
    """Filed online and, where a result was returned, returned electronically (DOMAIN §3, 3.x)."""
    return received_in(s, e) & Q(channel=Channel.ONLINE) & (
        Q(returned_at__isnull=True) | Q(return_method=ReturnMethod.ONLINE))


def with_fee(s: datetime, e: datetime) -> Q:
    return received_in(s, e) & Q(fee_amount__gt=0)


def with_result(s: datetime, e: datetime) -> Q:
    """Processed in the period with a result (stopped and withdrawn dossiers have none)."""
    return Q(finished_at__lt=e, status__in=RESULT_STATUSES)


def populations(s: datetime, e: datetime) -> dict[str, Q]:
    """Every dossier-based fact, by name. ``play`` is the base population of all others."""
    lt = late(s, e)
    return {
        "play": Q(),
        "late": lt,
        "late_apology": lt & Q(apology_count__gt=0),
        "received": received_in(s, e),
        "online": online(s, e),
        "fee": with_fee(s, e),
        "paid_online": with_fee(s, e) & Q(paid_online=True),
        "result": with_result(s, e),
        "e_result": with_result(s, e) & Q(return_method=ReturnMethod.ONLINE),
    }


# ---------------------------------------------------------------- scope


@dataclass(frozen=True)
class VersionInfo:
    id: int
    procedure_id: int
    code: str
    name: str
    field: str
    level: str
    competent_org_id: int | None
    online_level: str
    complete: bool  # published with the seven required parts (ND 63/2010 art. 8.2)
    status: str
    valid_from: object
    valid_to: object


def versions() -> dict[int, VersionInfo]:
    rows = (ProcedureVersion.objects.annotate(n_components=Count("components"))
            .values("id", "procedure_id", "procedure__code", "name", "field", "level", "competent_org_id",
                    "online_level", "sequence", "method", "subjects", "processing_amount", "n_components",
                    "status", "valid_from", "valid_to"))
    out = {}
    for r in rows:
        complete = all(str(r[k]).strip() for k in ("name", "sequence", "method", "subjects")) and bool(
            r["processing_amount"]) and r["n_components"] > 0 and (r["competent_org_id"] or r["level"] == "commune")
        out[r["id"]] = VersionInfo(r["id"], r["procedure_id"], r["procedure__code"], r["name"], r["field"], r["level"],
                                   r["competent_org_id"], r["online_level"], bool(complete), r["status"],
                                   r["valid_from"], r["valid_to"])
    return out


def scope_orgs(scope: Scope) -> set[int] | None:
    """Organisations whose dossiers count for the scope (None: the whole province).

    With sub-organisations if asked, and always with every organisation merged into one of them,
    so history survives a merger.
    """
    if scope.org_id is None:
        return None
    base = descendant_ids(scope.org_id) if scope.include_children else {scope.org_id}
    out: set[int] = set()
    for o in base:
        out |= predecessor_ids(o)
    return out


def responsible(org_id: int, v: VersionInfo) -> int:
    return v.competent_org_id or org_id


def _version_ok(v: VersionInfo, scope: Scope) -> bool:
    return (scope.field is None or v.field == scope.field) and (
        scope.procedure_code is None or v.code == scope.procedure_code)


def scope_q(scope: Scope, vers: dict[int, VersionInfo]) -> Q:
    """The scope as a filter on the dossier row alone (no join): version lists decided in Python."""
    orgs = scope_orgs(scope)
    if orgs is None and scope.field is None and scope.procedure_code is None:
        return Q()
    ok = [v for v in vers.values() if _version_ok(v, scope)]
    if orgs is None:
        return Q(version_id__in=[v.id for v in ok])
    competent = [v.id for v in ok if v.competent_org_id in orgs]
    receiving = [v.id for v in ok if v.competent_org_id is None]
    return Q(version_id__in=competent) | Q(version_id__in=receiving, org_id__in=orgs)


# ---------------------------------------------------------------- the counting pass


Key = tuple[int, int]  # (receiving organisation, procedure version)
# fact name → counter on the dossier (provided components; digitised / reused among them)
COMPONENT_FACTS = {"components": "provided", "digitised": "digitised", "reused": "reused"}


@dataclass
class Facts:
    """Counts per (receiving organisation, version) for one period; rolled up per scope."""

    period: Period
    by_group: dict[Key, Counter] = field(default_factory=dict)
    versions: dict[int, VersionInfo] = field(default_factory=dict)

    def rollup(self, scope: Scope) -> Counter:
        orgs = scope_orgs(scope)
        total: Counter = Counter()
        for (org_id, vid), c in self.by_group.items():
            v = self.versions[vid]
            if (orgs is None or responsible(org_id, v) in orgs) and _version_ok(v, scope):
                total.update(c)
        return total

    def procedures_with(self, scope: Scope, fact: str) -> set[int]:
        """Procedures with at least one dossier of ``fact`` in the scope."""
        orgs = scope_orgs(scope)
        return {self.versions[vid].procedure_id for (org_id, vid), c in self.by_group.items()
                if c[fact] and (orgs is None or responsible(org_id, self.versions[vid]) in orgs)
                and _version_ok(self.versions[vid], scope)}


def count_facts(period: Period, scope: Scope | None = None) -> Facts:
    """Two grouped statements: one pass over the dossiers (with their component counters), one over ratings.

    Both rows carry (receiving organisation, version): scope filters and grouping need no join.
    """
    s, e = bounds(period)
    vers = versions()
    where = scope_q(scope, vers) if scope else Q()
    facts = Facts(period, {}, vers)
    aggs = {name: Count("id", filter=q) if q else Count("id") for name, q in populations(s, e).items()}
    # Component shares are counted per provided component, over the dossiers received in the period:
    # the counters stored on the dossier (ADR 0008 §11) spare a join with 2 components per dossier.
    rec = received_in(s, e)
    aggs.update({name: Sum(f"components_{col}", filter=rec, default=0) for name, col in COMPONENT_FACTS.items()})
    with _without_jit():
        rows = list(Dossier.objects.filter(in_play(s, e), where).values("org_id", "version_id").annotate(**aggs)
                    .order_by())
    for r in rows:
        facts.by_group[(r.pop("org_id"), r.pop("version_id"))] = Counter(r)
    # Ratings given in the period (a rating comes after the result, often in a later month), grouped by
    # the dossier's organisation and version copied on the rating: no join with the dossiers.
    rated = (Rating.objects.filter(rated_at__gte=s, rated_at__lt=e).filter(_prefixed(where, "dossier_"))
             .values("dossier_org_id", "dossier_version_id")
             .annotate(rated=Count("id"), rated_satisfied=Count("id", filter=Q(satisfied=True)))
             .order_by())
    for r in rated:
        key = (r.pop("dossier_org_id"), r.pop("dossier_version_id"))
        r["complaints"] = r["rated"] - r["rated_satisfied"]
        facts.by_group.setdefault(key, Counter()).update(r)
    return facts


@contextmanager
def _without_jit():
    """PostgreSQL compiles this one-pass statement with JIT (~0.25 s of a 2 s pass over 2M rows)
    and gains nothing from it (measured, docs/benchmarks.md): off for this statement only."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("SET LOCAL jit = off")
        yield


def _prefixed(q: Q, prefix: str) -> Q:
    """The same filter seen from another model (``org_id`` → ``dossier_org_id`` on a rating)."""
    out = Q()
    out.connector, out.negated = q.connector, q.negated
    out.children = [_prefixed(c, prefix) if isinstance(c, Q) else (prefix + c[0], c[1]) for c in q.children]
    return out


# ---------------------------------------------------------------- procedures (catalogue)


def procedures_in_scope(period: Period, scope: Scope, vers: dict[int, VersionInfo]) -> dict[int, VersionInfo]:
    """Procedures in force at some point of the period, by procedure id (latest version in it)."""
    orgs = scope_orgs(scope)
    kinds = {org_by_id(o).kind for o in orgs if org_by_id(o)} if orgs is not None else set()
    out: dict[int, VersionInfo] = {}
    for v in sorted(vers.values(), key=lambda v: (v.valid_from or period.start)):
        if v.status == VersionStatus.DRAFT or v.valid_from is None or v.valid_from > period.end:
            continue
        if v.valid_to is not None and v.valid_to <= period.start:
            continue
        if not _version_ok(v, scope):
            continue
        if orgs is not None:
            if v.competent_org_id is not None:
                if v.competent_org_id not in orgs:
                    continue
            elif not ((OrgKind.COMMUNE in kinds) if v.level == "commune" else (kinds & {OrgKind.CENTRE,
                                                                                         OrgKind.AGENCY})):
                continue
        out[v.procedure_id] = v
    return out


# ---------------------------------------------------------------- drill-down


def dossiers(period: Period, scope: Scope, population: str):
    """The dossiers of one named population, in the scope and period (a queryset)."""
    s, e = bounds(period)
    vers = versions()
    pops = populations(s, e)
    pops["on_time"] = ~late(s, e)
    pops["late_without_apology"] = late(s, e) & Q(apology_count=0)
    pops["complaints"] = Q(rating__satisfied=False, rating__rated_at__gte=s, rating__rated_at__lt=e)
    if population in ("rated", "rated_satisfied"):
        rated = Q(rating__rated_at__gte=s, rating__rated_at__lt=e)
        if population == "rated_satisfied":
            rated &= Q(rating__satisfied=True)
        return Dossier.objects.filter(rated, scope_q(scope, vers)).order_by("code")
    base = Dossier.objects.filter(in_play(s, e), scope_q(scope, vers))
    if population in COMPONENT_FACTS:  # the dossiers with at least one such component
        return Dossier.objects.filter(received_in(s, e), scope_q(scope, vers),
                                      **{f"components_{COMPONENT_FACTS[population]}__gt": 0}).order_by("code")
    return base.filter(pops[population]).order_by("code")
