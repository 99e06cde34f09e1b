"""The procedure catalogue (thủ tục hành chính, TTHC), versioned.

A ``Procedure`` is the stable identity (national code); its content lives in
``ProcedureVersion`` rows. A version is a draft until published and is valid in a window
[valid_from, valid_to); a dossier keeps the version it was filed under, so a later change of
fees or time limits never rewrites history.
"""
from django.db import models

from cchc.org.models import Organisation, Role


class Level(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    COMMUNE = "commune", "Cấp xã"
    CENTRAL = "central", "Cấp trung ương (tiếp nhận tại địa phương)"


class TimeUnit(models.TextChoices):
    # values shared with cchc.calendar.rules.Unit
    HOURS = "hours", "giờ làm việc"
    WORKING_DAYS = "working_days", "ngày làm việc"
    DAYS = "days", "ngày"
    MONTHS = "months", "tháng"


class OnlineLevel(models.TextChoices):
    FULL = "full", "Toàn trình"
    PARTIAL = "partial", "Một phần"
    NONE = "none", "Không"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    PUBLISHED = "published", "Đã công bố"
    RETIRED = "retired", "Hết hiệu lực"


class Procedure(models.Model):
    code = models.CharField("mã thủ tục", max_length=64, unique=True)

    class Meta:
        verbose_name = "thủ tục hành chính"
        verbose_name_plural = "thủ tục hành chính"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class ProcedureVersion(models.Model):
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField("phiên bản")
    status = models.CharField("trạng thái", max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến (không gồm)", null=True, blank=True)
    published_at = models.DateTimeField("công bố lúc", null=True, blank=True)
    publication_decision = models.CharField("quyết định công bố", max_length=120, blank=True)

    name = models.CharField("tên thủ tục", max_length=500)
    field = models.CharField("lĩnh vực", max_length=200, db_index=True)
    level = models.CharField("cấp thực hiện", max_length=12, choices=Level.choices)
    competent_org = models.ForeignKey(
        Organisation, verbose_name="cơ quan có thẩm quyền", null=True, blank=True, on_delete=models.PROTECT,
        help_text="Để trống với thủ tục cấp xã: mỗi xã có thẩm quyền với hồ sơ nộp tại xã mình.",
    )
    legal_basis = models.TextField("căn cứ pháp lý", blank=True)
    subjects = models.TextField("đối tượng thực hiện", blank=True)
    sequence = models.TextField("trình tự thực hiện", blank=True)
    method = models.TextField("cách thức thực hiện", blank=True)
    processing_amount = models.PositiveIntegerField("thời hạn giải quyết")
    processing_unit = models.CharField("đơn vị thời hạn", max_length=16, choices=TimeUnit.choices)
    cutoff = models.TimeField("giờ chốt tiếp nhận", null=True, blank=True,
                              help_text="Nhận sau giờ này thì tính từ ngày làm việc tiếp theo. Trống = 15:00.")
    result_type = models.CharField("kết quả", max_length=500, blank=True)
    online_level = models.CharField("dịch vụ công trực tuyến", max_length=8, choices=OnlineLevel.choices,
                                    default=OnlineLevel.NONE)
    four_on_spot = models.BooleanField("4 tại chỗ", default=False)
    requirements = models.TextField("yêu cầu, điều kiện", blank=True)
    # How people name the matter ("sổ đỏ", "con mới sinh", "mở quán ăn"): the legal name alone is
    # not what citizens type. Searched by the assistant and the portal's catalogue search; not part
    # of the legal record, so correctable on a published version (services.set_keywords).
    keywords = models.TextField("từ khóa tìm kiếm", blank=True,
                                help_text="Cách người dân, doanh nghiệp thường gọi thủ tục hoặc tình huống dẫn đến nó, "
                                          "phân cách bằng dấu chấm phẩy, ví dụ: con mới sinh; làm giấy khai sinh.")

    class Meta:
        verbose_name = "phiên bản thủ tục"
        verbose_name_plural = "phiên bản thủ tục"
        ordering = ["procedure__code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "version"], name="procedure_version_unique"),
        ]
        indexes = [models.Index(fields=["status", "level"])]

    def __str__(self) -> str:
        return f"{self.procedure.code} v{self.version} — {self.name}"


class ComponentForm(models.TextChoices):
    ORIGINAL = "original", "Bản chính"
    COPY = "copy", "Bản sao"
    CERTIFIED_COPY = "certified_copy", "Bản sao chứng thực"
    ORIGINAL_OR_COPY = "original_or_copy", "Bản chính hoặc bản sao"


class Component(models.Model):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="components")
    order = models.PositiveSmallIntegerField("thứ tự")
    name = models.CharField("tên giấy tờ", max_length=500)
    form = models.CharField("hình thức", max_length=20, choices=ComponentForm.choices, default=ComponentForm.ORIGINAL)
    quantity = models.PositiveSmallIntegerField("số lượng", default=1)
    required = models.BooleanField("bắt buộc", default=True)
    document_type = models.CharField("loại giấy tờ (để tái sử dụng)", max_length=80, blank=True)

    class Meta:
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"
        ordering = ["version", "order"]


class Fee(models.Model):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField("loại", max_length=8, choices=[("fee", "Phí"), ("charge", "Lệ phí")], default="charge")
    name = models.CharField("tên", max_length=300)
    amount = models.PositiveBigIntegerField("mức thu (đồng)")
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "phí, lệ phí"
        verbose_name_plural = "phí, lệ phí"


class Step(models.Model):
    """One step of the internal process (quy trình nội bộ).

    ``org`` empty means the receiving organisation (commune-level procedures run in the commune
    where the dossier was filed); a step naming another organisation is inter-agency (liên thông).
    ``share`` is the step's share of the total time, in percent; the shares of a version add up to 100.
    """

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField("bước")
    name = models.CharField("nội dung", max_length=300)
    org = models.ForeignKey(Organisation, verbose_name="cơ quan thực hiện", null=True, blank=True,
                            on_delete=models.PROTECT)
    unit_name = models.CharField("phòng, bộ phận", max_length=200, blank=True)
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)
    share = models.DecimalField("tỷ lệ thời gian (%)", max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = "bước xử lý"
        verbose_name_plural = "quy trình nội bộ"
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="step_order_unique")]

    @property
    def inter_agency(self) -> bool:
        return self.org_id is not None
