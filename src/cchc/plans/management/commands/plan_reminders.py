"""Log reminders for plan tasks and inspection recommendations near or past their deadline and queue
their e-mails (delivered by ``cchc send_notifications``)."""
from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from cchc.core import clock
from cchc.plans import services


class Command(BaseCommand):
    help = ("Ghi nhắc việc cho nhiệm vụ kế hoạch CCHC và kiến nghị sau kiểm tra sắp đến hạn (7 và 1 ngày) "
            "hoặc đã quá hạn, và đưa thư nhắc việc vào hàng chờ gửi.")

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="ngày tính (YYYY-MM-DD), mặc định hôm nay")

    def handle(self, *args, today=None, **opts):
        made = services.send_reminders(today=today or clock.now().date())
        for r in made:
            to = (f"gửi tới {', '.join(r.recipients)}" if r.recipients
                  else "không có ai để gửi: cơ quan chưa có cán bộ CCHC hay lãnh đạo có thư điện tử")
            self.stdout.write(f"{r.org or '(chưa có cơ quan chủ trì)'}: {r.message} — {to}")
        self.stdout.write(f"Đã ghi {len(made)} nhắc việc, đưa {sum(len(r.recipients) for r in made)} thư vào hàng "
                          "chờ gửi (cchc send_notifications).")
