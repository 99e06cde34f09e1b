"""Reform plans as data: plans, their targets (bound to live measurements or reported by hand),
tasks with lead and coordinating organisations, progress updates, and reminders sent."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from cchc.org.models import Organisation


class PlanKind(models.TextChoices):
    PROGRAMME = "programme", "Chương trình, kế hoạch nhiều năm"
    PROVINCE_YEAR = "province_year", "Kế hoạch CCHC năm của tỉnh"
    AGENCY = "agency", "Kế hoạch CCHC của cơ quan, đơn vị"


class Plan(models.Model):
    kind = models.CharField("loại", max_length=16, choices=PlanKind.choices)
    title = models.CharField("tên kế hoạch", max_length=500)
    issuer = models.ForeignKey(Organisation, verbose_name="cơ quan ban hành", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="plans")
    number = models.CharField("số hiệu", max_length=60, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    parent = models.ForeignKey("self", verbose_name="kế hoạch cấp trên", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    areas = models.JSONField("lĩnh vực cải cách", default=list, blank=True)  # [{"key", "label"}]
    agency_plans_due = models.DateField("hạn các cơ quan ban hành kế hoạch", null=True, blank=True)
    source_name = models.CharField("tệp nguồn", max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kế hoạch CCHC"
        verbose_name_plural = "kế hoạch CCHC"
        ordering = ["-period_start", "title"]
        constraints = [models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                              name="plan_period_order")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Comparator(models.TextChoices):
    GE = ">=", "≥"
    GT = ">", ">"
    LE = "<=", "≤"
    LT = "<", "<"


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField("chỉ tiêu (nguyên văn)")
    area = models.CharField("lĩnh vực", max_length=200, blank=True)
    measure_name = models.CharField("phép đo", max_length=80, blank=True,
                                    help_text="Trống: chỉ tiêu nhập tay (báo cáo kèm minh chứng).")
    scope_org = models.ForeignKey(Organisation, verbose_name="phạm vi", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")  # None: the whole province
    comparator = models.CharField("so sánh", max_length=2, choices=Comparator.choices, default=Comparator.GE)
    threshold = models.DecimalField("ngưỡng", max_digits=12, decimal_places=2)
    unit = models.CharField("đơn vị", max_length=10, default="percent")  # percent | count
    period_start = models.DateField("đo từ ngày")
    period_end = models.DateField("đo đến ngày")
    suggested_measure = models.CharField("phép đo gợi ý khi nhập", max_length=80, blank=True)
    review_flags = models.JSONField("cần xem lại", default=list, blank=True)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_manual(self) -> bool:
        return not self.measure_name


class TargetReport(models.Model):
    """A value reported by hand for a manual target, with its evidence."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="reports")
    value = models.DecimalField("giá trị", max_digits=12, decimal_places=2)
    evidence = models.FileField("minh chứng", upload_to="plans/evidence/%Y/%m/", blank=True)
    note = models.TextField("ghi chú", blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField("thời điểm báo cáo")

    class Meta:
        ordering = ["-reported_at", "-id"]


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    number = models.CharField("số thứ tự", max_length=20, blank=True)
    area = models.CharField("lĩnh vực", max_length=200, blank=True)
    objective = models.TextField("mục tiêu, nhóm nhiệm vụ", blank=True)
    task = models.TextField("nhiệm vụ")
    activity = models.TextField("hoạt động", blank=True)
    product = models.TextField("sản phẩm", blank=True)
    lead = models.ForeignKey(Organisation, verbose_name="cơ quan chủ trì", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="led_tasks")
    lead_text = models.CharField("cơ quan chủ trì (nguyên văn)", max_length=500, blank=True)
    coordinating = models.ManyToManyField(Organisation, verbose_name="cơ quan phối hợp", blank=True,
                                          related_name="coordinated_tasks")
    coordinating_text = models.CharField("cơ quan phối hợp (nguyên văn)", max_length=1000, blank=True)
    time_text = models.CharField("thời gian (nguyên văn)", max_length=200, blank=True)
    due_on = models.DateField("hạn hoàn thành", null=True, blank=True)
    recurrence = models.CharField("lặp lại", max_length=12, blank=True)  # continuous | yearly | quarterly | monthly
    budget_amount = models.BigIntegerField("kinh phí (đồng)", null=True, blank=True)
    budget_source = models.CharField("nguồn kinh phí", max_length=300, blank=True)
    percent = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    review_flags = models.JSONField("cần xem lại", default=list, blank=True)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["plan", "id"]
        indexes = [models.Index(fields=["lead", "due_on"])]

    def __str__(self) -> str:
        return self.task[:80]


class ProgressUpdate(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("thời điểm")
    percent = models.PositiveSmallIntegerField("tiến độ (%)")
    narrative = models.TextField("kết quả thực hiện", blank=True)
    evidence = models.FileField("minh chứng", upload_to="plans/progress/%Y/%m/", blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class Reminder(models.Model):
    """A reminder about a deadline — a plan task's, or an inspection recommendation's (kiến nghị) —
    logged once per subject, kind and due date, and queued as e-mail to the responsible organisation's
    reform officers (else its leaders) in the same transaction (see reminder_notices.py)."""

    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders")
    recommendation = models.ForeignKey("Recommendation", null=True, blank=True, on_delete=models.CASCADE,
                                       related_name="reminders")
    org = models.ForeignKey(Organisation, null=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10)  # before | late
    days = models.SmallIntegerField("số ngày trước hạn / quá hạn")
    due_on = models.DateField()
    sent_on = models.DateField()
    message = models.TextField()
    # e-mail addresses the reminder was queued to (notifications outbox); empty: nobody to tell
    recipients = models.JSONField("gửi tới", default=list, blank=True)

    class Meta:
        ordering = ["-sent_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "kind", "days", "due_on"], name="reminder_once"),
            models.UniqueConstraint(fields=["recommendation", "kind", "days", "due_on"],
                                    name="reminder_once_recommendation"),
            models.CheckConstraint(condition=models.Q(task__isnull=False, recommendation__isnull=True)
                                   | models.Q(task__isnull=True, recommendation__isnull=False),
                                   name="reminder_one_subject"),
        ]


# --- periodic reports (see docs/adr/0009-plans.md, "Periodic reports") -------------------------

class ReportKind(models.TextChoices):
    QUARTER = "quarter", "Quý"
    HALF = "half", "6 tháng"
    YEAR = "year", "Năm"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi"
    RETURNED = "returned", "Trả lại để bổ sung"


class PeriodicReport(models.Model):
    """A reform report of one organisation for a quarter, six months or a year. Figures are computed
    live while it is a draft and frozen in ``figures`` when it is submitted; the province's report
    consolidates the agencies' submitted reports of the same period."""

    org = models.ForeignKey(Organisation, verbose_name="cơ quan báo cáo", on_delete=models.PROTECT,
                            related_name="reform_reports")
    kind = models.CharField("kỳ báo cáo", max_length=8, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField("năm")
    part = models.PositiveSmallIntegerField("quý / nửa năm", default=0)  # 1–4 quarter, 1–2 half, 0 year
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    status = models.CharField("trạng thái", max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    narrative = models.JSONField("phần thuyết minh", default=dict, blank=True)  # section key -> text
    figures = models.JSONField("số liệu đã chốt", null=True, blank=True)  # set on submission
    consolidated_into = models.ForeignKey("self", verbose_name="đã tổng hợp vào", null=True, blank=True,
                                          on_delete=models.SET_NULL, related_name="sources")
    return_reason = models.TextField("lý do trả lại", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)

    class Meta:
        verbose_name = "báo cáo CCHC định kỳ"
        verbose_name_plural = "báo cáo CCHC định kỳ"
        ordering = ["-period_end", "org__name"]
        constraints = [models.UniqueConstraint(fields=["org", "kind", "year", "part"], name="report_once_per_period")]

    def __str__(self) -> str:
        return f"{self.org} — {self.label}"

    @property
    def label(self) -> str:
        from .reports import period_label
        return period_label(self.kind, self.year, self.part)


# --- inspections (kiểm tra công tác CCHC) ------------------------------------------------------

class InspectionPlan(models.Model):
    """The yearly plan of reform inspections; approving it checks the coverage rule."""

    issuer = models.ForeignKey(Organisation, verbose_name="cơ quan ban hành", on_delete=models.PROTECT,
                               related_name="inspection_plans")
    year = models.PositiveSmallIntegerField("năm")
    number = models.CharField("số hiệu", max_length=60, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    title = models.CharField("tên kế hoạch", max_length=500)
    min_share = models.DecimalField("tỷ lệ tối thiểu được kiểm tra (%)", max_digits=5, decimal_places=2, default=30)
    approved_at = models.DateTimeField("thời điểm phê duyệt", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "kế hoạch kiểm tra CCHC"
        verbose_name_plural = "kế hoạch kiểm tra CCHC"
        ordering = ["-year", "id"]
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="inspection_plan_once_a_year")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Inspection(models.Model):
    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="inspections")
    org = models.ForeignKey(Organisation, verbose_name="cơ quan được kiểm tra", on_delete=models.PROTECT,
                            related_name="inspections")
    planned_from = models.DateField("dự kiến từ ngày")
    planned_to = models.DateField("dự kiến đến ngày")
    content = models.TextField("nội dung kiểm tra", blank=True)
    done_on = models.DateField("ngày kiểm tra", null=True, blank=True)
    conclusion = models.TextField("kết luận", blank=True)
    cancelled_reason = models.TextField("lý do hủy", blank=True)

    class Meta:
        verbose_name = "cuộc kiểm tra"
        verbose_name_plural = "cuộc kiểm tra"
        ordering = ["planned_from", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "org"], name="inspection_once_per_org"),
            models.CheckConstraint(condition=models.Q(planned_to__gte=models.F("planned_from")),
                                   name="inspection_dates_order"),
        ]

    def __str__(self) -> str:
        return f"Kiểm tra {self.org}"

    @property
    def cancelled(self) -> bool:
        return bool(self.cancelled_reason)


class Finding(models.Model):
    """A shortcoming found during an inspection (tồn tại, hạn chế)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    area = models.CharField("lĩnh vực", max_length=200, blank=True)
    text = models.TextField("tồn tại, hạn chế")

    class Meta:
        ordering = ["id"]


class Recommendation(models.Model):
    """What the inspected organisation must fix, by when, and how it reported the fix."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="recommendations")
    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField("kiến nghị")
    responsible = models.ForeignKey(Organisation, verbose_name="cơ quan thực hiện", on_delete=models.PROTECT,
                                    related_name="+")
    due_on = models.DateField("hạn khắc phục")
    result = models.TextField("kết quả khắc phục", blank=True)
    evidence = models.FileField("minh chứng", upload_to="plans/inspections/%Y/%m/", blank=True)
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["responsible", "due_on"])]
