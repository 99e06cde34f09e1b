"""Remove blobs no StoredFile references (left by a crash between writing a blob and committing)."""
import time

from django.core.management.base import BaseCommand, CommandError

from cchc.documents import storage
from cchc.documents.models import StoredFile


class Command(BaseCommand):
    help = "Xóa các tệp trong kho lưu trữ không còn được hồ sơ nào tham chiếu."

    def add_arguments(self, parser):
        parser.add_argument("--grace-minutes", type=int, default=60,
                            help="Chỉ xóa tệp cũ hơn số phút này (một giao dịch đang chạy có thể sắp tham chiếu nó).")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, grace_minutes, dry_run, **opts):
        cutoff = time.time() - grace_minutes * 60
        removed = 0
        try:
            for key in storage.all_keys():
                if StoredFile.objects.filter(key=key).exists():
                    continue
                if storage.modified_at(key).timestamp() > cutoff:
                    continue
                if not dry_run:
                    storage.discard_if_unreferenced(key)
                removed += 1
        except storage.BlobStoreError as e:
            raise CommandError(f"Không truy cập được kho lưu trữ tệp ({e.reason}); đã xóa {removed} tệp.") from e
        self.stdout.write(f"{'Sẽ xóa' if dry_run else 'Đã xóa'} {removed} tệp không được tham chiếu.")
