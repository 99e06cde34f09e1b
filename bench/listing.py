"""The officer list: GET /api/v1/dossiers at 200,000 dossiers, against the raw SQL for the same page.

The dossiers are bulk-loaded with COPY (the services would take hours): 80 organisations with a
Zipf-like share (the officer's commune is the busiest), statuses 1-10 in realistic proportions,
received and due dates over twelve months, ~7 % late. Rows are what the services would have
left: codes from the per-day counters (the counters are loaded too, so new intakes never
collide), components and an audit record per dossier, timing facts consistent with the status.

Each variant is requested N times over HTTP by one client (new connection per request, like
a browser behind a proxy) and, interleaved with it, answered by a hand-written SELECT ... JOIN
... ORDER BY ... LIMIT/OFFSET plus its COUNT on a psycopg connection; medians, p95 and ratios.
The SQL Django emits is captured in-process and run under EXPLAIN (ANALYZE, BUFFERS).
"""
from __future__ import annotations

import http.client
import json
import random
import time
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urlencode, urlsplit

import psycopg

from .common import CpuMeter, libpq_url, quietly, ratio, run_wrk, summary_ms, write_wrk_script
from .intake import FIRST, LAST, MIDDLE, STREETS
from .setup import World

VN = timezone(timedelta(hours=7))
OPEN = (2, 4, 5, 6)
# status -> share of all dossiers (open statuses ~34 %)
STATUS_SHARE = {1: 0.03, 2: 0.08, 3: 0.02, 4: 0.20, 5: 0.04, 6: 0.02, 7: 0.01, 8: 0.01, 9: 0.09, 10: 0.50}
LATE_SHARE = 0.07
ZIPF_S = 0.7

DOSSIER_COLS = (
    "id", "code", "version_id", "org_id", "current_org_id", "current_step_id", "status", "channel", "rule_set",
    "applicant_kind", "applicant_name", "applicant_id_encrypted", "applicant_id_digest", "applicant_id_masked",
    "applicant_phone", "applicant_email", "applicant_address", "request", "submitted_at", "received_at",
    "clock_start", "remaining", "due_at", "original_due_at", "step_due_at", "paused_at", "paused_working_days",
    "paused_working_minutes", "supplement_count", "apology_count", "finished_at", "returned_at", "return_method",
    "is_late", "end_reason", "fee_amount", "paid_online", "components_provided", "components_digitised",
    "components_reused", "created_at", "updated_at",
)


# ------------------------------------------------------------------ bulk load

def _holder_weights(world: World, rng: random.Random) -> list[tuple[tuple[int, str], float]]:
    """All 80 organisations by rank: the officer's commune first, the centre second, the rest shuffled."""
    rest = [o for o in world.orgs if o not in (world.busy_org, world.centre)]
    rest.append((world.province_id, "H99"))
    rng.shuffle(rest)
    ranked = [world.busy_org, world.centre, *rest]
    return [(o, 1 / (k ** ZIPF_S)) for k, o in enumerate(ranked, start=1)]


