"""REST endpoints of this app, mounted under /api/v1/ (see cchc/api/urls.py): official forms,
files of dossier components, reuse of held documents, electronic results, verification, certificates."""
from __future__ import annotations

from datetime import date, datetime

from django.http import HttpResponse
from ninja import Field, File, Form, Query, Router, Schema
from ninja import Status as HttpStatus
from ninja.files import UploadedFile

from cchc.api.auth import token_or_session
from cchc.api.errors import responses
from cchc.core.errors import NotFound, ValidationFailed
from cchc.dossiers.selectors import dossier_for
from cchc.org.selectors import org_by_code

from . import limits, selectors, services
from .models import ComponentFile, ResultDocument

router = Router(tags=["Giấy tờ, biểu mẫu, kết quả điện tử"], auth=token_or_session)
ERRORS = responses(400, 401, 403, 404, 409, 422)
FILE_RESPONSE = {"responses": {200: {"description": "Tệp PDF hoặc DOCX", "content": {
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    selectors.FORMATS["docx"][0]: {"schema": {"type": "string", "format": "binary"}}}}}}


def _download(r: selectors.Rendered) -> HttpResponse:
    resp = HttpResponse(r.data, content_type=r.content_type)
    resp["Content-Disposition"] = f'attachment; filename="{r.filename}"'
    return resp


def _read(upload: UploadedFile) -> bytes:
    """The bytes of an upload, refusing an oversized one before reading it into memory."""
    if upload.size and upload.size > limits.MAX_BYTES:
        raise ValidationFailed(f"Tệp quá lớn: tối đa {limits.MAX_BYTES // (1024 * 1024)} MB.",
                               details={"file": upload.name}, code="tep_qua_lon")
    return upload.read()


class FormQuery(Schema):
    format: str = Field("pdf", pattern="^(pdf|docx)$")


@router.get("/dossiers/{code}/forms/{form}", response=ERRORS, openapi_extra=FILE_RESPONSE,
            summary="Tải biểu mẫu 01–06 của hồ sơ (PDF hoặc DOCX)")
def dossier_form(request, code: str, form: str, query: Query[FormQuery]):
    return _download(selectors.dossier_form(request.user, code, form, query.format))


class RegisterQuery(Schema):
    format: str = Field("pdf", pattern="^(pdf|docx|xlsx)$")
    start: date
    end: date


REGISTER_RESPONSE = {"responses": {200: {"description": "Tệp PDF, DOCX hoặc XLSX", "content": {
    content_type: {"schema": {"type": "string", "format": "binary"}}
    for content_type, _render in selectors.REGISTER_FORMATS.values()}}}}


@router.get("/registers/{org_code}", response=ERRORS, openapi_extra=REGISTER_RESPONSE,
            summary="Sổ theo dõi hồ sơ (mẫu 07) của đơn vị trong một khoảng thời gian")
def register(request, org_code: str, query: Query[RegisterQuery]):
    return _download(selectors.register(request.user, org_code, query.start, query.end, query.format))


class FileOut(Schema):
    id: int
    component: str
    original_name: str
    sha256: str
    size: int
    content_type: str
    document_type: str
    number: str
    issuer: str
    issued_on: date
    valid_until: date | None
    reused: bool


def _file_out(link: ComponentFile) -> dict:
    s = link.stored_file
    return {"id": link.id, "component": link.component.name, "original_name": s.original_name, "sha256": s.sha256,
            "size": s.size, "content_type": s.content_type, "document_type": link.document_type,
            "number": link.number, "issuer": link.issuer, "issued_on": link.issued_on,
            "valid_until": link.valid_until, "reused": link.reused_from_id is not None}


def _component_of(request, code: str, component_id: int, purpose: str) -> int:
    d = dossier_for(request.user, code, purpose=purpose)
    if not d.components.filter(pk=component_id).exists():
        raise NotFound("Hồ sơ không có giấy tờ này.", code="thanh_phan_khong_ton_tai")
    return component_id


class MetaForm(Schema):
    document_type: str = Field(min_length=1, max_length=200, description="Loại giấy tờ, ví dụ Giấy chứng sinh")
    number: str = Field(min_length=1, max_length=100)
    issuer: str = Field(min_length=1, max_length=255)
    issued_on: date
    valid_until: date | None = None

    def meta(self) -> services.DocMeta:
        return services.DocMeta(self.document_type, self.number, self.issuer, self.issued_on, self.valid_until)


@router.post("/dossiers/{code}/components/{component_id}/files", response={201: FileOut, **ERRORS},
             summary="Đính kèm bản số hóa của một giấy tờ trong hồ sơ")
def upload_component_file(request, code: str, component_id: int, meta: Form[MetaForm], file: File[UploadedFile]):
    link = services.attach_component_file(
        actor=request.user, component_id=_component_of(request, code, component_id, "dinh_kem"),
        file=services.IncomingFile(file.name or "tep", _read(file)), meta=meta.meta())
    return HttpStatus(201, _file_out(link))


class HeldDocument(Schema):
    id: int
    document_type: str
    number: str
    issuer: str
    issued_on: date
    valid_until: date | None


class Offer(Schema):
    component_id: int
    component: str
    reused: bool
    documents: list[HeldDocument]


