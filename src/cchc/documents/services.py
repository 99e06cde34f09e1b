"""Every write of the documents app: files on dossier components, reuse of held documents,
electronic results (signed), and organisation certificates.

Files: the blob is written under its content key *before* the transaction; the transaction only
creates rows that reference it. If anything in the transaction fails, blobs this call created
and nothing references are removed at once; ``cchc clean_files`` sweeps what a crash left.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from cchc.core import clock
from cchc.core.errors import Conflict, DomainError, NotFound, PermissionDenied, ValidationFailed
from cchc.dossiers import workflow
from cchc.dossiers.models import AuditRecord, Dossier, DossierComponent, Status
from cchc.org.models import Role
from cchc.org.selectors import org_by_id, roles_of

from . import limits, signing, storage
from .forms import content
from .forms import pdf as pdf_renderer
from .models import (
    ComponentFile,
    DigitisedDocument,
    DocumentReuse,
    OrgCertificate,
    OwnerKind,
    ResultDocument,
    StoredFile,
)
from .selectors import today


class StorageFailed(DomainError):
    code = "luu_tep_that_bai"
    status = 503
    message = "Không lưu được tệp; hồ sơ không thay đổi. Xin thử lại sau."

    # details["reason"] (stable) → what to tell the user; the operator finds the cause in the log
    MESSAGES = {
        storage.UNREACHABLE: "Không kết nối được kho lưu trữ tệp; hồ sơ không thay đổi. Xin thử lại sau.",
        storage.MISCONFIGURED: "Kho lưu trữ tệp chưa được cấu hình đúng (bucket hoặc khóa truy cập); hồ sơ không "
                               "thay đổi. Xin báo quản trị hệ thống.",
        storage.FAILED: message,
    }

    @classmethod
    def of(cls, e: OSError, file_name: str) -> StorageFailed:
        reason = getattr(e, "reason", storage.FAILED)
        return cls(cls.MESSAGES[reason], details={"file": file_name, "reason": reason})


@dataclass
class DocMeta:
    """Digitisation metadata of one document (số hóa)."""

    document_type: str
    number: str
    issuer: str
    issued_on: date
    valid_until: date | None = None

    def check(self) -> None:
        missing = [f for f in ("document_type", "number", "issuer") if not str(getattr(self, f) or "").strip()]
        if missing:
            raise ValidationFailed("Giấy tờ số hóa phải có loại giấy tờ, số, cơ quan cấp và ngày cấp.",
                                   details={"missing": missing}, code="thieu_thong_tin_so_hoa")
        if self.valid_until and self.valid_until < self.issued_on:
            raise ValidationFailed("Ngày hết hiệu lực phải sau ngày cấp.", details={"field": "valid_until"},
                                   code="hieu_luc_khong_hop_le")

    def fields(self) -> dict:
        return {"document_type": self.document_type.strip(), "number": self.number.strip(),
                "issuer": self.issuer.strip(), "issued_on": self.issued_on, "valid_until": self.valid_until}


@dataclass
class IncomingFile:
    name: str
    data: bytes


# ---------------------------------------------------------------- files


@contextmanager
def _files(actor) -> Iterator:
    """Yields ``store(incoming) -> StoredFile``; on failure removes the blobs it wrote that nothing references."""
    created: list[str] = []

    def store(f: IncomingFile) -> StoredFile:
        content_type, rejection = limits.check(f.data)
        if rejection:
            raise ValidationFailed(rejection.message, details={"file": f.name}, code=rejection.code)
        try:
            key, sha, new = storage.put(f.data)
        except OSError as e:
            raise StorageFailed.of(e, f.name) from e
        if new:
            created.append(key)
        storage.ensure_after_commit(key, f.data)
        return StoredFile.objects.create(key=key, sha256=sha, size=len(f.data), content_type=content_type,
                                         original_name=(f.name or "tep")[:255], uploaded_at=clock.now(),
                                         uploaded_by=actor if _uid(actor) else None)

    try:
        yield store
    except BaseException:
        for key in created:
            try:
                storage.discard_if_unreferenced(key)
            except OSError:
                pass  # the sweep command removes it later
        raise


def _component(component_id: int) -> DossierComponent:
    c = DossierComponent.objects.select_related("dossier", "component").filter(pk=component_id).first()
    if c is None:
        raise NotFound("Không tìm thấy giấy tờ trong hồ sơ.", code="thanh_phan_khong_ton_tai")
    return c


_EDITABLE = {Status.NEW, Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT}


def _may_edit_components(actor, d: Dossier) -> None:
    roles = roles_of(actor, d.org_id) | roles_of(actor, d.current_org_id)
    if d.citizen_id and d.citizen_id == _uid(actor):
        roles.add(workflow.CITIZEN)
    if not roles & {Role.DESK, Role.SPECIALIST, workflow.CITIZEN}:
        raise PermissionDenied("Chỉ Bộ phận Một cửa, chuyên viên thụ lý hoặc chính người nộp mới được đính kèm "
                               "giấy tờ.", code="ngoai_pham_vi_don_vi")
    if d.status not in _EDITABLE:
        raise Conflict(f"Hồ sơ đang ở trạng thái “{Status(d.status).label}”, không đính kèm thêm giấy tờ.",
                       code="ho_so_khong_nhan_giay_to")


def _owner_kind(d: Dossier) -> str:
    return OwnerKind.ORGANISATION if d.applicant_kind == "organisation" else OwnerKind.CITIZEN


def attach_component_file(*, actor, component_id: int, file: IncomingFile, meta: DocMeta) -> ComponentFile:
    """Digitise a paper of a dossier: store the scan with its metadata and keep it in the owner's data store."""
    meta.check()
    with _files(actor) as store, transaction.atomic():
        c = _component(component_id)
        d = Dossier.objects.select_for_update().get(pk=c.dossier_id)
        _may_edit_components(actor, d)
        at = clock.now()
        stored = store(file)
        link = ComponentFile.objects.create(component=c, stored_file=stored, attached_by=_user(actor), attached_at=at,
                                            **meta.fields())
        if d.applicant_id_digest:
            DigitisedDocument.objects.create(owner_digest=d.applicant_id_digest, owner_kind=_owner_kind(d),
                                             stored_file=stored, source_component=c, created_at=at, **meta.fields())
        _flag(c, digitised=True)
        _audit(d, "attach_file", actor, {"component": c.name, "file": stored.original_name, "sha256": stored.sha256})
    return link


