"""Rebuild the assistant's index of the whole catalogue in force, with a progress line."""
import time

from django.core.management.base import BaseCommand

from cchc.assistant import embedder, services


class Command(BaseCommand):
    help = "Lập lại chỉ mục tìm kiếm của trợ lý cho toàn bộ thủ tục đang có hiệu lực."

    def handle(self, *args, **options):
        start = time.perf_counter()
        err = self.stderr  # the command's stderr (sys.stderr unless redirected)

        def progress(done: int, total: int) -> None:
            # a plain counter on stderr: no extra dependency, readable in logs as well as terminals
            width = 30
            filled = width * done // max(total, 1)
            err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} thủ tục", ending="")
            err.flush()

        n = services.reindex_catalogue(actor=None, progress=progress)
        err.write("")
        self.stdout.write(f"Đã lập chỉ mục {n} thủ tục trong {time.perf_counter() - start:.1f} giây "
                          f"(mô hình {embedder.MODEL_NAME}, nạp trong {embedder.load_seconds or 0:.2f} giây).")
