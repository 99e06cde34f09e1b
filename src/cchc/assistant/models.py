"""The assistant's index: one entry per published procedure version.

Kept beside the catalogue (keyed by the version) rather than inside it: the catalogue stays the
legal record, this is derived data that ``cchc reindex_assistant`` can rebuild at any time.
Lexical search indexes ``folded`` with SQLite FTS5 and ``body`` with PostgreSQL full text over
``unaccent`` (both created in migration 0001 for the database in use).
"""
from django.db import models

from cchc.catalog.models import ProcedureVersion


class IndexEntry(models.Model):
    version = models.OneToOneField(ProcedureVersion, primary_key=True, on_delete=models.CASCADE,
                                   related_name="assistant_entry", verbose_name="phiên bản thủ tục")
    body = models.TextField("nội dung tìm kiếm")
    folded = models.TextField("nội dung bỏ dấu")
    passages = models.JSONField("các đoạn đã mã hóa", default=list)
    vectors = models.BinaryField("véc-tơ (float32, theo thứ tự các đoạn)")
    model_name = models.CharField("mô hình", max_length=80)
    indexed_at = models.DateTimeField("lập chỉ mục lúc", auto_now=True)

    class Meta:
        verbose_name = "mục chỉ mục trợ lý"
        verbose_name_plural = "chỉ mục trợ lý"

    def __str__(self) -> str:
        return f"chỉ mục {self.version_id}"
