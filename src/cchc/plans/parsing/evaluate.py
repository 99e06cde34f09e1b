"""Precision and recall of the parser against a hand-made expected result (tests/plans/expected/).

A found task matches an expected one when its text contains the expected text (compared in
folded form, punctuation ignored); a target matches when value, unit and comparator agree and
at least 70% of the expected words appear in the found text. Matching is one-to-one, in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import PlanDraft
from .text import fold


def _words(s: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold(s)))


@dataclass
class Score:
    expected: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def _match(expected: list, found: list, same) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for i, e in enumerate(expected):
        for j, f in enumerate(found):
            if j not in used and same(e, f):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def task_same(e: dict, f) -> bool:
    return _words(e["text"]) in _words(f.task)


def target_same(e: dict, f) -> bool:
    if abs(float(e["value"]) - f.value) > 1e-9 or e["unit"] != f.unit or e.get("comparator", ">=") != f.comparator:
        return False
    want = _words(e["text"]).split()
    have = set(_words(f.text).split())
    return bool(want) and sum(w in have for w in want) / len(want) >= 0.7


def evaluate(draft: PlanDraft, expected: dict, org_names: dict[int, str]) -> dict:
    tasks = _match(expected["tasks"], draft.tasks, task_same)
    targets = _match(expected["targets"], draft.targets, target_same)
    lead_total = lead_ok = time_total = time_ok = 0
    for i, j in tasks:
        e, f = expected["tasks"][i], draft.tasks[j]
        if e.get("lead"):
            lead_total += 1
            first = f.leads[0] if f.leads else None
            got = "" if first is None else (f"group:{first.group}" if first.status == "group" else
                                             org_names.get(first.org_id, "") if first.status == "resolved" else "")
            lead_ok += fold(got) == fold(e["lead"])
        if e.get("due") is not None or e.get("recurrence"):
            time_total += 1
            due = f.time.due.isoformat() if f.time and f.time.due else None
            rec = f.time.recurrence if f.time else ""
            time_ok += due == e.get("due") and rec == e.get("recurrence", "")
    ident = expected.get("identity", {})
    di = draft.identity
    got_ident = {"number": di.number, "date": di.date.isoformat() if di.date else None,
                 "period": [di.period_start, di.period_end] if di.period_start else None}
    want_ident = {k: ident.get(k) for k in got_ident}
    areas_want = set(expected.get("areas", []))
    areas_got = {a.key for a in draft.areas if a.key != "custom"}
    return {
        "tasks": Score(len(expected["tasks"]), len(draft.tasks), len(tasks)),
        "targets": Score(len(expected["targets"]), len(draft.targets), len(targets)),
        "lead": (lead_ok, lead_total),
        "time": (time_ok, time_total),
        "identity": {k: got_ident[k] == want_ident[k] for k in got_ident},
        "areas": (len(areas_want & areas_got), len(areas_want), len(areas_got)),
        "missed_tasks": [expected["tasks"][i]["text"] for i in range(len(expected["tasks"]))
                         if i not in {p[0] for p in tasks}],
        "extra_tasks": [draft.tasks[j].task[:80] for j in range(len(draft.tasks)) if j not in {p[1] for p in tasks}],
        "missed_targets": [expected["targets"][i]["text"] for i in range(len(expected["targets"]))
                           if i not in {p[0] for p in targets}],
        "extra_targets": [draft.targets[j].text[:80] for j in range(len(draft.targets))
                          if j not in {p[1] for p in targets}],
    }
