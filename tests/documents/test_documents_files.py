"""File storage at the boundary: content hash, type and size limits, and no lost or orphaned
files when a transaction fails."""
from __future__ import annotations

import hashlib
import os
import time
from datetime import date

import pytest
from django.core.management import call_command
from tests.documents.conftest import birth_dossier, blob_files

from cchc.core.errors import ValidationFailed
from cchc.documents import limits, services, storage
from cchc.documents.models import ComponentFile, DigitisedDocument, ResultDocument, StoredFile
from cchc.dossiers import services as ds
from cchc.dossiers.models import DossierComponent

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
META = services.DocMeta(document_type="Giấy chứng sinh", number="123/GCS", issuer="Bệnh viện Trung ương Huế",
                        issued_on=date(2025, 5, 30))


@pytest.mark.parametrize("data, code", [
    (b"", "tep_rong"),
    (b"hello, plain text", "loai_tep_khong_ho_tro"),
    (b"PK\x03\x04zip", "loai_tep_khong_ho_tro"),
    (b"%PDF-" + b"0" * 20, "tep_qua_lon"),  # 25 bytes over a 20-byte limit
])
def test_limits_refuse(data, code):
    _, rejection = limits.check(data, max_bytes=20)
    assert rejection is not None and rejection.code == code


@pytest.mark.parametrize("data, content_type", [
    (PDF, "application/pdf"), (b"\x89PNG\r\n\x1a\n....", "image/png"), (b"\xff\xd8\xff\xe0JFIF", "image/jpeg"),
    (b"II*\x00tiff", "image/tiff"),
])
def test_limits_accept(data, content_type):
    assert limits.check(data) == (content_type, None)


def first_component(d) -> DossierComponent:
    return d.components.order_by("id").first()


def test_attach_records_hash_size_and_metadata(world, clock, media):
    d = birth_dossier(world, clock)
    c = d.components.order_by("id")[1]
    link = services.attach_component_file(actor=world.desk, component_id=c.id,
                                          file=services.IncomingFile("giay-chung-sinh.pdf", PDF), meta=META)
    sha = hashlib.sha256(PDF).hexdigest()
    assert link.stored_file.sha256 == sha and link.stored_file.size == len(PDF) == 45  # 9 + 18 + 12 + 6 bytes
    assert link.stored_file.content_type == "application/pdf" and link.stored_file.original_name == "giay-chung-sinh.pdf"
    assert (media / "blobs" / sha[:2] / sha[2:4] / sha).read_bytes() == PDF
    assert (link.document_type, link.number, link.issuer) == ("Giấy chứng sinh", "123/GCS", "Bệnh viện Trung ương Huế")
    c.refresh_from_db()
    assert c.digitised and not c.reused
    assert DigitisedDocument.objects.get(source_component=c).owner_digest == d.applicant_id_digest


def test_same_bytes_twice_share_one_blob(world, clock, media):
    d = birth_dossier(world, clock)
    for c in d.components.all():
        services.attach_component_file(actor=world.desk, component_id=c.id,
                                       file=services.IncomingFile("a.pdf", PDF), meta=META)
    assert StoredFile.objects.count() == 2 and len(blob_files(media)) == 1


@pytest.mark.parametrize("data, code", [(b"", "tep_rong"), (b"MZ\x90\x00 an exe", "loai_tep_khong_ho_tro")])
def test_bad_upload_is_refused_in_vietnamese_and_leaves_nothing(world, clock, media, data, code):
    d = birth_dossier(world, clock)
    with pytest.raises(ValidationFailed) as e:
        services.attach_component_file(actor=world.desk, component_id=first_component(d).id,
                                       file=services.IncomingFile("x", data), meta=META)
    assert e.value.code == code and e.value.message.startswith(("Tệp", "Loại tệp"))
    assert not StoredFile.objects.exists() and blob_files(media) == []
    assert not first_component(d).digitised


def test_oversized_upload_is_refused(world, clock, media):
    d = birth_dossier(world, clock)
    with pytest.raises(ValidationFailed) as e:
        services.attach_component_file(actor=world.desk, component_id=first_component(d).id,
                                       file=services.IncomingFile("big.pdf", b"%PDF-" + b"0" * limits.MAX_BYTES),
                                       meta=META)
    assert e.value.code == "tep_qua_lon" and "tối đa 20 MB" in e.value.message
    assert blob_files(media) == []


def test_metadata_is_required_to_digitise(world, clock):
    d = birth_dossier(world, clock)
    with pytest.raises(ValidationFailed) as e:
        services.attach_component_file(actor=world.desk, component_id=first_component(d).id,
                                       file=services.IncomingFile("a.pdf", PDF),
                                       meta=services.DocMeta("Giấy chứng sinh", "", "", date(2025, 5, 30)))
    assert e.value.code == "thieu_thong_tin_so_hoa" and e.value.details["missing"] == ["number", "issuer"]


