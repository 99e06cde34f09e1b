"""cchc appraisal_reminders [--send] [--on DATE] — PAR Index deadline reminders that are due.

Lists them; with --send, emails each recipient who has an address (Django's configured mail
backend) and marks the reminder sent, so it goes out once. Run daily (cron or a systemd timer).
"""
from datetime import date

from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError

from cchc.appraisal import services
from cchc.core import clock


class Command(BaseCommand):
    help = "Liệt kê (và với --send thì gửi) lời nhắc hạn tự đánh giá, thẩm định, công bố Chỉ số CCHC đã đến ngày."

    def add_arguments(self, parser):
        parser.add_argument("--send", action="store_true", help="gửi thư và đánh dấu đã gửi")
        parser.add_argument("--on", help="ngày xét (dd/mm/yyyy), mặc định hôm nay")

    def handle(self, *, send: bool, on: str | None, **opts):
        try:
            day = clock.now().date() if not on else date(*reversed([int(p) for p in on.split("/")]))
        except (TypeError, ValueError):
            raise CommandError("Ngày phải có dạng dd/mm/yyyy.") from None
        due = services.due_reminders(day)
        for r in due:
            text = services.reminder_text(r)
            self.stdout.write(f"{r.recipient.get_username()}: {text}")
            if send and r.recipient.email:
                send_mail("Nhắc hạn Chỉ số cải cách hành chính", text, None, [r.recipient.email])
        if send:
            services.mark_sent(reminders=due)
        self.stdout.write(f"{len(due)} lời nhắc đến hạn{' (đã gửi)' if send and due else ''}.")
