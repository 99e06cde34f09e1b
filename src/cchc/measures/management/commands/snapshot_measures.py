"""cchc snapshot_measures [--date dd/mm/yyyy] — store the day's index so trends can be drawn."""
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from cchc.core import clock
from cchc.measures import services


class Command(BaseCommand):
    help = ("Chụp số liệu Bộ chỉ số 766 (lũy kế từ đầu năm) của toàn tỉnh và từng đơn vị cho một ngày; "
            "chạy lại thì thay.")

    def add_arguments(self, parser):
        parser.add_argument("--date", help="ngày (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định hôm qua")

    def handle(self, *args, date=None, **opts):
        if date:
            for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
                try:
                    day = datetime.strptime(date, fmt).date()
                    break
                except ValueError:
                    continue
            else:
                raise CommandError(f"Ngày “{date}” không đúng dạng dd/mm/yyyy.")
        else:
            from datetime import timedelta
            day = clock.now().date() - timedelta(days=1)  # yesterday is complete
        n = services.snapshot(actor=None, day=day)
        self.stdout.write(f"Đã chụp {n} số liệu ngày {day:%d/%m/%Y}.")
