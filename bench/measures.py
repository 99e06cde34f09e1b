"""``python -m bench.measures`` — index 766 for a province-year of 2,000,000 dossiers, on PostgreSQL.

Drops and recreates the database ``cchc_bench_measures`` (or ``--db``) on the server of ``DATABASE_URL``
(default postgres://postgres@127.0.0.1:5432/cchc; only the database name is replaced), migrates
it, bulk-loads a province with COPY and times, alternately and several times over:

- **raw**: the hand-written SQL an analyst would write for the same numbers — one grouped pass
  over the dossiers with conditional aggregates (components from the counters stored on the
  dossier), one over ratings (grouped by the dossier's organisation and version they carry) —
  on a bare psycopg connection;
- **index**: ``selectors.index(Scope(), Period.year(2025))``: all metrics of the province, as the
  API computes them (index version, catalogue, the two grouped statements, Python roll-up);
- **table**: ``selectors.index_table``: the province and each of its 79 organisations.

Medians, the ratio index/raw, and a section appended to docs/benchmarks.md (``--no-docs``: not).
Options: ``--db NAME`` (instead of ``cchc_bench_measures``), ``--dossiers N`` (default 2,000,000),
``--runs N`` (default 5), ``--keep`` (reuse a loaded database of the same size instead of reloading it).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import urllib.parse
from datetime import datetime, timedelta, timezone

import psycopg

DB = "cchc_bench_measures"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs", "benchmarks.md")
TZ = timezone(timedelta(hours=7))
YEAR = 2025


def urls() -> tuple[str, str]:
    parts = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cchc"))
    if not parts.scheme.startswith("postgres"):
        sys.exit("bench.measures needs PostgreSQL: set DATABASE_URL=postgres://user@host:port/db")
    bench = urllib.parse.urlunsplit(parts._replace(path="/" + DB))
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    return bench, admin


def libpq(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def recreate(admin: str) -> None:
    with psycopg.connect(libpq(admin), autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {DB}")


def setup_django(bench_url: str) -> None:
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("CCHC_VAR_DIR", tempfile.mkdtemp(prefix="cchc-bench-measures-"))
    os.environ.setdefault("DJANGO_DEBUG", "0")
    sys.path.insert(0, os.path.join(ROOT, "src"))
    import django
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    django.setup()


# ------------------------------------------------------------------ loading


def build_world():
    """80 organisations and 170 published procedures (100 provincial with a competent agency, 70 commune)."""
    from datetime import date

    from cchc.catalog.models import Component, Procedure, ProcedureVersion
    from cchc.org.models import Organisation
    province = Organisation.objects.create(code="H98", name="UBND tỉnh Thử nghiệm", kind="province")
    centre = Organisation.objects.create(code="H98.50", name="Trung tâm Phục vụ hành chính công", kind="centre",
                                         parent=province)
    agencies = [Organisation.objects.create(code=f"H98.{i:02d}", name=f"Sở {i}", kind="agency", parent=province)
                for i in range(1, 19)]
    communes = [Organisation.objects.create(code=f"H98.9.{i:02d}", name=f"Xã {i}", kind="commune", parent=province)
                for i in range(1, 61)]
    versions = []
    for i in range(170):
        commune_level = i >= 100
        p = Procedure.objects.create(code=f"9.{i:06d}")
        versions.append(ProcedureVersion(
            procedure=p, version=1, status="published", valid_from=date(2024, 1, 1), name=f"Thủ tục {i}",
            field=f"Lĩnh vực {i % 12}", level="commune" if commune_level else "province",
            competent_org=None if commune_level else agencies[i % 18], sequence="Nộp, nhận kết quả",
            method="Trực tiếp, trực tuyến", subjects="Công dân", processing_amount=5 + i % 10,
            processing_unit="working_days", online_level=("full", "partial", "none")[i % 3]))
    ProcedureVersion.objects.bulk_create(versions)
    Component.objects.bulk_create(Component(version=v, order=1, name="Tờ khai") for v in versions)
    return centre, communes, versions


def load(conn, n: int, centre, communes, versions) -> dict:
    """COPY n dossiers of 2025, two components each, and a rating for one returned dossier in eight."""
    rnd = random.Random(766)
    t0 = time.monotonic()
    from cchc.measures.models import IndexVersion
    iv = IndexVersion.objects.order_by("-valid_from").first().id
    start = datetime(YEAR, 1, 1, 8, 0, tzinfo=TZ)
    commune_versions = [v for v in versions if v.level == "commune"]
    province_versions = [v for v in versions if v.level != "commune"]
    cols = ("id, code, version_id, org_id, current_org_id, status, channel, rule_set, applicant_kind, applicant_name, "
            "applicant_id_encrypted, applicant_id_digest, applicant_id_masked, applicant_phone, applicant_email, "
            "applicant_address, request, submitted_at, received_at, due_at, original_due_at, paused_at, "
            "paused_working_days, paused_working_minutes, supplement_count, apology_count, finished_at, returned_at, "
            "return_method, is_late, end_reason, fee_amount, paid_online, components_provided, components_digitised, "
            "components_reused, created_at, updated_at")
    n_comp = n_rating = 0
    answers = json.dumps({k: "hai_long" for k in (
        "thoi_gian_tong", "thoi_gian_tung_co_quan", "so_lan_lien_he", "so_co_quan_lien_he", "tiep_nhan_tra_ket_qua",
        "cong_khai_thu_tuc", "thai_do_can_bo", "tiep_thu_giai_trinh", "dich_vu_truc_tuyen")})
    tables = ("dossiers_dossier", "dossiers_dossiercomponent", "measures_rating")
    with conn.cursor() as cur:
        # a bulk load, not the app's work: foreign-key triggers off (the rows are consistent by
        # construction) and the secondary indexes built once at the end instead of row by row
        cur.execute("SET session_replication_role = replica")
        indexes = cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname "
                              "NOT IN (SELECT conname FROM pg_constraint)", [list(tables)]).fetchall()
        for name, _ in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        with cur.copy(f"COPY dossiers_dossier ({cols}) FROM STDIN") as dcopy:
            comp_buf, rate_buf, buf = io.StringIO(), io.StringIO(), io.StringIO()
            for i in range(1, n + 1):
                # Zipf-like: a few busy communes, the centre for provincial procedures
                if rnd.random() < 0.35:
                    org, v = centre, province_versions[int(rnd.paretovariate(1.2)) % len(province_versions)]
                else:
                    org = communes[int(rnd.paretovariate(1.1)) % len(communes)]
                    v = commune_versions[int(rnd.paretovariate(1.2)) % len(commune_versions)]
                rec = start + timedelta(days=rnd.randrange(365), minutes=rnd.randrange(540))
                due = rec + timedelta(days=7 + v.processing_amount % 5)
                supp = 0 if rnd.random() < 0.9 else (1 if rnd.random() < 0.8 else 2)
                age_days = (datetime(YEAR + 1, 1, 1, tzinfo=TZ) - rec).days
                r = rnd.random()
                status = 4 if age_days < 20 and r < 0.5 else (10 if r < 0.85 else 9 if r < 0.92 else 8 if r < 0.96
                                                              else 7)
                paused = rec + timedelta(days=2) if status == 4 and supp and rnd.random() < 0.5 else None
                fin = None if status == 4 else rec + timedelta(days=rnd.randrange(1, 12), hours=rnd.randrange(8))
                late = None if fin is None else (fin > due or supp > 1)
                returned = fin + timedelta(days=1) if status == 10 else None
                channel = 2 if rnd.random() < 0.45 else (1 if rnd.random() < 0.9 else 3)
                method = ("online" if rnd.random() < 0.3 else "desk") if returned else ""
                fee = 8000 if rnd.random() < 0.6 else 0
                paid = "t" if fee and rnd.random() < 0.4 else "f"
                apology = 1 if late and rnd.random() < 0.5 else 0
                ts = lambda x: x.isoformat() if x else "\\N"  # noqa: E731
                flags = [(rnd.random() < 0.85, rnd.random() < 0.4) for _ in range(2)]  # (digitised, reused)
                for dig, reu in flags:
                    n_comp += 1
                    comp_buf.write(f"{n_comp}\t{i}\tGiấy tờ {n_comp % 2}\t\t1\tt\t{'t' if dig else 'f'}\t"
                                   f"{'t' if reu else 'f'}\n")
                buf.write("\t".join((
                    str(i), f"{org.code}-{rec:%y%m%d}-{i:07d}", str(v.id), str(org.id), str(org.id), str(status),
                    str(channel), "nd118-2025" if rec.month >= 7 else "nd61-2018", "citizen", "Nguyễn Văn An",
                    "", "", "*********789", "0905123456", "", "Phường Thuận Hóa, tỉnh Thử nghiệm",
                    "Đề nghị giải quyết thủ tục", ts(rec), ts(rec), ts(due), ts(due), ts(paused), "0", "0",
                    str(supp), str(apology), ts(fin), ts(returned), method,
                    "\\N" if late is None else ("t" if late else "f"), "", str(fee), paid,
                    "2", str(sum(f[0] for f in flags)), str(sum(f[1] for f in flags)), ts(rec), ts(rec),
                )) + "\n")
                if returned and rnd.random() < 0.125:
                    n_rating += 1
                    sat = rnd.random() < 0.93
                    rate_buf.write(f"{n_rating}\t{i}\t{org.id}\t{v.id}\t{iv}\t{answers}\t{12 if sat else 4}\t"
                                   f"{12 if sat else 4}\t"
                                   f"{'hai_long' if sat else 'khong_hai_long'}\t{'t' if sat else 'f'}\tportal\t\\N\t"
                                   f"{ts(returned + timedelta(hours=3))}\n")
                if i % 50_000 == 0:
                    dcopy.write(buf.getvalue())
                    buf = io.StringIO()
            dcopy.write(buf.getvalue())
        with cur.copy("COPY dossiers_dossiercomponent (id, dossier_id, name, form, quantity, provided, digitised, "
                      "reused) FROM STDIN") as ccopy:
            ccopy.write(comp_buf.getvalue())
        with cur.copy("COPY measures_rating (id, dossier_id, dossier_org_id, dossier_version_id, index_version_id, "
                      "answers, self_points, appraised_points, band, satisfied, channel, rated_by_id, rated_at) "
                      "FROM STDIN") as rcopy:
            rcopy.write(rate_buf.getvalue())
        for _, ddl in indexes:
            cur.execute(ddl)
        cur.execute("SET session_replication_role = DEFAULT")
        for table in tables:
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    conn.commit()
    loaded = time.monotonic() - t0
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE")
    conn.autocommit = False
    return {"dossiers": n, "components": n_comp, "ratings": n_rating, "load_seconds": round(loaded, 1),
            "with_vacuum_seconds": round(time.monotonic() - t0, 1)}


# ------------------------------------------------------------------ the hand-written pass

S, E = f"{YEAR}-01-01 00:00+07", f"{YEAR + 1}-01-01 00:00+07"
RAW = [
    # every dossier fact in one grouped pass, components from the counters stored on the dossier
    f"""SELECT org_id, version_id, count(*) AS play,
      count(*) FILTER (WHERE late) AS late,
      count(*) FILTER (WHERE late AND apology_count > 0) AS late_apology,
      count(*) FILTER (WHERE received_at >= '{S}') AS received,
      count(*) FILTER (WHERE received_at >= '{S}' AND channel = 2 AND (returned_at IS NULL OR return_method = 'online'))
        AS online,
      count(*) FILTER (WHERE received_at >= '{S}' AND fee_amount > 0) AS fee,
      count(*) FILTER (WHERE received_at >= '{S}' AND fee_amount > 0 AND paid_online) AS paid_online,
      count(*) FILTER (WHERE finished_at < '{E}' AND status IN (9, 10)) AS result,
      count(*) FILTER (WHERE finished_at < '{E}' AND status IN (9, 10) AND return_method = 'online') AS e_result,
      coalesce(sum(components_provided) FILTER (WHERE received_at >= '{S}'), 0) AS components,
      coalesce(sum(components_digitised) FILTER (WHERE received_at >= '{S}'), 0) AS digitised,
      coalesce(sum(components_reused) FILTER (WHERE received_at >= '{S}'), 0) AS reused
    FROM (SELECT *, CASE WHEN finished_at < '{E}' THEN is_late
                         ELSE supplement_count > 1 OR (due_at < '{E}' AND (paused_at IS NULL OR due_at < paused_at))
                    END AS late
          FROM dossiers_dossier
          WHERE received_at < '{E}' AND (finished_at IS NULL OR finished_at >= '{S}')) d
    GROUP BY org_id, version_id""",
    # ratings given in the period, by the dossier's organisation and version copied on the rating
    f"""SELECT dossier_org_id, dossier_version_id, count(*), count(*) FILTER (WHERE satisfied)
    FROM measures_rating WHERE rated_at >= '{S}' AND rated_at < '{E}' GROUP BY 1, 2""",
]


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.measures", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossiers", type=int, default=2_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="reuse the loaded database if it holds as many dossiers")
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--db", default=DB, help=f"database to drop, load and measure (default {DB})")
    args = ap.parse_args(argv)
    globals()["DB"] = args.db  # read by urls() and recreate()
    bench, admin = urls()
    reuse = False
    if args.keep:
        try:
            with psycopg.connect(libpq(bench)) as c:
                reuse = c.execute("SELECT count(*) FROM dossiers_dossier").fetchone()[0] == args.dossiers
        except psycopg.Error:
            reuse = False
    if not reuse:
        recreate(admin)
    setup_django(bench)
    from django.core.management import call_command
    from django.db import connection

    from cchc.measures import selectors
    from cchc.measures.registry import Period, Scope
    if not reuse:
        call_command("migrate", verbosity=0)
        centre, communes, versions = build_world()
        with psycopg.connect(libpq(bench)) as conn:
            loaded = load(conn, args.dossiers, centre, communes, versions)
    else:
        loaded = {"dossiers": args.dossiers, "reused": True}
    print(f"bench.measures: {loaded}", flush=True)

    raw_conn = psycopg.connect(libpq(bench), autocommit=True)
    raw_conn.execute("SET jit = off")  # as the app does for its pass (queries._without_jit): same plans
    period = Period.year(YEAR)

    def raw():
        for sql in RAW:
            raw_conn.execute(sql).fetchall()

    def raw_dossiers_only():
        raw_conn.execute(RAW[0]).fetchall()

    result = {}

    def index():
        result["index"] = selectors.index(Scope(), period)

    def table():
        result["table"] = selectors.index_table(period)

    # warm both paths once (catalogue and organisation caches, PostgreSQL buffers)
    raw()
    index()
    runs = {"raw": [], "raw_dossiers_only": [], "index": [], "table": []}
    for _ in range(args.runs):
        runs["raw"].append(timed(raw))
        runs["index"].append(timed(index))
        runs["raw_dossiers_only"].append(timed(raw_dossiers_only))
        runs["table"].append(timed(table))
    connection.close()
    raw_conn.close()
    med = {k: statistics.median(v) for k, v in runs.items()}
    res = result["index"]
    summary = {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"), "loaded": loaded, "runs": args.runs,
        "median_seconds": {k: round(v, 3) for k, v in med.items()},
        "all_seconds": {k: [round(x, 3) for x in v] for k, v in runs.items()},
        "ratio_index_to_raw": round(med["index"] / med["raw"], 3),
        "ratio_table_to_raw": round(med["table"] / med["raw"], 3),
        "province": {"2.1": [res.metric("2.1").numerator, res.metric("2.1").denominator],
                     "total": res.total, "measured_max": res.measured_max},
        "load_average": os.getloadavg(), "cpus": os.cpu_count(),
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if not args.no_docs:
        append_docs(summary)
    return 0


def _n(x) -> str:
    return f"{x:,}" if isinstance(x, int) else "?"  # a reused load did not count its components


def append_docs(s: dict) -> None:
    m = s["median_seconds"]
    text = f"""
