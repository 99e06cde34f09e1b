"""Machine facts, the dated section of docs/benchmarks.md, and the one-paragraph verdict."""
from __future__ import annotations

import hashlib
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

import psycopg

from .common import DOCS_FILE, ROOT, ensure_wrk, maintenance_url
from .listing import plan_summary

TITLE = "# Benchmarks\n"
INTRO = """
## Dossier intake and officer list (`make bench`)

`make bench` (`python -m bench`, see `bench/README.md`) adds a dated section below, newest first,
and writes its JSON to `bench/results/` (not committed). Medians and p95 are over the measured
window; every figure has a baseline measured in the same run (raw SQL through psycopg on the same
database) and the ratio to it; CPU used by other work on the machine is recorded for every window.
Tests never assert timings: this file is the record.

"""
MARK = "<!-- make bench: runs below, newest first -->\n"


def _git() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
        return head + (" + uncommitted changes under src/" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def src_digest(src: Path) -> str:
    """Content hash of the served source tree (*.py, *.json): names the exact code measured, committed or not."""
    h = hashlib.sha256()
    for f in sorted(src.rglob("*")):
        if f.suffix in (".py", ".json") and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(src)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem = next((int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), 0)
    with psycopg.connect(maintenance_url()) as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
        pg_settings = {k: conn.execute(f"SHOW {k}").fetchone()[0]
                       for k in ("shared_buffers", "synchronous_commit", "work_mem", "max_connections")}
    wrk = subprocess.run([ensure_wrk(), "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    versions = {}
    for pkg in ("django", "django-ninja", "gunicorn", "psycopg", "pydantic"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem / 1024 / 1024, 1),
            "kernel": platform.release(), "python": platform.python_version(), "postgres": pg,
            "postgres_settings": pg_settings, "packages": versions, "wrk": wrk.strip(), "git": _git()}


def _ms(x) -> str:
    return "—" if x is None else f"{x:.1f}"


def _db(states: dict | None) -> str:
    """pg_stat_activity sample averages, short: connections in PostgreSQL / on a lock / on WAL / waiting for the app."""
    if not states:
        return "—"
    run = states.get("running in PostgreSQL", 0)
    lock = sum(v for k, v in states.items() if k.startswith("waiting for a lock"))
    wal = states.get("waiting for WAL flush (commit)", 0)
    app = states.get("in a transaction, waiting for the app", 0)
    other = round(sum(states.values()) - run - lock - wal - app, 2)
    return f"{run:g} / {lock:g} / {wal:g} / {app:g}" + (f" (+{other:g} other)" if other > 0 else "")


def _cpu_req(p: dict) -> str:
    c = p.get("cpu_ms_per_request") or {}
    return f"{_ms(c.get('server'))} / {_ms(c.get('postgres'))}"


def _yes(ok: bool) -> str:
    return "**yes**" if ok else "**no**"


def verdict(r: dict) -> str:
    lines = []
    if "intake" in r:
        h = r["intake"]["headline"]
        lines.append(
            f"intake: {h['sustained_rps']} req/s sustained at c={h['connections']} ({h['server']}), "
            f"p95 {h['latency_ms']['p95']} ms, {h['errors']} errors; raw inserts {h['raw_same_concurrency_rps']} rows/s "
            f"at the same concurrency (HTTP/raw {h['ratio_http_to_raw_same_concurrency']}), "
            f"{h['raw_single_connection_rps']} on one connection -> target >= 300 req/s: "
            f"{'MET' if h['meets_target'] else 'NOT MET'}")
    if "list" in r:
        h = r["list"]["headline"]
        lines.append(f"list: worst p95 {h['p95_ms_worst']} ms at {r['list']['data']['dossiers']:,} dossiers "
                     f"-> target p95 < 50 ms: {'MET' if h['meets_target'] else 'NOT MET'}")
    return "\n".join(lines)


def section(r: dict, argv: list[str]) -> str:
    m, load = r["machine"], r["load_before"]
    cmd = "make bench" if not argv else "python -m bench " + " ".join(argv)
    out = [f"### {r['started'][:16].replace('T', ' ')} — {'full run' if not r['quick'] else 'quick run'}"
           + (f" ({r['label']})" if r["label"] else ""), ""]
    out += [
        f"- Machine: {m['cpu']}, **{m['cores']} cores**, {m['memory_gb']} GB RAM, Linux {m['kernel']}; "
        f"PostgreSQL {m['postgres']} (shared_buffers {m['postgres_settings']['shared_buffers']}, "
        f"synchronous_commit {m['postgres_settings']['synchronous_commit']}) on the same machine; Python {m['python']}, "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + f"; {m['wrk']}.",
        f"- Code: `{m['git']}`, source tree digest `{r.get('src_digest', '?')}`"
        + (f", served from `{r['src']}`" if Path(r["src"]) != ROOT / "src" else "") + ".",
        f"- Command: `{cmd}` (database `{r.get('database', 'cchc_bench')}`, dropped and recreated); "
        f"took {r['elapsed_s'] / 60:.1f} min.",
        f"- Other work on the machine before the run: {load['busy_cores']} cores busy "
        f"(load average {' '.join(load['loadavg'])})" + ("" if load.get("quiet") else
                                                          " — **not quiet: figures are pessimistic**") + "; "
        "during the run see the *other* CPU column.",
        "",
    ]
    rows = []
    if "intake" in r:
        h = r["intake"]["headline"]
        rows.append(f"| Dossier intake, POST /api/v1/dossiers, sustained | ≥ 300 req/s, 0 errors | "
                    f"{h['sustained_rps']} req/s at c={h['connections']} ({h['server']}), p95 {_ms(h['latency_ms']['p95'])} ms,"
                    f" {h['errors']} errors | raw INSERTs {h['raw_same_concurrency_rps']} rows/s at c={h['connections']}, "
                    f"{h['raw_single_connection_rps']} on 1 connection | throughput HTTP/raw "
                    f"{h['ratio_http_to_raw_same_concurrency']} (vs 1 connection: "
                    f"{h['ratio_http_to_raw_single_connection']}) | {_yes(h['meets_target'])} |")
    if "list" in r:
        L = r["list"]
        worst = max(L["variants"], key=lambda v: v["app"]["p95_ms"])
        rows.append(f"| Officer list, GET /api/v1/dossiers at {L['data']['dossiers']:,} dossiers | p95 < 50 ms | "
                    f"worst p95 {_ms(worst['app']['p95_ms'])} ms ({worst['variant']}) | raw SQL p95 "
                    f"{_ms(worst['raw']['p95_ms'])} ms | latency app/raw: p95 {worst['ratio_p95']}×, median "
                    f"{worst['ratio_median']}× | {_yes(L['headline']['meets_target'])} |")
    out += ["| Requirement | Target | Measured | Baseline (same run) | Ratio | Met |",
            "|---|---|---|---|---|---|", *rows, ""]

    if "intake" in r:
        I = r["intake"]
        out += [f"#### Intake: server configuration (c={I['config_sweep'][0]['connections']}, "
                f"{I['config_sweep'][0]['duration_s']:.0f} s after {I['warmup_s']:.0f} s warm-up)", "",
                "| gunicorn | req/s | median ms | p95 ms | p99 ms | errors | CPU cores: app / PG / wrk / other "
                "| CPU ms per request: app / PG |",
                "|---|---|---|---|---|---|---|---|"]
        for p in I["config_sweep"]:
            c = p["cpu"]
            out.append(f"| {p['server']} | {p['throughput_rps']} | {_ms(p['latency_ms']['median'])} | "
                       f"{_ms(p['latency_ms']['p95'])} | {_ms(p['latency_ms']['p99'])} | {p['errors']} | "
                       f"{c['server_cores']} / {c['postgres_cores']} / {c['wrk_cores']} / {c['other_cores']} | "
                       f"{_cpu_req(p)} |")
        out += ["", f"Chosen: **{I['chosen_server']}** (highest throughput without errors).", "",
                f"#### Intake: sustained load, {I['chosen_server']} ({I['duration_s']:.0f} s after "
                f"{I['warmup_s']:.0f} s warm-up; {I['bodies']} distinct bodies over {I['organisations']} receiving "
                "organisations, each sent with its own desk officer's token)", "",
                "| connections | req/s | median ms | p95 ms | p99 ms | errors | rows − 201s¹ | raw rows/s, same conc. "
                "| HTTP/raw | CPU cores app / PG / wrk / other | CPU ms per request app / PG | DB connections² |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        raw = {x["connections"]: x for x in I["raw"]}
        for p in I["http"]:
            c = p["cpu"]
            out.append(f"| {p['connections']} | {p['throughput_rps']} | {_ms(p['latency_ms']['median'])} | "
                       f"{_ms(p['latency_ms']['p95'])} | {_ms(p['latency_ms']['p99'])} | {p['errors']} | "
                       f"{p['rows_minus_201']} | {raw[p['connections']]['throughput_rps']} | "
                       f"{p['ratio_to_raw_same_concurrency']} | {c['server_cores']} / {c['postgres_cores']} / "
                       f"{c['wrk_cores']} / {c['other_cores']} | {_cpu_req(p)} | {_db(p.get('db_backends'))} |")
        ip, hp = I.get("integrator_point"), I.get("one_org_point")
        if ip:
            out += ["", f"- Same load from one integrating account holding the desk role in all "
                        f"{I['organisations']} organisations, c={ip['connections']}: **{ip['throughput_rps']} req/s**, "
                        f"median {_ms(ip['latency_ms']['median'])} ms, p95 {_ms(ip['latency_ms']['p95'])} ms, "
                        f"{ip['errors']} errors; CPU ms per request app / PG {_cpu_req(ip)}."]
        if hp:
            out += [f"- Every dossier received by one organisation (the service centre; one code counter row), "
                    f"c={hp['connections']}: **{hp['throughput_rps']} req/s**, median {_ms(hp['latency_ms']['median'])}"
                    f" ms, p95 {_ms(hp['latency_ms']['p95'])} ms, {hp['errors']} errors; DB connections² "
                    f"{_db(hp.get('db_backends'))}."]
        out += ["", "¹ Dossiers created during the window minus 201 answers counted by wrk: requests in flight when "
                "wrk stops (sent, or waiting in the listen backlog of sync workers) are still completed by the "
                "server, at most one per connection, and so may be a warm-up request that outlived the settling wait "
                "under heavy load: expected 0 … 2 × connections, never negative (a 201 without its rows). "
                "Components = 2 × dossiers and audit records = dossiers were checked: "
                + ("all consistent." if all(p["rows_consistent"] for p in I["http"]) else "**inconsistent, see JSON**.")
                + " ² Average number of the app's database connections, sampled from pg_stat_activity every 0.1 s: "
                "running in PostgreSQL / waiting for a row lock / waiting for the WAL flush at commit / idle in a "
                "transaction while the app works.",
                "", "Raw INSERT baseline (counter upsert, dossier, 2 components, audit record, outbox notice; one "
                "transaction per dossier; psycopg, one connection per thread):", "",
                "| connections | rows/s | median ms | p95 ms | errors | CPU cores client / PG / other "
                "| CPU ms per dossier client / PG | DB connections² |",
                "|---|---|---|---|---|---|---|---|"]
        for x in I["raw"]:
            lat, c = x["latency"] or {}, x["cpu"]
            out.append(f"| {x['connections']} | {x['throughput_rps']} | {_ms(lat.get('median_ms'))} | "
                       f"{_ms(lat.get('p95_ms'))} | {x['errors']} | {c['server_cores']} / {c['postgres_cores']} / "
                       f"{c['other_cores']} | {_cpu_req(x)} | {_db(x.get('db_backends'))} |")
        out.append("")

    if "list" in r:
        L, d = r["list"], r["list"]["data"]
        out += [f"#### Officer list at {d['dossiers']:,} dossiers ({L['server']})", "",
                f"Data: 80 organisations (Zipf-like share); the officer's commune holds {d['busy_org_dossiers']:,} "
                f"dossiers, {d['busy_org_open']:,} of them open; {d['late_percent']} % late; due dates "
                f"{d['due_from']} … {d['due_to']}; table {d['table_size']}; loaded with COPY in {d['load_seconds']} s. "
                f"{L['variants'][0]['n']} sequential requests per variant (new connection each), interleaved with the "
                "raw SQL (SELECT … JOIN version, procedure … ORDER BY due_at, id LIMIT/OFFSET, plus COUNT) on one "
                "psycopg connection; page size 20.", "",
                "| variant | count | app median ms | app p95 ms | raw median ms | raw p95 ms | ratio median | "
                "ratio p95 | same page | CPU cores app / PG / other |", "|---|---|---|---|---|---|---|---|---|---|"]
        for v in L["variants"]:
            ck, c = v["check"] or {}, v.get("cpu") or {}
            out.append(f"| {v['variant']} | {ck.get('app_count')} | {_ms(v['app']['median_ms'])} | "
                       f"{_ms(v['app']['p95_ms'])} | {_ms(v['raw']['median_ms'])} | {_ms(v['raw']['p95_ms'])} | "
                       f"{v['ratio_median']} | {v['ratio_p95']} | {ck.get('same_page')} | "
                       f"{c.get('server_cores')} / {c.get('postgres_cores')} / {c.get('other_cores')} |")
        c = L["concurrent"]
        out += ["", f"Under load (wrk, {c['connections']} connections, 10 s, {c['variant']}): {c['throughput_rps']} "
                    f"req/s, median {_ms(c['median_ms'])} ms, p95 {_ms(c['p95_ms'])} ms.", ""]
        for e in L["explain"]:
            out += [f"EXPLAIN (ANALYZE, BUFFERS) of the SQL Django emits — {e['variant']} "
                    f"({e['queries_per_request']} queries per request):", "", "```"]
            out += plan_summary(e["page"]["plan"], 8)
            out += ["-- count:"] + plan_summary(e["count"]["plan"], 3)
            out += ["```", ""]
    return "\n".join(out) + "\n"


def write_docs(r: dict, argv: list[str]) -> None:
    """Insert the run's section after this benchmark's marker; other content of the file is kept as is
    (other benchmarks, e.g. ``python -m bench.measures``, add their own sections)."""
    text = DOCS_FILE.read_text(encoding="utf-8") if DOCS_FILE.exists() else TITLE
    if MARK not in text:
        if text.startswith(TITLE):
            text = TITLE + INTRO + MARK + "\n" + text[len(TITLE):].lstrip("\n")
        else:
            text = text.rstrip("\n") + "\n" + INTRO + MARK
    head, _, tail = text.partition(MARK)
    DOCS_FILE.write_text(head + MARK + "\n" + section(r, argv) + "\n" + tail.lstrip("\n"), encoding="utf-8")



if __name__ == "__main__":  # python -m bench.report bench/results/<run>.json: (re)write that run's docs section
    import json
    import sys

    for name in sys.argv[1:]:
        run = json.loads(Path(name).read_text(encoding="utf-8"))
        write_docs(run, run.get("argv", []))
        print(f"{name}: section written to {DOCS_FILE}")
