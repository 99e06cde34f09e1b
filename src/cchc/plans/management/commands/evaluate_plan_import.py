"""Precision and recall of the plan-document parser against hand-made expected results."""
from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cchc.plans.parsing import parse
from cchc.plans.parsing.evaluate import evaluate


class Command(BaseCommand):
    help = "Đo độ chính xác (precision) và độ phủ (recall) của bộ nhập kế hoạch trên các văn bản mẫu."

    def add_arguments(self, parser):
        parser.add_argument("seeds", nargs="?", default="../shared/seeds", help="thư mục chứa văn bản mẫu")
        parser.add_argument("--expected", default="tests/plans/expected", help="thư mục kết quả mong đợi (JSON)")
        parser.add_argument("--verbose-misses", action="store_true", help="in các nhiệm vụ, chỉ tiêu bị sót/thừa")

    def handle(self, *args, seeds, expected, verbose_misses, **opts):
        exp_dir, seed_dir = Path(expected), Path(seeds)
        orgs_file = exp_dir / "orgs.json"
        if not orgs_file.exists():
            raise CommandError(f"Không thấy {orgs_file}.")
        orgs = [tuple(o) for o in json.loads(orgs_file.read_text(encoding="utf-8"))]
        names = {o[0]: o[1] for o in orgs}
        rows = []
        for exp_file in sorted(exp_dir.glob("*.json")):
            if exp_file.name == "orgs.json":
                continue
            want = json.loads(exp_file.read_text(encoding="utf-8"))
            seed = seed_dir / want["seed"]
            if not seed.exists():
                raise CommandError(f"Không thấy văn bản mẫu {seed}.")
            draft = parse(seed.read_bytes(), seed.name, orgs)
            r = evaluate(draft, want, names)
            rows.append((want["seed"], r))
        self.stdout.write("| văn bản | nhiệm vụ P | nhiệm vụ R | chỉ tiêu P | chỉ tiêu R | chủ trì đúng "
                          "| thời hạn đúng | số, ngày, kỳ đúng |")
        self.stdout.write("|---|---|---|---|---|---|---|---|")
        for seed, r in rows:
            t, g = r["tasks"], r["targets"]
            ident = " ".join(f"{k}:{'✓' if ok else '✗'}" for k, ok in r["identity"].items())
            self.stdout.write(
                f"| {seed} | {t.precision:.2f} ({t.matched}/{t.found}) | {t.recall:.2f} ({t.matched}/{t.expected}) "
                f"| {g.precision:.2f} ({g.matched}/{g.found}) | {g.recall:.2f} ({g.matched}/{g.expected}) "
                f"| {r['lead'][0]}/{r['lead'][1]} | {r['time'][0]}/{r['time'][1]} | {ident} |")
        if verbose_misses:
            for seed, r in rows:
                for k in ("missed_tasks", "extra_tasks", "missed_targets", "extra_targets"):
                    for x in r[k]:
                        self.stdout.write(f"{seed} {k}: {x}")