def reuse_document(*, actor, component_id: int, document_id: int) -> ComponentFile:
    """Use a held, still-valid document for a component instead of asking for it again; the reuse is recorded."""
    with transaction.atomic():
        c = _component(component_id)
        d = Dossier.objects.select_for_update().get(pk=c.dossier_id)
        _may_edit_components(actor, d)
        doc = DigitisedDocument.objects.select_related("stored_file").filter(pk=document_id).first()
        if doc is None or not d.applicant_id_digest or doc.owner_digest != d.applicant_id_digest:
            raise NotFound("Không tìm thấy giấy tờ này trong kho dữ liệu của người nộp.",
                           code="giay_to_khong_ton_tai")
        if doc.valid_until is not None and doc.valid_until < today():
            raise Conflict(f"Giấy tờ đã hết hiệu lực từ ngày {doc.valid_until:%d/%m/%Y}; cần nộp bản mới.",
                           code="giay_to_het_hieu_luc")
        if DocumentReuse.objects.filter(document=doc, component=c).exists():
            raise Conflict("Giấy tờ này đã được dùng cho thành phần hồ sơ này.", code="da_tai_su_dung")
        at = clock.now()
        meta = {f: getattr(doc, f) for f in ("document_type", "number", "issuer", "issued_on", "valid_until")}
        link = ComponentFile.objects.create(component=c, stored_file=doc.stored_file, reused_from=doc,
                                            attached_by=_user(actor), attached_at=at, **meta)
        DocumentReuse.objects.create(document=doc, component=c, dossier=d, actor=_user(actor), at=at)
        _flag(c, digitised=True, reused=True)
        _audit(d, "reuse_document", actor, {"component": c.name, "document": doc.id, "type": doc.document_type})
    return link


