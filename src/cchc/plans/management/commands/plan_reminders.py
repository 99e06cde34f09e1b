"""Log reminders for plan tasks near or past their deadline (no notification service yet)."""
from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from cchc.core import clock
from cchc.plans import services


class Command(BaseCommand):
    help = "Ghi nhắc việc cho nhiệm vụ kế hoạch CCHC sắp đến hạn (7 và 1 ngày) hoặc đã quá hạn."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="ngày tính (YYYY-MM-DD), mặc định hôm nay")

    def handle(self, *args, today=None, **opts):
        made = services.send_reminders(today=today or clock.now().date())
        for r in made:
            self.stdout.write(f"{r.org or '(chưa có cơ quan chủ trì)'}: {r.message}")
        self.stdout.write(f"Đã ghi {len(made)} nhắc việc.")