def test_file_write_failing_mid_transaction_leaves_no_result_and_no_blob(signed_world, clock, media):
    """Two results; the second blob's folder cannot be created (a plain file is in the way)."""
    w = signed_world
    d = birth_dossier(w, clock)
    ds.hand_over(actor=w.desk, dossier_id=d.id)
    first, second = PDF, PDF.replace(b"1 0 obj", b"2 0 obj")
    sha2 = hashlib.sha256(second).hexdigest()
    (media / "blobs").mkdir(parents=True)
    (media / "blobs" / sha2[:2]).write_bytes(b"in the way")
    if hashlib.sha256(first).hexdigest()[:2] == sha2[:2]:
        pytest.skip("both hashes share a folder")
    with pytest.raises(services.StorageFailed) as e:
        services.issue_result(actor=w.clerk, dossier_id=d.id, sign=False,
                              files=[services.IncomingFile("kq1.pdf", first), services.IncomingFile("kq2.pdf", second)])
    assert e.value.code == "luu_tep_that_bai" and e.value.status == 503
    assert not ResultDocument.objects.exists() and not StoredFile.objects.exists()
    assert blob_files(media) == [media / "blobs" / sha2[:2]]  # only the obstacle: the first blob was removed


def test_database_failure_after_a_blob_was_written_removes_it(world, clock, media):
    """The second file is refused inside the transaction, after the first blob was written."""
    from tests.conftest import make_user

    from cchc.org.models import Role
    clerk = make_user("vanthu_x", world.commune, Role.CLERK)
    d = birth_dossier(world, clock)
    ds.hand_over(actor=world.desk, dossier_id=d.id)
    with pytest.raises(ValidationFailed):
        services.issue_result(actor=clerk, dossier_id=d.id, sign=False,
                              files=[services.IncomingFile("kq.pdf", PDF), services.IncomingFile("kq.txt", b"text")])
    assert not ResultDocument.objects.exists() and blob_files(media) == []


def test_a_blob_removed_by_a_concurrent_rollback_is_rewritten_on_commit(world, clock, media,
                                                                      django_capture_on_commit_callbacks):
    d = birth_dossier(world, clock)
    with django_capture_on_commit_callbacks(execute=True):
        link = services.attach_component_file(actor=world.desk, component_id=first_component(d).id,
                                              file=services.IncomingFile("a.pdf", PDF), meta=META)
        os.remove(media / link.stored_file.key)  # what another request's rollback clean-up could do
    assert storage.read(link.stored_file.key) == PDF


def test_clean_files_removes_only_old_unreferenced_blobs(world, clock, media):
    d = birth_dossier(world, clock)
    kept = services.attach_component_file(actor=world.desk, component_id=first_component(d).id,
                                          file=services.IncomingFile("a.pdf", PDF), meta=META).stored_file.key
    orphan, _, _ = storage.put(b"%PDF-1.4 orphan")
    fresh, _, _ = storage.put(b"%PDF-1.4 fresh orphan")
    old = time.time() - 2 * 3600
    os.utime(media / orphan, (old, old))
    os.utime(media / kept, (old, old))
    call_command("clean_files", "--grace-minutes", "60")
    assert storage.exists(kept) and storage.exists(fresh) and not storage.exists(orphan)


def test_a_closed_dossier_takes_no_more_files(world, clock):
    clock.set(2025, 6, 5, 8, 0)
    d = ds.submit_online(actor=world.citizen, intake=ds.Intake(
        procedure_code="1.001193", org_id=world.commune.id, applicant=ds.Applicant(name="Lê Văn Đức"),
        components=[ds.ComponentInput(name="Tờ khai")]))
    ds.refuse(actor=world.desk, dossier_id=d.id, reason="Sai thẩm quyền")
    from cchc.core.errors import Conflict
    with pytest.raises(Conflict) as e:
        services.attach_component_file(actor=world.citizen, component_id=first_component(d).id,
                                       file=services.IncomingFile("a.pdf", PDF), meta=META)
    assert e.value.code == "ho_so_khong_nhan_giay_to"
    assert not ComponentFile.objects.exists()


def test_strangers_may_not_attach(world, clock):
    from cchc.core.errors import PermissionDenied
    d = birth_dossier(world, clock)
    with pytest.raises(PermissionDenied):
        services.attach_component_file(actor=world.other_desk, component_id=first_component(d).id,
                                       file=services.IncomingFile("a.pdf", PDF), meta=META)
