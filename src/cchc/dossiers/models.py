"""Dossiers (hồ sơ) and everything that happens to them.

Only ``services.py`` writes these rows. The timing facts that measurements need (received,
due, finished, returned, paused time, supplement count, late, apology) are stored on the
dossier when the action that fixes them happens, so every report is a plain query.
"""
from django.conf import settings
from django.db import models

from cchc.catalog.models import ProcedureVersion, Step
from cchc.org.models import Organisation


class Status(models.IntegerChoices):
    """National status codes (DVCQG)."""

    NEW = 1, "Mới đăng ký"
    RECEIVED = 2, "Được tiếp nhận"
    REFUSED = 3, "Không được tiếp nhận"
    PROCESSING = 4, "Đang xử lý"
    SUPPLEMENT = 5, "Yêu cầu bổ sung giấy tờ"
    FINANCIAL = 6, "Yêu cầu thực hiện nghĩa vụ tài chính"
    WITHDRAWN = 7, "Công dân yêu cầu rút hồ sơ"
    STOPPED = 8, "Dừng xử lý"
    DONE = 9, "Đã xử lý xong"
    RETURNED = 10, "Đã trả kết quả"


class Channel(models.IntegerChoices):
    DESK = 1, "Trực tiếp"
    ONLINE = 2, "Trực tuyến"
    POST = 3, "Bưu chính công ích"


class ReturnMethod(models.TextChoices):
    DESK = "desk", "Tại Bộ phận Một cửa"
    POST = "post", "Qua bưu chính"
    ONLINE = "online", "Trực tuyến (bản điện tử)"


class RuleSet(models.TextChoices):
    ND61_2018 = "nd61-2018", "Nghị định 61/2018 + 107/2021, TT 01/2018"
    ND118_2025 = "nd118-2025", "Nghị định 118/2025, TT 03/2025"


class ApplicantKind(models.TextChoices):
    CITIZEN = "citizen", "Cá nhân"
    ORGANISATION = "organisation", "Tổ chức, doanh nghiệp"


class Dossier(models.Model):
    code = models.CharField("mã hồ sơ", max_length=64, unique=True)
    version = models.ForeignKey(ProcedureVersion, verbose_name="thủ tục (phiên bản)", on_delete=models.PROTECT,
                                related_name="dossiers")
    org = models.ForeignKey(Organisation, verbose_name="nơi tiếp nhận", on_delete=models.PROTECT,
                            related_name="received_dossiers")
    current_org = models.ForeignKey(Organisation, verbose_name="đang ở", on_delete=models.PROTECT,
                                    related_name="held_dossiers")
    current_step = models.ForeignKey(Step, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người đang xử lý", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_dossiers")
    status = models.PositiveSmallIntegerField("trạng thái", choices=Status.choices)
    channel = models.PositiveSmallIntegerField("kênh", choices=Channel.choices)
    rule_set = models.CharField("quy định áp dụng", max_length=16, choices=RuleSet.choices)

    # applicant — the minimum the one-stop forms need (Nghị định 13/2023)
    applicant_kind = models.CharField("loại người nộp", max_length=16, choices=ApplicantKind.choices,
                                      default=ApplicantKind.CITIZEN)
    applicant_name = models.CharField("người nộp", max_length=200)
    applicant_id_encrypted = models.TextField("số định danh (mã hóa)", blank=True)
    applicant_id_digest = models.CharField("băm số định danh", max_length=64, blank=True, db_index=True)
    applicant_id_masked = models.CharField("số định danh (che)", max_length=20, blank=True)
    applicant_phone = models.CharField("điện thoại", max_length=20, blank=True)
    applicant_email = models.EmailField("thư điện tử", blank=True)
    applicant_address = models.CharField("địa chỉ", max_length=300, blank=True)
    citizen = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="own_dossiers")
    request = models.TextField("nội dung yêu cầu", blank=True)

    # timing facts
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    received_at = models.DateTimeField("tiếp nhận lúc", null=True, blank=True)
    clock_start = models.DateTimeField("thời điểm bắt đầu tính (lần gần nhất)", null=True, blank=True)
    remaining = models.IntegerField("thời hạn còn lại (theo đơn vị)", null=True, blank=True)
    # no single-column index: the planner preferred it to the inbox index and scanned the province
    due_at = models.DateTimeField("hẹn trả", null=True, blank=True)
    original_due_at = models.DateTimeField("hẹn trả ban đầu", null=True, blank=True)
    apology_due_at = models.DateTimeField("hẹn trả mới (xin lỗi)", null=True, blank=True)
    step_due_at = models.DateTimeField("hạn của bước hiện tại", null=True, blank=True)
    paused_at = models.DateTimeField("tạm dừng tính từ", null=True, blank=True)
    paused_working_days = models.IntegerField("số ngày làm việc tạm dừng", default=0)
    paused_working_minutes = models.IntegerField("số phút làm việc tạm dừng", default=0)
    supplement_count = models.PositiveSmallIntegerField("số lần yêu cầu bổ sung", default=0)
    apology_count = models.PositiveSmallIntegerField("số lần xin lỗi", default=0)
    finished_at = models.DateTimeField("kết thúc xử lý", null=True, blank=True)
    returned_at = models.DateTimeField("trả kết quả lúc", null=True, blank=True)
    return_method = models.CharField("hình thức trả", max_length=8, choices=ReturnMethod.choices, blank=True)
    is_late = models.BooleanField("trễ hạn", null=True, blank=True,
                                  help_text="Xác định khi kết thúc xử lý; trống khi chưa kết thúc.")
    end_reason = models.TextField("lý do (từ chối / dừng / rút)", blank=True)
    fee_amount = models.PositiveBigIntegerField("phí, lệ phí (đồng)", default=0)
    paid_online = models.BooleanField("thanh toán trực tuyến", default=False)
    # counts of this dossier's components, kept by the services that change them, so the
    # digitisation and reuse shares are read in the one pass over dossiers (ADR 0008 §11)
    components_provided = models.PositiveSmallIntegerField("số giấy tờ đã nộp", default=0)
    components_digitised = models.PositiveSmallIntegerField("số giấy tờ đã nộp đã số hóa", default=0)
    components_reused = models.PositiveSmallIntegerField("số giấy tờ đã nộp tái sử dụng", default=0)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "hồ sơ"
        verbose_name_plural = "hồ sơ"
        indexes = [
            # the officer inbox: my organisation, open statuses, soonest due first
            models.Index(fields=["current_org", "status", "due_at"], name="dossier_inbox"),
            # open dossiers in due order, read straight off the index (docs/benchmarks.md, 2026-11-22)
            models.Index(fields=["current_org", "due_at", "id"], include=["paused_at"],
                         condition=models.Q(status__in=[2, 4, 5, 6]), name="dossier_inbox_open"),
            models.Index(fields=["org", "received_at"], name="dossier_org_received"),
            models.Index(fields=["finished_at"], name="dossier_finished"),
            models.Index(fields=["applicant_phone"], name="dossier_phone"),
        ]

    def __str__(self) -> str:
        return self.code


