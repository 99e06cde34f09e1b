"""cchc import_catalog FILE — import a procedure catalogue (JSON, XLSX or ZIP of CSV), all or nothing."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cchc.catalog.exchange import FORMATS, format_from_path, import_catalog


class Command(BaseCommand):
    help = ("Nhập danh mục thủ tục từ tệp JSON, XLSX hoặc ZIP chứa các tệp CSV (docs/catalog-format.md). "
            "Có lỗi thì không nhập gì và liệt kê mọi lỗi.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", dest="fmt", choices=FORMATS,
                            help="mặc định theo đuôi tệp: .json, .xlsx, .zip")
        parser.add_argument("--as-user", dest="username", help="tên đăng nhập của người thực hiện")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")

    def handle(self, file, fmt=None, username=None, dry_run=False, **opts):
        fmt = fmt or format_from_path(file)
        if fmt is None:
            raise CommandError(f"Không đoán được định dạng của {file}; dùng --format {'|'.join(FORMATS)}.")
        actor = None
        if username:
            User = get_user_model()
            try:
                actor = User.objects.get(**{User.USERNAME_FIELD: username})
            except User.DoesNotExist:
                raise CommandError(f"Không có người dùng '{username}'.") from None
        try:
            with open(file, "rb") as fh:
                data = fh.read()
        except OSError as e:
            raise CommandError(f"Không đọc được {file}: {e.strerror or e}") from None
        report = import_catalog(actor=actor, data=data, fmt=fmt, dry_run=dry_run)
        for issue in report.errors:
            self.stderr.write(issue.message)
        if not report.ok:
            raise CommandError(report.summary(), returncode=1)
        self.stdout.write(self.style.SUCCESS(report.summary()))
