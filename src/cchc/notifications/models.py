"""Messages to citizens: templates (editable), the outbox (one row per event, channel and recipient),
and the opt-out list for optional messages."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DOSSIER_RECEIVED = "dossier_received", _("Đã tiếp nhận hồ sơ")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Yêu cầu bổ sung hồ sơ")
    PAYMENT_REQUESTED = "payment_requested", _("Thông báo nghĩa vụ tài chính")
    APOLOGY = "apology", _("Thư xin lỗi và hẹn lại ngày trả")
    RESULT_READY = "result_ready", _("Đã có kết quả")
    FEEDBACK_ANSWERED = "feedback_answered", _("Phản ánh, kiến nghị đã được trả lời")
    # to officials: deadlines of reform plan tasks and inspection recommendations (plans app)
    PLAN_TASK_DUE = "plan_task_due", _("Nhắc việc: nhiệm vụ CCHC sắp đến hạn")
    PLAN_TASK_LATE = "plan_task_late", _("Nhắc việc: nhiệm vụ CCHC đã quá hạn")
    RECOMMENDATION_DUE = "recommendation_due", _("Nhắc việc: kiến nghị sau kiểm tra sắp đến hạn")
    RECOMMENDATION_LATE = "recommendation_late", _("Nhắc việc: kiến nghị sau kiểm tra đã quá hạn")


class ChannelKind(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")


class Template(models.Model):
    kind = models.CharField("loại thông báo", max_length=24, choices=Kind.choices, unique=True)
    optional = models.BooleanField("người dân có thể từ chối nhận", default=False)
    subject = models.CharField("tiêu đề thư", max_length=200)
    email_body = models.TextField("nội dung thư điện tử")
    sms_body = models.CharField("nội dung SMS", max_length=480)
    active = models.BooleanField("đang dùng", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mẫu thông báo"
        verbose_name_plural = "mẫu thông báo"

    def __str__(self) -> str:
        return self.get_kind_display()


class Outbox(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        SKIPPED = "skipped", _("Không gửi (người nhận từ chối)")
        FAILED = "failed", _("Gửi lỗi, hết số lần thử")

    key = models.CharField(max_length=200, unique=True,
                           help_text="Sự kiện + kênh + người nhận: một sự kiện không bao giờ gửi hai lần.")
    kind = models.CharField("loại", max_length=24, choices=Kind.choices)
    channel = models.CharField("kênh", max_length=8, choices=ChannelKind.choices)
    recipient = models.CharField("người nhận", max_length=254)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    state = models.CharField("trạng thái", max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField("số lần thử", default=0)
    next_attempt_at = models.DateTimeField("thử lại lúc", db_index=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    dossier_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    feedback_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # capability in the message's opt-out link: whoever received this message owns its address
    token = models.CharField(max_length=32, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "thông báo (hộp thư đi)"
        verbose_name_plural = "hộp thư đi"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="outbox_due")]
        constraints = [models.UniqueConstraint(fields=["token"], condition=~models.Q(token=""),
                                               name="outbox_token_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"


class OptOut(models.Model):
    """A phone number or e-mail address that receives only the messages the law requires."""

    address = models.CharField("số điện thoại / thư điện tử", max_length=254, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "từ chối nhận thông báo không bắt buộc"
        verbose_name_plural = "từ chối nhận thông báo không bắt buộc"

    def __str__(self) -> str:
        return self.address
