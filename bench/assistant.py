"""Assistant benchmark: latency per question over a 2,000-procedure catalogue, model load, memory.

    python -m bench.assistant [--procedures 2000] [--threads 1] [--database-url URL] [--var-dir DIR]
    python -m bench --only assistant [same options]

Builds a throwaway database (SQLite in a temporary directory unless ``--database-url`` names a
throwaway PostgreSQL database), loads the demo organisations and its 240 procedures, then
publishes local variants of them per commune ("… (áp dụng tại Xã Phong Điền)") through the
catalogue services until the catalogue has ``--procedures`` versions in force. Every version is
embedded by the real publication hook. Then every committed evaluation question is asked, with
the query-vector cache cleared before each pass, in three passes measured in the same run:

1. ``search.rank`` in-process (what the budget is about), wall and CPU time of each question;
2. the model alone on the same texts (``embedder.query``): the floor the ranking cannot go under;
3. over Django's request stack (test client, no network): ``POST /api/v1/assistant/ask`` with each
   question, against the same endpoint given an empty question (422 before any search: the bare
   cost of routing, middleware, validation and rate limiting).

Results: printed as JSON with the load average before and after (the machine is shared).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, max(0, int(q * len(values) + 0.999999) - 1))], 1)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procedures", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=1, help="OpenMP threads of the model (default 1)")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--var-dir", default=None,
                        help="reuse the SQLite database of an earlier run (printed as var_dir) instead of building one")
    args = parser.parse_args(argv)

    workdir = args.var_dir or tempfile.mkdtemp(prefix="cchc-bench-assistant-")
    os.environ["CCHC_VAR_DIR"] = workdir
    os.environ["CCHC_ASSISTANT_THREADS"] = str(args.threads)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cchc.assistant import embedder, evaluation, search
    from cchc.catalog.selectors import published_versions

    call_command("migrate", verbosity=0)
    rss_start = rss_mb()
    t0 = time.perf_counter()
    if published_versions().count() >= args.procedures:
        needed = -1  # reused: already built
    else:
        needed = build(args.procedures)
    build_seconds = time.perf_counter() - t0
    search.forget()
    t1 = time.perf_counter()
    index = search.current()
    index_seconds = time.perf_counter() - t1
    assert index.size >= args.procedures, index.size

    rows = evaluation.load()
    embedder.model()
    load_before = [round(x, 2) for x in os.getloadavg()]
    wall, cpu = [], []
    embedder.clear_query_cache()
    for r in rows:
        start, c = time.perf_counter(), time.thread_time()
        search.rank(r["q"], limit=3)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - c) * 1000)

    model_wall, tokens = [], []
    embedder.clear_query_cache()
    m = embedder.model()
    for r in rows:
        text = search.parse(r["q"], index).for_model
        tokens.append(m.token_count(text, True))
        start = time.perf_counter()
        embedder.query(text)
        model_wall.append((time.perf_counter() - start) * 1000)

    http = http_pass(rows)
    result = {
        "database": connection.vendor, "var_dir": workdir, "procedures_in_force": index.size,
        "questions": len(rows), "threads": args.threads, "cpus": os.cpu_count(),
        "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "model_load_seconds": round(embedder.load_seconds or 0, 3),
        "catalogue_build_and_embed_seconds": round(build_seconds, 1) if needed >= 0 else None,
        "in_memory_index_build_seconds": round(index_seconds, 2),
        "latency_ms": {"p50": pct(wall, 0.5), "p95": pct(wall, 0.95), "max": round(max(wall), 1)},
        "cpu_ms": {"p50": pct(cpu, 0.5), "p95": pct(cpu, 0.95), "max": round(max(cpu), 1)},
        "model_only_ms": {"p50": pct(model_wall, 0.5), "p95": pct(model_wall, 0.95)},
        "model_tokens": {"p50": pct(tokens, 0.5), "p95": pct(tokens, 0.95), "max": max(tokens)},
        "ratio_rank_to_model_p50": round(pct(wall, 0.5) / max(pct(model_wall, 0.5), 0.001), 2),
        "http": http,
        "rss_mb": {"after_django_setup": round(rss_start, 1), "after_index_and_questions": round(rss_mb(), 1),
                   "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)},
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return result


def http_pass(rows: list[dict]) -> dict:
    """POST /api/v1/assistant/ask through Django's stack: every question, then the bare endpoint (422)."""
    from django.conf import settings
    from django.test import Client

    from cchc.assistant import embedder

    settings.CCHC_ASSISTANT_RATE_PER_MINUTE = 10 ** 9   # one client asks everything: no rate limit here
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 256 "Unprocessable Entity" warnings otherwise
    client = Client()
    url = "/api/v1/assistant/ask"
    client.post(url, {"question": rows[0]["q"]}, content_type="application/json")  # warm the route
    embedder.clear_query_cache()
    asked, bare = [], []
    for r in rows:
        start = time.perf_counter()
        resp = client.post(url, {"question": r["q"]}, content_type="application/json")
        asked.append((time.perf_counter() - start) * 1000)
        assert resp.status_code == 200, (resp.status_code, r["q"])
    for _ in rows:
        start = time.perf_counter()
        resp = client.post(url, {"question": ""}, content_type="application/json")
        bare.append((time.perf_counter() - start) * 1000)
        assert resp.status_code == 422, resp.status_code
    return {"ask_ms": {"p50": pct(asked, 0.5), "p95": pct(asked, 0.95)},
            "bare_endpoint_ms": {"p50": pct(bare, 0.5), "p95": pct(bare, 0.95)},
            "ratio_p50": round(pct(asked, 0.5) / max(pct(bare, 0.5), 0.001), 1)}


