"""Assistant benchmark: latency per question over a 2,000-procedure catalogue, model load, memory.

    python -m bench.assistant [--procedures 2000] [--threads 1] [--database-url URL]

Builds a throwaway database (SQLite in a temporary directory unless ``--database-url`` names a
throwaway PostgreSQL database), loads the demo organisations and its 240 procedures, then
publishes local variants of them per commune ("… (áp dụng tại Xã Phong Điền)") through the
catalogue services until the catalogue has ``--procedures`` versions in force. Every version is
embedded by the real publication hook. Then every committed evaluation question is asked once,
with the query cache cleared, and the wall and CPU time of each is recorded.

Results: printed as JSON; docs/benchmarks.md has the figures of a run on the project machine.
"""
from __future__ import annotations

import argparse
import json
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
    embedder.clear_query_cache()
    wall, cpu = [], []
    for r in rows:
        start, c = time.perf_counter(), time.thread_time()
        search.rank(r["q"], limit=3)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    result = {
        "database": connection.vendor, "var_dir": workdir, "procedures_in_force": index.size,
        "questions": len(rows), "threads": args.threads, "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(), "model_load_seconds": round(embedder.load_seconds or 0, 3),
        "catalogue_build_and_embed_seconds": round(build_seconds, 1) if needed >= 0 else None,
        "in_memory_index_build_seconds": round(index_seconds, 2),
        "latency_ms": {"p50": pct(wall, 0.5), "p95": pct(wall, 0.95), "max": round(max(wall), 1)},
        "cpu_ms": {"p50": pct(cpu, 0.5), "p95": pct(cpu, 0.95), "max": round(max(cpu), 1)},
        "rss_mb": {"after_django_setup": round(rss_start, 1), "after_index_and_questions": round(rss_mb(), 1),
                   "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)},
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return result


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
                "processing_unit", "cutoff", "result_type", "online_level", "four_on_spot", "requirements")}
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
