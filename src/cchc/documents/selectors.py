"""Reads: form documents, the register, the data store's offers, certificates, verification."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from django.db.models import Q
from django.utils import timezone

from cchc.core import clock
from cchc.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from cchc.dossiers.models import Dossier, DossierComponent, PersonalDataAccess
from cchc.dossiers.selectors import dossier_for
from cchc.org.selectors import org_by_code, user_org_ids

from . import signing, storage
from .forms import content
from .forms import docx as docx_renderer
from .forms import pdf as pdf_renderer
from .forms import xlsx as xlsx_renderer
from .models import DigitisedDocument, OrgCertificate, ResultDocument

FORMATS = {"pdf": ("application/pdf", pdf_renderer.render),
           "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_renderer.render)}
# the register (form 07) is also a spreadsheet, so it can be sorted and filtered
REGISTER_FORMATS = {**FORMATS, "xlsx": (xlsx_renderer.CONTENT_TYPE, xlsx_renderer.render)}
MAX_REGISTER_DAYS = 366


@dataclass
class Rendered:
    filename: str
    content_type: str
    data: bytes


def _render(doc, fmt: str, formats: dict = FORMATS) -> Rendered:
    content_type, render = formats[fmt]  # the callers checked ``fmt`` before any query
    return Rendered(f"{doc.filename}.{fmt}", content_type, render(doc))


def dossier_form(user, code: str, form: str, fmt: str) -> Rendered:
    """Forms 01–06 of a dossier, for whoever may see the dossier (the view is logged)."""
    if form not in content.DOSSIER_FORMS:
        raise NotFound("Không có mẫu này; mẫu theo hồ sơ là 01 đến 06.", code="bieu_mau_khong_ton_tai")
    if fmt not in FORMATS:
        raise ValidationFailed("Định dạng chỉ là pdf hoặc docx.", code="dinh_dang_khong_ho_tro")
    d = dossier_for(user, code, purpose=f"bieu_mau_{form}")
    return _render(content.build(form, d), fmt)


def register(user, org_code: str, start: date, end: date, fmt: str) -> Rendered:
    """Form 07: the register of dossiers an organisation received in [start, end], as PDF, DOCX or XLSX."""
    org = org_by_code(org_code)
    if org is None:
        raise NotFound(f"Không có đơn vị mã “{org_code}”.", code="don_vi_khong_ton_tai")
    if fmt not in REGISTER_FORMATS:  # before the query: a refused request logs no view
        raise ValidationFailed("Định dạng chỉ là pdf, docx hoặc xlsx.", code="dinh_dang_khong_ho_tro")
    if not user.is_superuser and org.id not in user_org_ids(user):
        raise PermissionDenied("Chỉ cán bộ của đơn vị mới xem được sổ theo dõi hồ sơ.", code="ngoai_pham_vi_don_vi")
    if end < start or (end - start).days > MAX_REGISTER_DAYS:
        raise ValidationFailed("Khoảng thời gian không hợp lệ (tối đa một năm, ngày đầu trước ngày cuối).",
                               code="khoang_thoi_gian_khong_hop_le")
    lo = timezone.make_aware(datetime.combine(start, time.min))
    hi = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    dossiers = list(Dossier.objects.select_related("version").filter(org_id=org.id, received_at__gte=lo,
                                                                     received_at__lt=hi)
                    .order_by("received_at", "id"))
    PersonalDataAccess.objects.bulk_create(
        [PersonalDataAccess(dossier=d, viewer=user, purpose="so_theo_doi") for d in dossiers])
    return _render(content.form07(org, start, end, dossiers), fmt, REGISTER_FORMATS)


def today() -> date:
    return timezone.localtime(clock.now()).date()


def reusable_documents(owner_digest: str, *, on: date | None = None, document_type: str | None = None):
    """The owner's digitised documents still valid on ``on``: expired ones are never offered."""
    if not owner_digest:
        return DigitisedDocument.objects.none()
    on = on or today()
    qs = DigitisedDocument.objects.filter(owner_digest=owner_digest).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on))
    if document_type:
        qs = qs.filter(document_type__iexact=document_type)
    return qs.select_related("stored_file").order_by("-issued_on", "-id")


def component_type(c: DossierComponent) -> str:
    """What kind of paper a component asks for: the catalogue's reuse type, else its name."""
    if c.component_id and c.component.document_type:
        return c.component.document_type
    return c.name


def offers(user, code: str) -> list[tuple[DossierComponent, list[DigitisedDocument]]]:
    """For each component of a dossier, the held documents that could stand for it."""
    d = dossier_for(user, code, purpose="tai_su_dung")
    out = []
    for c in d.components.select_related("component").order_by("id"):
        out.append((c, list(reusable_documents(d.applicant_id_digest, document_type=component_type(c)))))
    return out


def results_of(dossier: Dossier):
    return ResultDocument.objects.filter(dossier=dossier).select_related("stored_file").order_by("id")


class ReadFailed(DomainError):
    code = "doc_tep_that_bai"
    status = 503
    message = "Không đọc được tệp từ kho lưu trữ. Xin thử lại sau hoặc báo quản trị hệ thống."


def file_bytes(stored) -> bytes:
    try:
        data = storage.read(stored.key)
    except FileNotFoundError as e:  # a referenced blob is gone (or the bucket setting points elsewhere)
        raise ReadFailed(details={"file": stored.original_name, "reason": "khong_co_trong_kho"}) from e
    except OSError as e:
        raise ReadFailed(details={"file": stored.original_name,
                                  "reason": getattr(e, "reason", storage.FAILED)}) from e
    if storage.digest(data) != stored.sha256:  # never hand out bytes that are not what was stored
        raise ReadFailed(details={"file": stored.original_name, "reason": "sai_ma_bam"})
    return data


def trust_roots() -> list[x509.Certificate]:
    """Roots that came in the chains of imported organisation certificates (see docs/adr/0007)."""
    seen, roots = set(), []
    for pem in OrgCertificate.objects.exclude(trust_roots_pem="").values_list("trust_roots_pem", flat=True):
        for cert in x509.load_pem_x509_certificates(pem.encode()):
            fp = cert.fingerprint(hashes.SHA256())
            if fp not in seen:
                seen.add(fp)
                roots.append(cert)
    return roots


def verify(data: bytes) -> signing.VerificationReport:
    return signing.verify_pdf(data, trust_roots())


def active_certificate(org_id: int) -> OrgCertificate | None:
    return OrgCertificate.objects.filter(org_id=org_id, active=True).order_by("-imported_at").first()
