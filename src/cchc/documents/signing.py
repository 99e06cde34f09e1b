"""PAdES signatures (pyHanko): organisation certificates, signing with a visible Vietnamese stamp,
and verification that anyone can run on a PDF.

Certificate validity is judged against the real time, not the platform clock: a signature is a
fact about now, whatever moment a demo replays.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from cryptography import x509
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.utils import timezone

from cchc.core.errors import ValidationFailed

from . import fonts

FIELD_NAME = "ChuKySoCoQuan"
# bottom right of the last page, above the footer margin (points; A4 is 595 × 842)
STAMP_BOX = (315, 40, 565, 120)


class CertificateRejected(ValidationFailed):
    code = "chung_thu_khong_hop_le"


@dataclass
class LoadedCertificate:
    cert: x509.Certificate
    key: object
    chain: list[x509.Certificate]

    @property
    def subject(self) -> str:
        return self.cert.subject.rfc4514_string()

    @property
    def common_name(self) -> str:
        cn = self.cert.subject.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)
        return cn[0].value if cn else self.subject

    @property
    def fingerprint(self) -> str:
        return self.cert.fingerprint(hashes.SHA256()).hex()

    def roots(self) -> list[x509.Certificate]:
        return [c for c in self.chain if c.subject == c.issuer]


def _fernet() -> Fernet:
    secret = getattr(settings, "CCHC_SIGNING_KEY", "") or settings.SECRET_KEY
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(("cchc-signing:" + secret).encode()).digest()))


def load_pkcs12(data: bytes, password: str, *, at: datetime | None = None) -> LoadedCertificate:
    """Open a PKCS#12 file; refuse a wrong password, a file without key, or a certificate not valid now."""
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, (password or "").encode() or None)
    except (ValueError, TypeError) as e:
        raise CertificateRejected("Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp không đúng định dạng.",
                                  code="sai_mat_khau_chung_thu") from e
    if key is None or cert is None:
        raise CertificateRejected("Tệp PKCS#12 không chứa khóa bí mật và chứng thư ký số.",
                                  code="chung_thu_thieu_khoa")
    check_validity(cert, at=at)
    return LoadedCertificate(cert, key, list(chain or []))


def check_validity(cert: x509.Certificate, *, at: datetime | None = None) -> None:
    at = at or datetime.now(UTC)
    if at > cert.not_valid_after_utc:
        until = timezone.localtime(cert.not_valid_after_utc)
        raise CertificateRejected(f"Chứng thư số đã hết hiệu lực từ ngày {until:%d/%m/%Y}; không thể ký.",
                                  code="chung_thu_het_han", details={"not_after": until.isoformat()})
    if at < cert.not_valid_before_utc:
        since = timezone.localtime(cert.not_valid_before_utc)
        raise CertificateRejected(f"Chứng thư số chỉ có hiệu lực từ ngày {since:%d/%m/%Y}.",
                                  code="chung_thu_chua_hieu_luc")


def seal(loaded: LoadedCertificate) -> bytes:
    """The key and chain as PKCS#12, encrypted with the platform's signing key (never stored in clear)."""
    raw = pkcs12.serialize_key_and_certificates(b"cchc", loaded.key, loaded.cert, loaded.chain or None,
                                                serialization.NoEncryption())
    return _fernet().encrypt(raw)


def unseal(sealed: bytes) -> LoadedCertificate:
    key, cert, chain = pkcs12.load_key_and_certificates(_fernet().decrypt(bytes(sealed)), None)
    return LoadedCertificate(cert, key, list(chain or []))


def roots_pem(loaded: LoadedCertificate) -> str:
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode() for c in loaded.roots())


