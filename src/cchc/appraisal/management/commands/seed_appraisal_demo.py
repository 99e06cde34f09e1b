"""cchc seed_appraisal_demo — SIPAS answers and a PAR Index cycle for the demo province (deterministic)."""
from django.core.management.base import BaseCommand, CommandError

from cchc.appraisal import demo


class Command(BaseCommand):
    help = ("Tạo dữ liệu mẫu SIPAS và Chỉ số CCHC năm 2026: bộ tiêu chí, phiếu khảo sát, tự đánh giá, "
            "thẩm định, công bố. Cần chạy 'cchc seed_demo' trước; bỏ qua nếu đã có.")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, dest="random_seed")

    def handle(self, *, random_seed: int, **opts):
        try:
            made = demo.seed(random_seed=random_seed)
        except RuntimeError as e:
            raise CommandError(str(e)) from None
        if not made:
            self.stdout.write("Đã có bộ tiêu chí mẫu năm 2026; bỏ qua.")
            return
        self.stdout.write(f"Đã tạo {made['responses']} phiếu SIPAS và {made['assessments']} bản đánh giá "
                          f"Chỉ số CCHC đã công bố (bộ tiêu chí số {made['tree_id']}).")
