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
    """A reminder about a task's deadline, logged once per task, day and kind (no notification app yet)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders")
    org = models.ForeignKey(Organisation, null=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10)  # before | late
    days = models.SmallIntegerField("số ngày trước hạn / quá hạn")
    due_on = models.DateField()
    sent_on = models.DateField()
    message = models.TextField()

    class Meta:
        ordering = ["-sent_on", "id"]
        constraints = [models.UniqueConstraint(fields=["task", "kind", "days", "due_on"], name="reminder_once")]
