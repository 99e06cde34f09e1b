from django.core.management.base import BaseCommand

from cchc.notifications.services import send_pending


class Command(BaseCommand):
    help = "Gửi các thông báo đang chờ (thư điện tử, SMS); lỗi thì thử lại sau theo thời gian giãn dần."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="số thông báo tối đa mỗi lần chạy")

    def handle(self, *args, limit, **options):
        c = send_pending(limit=limit)
        self.stdout.write(f"Đã gửi {c['sent']}, chờ thử lại {c['retry']}, lỗi hẳn {c['failed']}.")
