"""Signed electronic results: certificates (bad input refused), PAdES signing, verification by
our service and by poppler's pdfsig on the real file and on tampered copies."""
from __future__ import annotations

import io
import re
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pypdf
import pytest
from tests.documents.conftest import PASSWORD, birth_dossier, blob_files, past

from cchc.core.errors import Conflict, PermissionDenied, ValidationFailed
from cchc.documents import selectors, services, signing, storage
from cchc.documents.models import DigitisedDocument, OrgCertificate, ResultDocument, StoredFile
from cchc.dossiers import services as ds


def pdfsig(data: bytes, tmp_path, name="signed.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    r = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    return r.stdout + r.stderr


def processing(w, clock):
    d = birth_dossier(w, clock)
    clock.set(2025, 6, 5, 11, 0)
    ds.hand_over(actor=w.desk, dossier_id=d.id)
    return d


def result_pdf(d) -> services.IncomingFile:
    return services.generate_result_pdf(d, "06")


# ---------------------------------------------------------------- certificates (bad input)

def test_wrong_pkcs12_password_is_refused_and_nothing_stored(world, p12):
    with pytest.raises(ValidationFailed) as e:
        services.import_certificate(actor=None, org_id=world.commune.id, data=p12("UBND xã Phong Điền"),
                                    password="sai-mat-khau")
    assert e.value.code == "sai_mat_khau_chung_thu" and "sai mật khẩu" in e.value.message
    assert OrgCertificate.objects.count() == 0


def test_expired_certificate_is_refused_and_nothing_stored(world, p12):
    data = p12("UBND xã Phong Điền", not_before=past(400), not_after=past(35))
    with pytest.raises(ValidationFailed) as e:
        services.import_certificate(actor=None, org_id=world.commune.id, data=data, password=PASSWORD)
    assert e.value.code == "chung_thu_het_han" and "đã hết hiệu lực" in e.value.message
    assert OrgCertificate.objects.count() == 0


def test_not_a_pkcs12_file_is_refused(world):
    with pytest.raises(ValidationFailed) as e:
        services.import_certificate(actor=None, org_id=world.commune.id, data=b"%PDF-1.7 not a p12",
                                    password=PASSWORD)
    assert e.value.code == "sai_mat_khau_chung_thu"


def test_key_is_stored_encrypted_not_in_clear(signed_world):
    cert = OrgCertificate.objects.get(org=signed_world.commune)
    assert b"PRIVATE KEY" not in bytes(cert.sealed_pkcs12) and bytes(cert.sealed_pkcs12)[:4] == b"gAAA"  # Fernet
    assert signing.unseal(cert.sealed_pkcs12).common_name == "UBND xã Phong Điền"


def test_only_an_administrator_imports(world, p12):
    with pytest.raises(PermissionDenied):
        services.import_certificate(actor=world.leader, org_id=world.commune.id, data=p12("X"), password=PASSWORD)


# ---------------------------------------------------------------- signing and verification

def test_signed_result_is_accepted_by_pdfsig_and_our_verifier(signed_world, clock, tmp_path):
    w = signed_world
    d = processing(w, clock)
    [r] = services.issue_result(actor=w.clerk, dossier_id=d.id, files=[result_pdf(d)])
    assert r.signed and r.certificate.org_id == w.commune.id
    data = storage.read(r.stored_file.key)
    out = pdfsig(data, tmp_path)
    assert "Signature Validation: Signature is Valid." in out, out
    assert "UBND xã Phong Điền" in out
    report = selectors.verify(data)
    assert report.valid and report.is_pdf
    [s] = report.signatures
    assert s.signer == "UBND xã Phong Điền" and s.intact and s.trusted and not s.changed_after_signing
    assert abs(s.signed_at - datetime.now(UTC)) < timedelta(minutes=5)
    # pushed to the citizen's data store
    assert DigitisedDocument.objects.get(source_result=r).owner_digest == d.applicant_id_digest


def test_bytes_changed_after_signing_give_a_digest_mismatch(signed_world, clock, tmp_path):
    w = signed_world
    d = processing(w, clock)
    [r] = services.issue_result(actor=w.clerk, dossier_id=d.id, files=[result_pdf(d)])
    data = storage.read(r.stored_file.key)
    at = data.index(b"/Creator (cchc)")
    tampered = data[:at] + b"/Creator (xxxx)" + data[at + len(b"/Creator (cchc)"):]
    assert len(tampered) == len(data)
    assert "Digest Mismatch" in pdfsig(tampered, tmp_path, "tampered.pdf")
    report = selectors.verify(tampered)
    assert not report.valid and report.signatures[0].changed_after_signing and not report.signatures[0].intact
    assert "đã bị thay đổi sau khi ký" in report.message


def test_pages_appended_after_signing_are_reported_as_changed(signed_world, clock):
    w = signed_world
    d = processing(w, clock)
    [r] = services.issue_result(actor=w.clerk, dossier_id=d.id, files=[result_pdf(d)])
    writer = pypdf.PdfWriter(io.BytesIO(storage.read(r.stored_file.key)), incremental=True)
    writer.add_blank_page()
    out = io.BytesIO()
    writer.write(out)
    report = selectors.verify(out.getvalue())
    assert not report.valid
    assert report.signatures[0].intact and report.signatures[0].changed_after_signing
    assert "sửa đổi, bổ sung sau khi ký" in report.message


@pytest.mark.parametrize("data, expected", [
    (b"PK\x03\x04 a zip, not a pdf", "không phải là tệp PDF"),
    (b"", "không phải là tệp PDF"),
    (b"%PDF-1.7\n garbage without objects", "bị hỏng"),
])
def test_non_pdf_gets_a_clear_answer(db, data, expected):
    report = selectors.verify(data)
    assert not report.valid and expected in report.message


def test_unsigned_pdf_is_not_valid(world, clock):
    d = birth_dossier(world, clock)
    report = selectors.verify(selectors.dossier_form(world.desk, d.code, "01", "pdf").data)
    assert report.is_pdf and not report.valid and report.message == "Tệp PDF không có chữ ký số."


def test_certificate_expired_since_import_signs_nothing(world, clock, p12, media):
    data = p12("UBND xã Phong Điền", not_after=datetime.now(UTC) + timedelta(seconds=2))
    services.import_certificate(actor=None, org_id=world.commune.id, data=data, password=PASSWORD)
    from tests.conftest import make_user

    from cchc.org.models import Role
    clerk = make_user("vanthu2", world.commune, Role.CLERK)
    d = processing(world, clock)
    time.sleep(2.5)
    with pytest.raises(ValidationFailed) as e:
        services.issue_result(actor=clerk, dossier_id=d.id, files=[result_pdf(d)])
    assert e.value.code == "chung_thu_het_han"
    assert not ResultDocument.objects.exists() and not StoredFile.objects.exists() and blob_files(media) == []


def test_specialist_may_not_issue_and_nothing_is_signed(signed_world, clock, media):
    d = processing(signed_world, clock)
    with pytest.raises(PermissionDenied):
        services.issue_result(actor=signed_world.specialist, dossier_id=d.id, files=[result_pdf(d)])
    assert not ResultDocument.objects.exists() and blob_files(media) == []


def test_only_pdf_results_can_be_signed(signed_world, clock):
    d = processing(signed_world, clock)
    with pytest.raises(ValidationFailed) as e:
        services.issue_result(actor=signed_world.clerk, dossier_id=d.id,
                              files=[services.IncomingFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100)])
    assert e.value.code == "chi_ky_duoc_pdf"


