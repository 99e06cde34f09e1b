"""What the bench database's client backends are doing, sampled from pg_stat_activity.

A window where neither the app nor PostgreSQL uses the CPU it could is waiting on something:
row locks (the per-day code counter), WAL flushes at commit, or the app (idle in transaction
while Python works between statements). Sampling every ``interval`` seconds shows which.
"""
from __future__ import annotations

import threading
from collections import Counter

import psycopg

from .common import libpq_url

SQL = """
SELECT state, wait_event_type, wait_event FROM pg_stat_activity
WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()"""


def classify(state: str | None, wtype: str | None, wevent: str | None) -> str | None:
    if state == "active":
        if wtype is None:
            return "running in PostgreSQL"
        if wtype == "Lock":
            return f"waiting for a lock ({wevent})"
        if wevent in ("WALSync", "WALWrite", "WALFlush") or (wtype == "LWLock" and (wevent or "").startswith("WAL")):
            return "waiting for WAL flush (commit)"
        return f"waiting: {wtype}/{wevent}"
    if state == "idle in transaction":
        return "in a transaction, waiting for the app"
    return None  # idle between requests: not counted


class WaitSampler:
    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.counts: Counter = Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with psycopg.connect(libpq_url(), autocommit=True) as conn:
            while not self._stop.wait(self.interval):
                self.samples += 1
                for row in conn.execute(SQL).fetchall():
                    label = classify(*row)
                    if label:
                        self.counts[label] += 1

    def __enter__(self) -> WaitSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def result(self) -> dict:
        """Average number of backends in each state (e.g. 2.5 = on average 2.5 connections were there)."""
        n = max(self.samples, 1)
        return {k: round(v / n, 2) for k, v in self.counts.most_common()}
