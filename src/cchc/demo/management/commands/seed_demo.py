"""cchc seed_demo — a plausible province with a year of dossiers (idempotent: skips if data exists)."""
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cchc.demo import seed, simulate
from cchc.org.models import Organisation


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: tỉnh, cơ quan, xã, cán bộ, danh mục thủ tục và hồ sơ của 12 tháng."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=5500, help="số hồ sơ (mặc định 5500)")
        parser.add_argument("--seed", type=int, default=2026, dest="random_seed")

    def handle(self, *, dossiers, random_seed: int, **opts):
        if Organisation.objects.exists():
            self.stdout.write("Đã có dữ liệu; bỏ qua việc tạo dữ liệu mẫu.")
            return
        started = time.monotonic()
        seed.seed_reference()
        self.stdout.write(f"Đã tạo tổ chức, cán bộ và danh mục thủ tục ({time.monotonic() - started:.0f} giây).")

        def progress(i, n):
            self.stdout.write(f"\r  hồ sơ {i:>5}/{n}", ending="")
            self.stdout.flush()

        made = simulate.Replay(seed=random_seed).run(dossiers, progress=progress)
        self.stdout.write(f"\rĐã tạo {made} hồ sơ của 12 tháng ({time.monotonic() - started:.0f} giây).")
        for label, n in simulate.status_counts().items():
            self.stdout.write(f"  {label}: {n}")
        call_command("create_demo_certificates", stdout=self.stdout)  # each organisation can sign results
        call_command("seed_appraisal_demo", random_seed=random_seed, stdout=self.stdout)  # SIPAS, PAR Index
