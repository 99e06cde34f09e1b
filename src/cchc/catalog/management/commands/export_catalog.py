"""cchc export_catalog FILE --format json|xlsx|csv — write the procedures in force today."""
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from cchc.catalog.exchange import FORMATS, export_catalog, format_from_path


class Command(BaseCommand):
    help = ("Xuất danh mục thủ tục đang có hiệu lực ra tệp JSON, XLSX hoặc ZIP chứa các tệp CSV "
            "(cùng định dạng với import_catalog).")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", dest="fmt", choices=FORMATS,
                            help="mặc định theo đuôi tệp: .json, .xlsx, .zip")
        parser.add_argument("--on", dest="day", type=date.fromisoformat,
                            help="xuất các phiên bản có hiệu lực vào ngày này (YYYY-MM-DD), mặc định hôm nay")

    def handle(self, file, fmt=None, day=None, **opts):
        fmt = fmt or format_from_path(file)
        if fmt is None:
            raise CommandError(f"Không đoán được định dạng của {file}; dùng --format {'|'.join(FORMATS)}.")
        data = export_catalog(fmt, day=day)
        try:
            with open(file, "wb") as fh:
                fh.write(data)
        except OSError as e:
            raise CommandError(f"Không ghi được {file}: {e.strerror or e}") from None
        self.stdout.write(self.style.SUCCESS(f"Đã xuất danh mục ra {file} ({len(data)} byte)."))
