"""The S3-compatible storage option against a real S3 server (moto's standalone server, a separate
HTTP process on a free loopback port): store, deduplicate, read back, sign and verify, delete
without orphans, and clear errors when the bucket is missing or the endpoint does not answer."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import date

import boto3
import pytest
from django.core.management import CommandError, call_command
from tests.documents.conftest import birth_dossier, blob_files
from tests.documents.test_documents_signing import pdfsig, processing, result_pdf

from cchc.core.errors import ValidationFailed
from cchc.documents import selectors, services, storage
from cchc.documents.models import ComponentFile, DigitisedDocument, ResultDocument, StoredFile
from cchc.dossiers.models import AuditRecord, DossierComponent

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
META = services.DocMeta(document_type="Giấy chứng sinh", number="123/GCS", issuer="Bệnh viện Trung ương Huế",
                        issued_on=date(2025, 5, 30))
KEYS = {"aws_access_key_id": "cchc-test", "aws_secret_access_key": "cchc-test-secret", "region_name": "us-east-1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server as its own process; fails (never skips) if it cannot start."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from moto.server import main; main()", "-H", "127.0.0.1",
                             "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"moto server did not start: {proc.stderr.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


class Bucket:
    """A fresh bucket, seen directly through boto3 (not through the code under test)."""

    def __init__(self, endpoint: str):
        self.name = f"cchc-{uuid.uuid4().hex[:12]}"
        self.client = boto3.client("s3", endpoint_url=endpoint, **KEYS)
        self.client.create_bucket(Bucket=self.name)

    def keys(self) -> list[str]:
        return sorted(o["Key"] for o in self.client.list_objects_v2(Bucket=self.name).get("Contents", []))

    def get(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


def configure(monkeypatch, *, bucket: str, endpoint: str) -> None:
    monkeypatch.setenv("CCHC_S3_BUCKET", bucket)
    monkeypatch.setenv("CCHC_S3_ENDPOINT", endpoint)
    monkeypatch.setenv("CCHC_S3_REGION", KEYS["region_name"])
    monkeypatch.setenv("CCHC_S3_ACCESS_KEY", KEYS["aws_access_key_id"])
    monkeypatch.setenv("CCHC_S3_SECRET_KEY", KEYS["aws_secret_access_key"])
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # never look for credentials off this machine


@pytest.fixture
def bucket(s3_server, monkeypatch, media):
    b = Bucket(s3_server)
    configure(monkeypatch, bucket=b.name, endpoint=s3_server)
    yield b
    assert blob_files(media) == []  # with S3 configured nothing ever lands on the local disk


def components(d):
    return DossierComponent.objects.filter(dossier_id=d.id).order_by("id")


def attach(w, component, data=PDF, name="gcs.pdf"):
    return services.attach_component_file(actor=w.desk, component_id=component.id,
                                          file=services.IncomingFile(name, data), meta=META)


# ---------------------------------------------------------------- store, dedupe, read back


def test_documents_are_stored_in_the_bucket_by_content_and_read_back(world, clock, bucket):
    d = birth_dossier(world, clock)
    links = [attach(world, c) for c in components(d)]
    sha = storage.digest(PDF)
    assert bucket.keys() == [f"blobs/{sha[:2]}/{sha[2:4]}/{sha}"]  # two uploads, one object
    assert bucket.get(bucket.keys()[0]) == PDF
    assert StoredFile.objects.count() == 2 and {lnk.stored_file.key for lnk in links} == set(bucket.keys())
    assert selectors.file_bytes(links[1].stored_file) == PDF
    other = PDF.replace(b"1 0 obj", b"7 0 obj")
    attach(world, components(d).first(), other, "khac.pdf")
    assert len(bucket.keys()) == 2 and bucket.get(storage.key_for(storage.digest(other))) == other


def test_upload_and_download_over_the_api(world, clock, bucket, client):
    d = birth_dossier(world, clock)
    c = components(d).get(name="Giấy chứng sinh")
    client.force_login(world.desk)
    from django.core.files.uploadedfile import SimpleUploadedFile
    r = client.post(f"/api/v1/dossiers/{d.code}/components/{c.id}/files",
                    {"document_type": "Giấy chứng sinh", "number": "1/GCS", "issuer": "BV Huế",
                     "issued_on": "2025-05-30", "file": SimpleUploadedFile("gcs.pdf", PDF)})
    assert r.status_code == 201, r.content
    assert r.json()["sha256"] == storage.digest(PDF) and bucket.keys() == [storage.key_for(storage.digest(PDF))]


# ---------------------------------------------------------------- signed results


def test_signed_result_stored_in_s3_verifies_with_pdfsig_and_our_verifier(signed_world, clock, bucket, client,
                                                                          tmp_path):
    w = signed_world
    d = processing(w, clock)
    [r] = services.issue_result(actor=w.clerk, dossier_id=d.id, files=[result_pdf(d)])
    assert bucket.keys() == [r.stored_file.key]
    in_bucket = bucket.get(r.stored_file.key)
    assert storage.digest(in_bucket) == r.stored_file.sha256
    client.force_login(w.desk)
    resp = client.get(f"/api/v1/dossiers/{d.code}/results/{r.id}/file")
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert resp.content == in_bucket
    assert "Signature Validation: Signature is Valid." in pdfsig(in_bucket, tmp_path)
    report = selectors.verify(resp.content)
    assert report.valid and report.signatures[0].signer == "UBND xã Phong Điền"
    assert not report.signatures[0].changed_after_signing


# ---------------------------------------------------------------- no orphans


def test_failed_transaction_removes_the_object_it_wrote(signed_world, clock, bucket):
    """First result written to the bucket, second refused inside the transaction: nothing stays."""
    d = processing(signed_world, clock)
    with pytest.raises(ValidationFailed) as e:
        services.issue_result(actor=signed_world.clerk, dossier_id=d.id, sign=False,
                              files=[services.IncomingFile("kq.pdf", PDF), services.IncomingFile("kq.txt", b"text")])
    assert e.value.code == "loai_tep_khong_ho_tro"
    assert bucket.keys() == [] and not StoredFile.objects.exists() and not ResultDocument.objects.exists()


def test_failed_transaction_keeps_an_object_that_was_already_referenced(signed_world, clock, bucket):
    """Same bytes as a stored component: the rollback must not delete the shared object."""
    w = signed_world
    d = processing(w, clock)
    kept = attach(w, components(d).first()).stored_file
    with pytest.raises(ValidationFailed):
        services.issue_result(actor=w.clerk, dossier_id=d.id, sign=False,
                              files=[services.IncomingFile("kq.pdf", PDF), services.IncomingFile("kq.txt", b"text")])
    assert bucket.keys() == [kept.key] and selectors.file_bytes(kept) == PDF
    assert not ResultDocument.objects.exists()


def test_deletion_removes_only_unreferenced_objects(world, clock, bucket):
    d = birth_dossier(world, clock)
    kept = attach(world, components(d).first()).stored_file.key
    orphan, _, created = storage.put(b"%PDF-1.4 left by a crash")
    assert created and sorted([kept, orphan]) == bucket.keys()
    assert storage.discard_if_unreferenced(kept) is False and kept in bucket.keys()
    call_command("clean_files", "--grace-minutes", "60")  # too young: an in-flight transaction may want it
    assert sorted([kept, orphan]) == bucket.keys()
    time.sleep(1.1)  # S3 times have whole seconds
    call_command("clean_files", "--grace-minutes", "0")
    assert bucket.keys() == [kept]


# ---------------------------------------------------------------- unreachable or misconfigured


@pytest.fixture(params=["missing_bucket", "dead_endpoint"])
def broken(request, s3_server, monkeypatch, media):
    """S3 configured but unusable: a bucket that does not exist, or an endpoint nobody listens on."""
    if request.param == "missing_bucket":
        configure(monkeypatch, bucket="cchc-khong-ton-tai", endpoint=s3_server)
        return storage.MISCONFIGURED, "chưa được cấu hình đúng"
    configure(monkeypatch, bucket="cchc-bat-ky", endpoint=f"http://127.0.0.1:{free_port()}")
    return storage.UNREACHABLE, "Không kết nối được kho lưu trữ tệp"


def test_unusable_bucket_is_a_clear_error_and_nothing_is_half_written(world, clock, broken, media):
    reason, words = broken
    d = birth_dossier(world, clock)
    c = components(d).first()
    started = time.monotonic()
    with pytest.raises(services.StorageFailed) as e:
        attach(world, c)
    assert time.monotonic() - started < 15  # bounded retries and timeouts, not a hung request
    assert e.value.code == "luu_tep_that_bai" and e.value.status == 503
    assert e.value.details == {"file": "gcs.pdf", "reason": reason} and words in e.value.message
    assert "hồ sơ không thay đổi" in e.value.message
    c.refresh_from_db()
    assert not c.digitised
    assert not (StoredFile.objects.exists() or ComponentFile.objects.exists() or DigitisedDocument.objects.exists())
    assert not AuditRecord.objects.filter(action="attach_file").exists()
    assert blob_files(media) == []  # no silent fallback to the local disk


def test_unusable_bucket_over_the_api_answers_503_in_vietnamese(world, clock, broken, client):
    reason, words = broken
    d = birth_dossier(world, clock)
    c = components(d).first()
    client.force_login(world.desk)
    from django.core.files.uploadedfile import SimpleUploadedFile
    r = client.post(f"/api/v1/dossiers/{d.code}/components/{c.id}/files",
                    {"document_type": "Giấy chứng sinh", "number": "1/GCS", "issuer": "BV Huế",
                     "issued_on": "2025-05-30", "file": SimpleUploadedFile("gcs.pdf", PDF)})
    assert r.status_code == 503 and r.json()["code"] == "luu_tep_that_bai"
    assert r.json()["details"]["reason"] == reason and words in r.json()["message"]
    assert not StoredFile.objects.exists()


def test_reading_when_the_endpoint_is_gone_is_a_clear_error(signed_world, clock, bucket, monkeypatch, client):
    w = signed_world
    d = processing(w, clock)
    [r] = services.issue_result(actor=w.clerk, dossier_id=d.id, files=[result_pdf(d)])
    monkeypatch.setenv("CCHC_S3_ENDPOINT", f"http://127.0.0.1:{free_port()}")
    client.force_login(w.desk)
    resp = client.get(f"/api/v1/dossiers/{d.code}/results/{r.id}/file")
    assert resp.status_code == 503
    body = resp.json()
    assert body["code"] == "doc_tep_that_bai" and body["details"]["reason"] == storage.UNREACHABLE
    assert "Không đọc được tệp" in body["message"]


def test_clean_files_stops_with_a_clear_message_when_the_bucket_is_missing(db, s3_server, monkeypatch):
    configure(monkeypatch, bucket="cchc-khong-ton-tai", endpoint=s3_server)
    with pytest.raises(CommandError, match="Không truy cập được kho lưu trữ tệp \\(sai_cau_hinh\\)"):
        call_command("clean_files", "--grace-minutes", "0")


@pytest.mark.parametrize("error, reason", [
    (("ClientError", "NoSuchBucket"), storage.MISCONFIGURED),
    (("ClientError", "InvalidAccessKeyId"), storage.MISCONFIGURED),  # wrong keys: moto does not check them
    (("ClientError", "SignatureDoesNotMatch"), storage.MISCONFIGURED),
    (("ClientError", "AccessDenied"), storage.MISCONFIGURED),
    (("ClientError", "InternalError"), storage.FAILED),
    (("EndpointConnectionError", None), storage.UNREACHABLE),
    (("ConnectTimeoutError", None), storage.UNREACHABLE),
    (("NoCredentialsError", None), storage.MISCONFIGURED),
])
def test_storage_errors_map_to_a_stable_reason(error, reason):
    from botocore import exceptions as bx
    kind, code = error
    if kind == "ClientError":
        e = bx.ClientError({"Error": {"Code": code, "Message": "x"}}, "PutObject")
    elif kind == "NoCredentialsError":
        e = bx.NoCredentialsError()
    else:
        e = getattr(bx, kind)(endpoint_url="http://127.0.0.1:1")
    with pytest.raises(storage.BlobStoreError) as raised, storage._guarded("ghi", "k"):
        raise e
    assert raised.value.reason == reason
