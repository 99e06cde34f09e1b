"""The electronic result in the back office: upload, sign with the organisation's certificate (PAdES,
really signed and checked by poppler's pdfsig), list with a verify link, return online.

Dates by hand (no holiday in October 2025): online dossier received Mon 06/10/2025 09:30.
"""
from __future__ import annotations

import re
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.conftest import make_user
from tests.documents.conftest import PASSWORD, blob_files, ca, p12  # noqa: F401 — fixtures used below

from cchc.documents import services as documents
from cchc.documents import storage
from cchc.documents.models import DigitisedDocument, ResultDocument, StoredFile
from cchc.dossiers import services as s
from cchc.dossiers.models import PersonalDataAccess, ReturnMethod, Status
from cchc.org.models import Role

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT / "documents"


def logged_in(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def clerk(world):
    return make_user("vanthu_xa", world.commune, Role.CLERK)


@pytest.fixture
def certified(world, p12):  # noqa: F811
    documents.import_certificate(actor=None, org_id=world.commune.id, data=p12("UBND xã Phong Điền"),
                                 password=PASSWORD)
    return world


def online_dossier(w, clock, *, processing=True):
    """A citizen's online birth registration, received by the desk, then (by default) in processing."""
    clock.set(2025, 10, 6, 9, 0)
    d = s.submit_online(actor=w.citizen, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone="0905123456"),
        components=[s.ComponentInput(name="Tờ khai theo mẫu")]))
    clock.set(2025, 10, 6, 9, 30)
    s.receive(actor=w.desk, dossier_id=d.id)
    if processing:
        s.hand_over(actor=w.desk, dossier_id=d.id)
    d.refresh_from_db()
    return d


def result_pdf(d) -> bytes:
    # a real multi-font PDF made by the platform stands for the result the agency drafted
    return documents.generate_result_pdf(d, "06").data


def post_result(c, d, data: bytes, name="trich-luc-khai-sinh.pdf", **over):
    form = {"file": SimpleUploadedFile(name, data, content_type="application/pdf"),
            "document_type": "Trích lục khai sinh", "number": "125/TLKS-BS", "issued_on": "07/10/2025",
            "valid_until": ""}
    form.update(over)
    return c.post(f"/can-bo/ho-so/{d.code}/ket-qua/", form)


def pdfsig(data: bytes, tmp_path) -> str:
    path = tmp_path / "ket-qua.pdf"
    path.write_bytes(data)
    r = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    return r.stdout + r.stderr


def nothing_stored(media) -> None:
    assert not ResultDocument.objects.exists() and not StoredFile.objects.exists() and blob_files(media) == []
    assert not DigitisedDocument.objects.exists()


