"""Evaluation of the assistant on the committed questions (eval/questions.jsonl).

Each line: ``q`` (a question as people type it), ``expected`` (procedure codes that answer it;
empty for a question no procedure answers) and ``split``: ``dev`` (looked at while building)
or ``held_out`` (written blind by someone who saw only the list of procedures; only evaluated to
report, never used to choose anything). docs/assistant-eval.md has the history of both.
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import search

QUESTIONS = Path(__file__).resolve().parent / "eval" / "questions.jsonl"
SPLITS = ("dev", "held_out")


def load(split: str | None = None, path: Path = QUESTIONS) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split in (None, "all", r["split"])]


@dataclass
class Report:
    split: str
    questions: int = 0           # with an expected procedure
    top1: int = 0                # answered (confident) and the first answer is expected
    top3: int = 0                # answered and one of the first three is expected
    ranked_top3: int = 0         # one of the first three is expected, confident or not
    off_topic: int = 0           # questions no procedure answers
    off_topic_refused: int = 0   # ... that got "no matching procedure"
    wrong_refusals: int = 0      # answerable questions refused
    latencies_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # CPU of this thread: what the machine's load does not change
    misses: list[dict] = field(default_factory=list)

    def rate(self, n: int) -> float:
        return n / self.questions if self.questions else 0.0

    def as_dict(self) -> dict:
        lat = sorted(self.latencies_ms)
        return {
            "split": self.split, "questions": self.questions,
            "top1": round(self.rate(self.top1), 4), "top3": round(self.rate(self.top3), 4),
            "ranked_top3": round(self.rate(self.ranked_top3), 4),
            "wrong_refusals": self.wrong_refusals,
            "off_topic": self.off_topic, "off_topic_refused": self.off_topic_refused,
            "p50_ms": percentile(lat, 0.5),
            "p95_ms": percentile(lat, 0.95), "cpu_p95_ms": percentile(sorted(self.cpu_ms), 0.95),
        }


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of sorted values."""
    if not values:
        return None
    return round(values[min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))], 1)


def evaluate(rows: list[dict], split: str = "all") -> Report:
    report = Report(split)
    index = search.current()
    for r in rows:
        start, cpu = time.perf_counter(), time.thread_time()
        ranking = search.rank(r["q"], index=index, limit=3)
        report.latencies_ms.append((time.perf_counter() - start) * 1000)
        report.cpu_ms.append((time.thread_time() - cpu) * 1000)
        codes = [index.codes[h.position] for h in ranking.hits]
        expected = set(r["expected"])
        if not expected:
            report.off_topic += 1
            report.off_topic_refused += not ranking.confident
            if ranking.confident:
                report.misses.append({"q": r["q"], "expected": [], "got": codes[:1]})
            continue
        report.questions += 1
        in3 = bool(expected & set(codes[:3]))
        report.ranked_top3 += in3
        if not ranking.confident:
            report.wrong_refusals += 1
        else:
            report.top1 += bool(codes) and codes[0] in expected
            report.top3 += in3
        if not in3 or not ranking.confident:
            report.misses.append({"q": r["q"], "expected": sorted(expected), "got": codes,
                                  "cosine": round(ranking.best_cosine, 3), "coverage": round(ranking.coverage, 2)})
    return report
