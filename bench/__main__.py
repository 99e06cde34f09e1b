"""``python -m bench`` — see bench/README.md. Options: --quick, --only intake|list|measures|assistant, --src DIR."""
from __future__ import annotations

import argparse
import importlib
import json
import shutil
import signal
import sys
import time
from datetime import datetime

from . import common
from .common import RESULTS_DIR, ServerConfig

FULL = {
    "configs": [ServerConfig("sync", 3), ServerConfig("sync", 4), ServerConfig("sync", 5),
                ServerConfig("gthread", 2, 4), ServerConfig("gthread", 3, 4)],
    "config_connections": 16, "levels": [4, 8, 16, 32], "warmup": 5.0, "config_duration": 15.0, "duration": 30.0,
    "raw_duration": 10.0, "n_dossiers": 200_000, "n_requests": 300,
}
QUICK = {
    "configs": [ServerConfig("sync", 4)], "config_connections": 8, "levels": [8], "warmup": 2.0,
    "config_duration": 5.0, "duration": 5.0, "raw_duration": 3.0, "n_dossiers": 20_000, "n_requests": 50,
}
DEFAULT_LIST_SERVER = ServerConfig("sync", 4)


# Benchmarks measured inside this process on a database of their own (no wrk, no server):
# ``--only NAME`` hands the remaining options to their own ``main``.
IN_PROCESS = {"measures": "bench.measures", "assistant": "bench.assistant"}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--only"] and argv[1:2] and argv[1] in IN_PROCESS:
        result = importlib.import_module(IN_PROCESS[argv[1]]).main(argv[2:])
        return result if isinstance(result, int) else (0 if result else 1)
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small smoke run (seconds, 20k dossiers); no docs update")
    ap.add_argument("--only", choices=("intake", "list", *IN_PROCESS),
                    help="run one benchmark (measures, assistant: first option; see their modules for the rest)")
    ap.add_argument("--src", help="serve and migrate this source tree instead of ./src (to measure a candidate change)")
    ap.add_argument("--label", default="", help="label of the docs section, e.g. 'candidate: partial inbox index'")
    ap.add_argument("--no-docs", action="store_true", help="write JSON only, leave docs/benchmarks.md alone")
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                    help="wait up to SECONDS for other work on the machine to stop before measuring")
    ap.add_argument("--dossiers", type=int, help="dossiers for the list benchmark (default 200,000)")
    ap.add_argument("--requests", type=int, help="requests per list variant (default 300)")
    args = ap.parse_args(argv)
    args.argv = argv
    p = dict(QUICK if args.quick else FULL)
    p["n_dossiers"] = args.dossiers or p["n_dossiers"]
    p["n_requests"] = args.requests or p["n_requests"]
    if args.src:
        common.use_src(args.src)
    origin = common.SRC_DIR
    common.ensure_wrk()
    from . import intake, listing, report, setup  # the app itself is imported later, from the snapshot

    # SIGTERM (e.g. `kill <pid>` of a background run) unwinds like Ctrl-C: servers stopped, snapshot removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = datetime.now().astimezone()
    digest = report.src_digest(origin)
    snapshot = common.snapshot_src()
    print(f"bench: database {common.bench_url()} (dropped and recreated); source {origin} "
          f"(digest {digest}, served from the snapshot {snapshot})", flush=True)
    try:
        return _run(args, p, origin, digest, started, intake, listing, report, setup)
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)


def _run(args, p, origin, digest, started, intake, listing, report, setup) -> int:
    load = common.wait_until_quiet(args.wait_quiet)
    if not load["quiet"]:
        print(f"WARNING: {load['busy_cores']} cores were busy with other work before the run "
              f"(load average {' '.join(load['loadavg'])}); figures will be lower than on a quiet machine.",
              flush=True)
    results: dict = {"started": started.isoformat(timespec="seconds"), "quick": args.quick, "label": args.label,
                     "argv": args.argv, "database": common.BENCH_DB,
                     "params": {k: ([c.label for c in v] if k == "configs" else v) for k, v in p.items()},
                     "machine": report.machine(), "load_before": load, "src": str(origin), "src_digest": digest}
    t0 = time.monotonic()
    if args.only in (None, "intake"):
        world = setup.fresh_world()
        results["intake"] = intake.run(
            world, configs=p["configs"], config_connections=p["config_connections"], levels=p["levels"],
            warmup=p["warmup"], config_duration=p["config_duration"], duration=p["duration"],
            raw_duration=p["raw_duration"])
    if args.only in (None, "list"):
        chosen = results.get("intake", {}).get("chosen_server_args")
        cfg = ServerConfig(**chosen) if chosen else DEFAULT_LIST_SERVER
        world = setup.fresh_world()
        with common.gunicorn(cfg) as server:
            results["list"] = listing.run(world, server, n_dossiers=p["n_dossiers"], n_requests=p["n_requests"])
    results["load_after"] = common.machine_load()
    results["elapsed_s"] = round(time.monotonic() - t0, 1)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%d-%H%M%S")
    out = RESULTS_DIR / f"{stamp}{'-quick' if args.quick else ''}.json"
    text = json.dumps(results, indent=1, ensure_ascii=False, default=str)
    out.write_text(text, encoding="utf-8")
    (RESULTS_DIR / "latest.json").write_text(text, encoding="utf-8")
    print(f"bench: results in {out.relative_to(common.ROOT)}", flush=True)
    if not (args.quick or args.no_docs):
        report.write_docs(results, results["argv"])
        print(f"bench: section added to {common.DOCS_FILE.relative_to(common.ROOT)}", flush=True)
    print(report.verdict(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
