"""Dossier intake: POST /api/v1/dossiers (channel 1, desk receipt) over HTTP, against raw inserts.

HTTP: gunicorn serves ``cchc.wsgi:application``; wrk drives it with pre-built requests spread
over the 61 receiving organisations (each request uses the desk officer of its organisation),
first across server configurations at one concurrency, then across concurrency levels with
the best configuration. Each point is a warm-up followed by a sustained run; errors are the
non-201 answers plus socket errors, and the dossiers created are counted in the database.

Baseline, in the same run: the rows one intake leaves in the database (counter update, dossier,
its two components, the audit record, the receipt notice in the outbox) written with plain
INSERTs by psycopg, one transaction per dossier, on one connection and on as many connections as
the HTTP concurrency.
"""
from __future__ import annotations

import json
import os
import random
import secrets
import threading
import time
from datetime import datetime

import psycopg
from psycopg.types.json import Jsonb

from .common import (
    CpuMeter,
    ServerConfig,
    gunicorn,
    libpq_url,
    quietly,
    ratio,
    run_wrk,
    summary_ms,
    write_wrk_script,
)
from .pgwait import WaitSampler
from .setup import World

FIRST = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLE = "Văn Thị Minh Ngọc Thanh Quốc Hữu Đức Thu Hồng".split()
LAST = "An Bình Chi Dũng Giang Hà Hải Hạnh Hoa Hùng Khánh Lan Long Mai Nam Phương Quân Sơn Trang Tuấn".split()
STREETS = "Lê Lợi,Trần Hưng Đạo,Nguyễn Huệ,Hùng Vương,Phan Đình Phùng,Lý Thường Kiệt".split(",")


def applicant(rng: random.Random) -> dict:
    return {
        "name": f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)}",
        "id_number": f"0{rng.randint(10, 96):02d}{rng.randint(0, 1)}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}",
        "phone": f"09{rng.randint(0, 99999999):08d}",
        "address": f"{rng.randint(1, 300)} {rng.choice(STREETS)}",
    }


def intake_bodies(world: World, per_org: int = 4, seed: int = 7, only_org: str | None = None
                  ) -> list[tuple[dict, dict]]:
    """(desk, body) pairs: commune desks file commune-level procedures, the centre province-level ones."""
    rng = random.Random(seed)
    by_level: dict[str, list[str]] = {}
    for code, p in world.procedures.items():
        by_level.setdefault(p["level"], []).append(code)
    desks = [d for d in world.desks if only_org in (None, d["org_code"])]
    out = []
    for k in range(per_org):
        for desk in desks:
            level = "province" if desk["org_code"] == world.centre[1] else "commune"
            code = by_level[level][k % len(by_level[level])]
            comps = world.procedures[code]["components"]
            out.append((desk, {
                "procedure_code": code, "org_code": desk["org_code"], "channel": 1, "applicant": applicant(rng),
                "request": "Đề nghị giải quyết thủ tục, nhận kết quả tại Bộ phận Một cửa.",
                "components": [{"component_id": cid, "quantity": 1} for cid, _, _ in comps],
            }))
    rng.shuffle(out)
    return out


def wrk_specs(pairs, token_of=lambda desk: desk["token"]) -> list[dict]:
    return [{"method": "POST", "path": "/api/v1/dossiers", "body": json.dumps(body, ensure_ascii=False),
             "headers": {"Authorization": f"Bearer {token_of(desk)}", "Content-Type": "application/json"}}
            for desk, body in pairs]


# ------------------------------------------------------------------ HTTP

def _counts() -> dict:
    with psycopg.connect(libpq_url()) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM dossiers_dossier), (SELECT count(*) FROM dossiers_dossiercomponent),"
            " (SELECT count(*) FROM dossiers_auditrecord)").fetchone()
    return {"dossiers": row[0], "components": row[1], "audit": row[2]}


