"""cchc load_calendar FILE — enter announced days off / make-up working days for one or more years."""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cchc.calendar.models import CalendarDay, CalendarYear
from cchc.calendar.rules import _expand


class Command(BaseCommand):
    help = "Nạp lịch nghỉ, ngày làm bù đã công bố từ tệp JSON (định dạng như calendar/data/vn.json)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    @transaction.atomic
    def handle(self, file, **opts):
        import json
        try:
            raw = json.load(open(file, encoding="utf-8"))
            years = raw["years"].items()
        except (OSError, ValueError, KeyError, AttributeError) as e:
            raise CommandError(f"Tệp lịch không hợp lệ: {e}") from e
        n = 0
        for key, data in years:
            year = int(key)
            try:
                off = _expand(data.get("days_off", ()), year)
                work = _expand(data.get("working_days", ()), year)
            except ValueError as e:
                raise CommandError(str(e)) from e
            if off & work:
                raise CommandError(f"Năm {year}: có ngày vừa nghỉ vừa làm việc.")
            CalendarYear.objects.update_or_create(year=year, defaults={
                "confirmed": data.get("confirmed", True), "note": data.get("note", "")[:300]})
            CalendarDay.objects.filter(date__year=year).delete()
            CalendarDay.objects.bulk_create([CalendarDay(date=d, kind="off") for d in sorted(off)]
                                            + [CalendarDay(date=d, kind="work") for d in sorted(work)])
            n += 1
        self.stdout.write(self.style.SUCCESS(f"Đã nạp lịch của {n} năm."))