def _flag(c: DossierComponent, **flags) -> None:
    changed = [k for k, v in flags.items() if getattr(c, k) != v]
    for k in changed:
        setattr(c, k, flags[k])
    if changed:
        c.save(update_fields=changed)
        # recount the dossier's counters (ADR 0008 §11); the caller holds the dossier's row lock
        n = DossierComponent.objects.filter(dossier_id=c.dossier_id, provided=True).aggregate(
            p=Count("id"), d=Count("id", filter=Q(digitised=True)), r=Count("id", filter=Q(reused=True)))
        Dossier.objects.filter(pk=c.dossier_id).update(
            components_provided=n["p"], components_digitised=n["d"], components_reused=n["r"])


# ---------------------------------------------------------------- electronic results


_RESULT_STATUSES = {Status.PROCESSING, Status.DONE}


def issuing_org_id(d: Dossier) -> int:
    """The organisation that signs the result: the competent agency, else the receiving commune."""
    return d.version.competent_org_id or d.org_id


def issue_result(*, actor, dossier_id: int, files: list[IncomingFile] | None = None,
                 generated: list[IncomingFile] | None = None, sign: bool = True,
                 meta: DocMeta | None = None) -> list[ResultDocument]:
    """Attach the electronic result(s) of a dossier, signed by the issuing organisation.

    ``files`` are uploaded results; ``generated`` are PDFs the platform produced. Call it before
    ``dossiers.services.finish`` (status 4) or after it (status 9). All or nothing: a file that
    cannot be signed or stored leaves no result and no blob behind.
    """
    incoming = list(files or []) + list(generated or [])
    if not incoming:
        raise ValidationFailed("Chưa có tệp kết quả.", code="thieu_tep_ket_qua")
    if meta:
        meta.check()
    d = Dossier.objects.select_related("version", "org").filter(pk=dossier_id).first()
    if d is None:
        raise NotFound("Không tìm thấy hồ sơ.", code="ho_so_khong_ton_tai")
    signer_org = org_by_id(issuing_org_id(d))
    _may_issue(actor, d, signer_org.id)  # before signing: nothing is signed for someone who may not issue
    cert = None
    if sign:
        cert = OrgCertificate.objects.filter(org_id=signer_org.id, active=True).order_by("-imported_at").first()
        if cert is None:
            raise Conflict(f"{signer_org.name} chưa có chứng thư số để ký kết quả.", code="chua_co_chung_thu")
        loaded = signing.unseal(cert.sealed_pkcs12)
        signed_files = []
        for f in incoming:
            if limits.sniff(f.data) != "application/pdf":
                raise ValidationFailed("Chỉ ký số được kết quả dạng PDF.", details={"file": f.name},
                                       code="chi_ky_duoc_pdf")
            signed_files.append(IncomingFile(f.name, signing.sign_pdf(
                f.data, loaded, org_name=signer_org.name, reason=f"Kết quả giải quyết hồ sơ {d.code}",
                location=content.place_of(signer_org))))
        incoming = signed_files
    with _files(actor) as store, transaction.atomic():
        d = Dossier.objects.select_related("version").select_for_update(of=("self",)).get(pk=dossier_id)
        _may_issue(actor, d, signer_org.id)  # again under the lock: the status may have moved meanwhile
        at = clock.now()
        meta_fields = meta.fields() if meta else {
            "document_type": d.version.result_type or "Kết quả giải quyết TTHC", "number": d.code,
            "issuer": signer_org.name, "issued_on": timezone.localtime(at).date(), "valid_until": None}
        out = []
        for f in incoming:
            stored = store(f)
            r = ResultDocument.objects.create(dossier=d, stored_file=stored, signed=sign, certificate=cert,
                                              issued_by=_user(actor), issued_at=at, **meta_fields)
            if d.applicant_id_digest:  # pushed to the citizen's data store (kho dữ liệu điện tử)
                DigitisedDocument.objects.create(owner_digest=d.applicant_id_digest, owner_kind=_owner_kind(d),
                                                 stored_file=stored, source_result=r, created_at=at, **meta_fields)
            out.append(r)
        _audit(d, "issue_result", actor, {"files": [r.stored_file.original_name for r in out], "signed": sign})
    return out


