"""SIPAS surveys and PAR Index scoring (DOMAIN.md §5–6).

Only ``services.py`` writes these rows. Questionnaires and criteria trees are reference data,
versioned (a questionnaire by code + version, a criteria tree by year + organisation type), so a
year's results always keep the tree and questions they were scored against.
"""
from django.conf import settings
from django.db import models

from cchc.org.models import Organisation

# ------------------------------------------------------------------ SIPAS


class Aspect(models.TextChoices):
    """The five aspects of SIPAS."""

    ACCESS = "access", "Tiếp cận dịch vụ"
    PROCEDURE = "procedure", "Thủ tục hành chính"
    OFFICIALS = "officials", "Công chức giải quyết công việc"
    RESULT = "result", "Kết quả giải quyết"
    FEEDBACK = "feedback", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị"


class QuestionKind(models.TextChoices):
    PERCEPTION = "perception", "Cảm nhận"
    SATISFACTION = "satisfaction", "Mức độ hài lòng"
    EXPECTATION = "expectation", "Mong đợi"


class Questionnaire(models.Model):
    code = models.CharField("mã bộ câu hỏi", max_length=40)
    version = models.PositiveIntegerField("phiên bản")
    title = models.CharField("tên", max_length=255)
    published_at = models.DateTimeField("công bố lúc", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bộ câu hỏi SIPAS"
        verbose_name_plural = "bộ câu hỏi SIPAS"
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="questionnaire_version_unique")]

    def __str__(self) -> str:
        return f"{self.title} (phiên bản {self.version})"