def bulk_load(world: World, n: int, seed: int = 2025) -> dict:
    rng = random.Random(seed)
    now = datetime.now(VN).replace(microsecond=0)
    communes = {oid for oid, _ in world.communes}
    code_of = dict(world.orgs) | {world.province_id: "H99"}
    procs = {lvl: [(c, p) for c, p in world.procedures.items() if p["level"] == lvl] for lvl in ("commune", "province")}
    holders = _holder_weights(world, rng)
    holder_ids, holder_w = [o[0] for o, _ in holders], [w for _, w in holders]
    statuses, status_w = list(STATUS_SHARE), list(STATUS_SHARE.values())
    counters: dict[tuple[int, object], int] = {}
    t0 = time.perf_counter()

    with psycopg.connect(libpq_url()) as conn, conn.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM dossiers_dossier")
        first_id = cur.fetchone()[0] + 1
        components, audits = [], []
        with cur.copy(f"COPY dossiers_dossier ({', '.join(DOSSIER_COLS)}) FROM STDIN") as copy:
            for i in range(n):
                did = first_id + i
                holder = rng.choices(holder_ids, holder_w)[0]
                org = holder if holder in communes else world.centre[0]
                code_p, p = rng.choice(procs["commune" if org in communes else "province"])
                status = rng.choices(statuses, status_w)[0]
                late = rng.random() < LATE_SHARE
                span = timedelta(days=p["amount"] * 1.4)
                received = due = finished = returned = paused = None
                is_late, supplements = None, 0
                if status in OPEN:
                    due = now + (-timedelta(minutes=rng.randint(60, 30 * 1440)) if late
                                 else timedelta(minutes=rng.randint(0, 45 * 1440)))
                    received = due - span
                    if status in (5, 6):
                        paused = received + (now - received) * rng.random()
                        supplements = 1 if status == 5 else 0
                elif status in (1, 3):
                    submitted = now - timedelta(minutes=rng.randint(5, 12 * 1440 if status == 3 else 3 * 1440))
                else:  # 7, 8, 9, 10: received in the last 12 months and ended
                    received = now - timedelta(minutes=rng.randint(2 * 1440, 365 * 1440))
                    due = received + span
                    finished = (due + timedelta(minutes=rng.randint(60, 10 * 1440)) if late
                                else received + (due - received) * rng.uniform(0.3, 0.98))
                    finished = min(finished, now)
                    is_late = finished > due
                    if status == 10:
                        returned = min(now, finished + timedelta(minutes=rng.randint(10, 3 * 1440)))
                if status == 3:
                    finished, is_late = submitted + timedelta(hours=2), False
                submitted = received or submitted
                day = submitted.date()
                seq = counters[(org, day)] = counters.get((org, day), 0) + 1
                # an open dossier is where the work is (an agency for inter-agency procedures); an ended one is
                # back at the desk that received it
                current = holder if status in OPEN else org
                step = p["steps"][min(len(p["steps"]) - 1, rng.randint(0, 2))] if status in OPEN else None
                name = f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)}"
                copy.write_row((
                    did, f"{code_of[org]}-{day:%y%m%d}-{seq:04d}", p["version_id"], org, current, step, status,
                    2 if status == 1 else rng.choice((1, 1, 2, 3)), "nd118-2025", "citizen", name, "", "", "",
                    f"09{rng.randint(0, 99999999):08d}", "", f"{rng.randint(1, 300)} {rng.choice(STREETS)}",
                    "Đề nghị giải quyết thủ tục.", submitted, received, received,
                    p["amount"] if received else None, due, due, due, paused, 0, 0, supplements, 0, finished,
                    returned, "desk" if returned else "", is_late, "", p["fee"], False, len(p["components"]), 0, 0,
                    submitted,
                    returned or finished or paused or received or submitted,
                ))
                for cid, cname, form in p["components"]:
                    components.append((did, cid, cname, form))
                audits.append((did, "receive_at_desk" if received else "submit_online", submitted))
        with cur.copy("COPY dossiers_dossiercomponent (dossier_id, component_id, name, form, quantity, provided,"
                      " digitised, reused) FROM STDIN") as copy:
            for did, cid, cname, form in components:
                copy.write_row((did, cid, cname, form, 1, True, False, False))
        with cur.copy("COPY dossiers_auditrecord (dossier_id, action, actor_id, at, old, new, note) FROM STDIN") as copy:
            for did, action, at in audits:
                copy.write_row((did, action, None, at, "{}", "{}", ""))
        with cur.copy("COPY dossiers_dossiercounter (org_id, day, last) FROM STDIN") as copy:
            for (org, day), last in counters.items():
                copy.write_row((org, day, last))
        cur.execute("SELECT setval(pg_get_serial_sequence('dossiers_dossier', 'id'), (SELECT max(id) FROM dossiers_dossier))")
        conn.commit()
    loaded = time.perf_counter() - t0
    with psycopg.connect(libpq_url(), autocommit=True) as conn:
        for table in ("dossiers_dossier", "dossiers_dossiercomponent", "dossiers_auditrecord", "dossiers_dossiercounter"):
            conn.execute(f"VACUUM (ANALYZE) {table}")
        stats = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE current_org_id = %(busy)s),"
            " count(*) FILTER (WHERE current_org_id = %(busy)s AND status IN (2, 4, 5, 6)),"
            " count(DISTINCT current_org_id),"
            " round(100.0 * count(*) FILTER (WHERE is_late OR (status IN (2, 4, 5, 6) AND due_at < now())) / count(*), 1),"
            " min(due_at)::date, max(due_at)::date, pg_size_pretty(pg_total_relation_size('dossiers_dossier'))"
            " FROM dossiers_dossier", {"busy": world.busy_org[0]}).fetchone()
    return {"dossiers": stats[0], "busy_org_dossiers": stats[1], "busy_org_open": stats[2],
            "organisations_holding": stats[3], "late_percent": float(stats[4]), "due_from": str(stats[5]),
            "due_to": str(stats[6]), "table_size": stats[7], "load_seconds": round(loaded, 1),
            "load_and_vacuum_seconds": round(time.perf_counter() - t0, 1)}


# ------------------------------------------------------------------ variants