def build(procedures: int) -> int:
    """The demo organisations and catalogue, plus local variants per commune up to ``procedures``."""
    from django.db import transaction

    from cchc.catalog import services as catalog_services
    from cchc.catalog.exchange import import_catalog
    from cchc.catalog.selectors import published_versions
    from cchc.demo.seed import DATA, load_organisations
    from cchc.org.models import Organisation, OrgKind

    with transaction.atomic():
        load_organisations()
        report = import_catalog(actor=None, data=(DATA / "catalog.json").read_bytes(), fmt="json")
        assert report.ok, report.summary()
    base = list(published_versions().select_related("procedure").prefetch_related("components", "fees", "steps"))
    communes = list(Organisation.objects.filter(kind=OrgKind.COMMUNE, successor__isnull=True).order_by("code"))
    needed = max(0, procedures - len(base))
    with transaction.atomic():  # one transaction: the publication hook embeds in batches at commit
        for i in range(needed):
            v, commune = base[i % len(base)], communes[(i // len(base)) % len(communes)]
            fields = {f: getattr(v, f) for f in (
                "field", "level", "legal_basis", "subjects", "sequence", "method", "processing_amount",
                "processing_unit", "cutoff", "result_type", "online_level", "four_on_spot", "requirements", "keywords")}
            fields["name"] = f"{v.name} (áp dụng tại {commune.name})"
            draft = catalog_services.create_draft(
                actor=None, code=f"{v.procedure.code}.{commune.code}", fields=fields, competent_org=v.competent_org,
                components=[{k: getattr(c, k) for k in ("order", "name", "form", "quantity", "required",
                                                         "document_type")} for c in v.components.all()],
                fees=[{k: getattr(f, k) for k in ("kind", "name", "amount", "note")} for f in v.fees.all()],
                steps=[{"order": s.order, "name": s.name, "org": s.org, "unit_name": s.unit_name, "role": s.role,
                        "share": s.share} for s in v.steps.all()])
            catalog_services.publish(actor=None, version_id=draft.pk, valid_from=v.valid_from)
    return needed


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