class Question(models.Model):
    """One question with an ordered scale: ``options[0]`` is value 1, the worst answer."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField("mã câu hỏi", max_length=20, help_text="Tên cột trong tệp CSV, ví dụ C1.")
    order = models.PositiveSmallIntegerField("thứ tự")
    aspect = models.CharField("khía cạnh", max_length=16, choices=Aspect.choices)
    kind = models.CharField("loại câu hỏi", max_length=16, choices=QuestionKind.choices)
    text = models.TextField("câu hỏi")
    options = models.JSONField("thang trả lời", help_text="Danh sách nhãn, từ kém nhất đến tốt nhất.")
    satisfied_min = models.PositiveSmallIntegerField(
        "hài lòng từ mức", null=True, blank=True,
        help_text="Câu hỏi mức độ hài lòng: giá trị từ mức này trở lên là hài lòng hoặc rất hài lòng.")

    class Meta:
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"
        ordering = ["questionnaire", "order"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"


class Campaign(models.Model):
    """A survey of one organisation's users over a period, answered through a public link."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="campaigns")
    org = models.ForeignKey(Organisation, verbose_name="cơ quan được khảo sát", on_delete=models.PROTECT,
                            related_name="sipas_campaigns")
    name = models.CharField("tên đợt khảo sát", max_length=255)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    token = models.CharField("mã liên kết công khai", max_length=64, unique=True)
    is_open = models.BooleanField("đang nhận trả lời", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = "đợt khảo sát SIPAS"
        verbose_name_plural = "đợt khảo sát SIPAS"
        ordering = ["-starts_on", "org"]

    def __str__(self) -> str:
        return self.name


class ResponseChannel(models.TextChoices):
    LINK = "link", "Liên kết công khai"
    KIOSK = "kiosk", "Máy khảo sát tại quầy"
    PAPER = "paper", "Phiếu giấy (cán bộ nhập)"
    CSV = "csv", "Nhập từ tệp CSV"


class SurveyResponse(models.Model):
    """One filled questionnaire. No name or identity is asked for (Nghị định 13/2023); the public
    link keeps only a keyed digest of the sender's address, to rate-limit it."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="responses")
    org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")  # campaign's, for queries
    channel = models.CharField("kênh", max_length=8, choices=ResponseChannel.choices)
    answered_on = models.DateField("ngày trả lời", db_index=True)
    submitted_at = models.DateTimeField("ghi nhận lúc")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    source_digest = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "phiếu trả lời SIPAS"
        verbose_name_plural = "phiếu trả lời SIPAS"
        indexes = [models.Index(fields=["org", "answered_on"])]


class Answer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField("giá trị")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once")]


# ------------------------------------------------------------------ PAR Index


class OrgType(models.TextChoices):
    """Who a criteria tree scores (DOMAIN §5: a tree per year and per agency type)."""

    AGENCY = "agency", "Sở, ban, ngành"
    COMMUNE = "commune", "UBND xã, phường, đặc khu"


class CriteriaTree(models.Model):
    year = models.PositiveSmallIntegerField("năm")
    org_type = models.CharField("đối tượng", max_length=16, choices=OrgType.choices)
    title = models.CharField("tên bộ tiêu chí", max_length=255)
    sipas_questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="bộ câu hỏi SIPAS dùng tính điểm điều tra", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+")
    self_assessment_due = models.DateField("hạn tự đánh giá", null=True, blank=True)
    appraisal_due = models.DateField("hạn thẩm định", null=True, blank=True)
    publication_due = models.DateField("hạn công bố", null=True, blank=True)
    published_at = models.DateTimeField("công bố kết quả lúc", null=True, blank=True)
    imported_at = models.DateTimeField("nhập lúc")

    class Meta:
        verbose_name = "bộ tiêu chí Chỉ số CCHC"
        verbose_name_plural = "bộ tiêu chí Chỉ số CCHC"
        ordering = ["-year", "org_type"]
        constraints = [models.UniqueConstraint(fields=["year", "org_type"], name="criteria_tree_unique")]

    def __str__(self) -> str:
        return f"{self.title} ({self.year}, {self.get_org_type_display()})"


class Level(models.IntegerChoices):
    AREA = 1, "Lĩnh vực"
    CRITERION = 2, "Tiêu chí"
    SUB = 3, "Tiêu chí thành phần"


class Criterion(models.Model):
    """A node of the tree; its code gives its place: "2" area, "2.1" criterion, "2.1.3" sub-criterion."""

    tree = models.ForeignKey(CriteriaTree, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField("mã", max_length=20)
    level = models.PositiveSmallIntegerField("cấp", choices=Level.choices)
    order = models.PositiveIntegerField("thứ tự")
    name = models.TextField("tên")
    max_points = models.DecimalField("điểm tối đa", max_digits=6, decimal_places=2)
    guidance = models.TextField("hướng dẫn chấm điểm", blank=True)
    evidence_required = models.TextField("tài liệu kiểm chứng", blank=True)
    is_survey = models.BooleanField("điểm điều tra xã hội học", default=False)
    sipas_aspect = models.CharField("khía cạnh SIPAS", max_length=16, choices=Aspect.choices, blank=True,
                                    help_text="Để trống: dùng chỉ số SIPAS chung.")
    is_leaf = models.BooleanField(default=True)

    class Meta:
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"
        ordering = ["tree", "order"]
        constraints = [models.UniqueConstraint(fields=["tree", "code"], name="criterion_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Stage(models.TextChoices):
    DRAFT = "draft", "Đang tự đánh giá"
    SUBMITTED = "submitted", "Đã gửi tự đánh giá"
    APPRAISED = "appraised", "Đã thẩm định"
    PUBLISHED = "published", "Đã công bố"


class Assessment(models.Model):
    """One organisation's scoring against one year's tree."""

    tree = models.ForeignKey(CriteriaTree, on_delete=models.PROTECT, related_name="assessments")
    org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="par_assessments")
    stage = models.CharField("giai đoạn", max_length=12, choices=Stage.choices, default=Stage.DRAFT)
    submitted_at = models.DateTimeField("gửi tự đánh giá lúc", null=True, blank=True)
    appraised_at = models.DateTimeField("thẩm định xong lúc", null=True, blank=True)
    self_total = models.DecimalField("tổng điểm tự đánh giá", max_digits=6, decimal_places=2, null=True, blank=True)
    final_score = models.DecimalField("điểm cuối cùng", max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "đánh giá Chỉ số CCHC"
        verbose_name_plural = "đánh giá Chỉ số CCHC"
        constraints = [models.UniqueConstraint(fields=["tree", "org"], name="assessment_unique")]

    def __str__(self) -> str:
        return f"{self.org} — {self.tree.year}"


class SurveySource(models.TextChoices):
    SIPAS = "sipas", "Từ kết quả SIPAS"
    ENTERED = "entered", "Nhập trực tiếp"


class Score(models.Model):
    """Points of one leaf criterion: the organisation's own and the appraised ones."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_score = models.DecimalField("điểm tự đánh giá", max_digits=6, decimal_places=2, null=True, blank=True)
    self_comment = models.TextField("giải trình", blank=True)
    appraised_score = models.DecimalField("điểm thẩm định", max_digits=6, decimal_places=2, null=True, blank=True)
    appraisal_reason = models.TextField("lý do điều chỉnh", blank=True)
    survey_source = models.CharField(max_length=8, choices=SurveySource.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="score_unique")]


def evidence_path(instance, filename: str) -> str:
    return f"appraisal/evidence/{instance.score.assessment.tree.year}/{instance.score.assessment.org_id}/{filename}"


class Evidence(models.Model):
    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("tệp minh chứng", upload_to=evidence_path, max_length=300)
    name = models.CharField("tên tệp", max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        verbose_name = "tài liệu kiểm chứng"
        verbose_name_plural = "tài liệu kiểm chứng"


class Reminder(models.Model):
    """A reminder of a stage deadline to one person; the ``appraisal_reminders`` command sends due ones."""

    tree = models.ForeignKey(CriteriaTree, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField("giai đoạn", max_length=12, choices=[
        ("self", "Tự đánh giá"), ("appraisal", "Thẩm định"), ("publication", "Công bố")])
    org = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField("hạn")
    remind_on = models.DateField("nhắc từ ngày")
    sent_at = models.DateTimeField("đã gửi lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lời nhắc hạn"
        verbose_name_plural = "lời nhắc hạn"
        constraints = [models.UniqueConstraint(fields=["tree", "stage", "org", "recipient"], name="reminder_unique")]
