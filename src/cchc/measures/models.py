"""Measurement data: the versioned index rules, citizens' ratings of dossiers, daily snapshots.

Numbers themselves are never stored as the truth: they are computed from the dossiers on
demand (``queries.py``); snapshots only keep yesterday's answers so trends can be drawn.
"""
from django.conf import settings
from django.db import models

from cchc.dossiers.models import Dossier
from cchc.org.models import Organisation


class IndexVersion(models.Model):
    """One version of the index rules (maxima, thresholds, empty-denominator rules, rating bands).

    Rules change by decision: a new version with a later ``valid_from`` replaces the old one for
    periods that start from then; past periods keep being judged by the rules of their time.
    """

    code = models.CharField("mã phiên bản", max_length=40, unique=True)
    name = models.CharField("tên", max_length=300)
    decision = models.CharField("văn bản quy định", max_length=200, blank=True)
    valid_from = models.DateField("áp dụng từ")
    valid_to = models.DateField("áp dụng đến (không gồm)", null=True, blank=True)
    rules = models.JSONField("nhóm, chỉ tiêu, ngưỡng, điểm tối đa, thang đánh giá")

    class Meta:
        verbose_name = "phiên bản Bộ chỉ số 766"
        verbose_name_plural = "phiên bản Bộ chỉ số 766"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class RatingChannel(models.TextChoices):
    PORTAL = "portal", "Cổng dịch vụ công"
    KIOSK = "kiosk", "Máy/quầy đánh giá tại Bộ phận Một cửa"
    API = "api", "API"


class Rating(models.Model):
    """A citizen's rating of one returned dossier: nine criteria, three levels (DOMAIN §4)."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="rating")
    # the dossier's receiving organisation and procedure version (fixed at intake), copied so the
    # index counts ratings in a pass over ratings alone, without joining 2M dossiers (ADR 0008 §11)
    dossier_org = models.ForeignKey(Organisation, verbose_name="nơi tiếp nhận hồ sơ", on_delete=models.PROTECT,
                                    related_name="+", db_index=False)
    dossier_version = models.ForeignKey("catalog.ProcedureVersion", verbose_name="thủ tục (phiên bản)",
                                        on_delete=models.PROTECT, related_name="+", db_index=False)
    index_version = models.ForeignKey(IndexVersion, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField("câu trả lời theo tiêu chí")
    self_points = models.PositiveSmallIntegerField("điểm tự đánh giá")
    appraised_points = models.PositiveSmallIntegerField("điểm thẩm định")
    band = models.CharField("xếp loại", max_length=20)
    satisfied = models.BooleanField("hài lòng")
    channel = models.CharField("kênh", max_length=8, choices=RatingChannel.choices)
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    rated_at = models.DateTimeField("đánh giá lúc", db_index=True)

    class Meta:
        verbose_name = "đánh giá hồ sơ"
        verbose_name_plural = "đánh giá hồ sơ"


class Snapshot(models.Model):
    """One metric of one organisation (empty: the province) as computed for the year to ``day``."""

    day = models.DateField("ngày")
    org = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    metric = models.CharField("chỉ tiêu", max_length=40)  # "2.1", "total", or a named measurement
    numerator = models.BigIntegerField(null=True)
    denominator = models.BigIntegerField(null=True)
    score = models.FloatField(null=True)
    max = models.FloatField(null=True)
    measured = models.BooleanField(default=True)
    index_version = models.CharField(max_length=40)

    class Meta:
        verbose_name = "số liệu chụp hằng ngày"
        verbose_name_plural = "số liệu chụp hằng ngày"
        constraints = [
            models.UniqueConstraint(fields=["day", "org", "metric"], name="snapshot_unique"),
            models.UniqueConstraint(fields=["day", "metric"], condition=models.Q(org__isnull=True),
                                    name="snapshot_province_unique"),
        ]
        indexes = [models.Index(fields=["org", "metric", "day"])]
