"""Feedback on administrative regulations and officials' conduct (phản ánh, kiến nghị)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import State


class Channel(models.TextChoices):
    PORTAL = "portal", _("Cổng dịch vụ công")
    API = "api", _("Hệ thống khác (API)")
    DESK = "desk", _("Trực tiếp")
    PHONE = "phone", _("Điện thoại")
    LETTER = "letter", _("Thư, văn bản")
    HOTLINE = "hotline", _("Đường dây nóng")


OFFICIAL_CHANNELS = {Channel.DESK, Channel.PHONE, Channel.LETTER, Channel.HOTLINE}


class Category(models.TextChoices):
    REGULATION = "regulation", _("Quy định hành chính")
    CONDUCT = "conduct", _("Hành vi của cán bộ, công chức")
    OTHER = "other", _("Khác")


class Rating(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", _("Rất hài lòng")
    SATISFIED = "satisfied", _("Hài lòng")
    UNSATISFIED = "unsatisfied", _("Không hài lòng")


class StageTimer(models.Model):
    """How many working days a stage may take (data: it changes by decree, an administrator edits it)."""

    class Stage(models.TextChoices):
        REFUSE = "refuse", _("Từ chối tiếp nhận")
        REQUEST_INFO = "request_info", _("Đề nghị bổ sung thông tin lần đầu")
        ANSWER = "answer", _("Xử lý, trả lời")
        PUBLISH = "publish", _("Công khai kết quả")

    stage = models.CharField("giai đoạn", max_length=16, choices=Stage.choices, unique=True)
    working_days = models.PositiveSmallIntegerField("số ngày làm việc")
    legal_basis = models.CharField("căn cứ", max_length=255, blank=True)

    class Meta:
        verbose_name = "thời hạn xử lý phản ánh"
        verbose_name_plural = "thời hạn xử lý phản ánh"

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.working_days} ngày làm việc"


class Feedback(models.Model):
    code = models.CharField("mã phản ánh", max_length=32, unique=True, null=True, blank=True)
    channel = models.CharField("kênh", max_length=8, choices=Channel.choices)
    state = models.CharField("trạng thái", max_length=16, choices=list(State.LABELS.items()),
                             default=State.RECEIVED, db_index=True)
    category = models.CharField("phân loại", max_length=12, choices=Category.choices, blank=True)
    procedure_code = models.CharField("mã thủ tục liên quan", max_length=64, blank=True, db_index=True)
    dossier_code = models.CharField("mã hồ sơ liên quan", max_length=64, blank=True, db_index=True)
    title = models.CharField("tiêu đề", max_length=200, blank=True)
    content = models.TextField("nội dung")
    # who sent it: the minimum needed to answer (Nghị định 13/2023)
    sender_name = models.CharField("người phản ánh", max_length=200)
    sender_phone = models.CharField("điện thoại", max_length=20, blank=True)
    sender_email = models.EmailField("thư điện tử", blank=True)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    consent_publish = models.BooleanField("đồng ý công khai", default=False)
    key_digest = models.CharField(max_length=64, blank=True)  # the sender's access key, hashed
    source_digest = models.CharField(max_length=64, blank=True, db_index=True)  # IP, hashed: rate limit
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True)  # phone, hashed: rate limit
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    org = models.ForeignKey("org.Organisation", verbose_name="cơ quan xử lý", null=True, blank=True,
                            on_delete=models.PROTECT, related_name="+")

    received_at = models.DateTimeField("tiếp nhận lúc", db_index=True)
    refuse_due_at = models.DateTimeField("hạn từ chối", null=True, blank=True)
    info_due_at = models.DateTimeField("hạn đề nghị bổ sung lần đầu", null=True, blank=True)
    answer_due_at = models.DateTimeField("hạn trả lời", null=True, blank=True, db_index=True)
    publish_due_at = models.DateTimeField("hạn công khai", null=True, blank=True)
    info_requested_at = models.DateTimeField(null=True, blank=True)
    info_provided_at = models.DateTimeField(null=True, blank=True)
    refused_at = models.DateTimeField(null=True, blank=True)
    refuse_reason = models.TextField("lý do từ chối", blank=True)
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True, db_index=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    published_at = models.DateTimeField("công khai lúc", null=True, blank=True)
    public_title = models.CharField(max_length=200, blank=True)
    public_content = models.TextField("nội dung công khai", blank=True)
    public_answer = models.TextField("trả lời công khai", blank=True)
    is_late = models.BooleanField("xử lý trễ hạn", null=True, blank=True,
                                  help_text="Từ chối, đề nghị bổ sung lần đầu hoặc trả lời quá hạn.")
    publish_late = models.BooleanField("công khai trễ hạn", null=True, blank=True)
    rating = models.CharField("đánh giá", max_length=16, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True, db_index=True)
    rating_comment = models.CharField("ý kiến", max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "phản ánh, kiến nghị"
        verbose_name_plural = "phản ánh, kiến nghị"
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.code or f"#{self.pk}"

    @property
    def state_label(self) -> str:
        return str(State.LABELS[self.state])  # in the active language


class Stage(models.Model):
    """History: each action on a feedback, with its deadline and whether it met it."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="stages")
    action = models.CharField(max_length=16)
    state = models.CharField(max_length=16)
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    org = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    on_time = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "bước xử lý phản ánh"
        verbose_name_plural = "bước xử lý phản ánh"
        ordering = ["feedback", "at", "id"]


class SenderDataAccess(models.Model):
    """Log of who viewed a feedback sender's name and contact (Nghị định 13/2023), as dossiers do."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="+")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=60)

    class Meta:
        verbose_name = "lượt xem thông tin người phản ánh"
        verbose_name_plural = "lượt xem thông tin người phản ánh"
        ordering = ["-at", "-id"]