class DossierComponent(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="components")
    component = models.ForeignKey("catalog.Component", null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField("tên giấy tờ", max_length=500)
    form = models.CharField("hình thức", max_length=20, blank=True)
    quantity = models.PositiveSmallIntegerField("số lượng", default=1)
    provided = models.BooleanField("đã nộp", default=True)
    digitised = models.BooleanField("đã số hóa", default=False)
    reused = models.BooleanField("tái sử dụng dữ liệu đã số hóa", default=False)

    class Meta:
        verbose_name = "giấy tờ trong hồ sơ"
        verbose_name_plural = "giấy tờ trong hồ sơ"


class Handover(models.Model):
    """One row of form 06 (Phiếu kiểm soát quá trình giải quyết hồ sơ)."""

    class Result(models.TextChoices):
        AHEAD = "ahead", "Trước hạn"
        ON_TIME = "on_time", "Đúng hạn"
        LATE = "late", "Quá hạn"

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="handovers")
    step = models.ForeignKey(Step, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    from_org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    from_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    to_org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    at = models.DateTimeField("thời điểm giao")
    step_due_at = models.DateTimeField("hạn của bước", null=True, blank=True)
    result = models.CharField("kết quả", max_length=8, choices=Result.choices)
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        ordering = ["dossier", "at", "id"]


class SupplementRequest(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="supplement_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    items = models.JSONField("giấy tờ cần bổ sung", default=list)
    reason = models.TextField("lý do, hướng dẫn")
    override_reason = models.TextField("lý do yêu cầu lần thứ hai trở lên", blank=True)
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["dossier", "requested_at"]


class FinancialObligation(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="obligations")
    amount = models.PositiveBigIntegerField("số tiền (đồng)")
    description = models.CharField("nội dung", max_length=300)
    requested_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)
    paid_online = models.BooleanField(default=False)


class Apology(models.Model):
    """Form 04: written apology with a new return date, issued before the due date."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="apologies")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField()
    reason = models.TextField("lý do")
    new_due_at = models.DateTimeField("hẹn trả mới")


class DossierCounter(models.Model):
    """Per organisation and day sequence for dossier codes; row-locked when incremented."""

    org = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["org", "day"], name="dossier_counter_unique")]


class AuditRecord(models.Model):
    """Who did what to a dossier, with the values before and after (append-only)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="audit")
    action = models.CharField(max_length=32)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    old = models.JSONField(default=dict)
    new = models.JSONField(default=dict)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["dossier", "at", "id"]


class PersonalDataAccess(models.Model):
    """Log of who viewed a citizen's personal data (Nghị định 13/2023)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=60)
    revealed_identity = models.BooleanField(default=False)


class IdempotencyKey(models.Model):
    """Makes dossier creation safe to retry: same key + same body -> same dossier."""

    key = models.CharField(max_length=100)
    client = models.CharField(max_length=150)
    body_hash = models.CharField(max_length=64)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="idempotency_unique")]