def test_no_certificate_is_a_clear_conflict(world, clock):
    from tests.conftest import make_user

    from cchc.org.models import Role
    clerk = make_user("vanthu3", world.commune, Role.CLERK)
    d = processing(world, clock)
    with pytest.raises(Conflict) as e:
        services.issue_result(actor=clerk, dossier_id=d.id, files=[result_pdf(d)])
    assert e.value.code == "chua_co_chung_thu" and "Xã Phong Điền" in e.value.message


def test_result_then_finish_with_electronic_return(signed_world, clock):
    w = signed_world
    d = processing(w, clock)
    clock.set(2025, 6, 6, 9, 0)
    ds.hand_over(actor=w.specialist, dossier_id=d.id)
    services.issue_result(actor=w.leader, dossier_id=d.id, files=[result_pdf(d)])
    ds.finish(actor=w.leader, dossier_id=d.id)
    d.refresh_from_db()
    assert d.status == 9 and d.result_documents.filter(signed=True).count() == 1


def test_demo_command_creates_a_ca_and_one_certificate_per_organisation(world, tmp_path):
    from django.core.management import call_command
    call_command("create_demo_certificates", "--out", str(tmp_path / "ca"))
    assert OrgCertificate.objects.filter(active=True).count() == 6  # province, 2 agencies, centre, 2 communes
    key = (tmp_path / "ca" / "ca-key.pem").read_text()
    assert "ENCRYPTED PRIVATE KEY" in key
    call_command("create_demo_certificates", "--out", str(tmp_path / "ca2"))  # idempotent: nothing new
    assert OrgCertificate.objects.count() == 6