def variants(page_deep: int = 50) -> list[dict]:
    status = [("status", s) for s in OPEN]
    return [
        {"name": "open, by due, page 1", "query": [*status, ("sort", "due"), ("page", 1), ("page_size", 20)]},
        {"name": f"open, by due, page {page_deep}",
         "query": [*status, ("sort", "due"), ("page", page_deep), ("page_size", 20)]},
        {"name": "late=true, page 1", "query": [("late", "true"), ("sort", "due"), ("page", 1), ("page_size", 20)]},
        {"name": "due_within_days=7, page 1",
         "query": [("due_within_days", 7), ("sort", "due"), ("page", 1), ("page_size", 20)]},
    ]


RAW_SELECT = """
SELECT d.code, p.code, v.name, d.status, d.channel, d.applicant_name, d.received_at, d.due_at, d.apology_due_at,
       d.finished_at, d.is_late
FROM dossiers_dossier d
JOIN catalog_procedureversion v ON v.id = d.version_id
JOIN catalog_procedure p ON p.id = v.procedure_id
WHERE d.current_org_id = %(org)s AND d.status = ANY(%(status)s) {extra}
ORDER BY d.due_at, d.id
LIMIT %(limit)s OFFSET %(offset)s"""
RAW_COUNT = "SELECT count(*) FROM dossiers_dossier d WHERE d.current_org_id = %(org)s AND d.status = ANY(%(status)s) {extra}"


def raw_params(v: dict, org_id: int) -> tuple[str, str, dict]:
    q = dict(v["query"])
    page, size = int(q["page"]), int(q["page_size"])
    extra, params = "", {"org": org_id, "status": list(OPEN), "limit": size, "offset": (page - 1) * size}
    now = datetime.now(UTC)
    # a paused dossier (waiting for the citizen) is late if it was already late when it paused,
    # and is never "due within" days while paused (cchc.dossiers.selectors.inbox)
    if "late" in q:
        extra = ("AND ((d.paused_at IS NULL AND d.due_at < %(now)s)"
                 " OR (d.paused_at IS NOT NULL AND d.due_at < d.paused_at))")
        params["now"] = now
    if "due_within_days" in q:
        extra = "AND d.paused_at IS NULL AND d.due_at >= %(now)s AND d.due_at <= %(until)s"
        params.update(now=now, until=now + timedelta(days=int(q["due_within_days"])))
    return RAW_SELECT.format(extra=extra), RAW_COUNT.format(extra=extra), params


def _http_get(host: str, port: int, path: str, token: str) -> tuple[float, int, bytes]:
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    resp = conn.getresponse()
    body = resp.read()
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed, resp.status, body


def measure_variant(server, world: World, v: dict, *, n: int, warmup: int = 20) -> dict:
    parts = urlsplit(server.url)
    path = "/api/v1/dossiers?" + urlencode(v["query"])
    token = world.officer_token
    app_t, raw_t, errors = [], [], 0
    # prepare_threshold=None: planned per execution like Django's queries (no generic prepared plans)
    with psycopg.connect(libpq_url(), autocommit=True, prepare_threshold=None) as conn:
        first_check = None
        for i in range(warmup + n):
            elapsed, status, body = _http_get(parts.hostname, parts.port, path, token)
            sel, cnt, params = raw_params(v, world.busy_org[0])
            t0 = time.perf_counter()
            rows = conn.execute(sel, params).fetchall()
            total = conn.execute(cnt, params).fetchone()[0]
            raw_elapsed = time.perf_counter() - t0
            if status != 200:
                errors += 1
            if first_check is None and status == 200:
                page = json.loads(body)
                first_check = {"app_count": page["count"], "raw_count": total,
                               "same_page": [r["code"] for r in page["items"]] == [r[0] for r in rows],
                               "items": len(page["items"])}
            if i >= warmup:
                app_t.append(elapsed)
                raw_t.append(raw_elapsed)
    app, raw = summary_ms(app_t), summary_ms(raw_t)
    return {"variant": v["name"], "path": path, "n": n, "errors": errors, "app": app, "raw": raw,
            "ratio_median": ratio(app["median_ms"], raw["median_ms"]), "ratio_p95": ratio(app["p95_ms"], raw["p95_ms"]),
            "check": first_check, "meets_target": app["p95_ms"] < 50 and errors == 0}


# ------------------------------------------------------------------ what Django emits, explained