def test_clerk_signs_the_result_then_the_desk_returns_it_online(certified, clerk, clock, media, tmp_path):
    w = certified
    d = online_dossier(w, clock)
    c = logged_in(clerk)
    page = c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    assert "Ký số và ban hành kết quả điện tử" in page and "Hồ sơ chưa có kết quả điện tử." in page
    assert "Kết quả được ký số bằng chứng thư của Xã Phong Điền." in page
    assert re.search(r"Chứng thư số còn hiệu lực đến ngày \d\d/\d\d/\d{4}\.", page)
    assert 'value="Giấy chứng nhận"' in page  # the procedure's result type is offered

    clock.set(2025, 10, 7, 10, 0)
    r = post_result(c, d, result_pdf(d))
    assert r.status_code == 302 and r["Location"] == f"/can-bo/ho-so/{d.code}/#ket-qua"
    res = ResultDocument.objects.get(dossier=d)
    assert res.signed and res.certificate.org_id == w.commune.id and res.issued_by == clerk
    assert (res.document_type, res.number, res.issuer, str(res.issued_on), res.valid_until) == (
        "Trích lục khai sinh", "125/TLKS-BS", "Xã Phong Điền", "2025-10-07", None)
    assert DigitisedDocument.objects.get(source_result=res).owner_digest == d.applicant_id_digest

    page = c.get(r["Location"]).content.decode()
    assert "Đã ký số và ban hành kết quả điện tử: trich-luc-khai-sinh.pdf." in page
    assert "Đã ký bởi" in page and "UBND xã Phong Điền" in page and "125/TLKS-BS — Trích lục khai sinh" in page
    download = f"/can-bo/ho-so/{d.code}/ket-qua/{res.pk}/"
    assert f'href="{download}"' in page and f'href="{download}xac-minh/"' in page

    got = c.get(download)
    assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
    assert got.content == storage.read(res.stored_file.key)
    out = pdfsig(got.content, tmp_path)
    assert "Signature Validation: Signature is Valid." in out and "UBND xã Phong Điền" in out, out
    check = c.get(f"{download}xac-minh/").content.decode()
    assert "Hợp lệ" in check and "Chữ ký số hợp lệ; tài liệu không bị thay đổi sau khi ký." in check
    assert "UBND xã Phong Điền" in check and res.stored_file.sha256 in check
    assert {"tai_ket_qua", "xac_minh_ket_qua", "ban_hanh_ket_qua"} <= set(
        PersonalDataAccess.objects.filter(dossier=d, viewer=clerk).values_list("purpose", flat=True))

    # the leader finishes; the desk, which sees the signed result, returns it online
    clock.set(2025, 10, 8, 9, 0)
    s.finish(actor=w.leader, dossier_id=d.id)
    desk = logged_in(w.desk)
    page = desk.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    assert f'href="{download}"' in page and "Ký số và ban hành kết quả điện tử" not in page  # the desk does not sign
    r = desk.post(f"/can-bo/ho-so/{d.code}/return_result/", {"return_result-method": ReturnMethod.ONLINE},
                  follow=True)
    assert "Đã thực hiện: Trả kết quả." in r.content.decode()
    d.refresh_from_db()
    assert (d.status, d.return_method) == (Status.RETURNED, ReturnMethod.ONLINE)
    # and the applicant downloads the very same signed bytes from the portal
    citizen = Client()
    citizen.force_login(w.citizen)
    mine = citizen.get(f"/ho-so-cua-toi/{d.code}/ket-qua/{res.pk}/")
    assert mine.status_code == 200 and mine.content == got.content


def test_a_leader_may_issue_after_finishing_too(certified, clock):
    w = certified
    d = online_dossier(w, clock)
    s.finish(actor=w.leader, dossier_id=d.id)
    r = post_result(logged_in(w.leader), d, result_pdf(d))
    assert r.status_code == 302 and ResultDocument.objects.get(dossier=d).signed


def test_online_return_without_a_signed_result_changes_nothing(world, clock):
    w = world
    d = online_dossier(w, clock)
    s.finish(actor=w.leader, dossier_id=d.id)
    r = logged_in(w.desk).post(f"/can-bo/ho-so/{d.code}/return_result/",
                               {"return_result-method": ReturnMethod.ONLINE}, follow=True)
    assert "Hồ sơ chưa có kết quả điện tử đã ký số: hãy ban hành kết quả điện tử trước khi trả trực tuyến." in (
        r.content.decode())
    d.refresh_from_db()
    assert d.status == Status.DONE and d.returned_at is None
    # returning the paper result at the desk still works
    logged_in(w.desk).post(f"/can-bo/ho-so/{d.code}/return_result/", {"return_result-method": ReturnMethod.DESK})
    d.refresh_from_db()
    assert d.status == Status.RETURNED


def test_no_certificate_is_a_clear_error_and_nothing_is_stored(world, clerk, clock, media):
    d = online_dossier(world, clock)
    c = logged_in(clerk)
    assert "Xã Phong Điền chưa có chứng thư số" in c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    r = post_result(c, d, result_pdf(d))
    assert r.status_code == 409
    page = r.content.decode()
    assert "Xã Phong Điền chưa có chứng thư số để ký kết quả. Chưa có gì được lưu." in page
    assert 'value="125/TLKS-BS"' in page  # what was typed is kept
    nothing_stored(media)


def test_certificate_expired_since_import_is_a_clear_error(world, clerk, clock, media, p12):  # noqa: F811
    documents.import_certificate(actor=None, org_id=world.commune.id, password=PASSWORD,
                                 data=p12("UBND xã Phong Điền", not_after=datetime.now(UTC) + timedelta(seconds=2)))
    d = online_dossier(world, clock)
    time.sleep(2.5)  # validity is judged on the real time, not the test clock
    c = logged_in(clerk)
    assert "Chứng thư số đã hết hiệu lực từ ngày" in c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    r = post_result(c, d, result_pdf(d))
    assert r.status_code == 422
    assert re.search(r"Chứng thư số đã hết hiệu lực từ ngày \d\d/\d\d/\d{4}; không thể ký\. Chưa có gì được lưu\.",
                     r.content.decode())
    nothing_stored(media)


