"""Files, digitised documents and their reuse, electronic results and signing certificates.

Only ``services.py`` writes these rows. Blobs live in the file storage under a content-addressed
key (``storage.py``); a ``StoredFile`` row is the only thing that makes a blob "referenced".
"""
from django.conf import settings
from django.db import models

from cchc.dossiers.models import Dossier, DossierComponent
from cchc.org.models import Organisation


class StoredFile(models.Model):
    """One upload: its bytes are the blob at ``key`` (shared by uploads of identical content)."""

    key = models.CharField("khóa lưu trữ", max_length=200, db_index=True)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField("kích thước (byte)")
    content_type = models.CharField("loại nội dung", max_length=100)
    original_name = models.CharField("tên tệp gốc", max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        verbose_name = "tệp lưu trữ"
        verbose_name_plural = "tệp lưu trữ"

    def __str__(self) -> str:
        return self.original_name


class DigitisedMetadata(models.Model):
    """What a digitised paper says about itself (số hóa): type, number, issuer, dates."""

    document_type = models.CharField("loại giấy tờ", max_length=200)
    number = models.CharField("số, ký hiệu", max_length=100)
    issuer = models.CharField("cơ quan cấp", max_length=255)
    issued_on = models.DateField("ngày cấp")
    valid_until = models.DateField("hiệu lực đến (hết ngày)", null=True, blank=True,
                                   help_text="Để trống nếu giấy tờ có giá trị vô thời hạn.")

    class Meta:
        abstract = True


class ComponentFile(DigitisedMetadata):
    """A file attached to a dossier component: scanned at the desk, uploaded online, or reused."""

    component = models.ForeignKey(DossierComponent, on_delete=models.CASCADE, related_name="files")
    stored_file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="component_links")
    reused_from = models.ForeignKey("DigitisedDocument", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    attached_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    attached_at = models.DateTimeField()

    class Meta:
        verbose_name = "tệp giấy tờ trong hồ sơ"
        verbose_name_plural = "tệp giấy tờ trong hồ sơ"


class ResultDocument(DigitisedMetadata):
    """An electronic result (bản điện tử), signed by the issuing organisation when it is a PDF."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="result_documents")
    stored_file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="result_links")
    signed = models.BooleanField("đã ký số", default=False)
    certificate = models.ForeignKey("OrgCertificate", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField()

    class Meta:
        verbose_name = "kết quả điện tử"
        verbose_name_plural = "kết quả điện tử"


class OwnerKind(models.TextChoices):
    CITIZEN = "citizen", "Cá nhân"
    ORGANISATION = "organisation", "Tổ chức, doanh nghiệp"


class DigitisedDocument(DigitisedMetadata):
    """One entry of a citizen's or organisation's data store (kho quản lý dữ liệu điện tử).

    Keyed by the keyed digest of the identity number (never the number itself); offered again
    at submission and at the desk while still valid.
    """

    owner_digest = models.CharField("chủ sở hữu (băm số định danh)", max_length=64, db_index=True)
    owner_kind = models.CharField("loại chủ sở hữu", max_length=16, choices=OwnerKind.choices)
    stored_file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    source_component = models.ForeignKey(DossierComponent, null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    source_result = models.ForeignKey(ResultDocument, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = "giấy tờ đã số hóa (kho dữ liệu)"
        verbose_name_plural = "kho dữ liệu giấy tờ đã số hóa"
        indexes = [models.Index(fields=["owner_digest", "document_type", "valid_until"], name="digitised_owner")]


class DocumentReuse(models.Model):
    """Each time a held document is used instead of asking again (measured by index 766, group 4)."""

    document = models.ForeignKey(DigitisedDocument, on_delete=models.PROTECT, related_name="reuses")
    component = models.ForeignKey(DossierComponent, on_delete=models.CASCADE, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="document_reuses")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        verbose_name = "lượt tái sử dụng"
        verbose_name_plural = "lượt tái sử dụng giấy tờ"
        constraints = [models.UniqueConstraint(fields=["document", "component"], name="reuse_once_per_component")]


class OrgCertificate(models.Model):
    """An organisation's signing certificate; the key is kept encrypted (never in clear, never committed)."""

    org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="certificates")
    subject = models.CharField("chủ thể", max_length=500)
    issuer = models.CharField("tổ chức cấp", max_length=500)
    serial = models.CharField("số hiệu", max_length=80)
    fingerprint = models.CharField("dấu vân tay SHA-256", max_length=64, unique=True)
    not_before = models.DateTimeField("hiệu lực từ")
    not_after = models.DateTimeField("hiệu lực đến")
    sealed_pkcs12 = models.BinaryField("PKCS#12 (mã hóa)")
    trust_roots_pem = models.TextField("chứng thư gốc (PEM)", blank=True)
    active = models.BooleanField("đang dùng", default=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    imported_at = models.DateTimeField()

    class Meta:
        verbose_name = "chứng thư số của cơ quan"
        verbose_name_plural = "chứng thư số của cơ quan"

    def __str__(self) -> str:
        return f"{self.org} — {self.subject}"