def _settled_counts(limit: float = 30.0, quiet_for: float = 2.0) -> dict:
    """Row counts once unchanged for ``quiet_for`` seconds: requests wrk left in flight (sent, or queued in
    the listen backlog of sync workers) are still completed by the server after it stops."""
    deadline, last, since = time.monotonic() + limit, _counts(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _counts()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_for:
            break
    return last


def http_point(server, script, *, connections: int, warmup: float, duration: float) -> dict:
    """One sustained point: warm-up, then the measured run; rows created checked against 201s."""
    if warmup:
        run_wrk(server.url, script, connections=connections, duration=warmup)
    before = _settled_counts()  # the warm-up's requests still in flight have finished
    meter = CpuMeter(server.pid)
    meter.start()
    with WaitSampler() as waits:
        res = run_wrk(server.url, script, connections=connections, duration=duration)
    cpu = meter.stop()
    after = _settled_counts()
    created = {k: after[k] - before[k] for k in after}
    ok = res["statuses"].get("201", 0)
    bad = {k: v for k, v in res["statuses"].items() if k != "201"}
    errors = sum(bad.values()) + sum(v for k, v in res["errors"].items() if k != "status")
    seconds = res["duration_us"] / 1e6
    lat = res["latency_us"]
    return {
        "server": server.cfg.label, "connections": connections, "duration_s": round(seconds, 1),
        "requests": res["requests"], "created_201": ok, "throughput_rps": round(ok / seconds, 1),
        "latency_ms": {"median": lat["p50"] / 1000, "p90": lat["p90"] / 1000, "p95": lat["p95"] / 1000,
                       "p99": lat["p99"] / 1000, "max": lat["max"] / 1000},
        "errors": errors, "error_detail": {"statuses": bad, "socket": res["errors"]},
        "rows_created": created,
        # wrk stops with up to `connections` requests in flight and the server still completes them; so may
        # a warm-up request that outlived the settling wait: 0 <= rows - 201s <= 2 x connections
        "rows_minus_201": created["dossiers"] - ok,
        "rows_consistent": (0 <= created["dossiers"] - ok <= 2 * connections
                            and created["components"] == 2 * created["dossiers"]
                            and created["audit"] == created["dossiers"]),
        "cpu": {**cpu, "wrk_cores": res["wrk_cores"], "other_cores": CpuMeter.other(cpu, res["wrk_cores"])},
        "cpu_ms_per_request": _per_request(cpu, ok),
        "db_backends": waits.result(),
    }


def _per_request(cpu: dict, n: int) -> dict:
    """CPU milliseconds one request (or one raw dossier) cost the app (client) and PostgreSQL."""
    return {k: round(cpu[f"{k}_cores"] * cpu["wall_s"] / n * 1000, 2) if n else None for k in ("server", "postgres")}


def _line(p: dict) -> str:
    lat = p["latency_ms"]
    return (f"  {p['server']:<18} c={p['connections']:<3} {p['throughput_rps']:>7.1f} req/s  "
            f"median {lat['median']:6.1f} ms  p95 {lat['p95']:6.1f} ms  p99 {lat['p99']:6.1f} ms  "
            f"errors {p['errors']}  rows-201s {p['rows_minus_201']}  "
            f"cpu app {p['cpu']['server_cores']} pg {p['cpu']['postgres_cores']} wrk {p['cpu']['wrk_cores']} "
            f"other {p['cpu']['other_cores']}; per request app {p['cpu_ms_per_request']['server']} ms "
            f"pg {p['cpu_ms_per_request']['postgres']} ms; db {p['db_backends']}")


def _http(server, script, **kw) -> dict:
    return quietly(lambda: http_point(server, script, **kw), lambda p: p["cpu"]["other_cores"])


# ------------------------------------------------------------------ raw baseline

def _raw_rows(world: World, pairs) -> list[dict]:
    """What the service stores for each body, computed once up front (the baseline measures writes only)."""
    from django.utils import timezone

    from cchc.calendar.rules import Unit
    from cchc.calendar.service import get_calendar
    from cchc.core import identity
    from cchc.dossiers.services import _TRACKED

    cal, now = get_calendar(), timezone.localtime()
    clocks = {}
    for code, p in world.procedures.items():
        c = cal.start_clock(now, p["amount"], Unit.WORKING_DAYS, datetime.strptime("15:00", "%H:%M").time())
        clocks[code] = (c, cal.due(now, 1, Unit.WORKING_DAYS, None))
    rows = []
    for desk, body in pairs:
        p, a = world.procedures[body["procedure_code"]], body["applicant"]
        clock, step_due = clocks[body["procedure_code"]]
        enc, digest, masked = identity.protect(a["id_number"])
        new = dict.fromkeys(_TRACKED)
        new.update({"status": 2, "current_org_id": desk["org_id"], "current_step_id": p["steps"][0],
                    "received_at": now.isoformat(), "clock_start": clock.start.isoformat(),
                    "remaining": clock.remaining, "due_at": clock.due.isoformat(), "paused_working_days": 0,
                    "paused_working_minutes": 0, "supplement_count": 0, "apology_count": 0, "return_method": "",
                    "end_reason": ""})
        rows.append({
            "org_id": desk["org_id"], "org_code": desk["org_code"], "user_id": desk["user_id"],
            "version_id": p["version_id"], "step_id": p["steps"][0], "name": a["name"], "enc": enc,
            "digest": digest, "masked": masked, "phone": a["phone"], "address": a["address"],
            "request": body["request"], "remaining": clock.remaining, "due": clock.due, "clock_start": clock.start,
            "step_due": step_due, "fee": p["fee"], "components": p["components"], "audit_new": Jsonb(new),
        })
    return rows


COUNTER_SQL = """
INSERT INTO dossiers_dossiercounter (org_id, day, last) VALUES (%s, %s, 1)
ON CONFLICT (org_id, day) DO UPDATE SET last = dossiers_dossiercounter.last + 1 RETURNING last"""
DOSSIER_SQL = """
INSERT INTO dossiers_dossier (code, version_id, org_id, current_org_id, current_step_id, status, channel, rule_set,
  applicant_kind, applicant_name, applicant_id_encrypted, applicant_id_digest, applicant_id_masked, applicant_phone,
  applicant_email, applicant_address, request, submitted_at, received_at, clock_start, remaining, due_at,
  original_due_at, step_due_at, paused_working_days, paused_working_minutes, supplement_count, apology_count,
  return_method, end_reason, fee_amount, paid_online, components_provided, components_digitised, components_reused,
  created_at, updated_at)
VALUES (%s, %s, %s, %s, %s, 2, 1, 'nd118-2025', 'citizen', %s, %s, %s, %s, %s, '', %s, %s, %s, %s, %s, %s, %s, %s, %s,
  0, 0, 0, 0, '', '', %s, false, %s, 0, 0, %s, %s)
RETURNING id"""
COMPONENT_SQL = """
INSERT INTO dossiers_dossiercomponent (dossier_id, component_id, name, form, quantity, provided, digitised, reused)
VALUES (%s, %s, %s, %s, 1, true, false, false)"""
AUDIT_SQL = """
INSERT INTO dossiers_auditrecord (dossier_id, action, actor_id, at, old, new, note)
VALUES (%s, 'receive_at_desk', %s, %s, '{}', %s, '')"""
OUTBOX_SQL = """
INSERT INTO notifications_outbox (key, kind, channel, recipient, subject, body, state, attempts, next_attempt_at,
  last_error, dossier_id, token, created_at)
VALUES (%s, 'dossier_received', 'sms', %s, '', %s, 'pending', 0, %s, '', %s, %s, %s)"""


def _insert_one(conn, r: dict) -> None:
    from django.utils import timezone
    now = timezone.now()
    with conn.transaction(), conn.cursor() as cur:
        day = timezone.localtime(now).date()
        seq = cur.execute(COUNTER_SQL, (r["org_id"], day)).fetchone()[0]
        code = f"{r['org_code']}-{day:%y%m%d}-{seq:04d}"
        dossier_id = cur.execute(DOSSIER_SQL, (
            code, r["version_id"], r["org_id"], r["org_id"], r["step_id"], r["name"], r["enc"], r["digest"],
            r["masked"], r["phone"], r["address"], r["request"], now, now, r["clock_start"], r["remaining"],
            r["due"], r["due"], r["step_due"], r["fee"], len(r["components"]), now, now)).fetchone()[0]
        cur.executemany(COMPONENT_SQL, [(dossier_id, cid, name, form) for cid, name, form in r["components"]])
        cur.execute(AUDIT_SQL, (dossier_id, r["user_id"], now, r["audit_new"]))
        # the receipt notice, in the same transaction like the platform's outbox listener
        cur.execute(OUTBOX_SQL, (f"dossier:{dossier_id}:dossier_received:sms:{r['phone']}", r["phone"],
                                 f"Hồ sơ {code} đã được tiếp nhận; hẹn trả {r['due']:%d/%m/%Y}.", now, dossier_id,
                                 secrets.token_hex(16), now))


def raw_point(rows: list[dict], *, connections: int, duration: float, warmup: float = 2.0) -> dict:
    """Insert the rows for ``duration`` seconds from ``connections`` threads, one connection each."""
    lat: list[list[float]] = [[] for _ in range(connections)]
    ready, go = threading.Barrier(connections + 1), threading.Event()
    finished, metered = threading.Barrier(connections + 1), threading.Event()
    meter = CpuMeter(os.getpid())
    state = {"stop": 0.0, "measure_from": 0.0}
    errors = []

    def worker(n: int) -> None:
        try:
            conn = psycopg.connect(libpq_url())
            conn.execute("SELECT 1")
            conn.commit()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))
            ready.wait()
            return
        ready.wait()
        go.wait()
        i = n * 7919
        try:
            while True:
                t0 = time.perf_counter()
                if t0 >= state["stop"]:
                    break
                _insert_one(conn, rows[i % len(rows)])
                i += 1
                if t0 >= state["measure_from"]:
                    lat[n].append(time.perf_counter() - t0)
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))
        finally:
            finished.wait()
            metered.wait()  # keep the backend alive until its CPU time has been read
            conn.close()

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(connections)]
    for t in threads:
        t.start()
    ready.wait()
    t_start = time.perf_counter()
    state["measure_from"], state["stop"] = t_start + warmup, t_start + warmup + duration
    go.set()
    time.sleep(warmup)
    meter.start()
    with WaitSampler() as waits:
        finished.wait()
    cpu = meter.stop()
    metered.set()
    for t in threads:
        t.join()
    all_lat = [x for xs in lat for x in xs]
    cpu["other_cores"] = CpuMeter.other(cpu)
    return {"connections": connections, "duration_s": duration, "inserted": len(all_lat),
            "throughput_rps": round(len(all_lat) / duration, 1), "latency": summary_ms(all_lat) if all_lat else None,
            "errors": len(errors), "error_detail": errors[:3], "cpu": cpu,
            "cpu_ms_per_request": _per_request(cpu, len(all_lat)), "db_backends": waits.result()}