@pytest.mark.parametrize("name, data, message", [
    ("anh-ket-qua.png", PNG, "Tệp “anh-ket-qua.png” không phải PDF: chỉ ký số được kết quả dạng PDF."),
    ("ket-qua.pdf", b"%PDF", "không phải PDF"),  # not even a PDF header
    ("hong.pdf", b"%PDF-1.7\n garbage, no objects, no trailer\n",
     "Tệp PDF bị hỏng, không đọc được nên không ký số được; hãy xuất lại tệp PDF."),
    ("rong.pdf", b"", "Tệp rỗng, không có nội dung."),
])
def test_not_a_pdf_is_refused_and_nothing_is_stored(certified, clerk, clock, media, name, data, message):
    d = online_dossier(certified, clock)
    r = post_result(logged_in(clerk), d, data, name=name)
    page = r.content.decode()
    assert r.status_code in (409, 422), page[:300]
    assert "Chưa có gì được lưu." in page and message in page
    nothing_stored(media)


@pytest.mark.parametrize("over, message", [
    ({"number": ""}, "Trường này là bắt buộc."),
    ({"issued_on": "2025-10-07"}, "Nhập một ngày hợp lệ."),
    ({"valid_until": "01/01/2020"}, "Ngày hết hiệu lực phải sau ngày ký ban hành."),
])
def test_bad_metadata_stores_nothing(certified, clerk, clock, media, over, message):
    d = online_dossier(certified, clock)
    r = post_result(logged_in(clerk), d, result_pdf(d), **over)
    assert r.status_code == 422 and message in r.content.decode()
    nothing_stored(media)


def test_wrong_status_offers_no_form_and_a_stale_post_stores_nothing(certified, clerk, clock, media):
    d = online_dossier(certified, clock, processing=False)  # received (2): nothing to issue yet
    c = logged_in(clerk)
    page = c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    assert "Ký số và ban hành kết quả điện tử" not in page and "/ket-qua/" not in page
    r = post_result(c, d, result_pdf(d))
    assert r.status_code == 409
    assert "Hồ sơ đang ở trạng thái “Được tiếp nhận”, chưa ban hành kết quả được. Chưa có gì được lưu." in (
        r.content.decode())
    nothing_stored(media)


def test_a_specialist_is_not_offered_the_form_and_cannot_issue(certified, clock, media):
    d = online_dossier(certified, clock)
    c = logged_in(certified.specialist)
    assert "Ký số và ban hành kết quả điện tử" not in c.get(f"/can-bo/ho-so/{d.code}/").content.decode()
    r = post_result(c, d, result_pdf(d))
    assert r.status_code == 403 and "Chỉ lãnh đạo hoặc văn thư mới ban hành kết quả điện tử." in r.content.decode()
    nothing_stored(media)


def test_another_organisation_gets_403_everywhere(certified, clerk, clock, media):
    w = certified
    d = online_dossier(w, clock)
    [res] = documents.issue_result(actor=clerk, dossier_id=d.id, files=[documents.IncomingFile("kq.pdf",
                                                                                               result_pdf(d))])
    c = logged_in(w.other_leader)
    assert post_result(c, d, result_pdf(d)).status_code == 403
    for tail in (f"ket-qua/{res.pk}/", f"ket-qua/{res.pk}/xac-minh/"):
        r = c.get(f"/can-bo/ho-so/{d.code}/{tail}")
        assert r.status_code == 403 and b"%PDF" not in r.content
    assert ResultDocument.objects.count() == 1
    assert logged_in(clerk).get(f"/can-bo/ho-so/{d.code}/ket-qua/{res.pk + 1}/").status_code == 404


def test_issue_without_csrf_token_is_rejected(certified, clerk, clock, media):
    d = online_dossier(certified, clock)
    c = Client(enforce_csrf_checks=True)
    c.force_login(clerk)
    assert post_result(c, d, result_pdf(d)).status_code == 403
    nothing_stored(media)