def sign_pdf(pdf: bytes, loaded: LoadedCertificate, *, org_name: str, reason: str, location: str) -> bytes:
    """Sign ``pdf`` (PAdES baseline B) with a visible stamp on the last page."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import TextStampStyle

    check_validity(loaded.cert)
    raw = pkcs12.serialize_key_and_certificates(b"cchc", loaded.key, loaded.cert, loaded.chain or None,
                                                serialization.NoEncryption())
    signer = signers.SimpleSigner.load_pkcs12_data(raw, other_certs=[])
    if signer is None:
        raise CertificateRejected("Không nạp được chứng thư để ký.", code="chung_thu_khong_nap_duoc")
    from pyhanko.pdf_utils.misc import PdfError

    try:
        writer = IncrementalPdfFileWriter(BytesIO(pdf))
        last_page = int(writer.root["/Pages"]["/Count"]) - 1
    except (PdfError, ValueError, KeyError, TypeError) as e:  # a broken file is the user's answer, not a 500
        raise ValidationFailed("Tệp PDF bị hỏng, không đọc được nên không ký số được; hãy xuất lại tệp PDF.",
                               code="pdf_hong") from e
    style = TextStampStyle(
        stamp_text=f"Ký bởi: {org_name}\nThời gian ký: %(ts)s\nKý số theo chuẩn PAdES",
        timestamp_format="%d/%m/%Y %H:%M:%S",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(fonts.stamp_font_path())), font_size=9),
        border_width=1,
    )
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=FIELD_NAME, reason=reason, location=location,
                                     subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"),
        signer=signer, stamp_style=style,
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, box=STAMP_BOX, on_page=last_page),
    )
    out = BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


@dataclass
class SignatureReport:
    field: str
    signer: str
    signed_at: datetime | None
    intact: bool
    trusted: bool
    covers_whole_file: bool
    valid: bool
    changed_after_signing: bool
    summary: str


@dataclass
class VerificationReport:
    is_pdf: bool
    valid: bool
    message: str
    signatures: list[SignatureReport] = field(default_factory=list)


def verify_pdf(data: bytes, trust_roots: list[x509.Certificate]) -> VerificationReport:
    """Valid = every signature intact, covering the whole file, by a certificate chaining to a trusted root."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    if not data.lstrip()[:5] == b"%PDF-":
        return VerificationReport(False, False, "Tệp tải lên không phải là tệp PDF; chỉ xác minh được chữ ký trên PDF.")
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        return VerificationReport(False, False, f"Tệp PDF bị hỏng, không đọc được ({type(e).__name__}).")
    if not embedded:
        return VerificationReport(True, False, "Tệp PDF không có chữ ký số.")
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trust_roots]
    reports = []
    for sig in embedded:
        vc = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            st = validate_pdf_signature(sig, vc)
        except Exception as e:  # noqa: BLE001 — any failure to validate is reported, never a server error
            reports.append(SignatureReport(sig.field_name, "", None, False, False, False, False, True,
                                           f"Không kiểm tra được chữ ký ({type(e).__name__})."))
            continue
        whole = st.coverage is not None and st.coverage.name == "ENTIRE_FILE"
        changed = not st.intact or not whole
        valid = bool(st.intact and st.valid and st.trusted and whole)
        signer = st.signing_cert.subject.native.get("common_name", "") if st.signing_cert else ""
        when = st.signer_reported_dt
        if not st.intact:
            summary = "Nội dung đã bị thay đổi sau khi ký (giá trị băm không khớp)."
        elif not whole:
            summary = "Tệp đã được sửa đổi, bổ sung sau khi ký."
        elif not st.trusted:
            summary = "Chữ ký toàn vẹn nhưng chứng thư không thuộc tổ chức cung cấp dịch vụ tin cậy."
        else:
            summary = "Chữ ký số hợp lệ; tài liệu không bị thay đổi sau khi ký."
        reports.append(SignatureReport(sig.field_name, signer, when, bool(st.intact), bool(st.trusted), whole,
                                       valid, changed, summary))
    ok = all(r.valid for r in reports)
    msg = ("Tất cả chữ ký số hợp lệ." if ok else
           next(r.summary for r in reports if not r.valid))
    return VerificationReport(True, ok, msg, reports)