# ------------------------------------------------------------------ the phase

def run(world: World, *, configs: list[ServerConfig], config_connections: int, levels: list[int],
        warmup: float, config_duration: float, duration: float, raw_duration: float) -> dict:
    pairs = intake_bodies(world)
    script = write_wrk_script("intake", wrk_specs(pairs))
    out: dict = {"bodies": len(pairs), "organisations": len(world.desks), "warmup_s": warmup, "duration_s": duration}

    print(f"intake: choosing the server configuration at c={config_connections} "
          f"({warmup:g} s warm-up + {config_duration:g} s each)", flush=True)
    sweep = []
    for cfg in configs:
        with gunicorn(cfg) as server:
            p = _http(server, script, connections=config_connections, warmup=warmup, duration=config_duration)
        print(_line(p), flush=True)
        sweep.append((cfg, p))
    best_cfg = max(sweep, key=lambda cp: cp[1]["throughput_rps"] if cp[1]["errors"] == 0 else -1)[0]
    out["config_sweep"] = [p for _, p in sweep]
    out["chosen_server"] = best_cfg.label
    out["chosen_server_args"] = {"worker_class": best_cfg.worker_class, "workers": best_cfg.workers,
                                 "threads": best_cfg.threads}

    print(f"intake: concurrency sweep with {best_cfg.label} ({warmup:g} s warm-up + {duration:g} s each)", flush=True)
    points = []
    with gunicorn(best_cfg) as server:
        for c in levels:
            p = _http(server, script, connections=c, warmup=warmup, duration=duration)
            print(_line(p), flush=True)
            points.append(p)
        # the same load from one integrating account that holds the desk role in all 61 organisations
        mid = levels[len(levels) // 2]
        integ = write_wrk_script("intake_integrator", wrk_specs(pairs, lambda desk: world.integrator_token))
        p = _http(server, integ, connections=mid, warmup=warmup, duration=config_duration)
        p["account"] = "integrator (61 desk memberships)"
        print(_line(p) + "  [integrator account]", flush=True)
        out["integrator_point"] = p
        # every dossier received by one organisation (the provincial service centre): all requests
        # take today's code counter of that organisation, whose row stays locked until each commits
        hot = write_wrk_script("intake_one_org", wrk_specs(intake_bodies(world, per_org=64,
                                                                         only_org=world.centre[1])))
        p = _http(server, hot, connections=mid, warmup=warmup, duration=config_duration)
        p["scenario"] = f"one organisation ({world.centre[1]}) receives everything"
        print(_line(p) + "  [one organisation]", flush=True)
        out["one_org_point"] = p
    out["http"] = points

    print(f"intake: raw INSERT baseline ({raw_duration:g} s each)", flush=True)
    rows = _raw_rows(world, pairs)
    raw = {}
    for c in sorted({1, *levels}):
        r = quietly(lambda: raw_point(rows, connections=c, duration=raw_duration),
                    lambda x: x["cpu"]["other_cores"])
        lat = r["latency"] or {}
        print(f"  raw c={c:<3} {r['throughput_rps']:>7.1f} rows/s  median {lat.get('median_ms')} ms  "
              f"p95 {lat.get('p95_ms')} ms  errors {r['errors']}; per dossier client "
              f"{r['cpu_ms_per_request']['server']} ms pg {r['cpu_ms_per_request']['postgres']} ms; "
              f"db {r['db_backends']}", flush=True)
        raw[c] = r
    out["raw"] = list(raw.values())

    best = max(points, key=lambda p: p["throughput_rps"])
    for p in points:
        p["ratio_to_raw_same_concurrency"] = ratio(p["throughput_rps"], raw[p["connections"]]["throughput_rps"])
        p["ratio_to_raw_single_connection"] = ratio(p["throughput_rps"], raw[1]["throughput_rps"])
    out["headline"] = {
        "sustained_rps": best["throughput_rps"], "connections": best["connections"], "server": best_cfg.label,
        "latency_ms": best["latency_ms"], "errors": sum(p["errors"] for p in points),
        "raw_same_concurrency_rps": raw[best["connections"]]["throughput_rps"],
        "raw_single_connection_rps": raw[1]["throughput_rps"],
        "ratio_http_to_raw_same_concurrency": best["ratio_to_raw_same_concurrency"],
        "ratio_http_to_raw_single_connection": best["ratio_to_raw_single_connection"],
        "target_rps": 300, "meets_target": best["throughput_rps"] >= 300 and all(p["errors"] == 0 for p in points),
    }
    return out