## Chỉ số 766 — {s['when']} (`python -m bench.measures`)

Province-year of {_n(s['loaded'].get('dossiers'))} dossiers ({_n(s['loaded'].get('components'))} components,
{_n(s['loaded'].get('ratings'))} ratings; {'reused from an earlier load' if s['loaded'].get('reused') else 'loaded now'}), PostgreSQL, {s['cpus']} CPUs, load average before/after
{', '.join(f'{x:.1f}' for x in s['load_average'])}. Medians of {s['runs']} alternating runs, seconds:

| what | median | runs |
|---|---|---|
| hand-written SQL: dossiers (component counters), ratings: 2 statements | {m['raw']:.3f} | {s['all_seconds']['raw']} |
| hand-written SQL: dossier statement alone | {m['raw_dossiers_only']:.3f} | {s['all_seconds']['raw_dossiers_only']} |
| `selectors.index` — all metrics of the province | {m['index']:.3f} | {s['all_seconds']['index']} |
| `selectors.index_table` — province + 79 organisations | {m['table']:.3f} | {s['all_seconds']['table']} |

Ratio index / hand-written: **{s['ratio_index_to_raw']}** (budget ≤ 1.5); table / hand-written:
{s['ratio_table_to_raw']}. Province 2.1 = {s['province']['2.1'][0]:,}/{s['province']['2.1'][1]:,};
total {s['province']['total']:.2f} of {s['province']['measured_max']:.0f} measured points.
"""
    with open(DOCS, "a", encoding="utf-8") as f:
        if f.tell() == 0:
            f.write("# Benchmarks\n")
        f.write(text)


if __name__ == "__main__":
    sys.exit(main())
