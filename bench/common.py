"""Shared pieces of the benchmark: where things live, the bench database, gunicorn, wrk, statistics."""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"
VAR_DIR = RESULTS_DIR / "var"
DOCS_FILE = ROOT / "docs" / "benchmarks.md"
# CCHC_BENCH_DB picks another bench database (two runs at once on one server); it must start with cchc_bench
BENCH_DB = os.environ.get("CCHC_BENCH_DB", "cchc_bench")
if not BENCH_DB.startswith("cchc_bench") or not BENCH_DB.replace("_", "").isalnum():
    sys.exit(f"CCHC_BENCH_DB={BENCH_DB!r}: the bench database name must start with cchc_bench (it is dropped)")
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cchc"
# The source tree served and migrated; ``--src`` points it at a scratch copy to measure a candidate change.
SRC_DIR = ROOT / "src"


def use_src(path: Path) -> None:
    global SRC_DIR
    SRC_DIR = Path(path).resolve()
    if not (SRC_DIR / "cchc" / "settings.py").exists():
        sys.exit(f"--src {path}: no cchc/settings.py there")


def snapshot_src() -> Path:
    """Copy the source tree and serve the copy, so edits made while the run goes on do not mix code states.

    Returns the copy; the caller removes it at the end (``shutil.rmtree``)."""
    global SRC_DIR
    copy = Path(tempfile.mkdtemp(prefix="cchc-bench-src-"))
    shutil.copytree(SRC_DIR, copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    SRC_DIR = copy
    return copy


# ------------------------------------------------------------------ database URLs

def bench_url() -> str:
    """DATABASE_URL with the database name replaced by ``cchc_bench`` (never the app's or a test database)."""
    parts = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", DEFAULT_URL))
    if not parts.scheme.startswith("postgres"):
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://user@host:port/db")
    return urllib.parse.urlunsplit(parts._replace(path="/" + BENCH_DB))


def maintenance_url() -> str:
    parts = urllib.parse.urlsplit(bench_url())
    return urllib.parse.urlunsplit(parts._replace(path="/postgres"))


def libpq_url() -> str:
    """The bench URL in the form psycopg accepts (``postgresql://``)."""
    url = bench_url()
    return "postgresql://" + url.split("://", 1)[1]


# ------------------------------------------------------------------ statistics

def pct(values, p: float) -> float:
    """Percentile with linear interpolation (p in 0..100)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 3), "p95_ms": round(pct(ms, 95), 3),
            "p99_ms": round(pct(ms, 99), 3), "min_ms": round(min(ms), 3), "max_ms": round(max(ms), 3)}


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


# ------------------------------------------------------------------ environment of the served app

def app_env() -> dict:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    (VAR_DIR / "static").mkdir(exist_ok=True)
    env = dict(os.environ)
    src = str(SRC_DIR)
    env.update({
        "DATABASE_URL": bench_url(), "DJANGO_SETTINGS_MODULE": "cchc.settings", "DJANGO_DEBUG": "0",
        "CCHC_VAR_DIR": str(VAR_DIR), "LOG_LEVEL": "ERROR",
        "PYTHONPATH": src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""),
    })
    return env


def configure_django() -> None:
    """Point this process at the bench database and set Django up (idempotent)."""
    os.environ.update({k: v for k, v in app_env().items() if k != "PYTHONPATH"})
    if str(SRC_DIR) not in sys.path:
        sys.path.insert(0, str(SRC_DIR))
    import django
    django.setup()


# ------------------------------------------------------------------ gunicorn

@dataclass(frozen=True)
class ServerConfig:
    worker_class: str = "sync"
    workers: int = 4
    threads: int = 1

    @property
    def label(self) -> str:
        return f"{self.worker_class} w={self.workers}" + (f" t={self.threads}" if self.worker_class == "gthread" else "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    cfg: ServerConfig


@contextmanager
def gunicorn(cfg: ServerConfig):
    """Serve cchc.wsgi:application on 127.0.0.1 with ``cfg``; yields a Server (base URL, master pid)."""
    port = free_port()
    cmd = [sys.executable, "-m", "gunicorn", "cchc.wsgi:application", "--bind", f"127.0.0.1:{port}",
           "--workers", str(cfg.workers), "--worker-class", cfg.worker_class, "--threads", str(cfg.threads),
           "--backlog", "2048", "--timeout", "60", "--log-level", "warning", "--preload"]
    log = open(RESULTS_DIR / "gunicorn.log", "ab")
    proc = subprocess.Popen(cmd, env=app_env(), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {proc.returncode}; see {RESULTS_DIR / 'gunicorn.log'}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start within 30 s")
                time.sleep(0.2)
        yield Server(base, proc.pid, cfg)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


# ------------------------------------------------------------------ wrk

WRK_HINT = ("wrk (the HTTP load generator) is missing. The benchmark installs it with "
            "`apt-get install -y wrk` when it runs as root; otherwise install it yourself.")


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    print("wrk not found: installing it with apt-get (Debian package `wrk`) ...", flush=True)
    if os.geteuid() == 0:
        for cmd in (["apt-get", "install", "-y", "-q", "wrk"], ["apt-get", "update", "-q"],
                    ["apt-get", "install", "-y", "-q", "wrk"]):
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if shutil.which("wrk"):
                return shutil.which("wrk")
    sys.exit(WRK_HINT)


def run_wrk(url: str, script: Path, *, connections: int, duration: float, threads: int = 1,
            timeout: float = 10) -> dict:
    """Run wrk with a Lua script whose done() prints one JSON line prefixed ``WRK_JSON``."""
    threads = max(1, min(threads, connections))
    cmd = [ensure_wrk(), "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(duration))}s",
           "--timeout", f"{timeout}s", "-s", str(script), url]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    out = done.stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for line in out.splitlines():
        if line.startswith("WRK_JSON "):
            res = json.loads(line[len("WRK_JSON "):])
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            res["wrk_cores"] = round(cpu / (res["duration_us"] / 1e6), 2)
            return res
    raise RuntimeError("wrk printed no result:\n" + out + done.stderr)


def cpu_count() -> int:
    return os.cpu_count() or 1


def _lua_str(s: str) -> str:
    """A Lua long-bracket string literal that cannot be closed by its content."""
    level = 1
    while f"]{'=' * level}]" in s:
        level += 1
    return f"[{'=' * level}[{s}]{'=' * level}]"


def write_wrk_script(name: str, specs: list[dict]) -> Path:
    """Render bench/wrk_template.lua with ``specs`` ({method, path, headers, body}) into bench/results/."""
    rows = []
    for s in specs:
        headers = ", ".join(f"[ {_lua_str(k)} ] = {_lua_str(v)}" for k, v in s.get("headers", {}).items())
        body = _lua_str(s["body"]) if s.get("body") is not None else "nil"
        rows.append(f"  {{method = {_lua_str(s['method'])}, path = {_lua_str(s['path'])}, "
                    f"headers = {{{headers}}}, body = {body}}},")
    text = (BENCH_DIR / "wrk_template.lua").read_text(encoding="utf-8").replace("--REQUESTS--", "\n".join(rows))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.lua"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ CPU accounting (Linux /proc)

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _proc_stat(pid: str) -> tuple[str, int, int] | None:
    """(comm, ppid, utime+stime ticks) of a process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    comm = raw[raw.index("(") + 1:raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2:].split()
    return comm, int(fields[1]), int(fields[11]) + int(fields[12])


def _ours(pid: str) -> bool:
    """A PostgreSQL process serving the bench database, or a shared one (WAL writer, checkpointer ...)."""
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    is_backend = "127.0.0.1(" in cmd or "[local]" in cmd or "::1(" in cmd
    return BENCH_DB in cmd or not is_backend


class CpuMeter:
    """CPU seconds used between start() and stop() by the app server, PostgreSQL, and the whole machine."""

    def __init__(self, server_pid: int | None = None):
        self.server_pid = server_pid

    def _sample(self) -> dict:
        groups: dict[str, dict[int, int]] = {"server": {}, "postgres": {}}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            st = _proc_stat(pid)
            if st is None:
                continue
            comm, ppid, ticks = st
            if self.server_pid and (int(pid) == self.server_pid or ppid == self.server_pid):
                groups["server"][int(pid)] = ticks
            elif comm.startswith("postgres") and _ours(pid):
                groups["postgres"][int(pid)] = ticks
        cpu = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        busy = sum(int(x) for x in cpu) - int(cpu[3]) - int(cpu[4])  # minus idle and iowait
        return {"groups": groups, "busy": busy, "wall": time.monotonic()}

    def start(self) -> None:
        self.a = self._sample()

    def stop(self) -> dict:
        b = self._sample()
        wall = b["wall"] - self.a["wall"]
        out = {"wall_s": round(wall, 2), "machine_busy_cores": round((b["busy"] - self.a["busy"]) / _TICK / wall, 2)}
        for g in ("server", "postgres"):
            ticks = sum(t - self.a["groups"][g].get(pid, 0) for pid, t in b["groups"][g].items())
            out[f"{g}_cores"] = round(ticks / _TICK / wall, 2)
        return out

    @staticmethod
    def other(cpu: dict, *own: float) -> float:
        """Cores busy with work that is not the benchmark's (another job on the machine)."""
        return round(max(0.0, cpu["machine_busy_cores"] - cpu["server_cores"] - cpu["postgres_cores"] - sum(own)), 2)


def machine_load(seconds: float = 3.0) -> dict:
    """How busy the machine is before the benchmark starts (another job skews every figure)."""
    meter = CpuMeter()
    meter.start()
    time.sleep(seconds)
    cpu = meter.stop()
    return {"busy_cores": cpu["machine_busy_cores"], "postgres_cores": cpu["postgres_cores"],
            "loadavg": Path("/proc/loadavg").read_text().split()[:3]}


def wait_until_quiet(max_wait: float, threshold: float = 0.3) -> dict:
    """Sample the machine load; with ``max_wait`` > 0, wait up to that long for it to fall under ``threshold``."""
    deadline = time.monotonic() + max_wait
    load = machine_load()
    while load["busy_cores"] > threshold and time.monotonic() < deadline:
        print(f"  machine busy ({load['busy_cores']} cores in use by other work); waiting ...", flush=True)
        time.sleep(10)
        load = machine_load()
    load["quiet"] = load["busy_cores"] <= threshold
    return load


def quietly(measure, other_of, *, limit: float = 0.25, retries: int = 1, wait: float = 60) -> dict:
    """Run ``measure()``; if other work used more than ``limit`` cores meanwhile, wait for quiet and
    measure again (at most ``retries`` times). Returns the attempt least disturbed, with ``attempts``."""
    best, tries = None, []
    for _ in range(retries + 1):
        r = measure()
        tries.append(other_of(r))
        if best is None or other_of(r) < other_of(best):
            best = r
        if other_of(r) <= limit:
            break
        print(f"    (other work used {other_of(r)} cores during that window: waiting up to {wait:g} s for quiet)",
              flush=True)
        if not wait_until_quiet(wait)["quiet"]:
            break  # still busy: measuring again would not be cleaner
    best["attempts_other_cores"] = tries
    return best
