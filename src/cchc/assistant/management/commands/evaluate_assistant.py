"""Top-1 / top-3 accuracy of the assistant on the committed questions, per half."""
import json

from django.core.management.base import BaseCommand, CommandError

from cchc.assistant import evaluation, search


class Command(BaseCommand):
    help = ("Đánh giá trợ lý trên bộ câu hỏi đã cam kết: tỷ lệ đúng ở vị trí 1 và trong 3 kết quả đầu, "
            "cho nửa phát triển (dev) và nửa giữ lại (held_out). Cần danh mục đã nạp và đã lập chỉ mục.")

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=["dev", "held_out", "all"], default="all")
        parser.add_argument("--misses", action="store_true", help="in các câu trả lời sai")
        parser.add_argument("--json", action="store_true", dest="as_json", help="in kết quả dạng JSON")

    def handle(self, *args, split, misses, as_json, **options):
        if search.current().size == 0:
            raise CommandError("Chỉ mục trợ lý trống: nạp danh mục (cchc seed_demo) rồi chạy cchc reindex_assistant.")
        splits = evaluation.SPLITS if split == "all" else (split,)
        results = []
        for name in splits:
            report = evaluation.evaluate(evaluation.load(name), name)
            results.append(report.as_dict())
            if not as_json:
                d = report.as_dict()
                self.stdout.write(
                    f"{name:9} {d['questions']} câu: top-1 {d['top1']:.1%}, top-3 {d['top3']:.1%} "
                    f"(xếp hạng top-3 {d['ranked_top3']:.1%}, từ chối nhầm {d['wrong_refusals']}); "
                    f"câu ngoài phạm vi được từ chối {d['off_topic_refused']}/{d['off_topic']}; "
                    f"thời gian p50 {d['p50_ms']} ms, p95 {d['p95_ms']} ms (CPU p95 {d['cpu_p95_ms']} ms)")
            if misses:
                for m in report.misses:
                    self.stdout.write("  - " + json.dumps(m, ensure_ascii=False))
        if as_json:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))