def stamp_text(signed: bytes, tmp_path) -> str:
    """The text of the visible signature stamp: its appearance stream drawn onto a page, then pdftotext."""
    from pypdf.generic import ContentStream, DictionaryObject, NameObject
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(signed)))
    page = w.pages[-1]
    [widget] = [a.get_object() for a in page["/Annots"] if a.get_object().get("/FT") == "/Sig"]
    x, y = (float(v) for v in widget["/Rect"][:2])
    resources = page["/Resources"].get_object()
    xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
    xobjects[NameObject("/CchcStamp")] = widget["/AP"].get_object()["/N"]
    drawn = ContentStream(None, w)
    drawn.set_data(f"q 1 0 0 1 {x} {y} cm /CchcStamp Do Q".encode())
    page[NameObject("/Contents")] = w._add_object(drawn)  # only the stamp: the page text would blur the check
    out = tmp_path / "stamp.pdf"
    with open(out, "wb") as f:
        w.write(f)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-l", "999", str(out), "-"], capture_output=True).stdout
    return " ".join(text.decode().split())


def test_signed_result_carries_a_visible_stamp_in_vietnamese(signed_world, clock, tmp_path):
    d = processing(signed_world, clock)
    [r] = services.issue_result(actor=signed_world.clerk, dossier_id=d.id, files=[result_pdf(d)])
    text = stamp_text(storage.read(r.stored_file.key), tmp_path)
    assert "Ký bởi: Xã Phong Điền" in text, text  # the issuing organisation, as named in the catalogue
    assert re.search(r"Thời gian ký: \d\d/\d\d/20\d\d \d\d:\d\d:\d\d", text), text
    assert "Ký số theo chuẩn PAdES" in text


def test_verification_page_shows_signer_time_and_change(signed_world, clock, client):
    """The public page, with a real signed result and a tampered copy of it."""
    import html

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone
    d = processing(signed_world, clock)
    [r] = services.issue_result(actor=signed_world.clerk, dossier_id=d.id, files=[result_pdf(d)])
    signed = storage.read(r.stored_file.key)
    resp = client.post("/giay-to/xac-minh/", {"file": SimpleUploadedFile("kq.pdf", signed)})
    page = " ".join(html.unescape(resp.content.decode()).split())
    when = timezone.localtime(selectors.verify(signed).signatures[0].signed_at).strftime("%d/%m/%Y %H:%M:%S")
    assert resp.status_code == 200 and "Hợp lệ:" in page and "Không hợp lệ" not in page
    assert f"<td>UBND xã Phong Điền</td><td>{when}</td> <td>Có</td><td>Không</td>" in page
    tampered = signed.replace(b"/Creator (cchc)", b"/Creator (xxxx)")
    resp = client.post("/giay-to/xac-minh/", {"file": SimpleUploadedFile("sua.pdf", tampered)})
    page = " ".join(html.unescape(resp.content.decode()).split())
    assert "Không hợp lệ:" in page and "<td>Không</td><td>Có</td>" in page  # not intact, changed after signing


def test_a_broken_pdf_is_a_clear_error_and_nothing_is_signed(signed_world, clock, media):
    d = processing(signed_world, clock)
    with pytest.raises(ValidationFailed) as e:
        services.issue_result(actor=signed_world.clerk, dossier_id=d.id,
                              files=[services.IncomingFile("hong.pdf", b"%PDF-1.7\n no objects, no trailer\n")])
    assert e.value.code == "pdf_hong" and "bị hỏng" in e.value.message
    assert not ResultDocument.objects.exists() and not StoredFile.objects.exists() and blob_files(media) == []