@router.get("/dossiers/{code}/reusable-documents", response={200: list[Offer], **ERRORS},
            summary="Giấy tờ đã số hóa, còn hiệu lực của người nộp, dùng thay cho việc nộp lại")
def reusable_documents(request, code: str):
    return [{"component_id": c.id, "component": c.name, "reused": c.reused,
             "documents": [{"id": o.id, "document_type": o.document_type, "number": o.number, "issuer": o.issuer,
                            "issued_on": o.issued_on, "valid_until": o.valid_until} for o in docs]}
            for c, docs in selectors.offers(request.user, code)]


class ReuseIn(Schema):
    document_id: int


@router.post("/dossiers/{code}/components/{component_id}/reuse", response={201: FileOut, **ERRORS},
             summary="Tái sử dụng giấy tờ đã số hóa cho một thành phần hồ sơ")
def reuse(request, code: str, component_id: int, payload: ReuseIn):
    link = services.reuse_document(actor=request.user,
                                   component_id=_component_of(request, code, component_id, "tai_su_dung"),
                                   document_id=payload.document_id)
    return HttpStatus(201, _file_out(link))


class ResultOut(Schema):
    id: int
    original_name: str
    sha256: str
    size: int
    signed: bool
    signer: str | None
    issued_at: datetime
    download: str


def _result_out(r: ResultDocument, code: str) -> dict:
    return {"id": r.id, "original_name": r.stored_file.original_name, "sha256": r.stored_file.sha256,
            "size": r.stored_file.size, "signed": r.signed, "signer": r.certificate.subject if r.certificate else None,
            "issued_at": r.issued_at, "download": f"/api/v1/dossiers/{code}/results/{r.id}/file"}


class ResultForm(Schema):
    sign: bool = True


@router.post("/dossiers/{code}/results", response={201: list[ResultOut], **ERRORS},
             summary="Ban hành kết quả điện tử (ký số PAdES bởi cơ quan ban hành)")
def issue_result(request, code: str, options: Form[ResultForm], files: File[list[UploadedFile]]):
    d = dossier_for(request.user, code, purpose="ban_hanh_ket_qua")
    out = services.issue_result(actor=request.user, dossier_id=d.id, sign=options.sign,
                                files=[services.IncomingFile(f.name or "ket-qua.pdf", _read(f)) for f in files])
    return HttpStatus(201, [_result_out(r, code) for r in out])


@router.get("/dossiers/{code}/results", response={200: list[ResultOut], **ERRORS}, summary="Kết quả điện tử của hồ sơ")
def results(request, code: str):
    d = dossier_for(request.user, code, purpose="xem_ket_qua")
    return [_result_out(r, code) for r in selectors.results_of(d).select_related("certificate")]


@router.get("/dossiers/{code}/results/{result_id}/file", response=ERRORS, summary="Tải tệp kết quả điện tử",
            openapi_extra={"responses": {200: {"description": "Tệp kết quả", "content": {
                "application/pdf": {"schema": {"type": "string", "format": "binary"}}}}}})
def result_file(request, code: str, result_id: int):
    d = dossier_for(request.user, code, purpose="tai_ket_qua")
    r = selectors.results_of(d).filter(pk=result_id).first()
    if r is None:
        raise NotFound("Không có kết quả này trong hồ sơ.", code="ket_qua_khong_ton_tai")
    resp = HttpResponse(selectors.file_bytes(r.stored_file), content_type=r.stored_file.content_type)
    resp["Content-Disposition"] = f'attachment; filename="{r.stored_file.original_name}"'
    return resp


class SignatureOut(Schema):
    field: str
    signer: str
    signed_at: datetime | None
    intact: bool
    trusted: bool
    changed_after_signing: bool
    valid: bool
    summary: str


class VerificationOut(Schema):
    is_pdf: bool
    valid: bool
    message: str
    signatures: list[SignatureOut]


@router.post("/documents/verify", auth=None, response={200: VerificationOut, 422: responses(422)[422]},
             summary="Xác minh chữ ký số trên một tệp PDF (công khai)")
def verify(request, file: File[UploadedFile]):
    """Anyone may check a result: valid or not, who signed, when, and whether it changed after signing."""
    report = selectors.verify(_read(file))
    return {"is_pdf": report.is_pdf, "valid": report.valid, "message": report.message,
            "signatures": [s.__dict__ for s in report.signatures]}


class CertificateForm(Schema):
    org_code: str = Field(min_length=1, max_length=40)
    password: str = Field("", max_length=200)


class CertificateOut(Schema):
    id: int
    org_code: str
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    fingerprint: str


@router.post("/org-certificates", response={201: CertificateOut, **ERRORS},
             summary="Nhập chứng thư số (PKCS#12) của một cơ quan")
def import_certificate(request, form: Form[CertificateForm], file: File[UploadedFile]):
    org = org_by_code(form.org_code)
    if org is None:
        raise NotFound(f"Không có đơn vị mã “{form.org_code}”.", code="don_vi_khong_ton_tai")
    c = services.import_certificate(actor=request.user, org_id=org.id, data=_read(file), password=form.password)
    return HttpStatus(201, {"id": c.id, "org_code": org.code, "subject": c.subject, "issuer": c.issuer,
                            "not_before": c.not_before, "not_after": c.not_after, "fingerprint": c.fingerprint})