def can_issue(actor, d: Dossier) -> bool:
    """Whether ``actor`` may issue ``d``'s electronic result now (the screens offer the form only then)."""
    try:
        _may_issue(actor, d, issuing_org_id(d))
    except DomainError:
        return False
    return True


def _may_issue(actor, d: Dossier, signer_org_id: int) -> None:
    roles = roles_of(actor, d.current_org_id) | roles_of(actor, d.org_id) | roles_of(actor, signer_org_id)
    if not roles & {Role.LEADER, Role.CLERK}:
        raise PermissionDenied("Chỉ lãnh đạo hoặc văn thư mới ban hành kết quả điện tử.",
                               code="khong_co_quyen_ban_hanh")
    if d.status not in _RESULT_STATUSES:
        raise Conflict(f"Hồ sơ đang ở trạng thái “{Status(d.status).label}”, chưa ban hành kết quả được.",
                       code="chua_the_ban_hanh_ket_qua")


def generate_result_pdf(d: Dossier, form: str) -> IncomingFile:
    """A platform-generated form as a PDF ready to be issued (e.g. a notice that is itself the result)."""
    doc = content.build(form, d)
    return IncomingFile(f"{doc.filename}.pdf", pdf_renderer.render(doc))


# ---------------------------------------------------------------- certificates


def import_certificate(*, actor, org_id: int, data: bytes, password: str) -> OrgCertificate:
    """Import an organisation's PKCS#12; wrong password or an expired certificate stores nothing."""
    org = org_by_id(org_id)
    if org is None:
        raise NotFound("Không tìm thấy cơ quan.", code="co_quan_khong_ton_tai")
    if actor is not None and not actor.is_superuser and Role.ADMIN not in roles_of(actor, org_id):
        raise PermissionDenied("Chỉ quản trị hệ thống mới nhập chứng thư số của cơ quan.")
    loaded = signing.load_pkcs12(data, password)
    with transaction.atomic():
        if OrgCertificate.objects.filter(fingerprint=loaded.fingerprint).exists():
            raise Conflict("Chứng thư số này đã được nhập.", code="chung_thu_da_nhap")
        OrgCertificate.objects.filter(org_id=org_id, active=True).update(active=False)
        return OrgCertificate.objects.create(
            org_id=org_id, subject=loaded.subject[:500], issuer=loaded.cert.issuer.rfc4514_string()[:500],
            serial=format(loaded.cert.serial_number, "x")[:80], fingerprint=loaded.fingerprint,
            not_before=loaded.cert.not_valid_before_utc, not_after=loaded.cert.not_valid_after_utc,
            sealed_pkcs12=signing.seal(loaded), trust_roots_pem=signing.roots_pem(loaded), active=True,
            imported_by=_user(actor), imported_at=clock.now(),
        )


# ---------------------------------------------------------------- small helpers


def _uid(actor) -> int | None:
    return actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None


def _user(actor):
    return actor if _uid(actor) else None


def _audit(d: Dossier, action: str, actor, new: dict) -> None:
    AuditRecord.objects.create(dossier=d, action=action, actor=_user(actor), at=clock.now(), old={}, new=new)