def explain_app_queries(world: World, v: dict) -> dict:
    """Run the list view in-process, capture its SQL, and EXPLAIN ANALYZE the page and count queries."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    path = "/api/v1/dossiers?" + urlencode(v["query"])
    client = Client()
    client.get(path, HTTP_AUTHORIZATION=f"Bearer {world.officer_token}")  # warm caches
    with CaptureQueriesContext(connection) as ctx:
        resp = client.get(path, HTTP_AUTHORIZATION=f"Bearer {world.officer_token}")
    assert resp.status_code == 200, resp.content
    queries = [q["sql"] for q in ctx.captured_queries]
    page_sql = next(q for q in queries if q.startswith('SELECT "dossiers_dossier"') and "LIMIT" in q)
    count_sql = next(q for q in queries if q.startswith("SELECT COUNT(*)") and "dossiers_dossier" in q)
    out = {"variant": v["name"], "queries_per_request": len(queries), "all_sql": queries}
    with psycopg.connect(libpq_url(), autocommit=True) as conn:
        for key, sql in (("page", page_sql), ("count", count_sql)):
            conn.execute(sql)  # warm
            plan = [r[0] for r in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql).fetchall()]
            out[key] = {"sql": sql, "plan": plan}
    return out


def plan_summary(plan: list[str], lines: int = 14) -> list[str]:
    """The plan's nodes and conditions (first ``lines``), then planning and execution time."""
    timing = [ln for ln in plan if ln.startswith(("Planning Time", "Execution Time"))]
    keep = [ln for ln in plan if ln not in timing and not ln.lstrip().startswith(("Buffers", "Planning:"))]
    return keep[:lines] + timing


def _metered(server, measure) -> dict:
    meter = CpuMeter(server.pid)
    meter.start()
    r = measure()
    cpu = meter.stop()
    r["cpu"] = {**cpu, "other_cores": CpuMeter.other(cpu)}
    return r


# ------------------------------------------------------------------ the phase

def run(world: World, server, *, n_dossiers: int, n_requests: int) -> dict:
    print(f"list: bulk-loading {n_dossiers:,} dossiers with COPY ...", flush=True)
    data = bulk_load(world, n_dossiers)
    print(f"  loaded in {data['load_seconds']} s (+vacuum/analyze: {data['load_and_vacuum_seconds']} s); "
          f"busy organisation {world.busy_org[1]}: {data['busy_org_dossiers']:,} dossiers, "
          f"{data['busy_org_open']:,} open; late {data['late_percent']} %; due {data['due_from']} .. {data['due_to']}",
          flush=True)
    # the deep page: 50, or half-way through the busiest inbox when a small (--quick) load has fewer pages
    deep = min(50, max(2, data["busy_org_open"] // 20 // 2))
    out = {"data": data, "server": server.cfg.label, "variants": [], "deep_page": deep}
    print(f"list: {n_requests} sequential requests per variant, HTTP vs raw SQL interleaved", flush=True)
    for v in variants(deep):
        r = quietly(lambda: _metered(server, lambda: measure_variant(server, world, v, n=n_requests)),
                    lambda x: x["cpu"]["other_cores"])
        out["variants"].append(r)
        print(f"  {r['variant']:<26} app median {r['app']['median_ms']:6.2f} ms p95 {r['app']['p95_ms']:6.2f} ms | "
              f"raw median {r['raw']['median_ms']:6.2f} ms p95 {r['raw']['p95_ms']:6.2f} ms | "
              f"ratio {r['ratio_median']}x / {r['ratio_p95']}x | count {r['check']['app_count'] if r['check'] else '?'}"
              f" same page {r['check']['same_page'] if r['check'] else '?'}", flush=True)

    # throughput of the busiest variant under concurrent load (no budget; for capacity planning)
    v = variants()[0]
    script = write_wrk_script("list", [{"method": "GET", "path": "/api/v1/dossiers?" + urlencode(v["query"]),
                                        "headers": {"Authorization": f"Bearer {world.officer_token}"}}])
    conc = run_wrk(server.url, script, connections=4, duration=10)
    lat = conc["latency_us"]
    out["concurrent"] = {"variant": v["name"], "connections": 4, "requests": conc["requests"],
                         "throughput_rps": round(conc["statuses"].get("200", 0) / (conc["duration_us"] / 1e6), 1),
                         "median_ms": lat["p50"] / 1000, "p95_ms": lat["p95"] / 1000,
                         "non_200": {k: c for k, c in conc["statuses"].items() if k != "200"}}
    print(f"  concurrent c=4: {out['concurrent']['throughput_rps']} req/s, median {lat['p50'] / 1000} ms, "
          f"p95 {lat['p95'] / 1000} ms", flush=True)

    out["explain"] = [explain_app_queries(world, v) for v in variants(deep)]
    for e in out["explain"]:
        print(f"  EXPLAIN ANALYZE ({e['variant']}; {e['queries_per_request']} queries per request):", flush=True)
        for key in ("page", "count"):
            for ln in plan_summary(e[key]["plan"]):
                print(f"    [{key}] {ln}", flush=True)
    out["headline"] = {
        "p95_ms_worst": max(r["app"]["p95_ms"] for r in out["variants"]),
        "target_p95_ms": 50, "meets_target": all(r["meets_target"] for r in out["variants"]),
    }
    return out
