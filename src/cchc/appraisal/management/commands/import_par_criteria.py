"""cchc import_par_criteria FILE --year Y --org-type agency|commune — a criteria tree from XLSX, all or nothing."""
from django.core.management.base import BaseCommand, CommandError

from cchc.appraisal import services
from cchc.appraisal.models import OrgType
from cchc.core.errors import DomainError


class Command(BaseCommand):
    help = ("Nhập bộ tiêu chí Chỉ số CCHC từ tệp XLSX (bảng 'Tiêu chí'). Có lỗi thì không nhập gì và "
            "liệt kê mọi lỗi theo bảng, dòng, cột.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--org-type", dest="org_type", choices=OrgType.values, required=True)
        parser.add_argument("--title", default="")

    def handle(self, file, *, year, org_type, title, **opts):
        try:
            with open(file, "rb") as fh:
                data = fh.read()
        except OSError as e:
            raise CommandError(f"Không đọc được {file}: {e.strerror or e}") from None
        try:
            report = services.import_criteria(actor=None, year=year, org_type=org_type, data=data, title=title)
        except DomainError as e:
            raise CommandError(e.message) from None
        for issue in report.errors:
            self.stderr.write(issue.message)
        if not report.ok:
            raise CommandError(f"Không nhập tiêu chí nào: tệp có {len(report.errors)} lỗi.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"Đã nhập {report.created} tiêu chí (bộ tiêu chí số {report.object_id})."))
