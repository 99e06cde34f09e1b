"""Online submission: the form from the procedure's components, uploads checked before anything is stored,
the applicant's identity number protected, the confirmation page and form 01 once the desk receives it."""
from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.conftest import make_procedure
from tests.portal.conftest import PDF, PNG, blob_files, client_for

from cchc.documents import limits
from cchc.documents.models import ComponentFile, DigitisedDocument, DocumentReuse, StoredFile
from cchc.dossiers import services as s
from cchc.dossiers.models import AuditRecord, Channel, Dossier, PersonalDataAccess, Status

pytestmark = pytest.mark.django_db
URL = "/thu-tuc/1.001193/nop-truc-tuyen/"


def components(w) -> tuple[int, int]:
    """(Tờ khai theo mẫu — required, Giấy tờ tùy thân — optional) of the birth registration."""
    c = list(w.birth.components.order_by("order").values_list("id", flat=True))
    return c[0], c[1]


def post_data(w, **over) -> dict:
    form, ident = components(w)
    data = {
        "org": w.commune.id, "name": "Nguyễn Thị Hoa", "id_number": "079 123 456 789", "phone": "+84 905 111 222",
        "email": "", "address": "Thôn 3, xã Phong Điền", "request": "Đăng ký khai sinh cho con",
        f"file_{form}": SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf"),
        f"number_{form}": "", f"issuer_{form}": "", f"issued_on_{form}": "06/10/2025", f"valid_until_{form}": "",
        f"number_{ident}": "", f"issuer_{ident}": "", f"issued_on_{ident}": "", f"valid_until_{ident}": "",
    }
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def nothing_stored(media) -> None:
    assert not Dossier.objects.exists()
    assert not StoredFile.objects.exists() and not ComponentFile.objects.exists()
    assert not AuditRecord.objects.exists()
    assert blob_files(media) == []


def test_the_form_is_built_from_the_components(world, hoa):
    page = client_for(hoa).get(URL).content.decode()
    form, ident = components(world)
    for part in ["Tờ khai theo mẫu", "Giấy tờ tùy thân", "Bản chính", "Bản sao", "bắt buộc", "không bắt buộc",
                 f'name="file_{form}"', f'name="file_{ident}"', 'accept=".pdf,.png', "Xã Phong Điền",
                 'value="0905111222"', 'value="Nguyễn Thị Hoa"', 'name="csrfmiddlewaretoken"']:
        assert part in page, part
    assert "Sở Tư pháp" not in page  # a commune procedure is filed at a commune


def test_submit_online_with_an_upload(world, clock, hoa, media):
    clock.set(2025, 10, 6, 9, 30)
    form, _ = components(world)
    r = client_for(hoa).post(URL, post_data(world))
    d = Dossier.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/ho-so-cua-toi/{d.code}/da-nop/"
    assert d.code == "H99.01.01-251006-0001"
    assert (d.status, d.channel, d.citizen_id, d.org_id) == (Status.NEW, Channel.ONLINE, hoa.id, world.commune.id)
    assert (d.applicant_phone, d.request) == ("0905111222", "Đăng ký khai sinh cho con")
    # the identity number: encrypted, digest and masked — never in clear
    assert d.applicant_id_masked == "*********789" and "079123456789" not in d.applicant_id_encrypted
    assert list(d.components.values_list("component_id", "name", "digitised")) == [(form, "Tờ khai theo mẫu", True)]
    link = ComponentFile.objects.get()
    # an unnumbered paper the applicant wrote: "Không số", issued by the applicant, as the form says
    assert (link.number, link.issuer, str(link.issued_on)) == ("Không số", "Nguyễn Thị Hoa", "2025-10-06")
    assert link.stored_file.content_type == "application/pdf" and link.stored_file.original_name == "to-khai.pdf"
    assert len(blob_files(media)) == 1
    assert DigitisedDocument.objects.get().owner_digest == d.applicant_id_digest  # kept in the data store
    assert list(d.audit.values_list("action", flat=True)) == ["submit_online", "attach_file"]

    page = client_for(hoa).get(r["Location"]).content.decode()
    assert 'data-testid="ma-ho-so">H99.01.01-251006-0001<' in page
    assert "Khi hồ sơ được tiếp nhận" in page and "mau-01.pdf" not in page  # form 01 comes with the receipt
    page = client_for(hoa).get(f"/ho-so-cua-toi/{d.code}/").content.decode()
    assert re.findall(r"</time> — ([^<]+)</li>", page) == ["Hồ sơ đã được nộp trực tuyến, chờ tiếp nhận",
                                                           "Đã đính kèm bản điện tử của giấy tờ"]
    assert "Tờ khai theo mẫu — to-khai.pdf" in page


def test_form_01_once_the_desk_has_received_it(world, clock, hoa):
    clock.set(2025, 10, 6, 9, 30)
    client_for(hoa).post(URL, post_data(world))
    d = Dossier.objects.get()
    c = client_for(hoa)
    assert c.get(f"/ho-so-cua-toi/{d.code}/mau-01.pdf").status_code == 404  # not received yet
    clock.set(2025, 10, 6, 10, 0)
    s.receive(actor=world.desk, dossier_id=d.id)  # Mon 10:00 + 5 working days → Mon 13/10/2025
    page = c.get(f"/ho-so-cua-toi/{d.code}/da-nop/").content.decode()
    assert f"/ho-so-cua-toi/{d.code}/mau-01.pdf" in page
    r = c.get(f"/ho-so-cua-toi/{d.code}/mau-01.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"] == f'attachment; filename="mau-01-{d.code}.pdf"'
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(r.content)).pages).split())
    assert f"Mã hồ sơ: {d.code}" in text and "Nguyễn Thị Hoa" in text and "13/10/2025" in text
    assert PersonalDataAccess.objects.filter(dossier=d, viewer=hoa, purpose="bieu_mau_01").count() == 1


@pytest.mark.parametrize("name, content, message", [
    ("anh.gif", b"GIF89a" + b"\x00" * 40, "Loại tệp không được chấp nhận; chỉ nhận PDF, PNG, JPEG, TIFF."),
    ("to-khai.pdf", b"MZ\x90\x00 not a pdf at all", "Loại tệp không được chấp nhận; chỉ nhận PDF, PNG, JPEG, TIFF."),
    ("trong.pdf", b"", "Tệp rỗng, không có nội dung."),
])
def test_wrong_type_gives_a_message_and_stores_nothing(world, hoa, media, name, content, message):
    form, _ = components(world)
    r = client_for(hoa).post(URL, post_data(world, **{f"file_{form}": SimpleUploadedFile(name, content)}))
    page = r.content.decode()
    assert r.status_code == 422
    assert "Hồ sơ chưa được nộp" in page and "Chưa có gì được lưu." in page
    assert message in page and (not content or f"Tệp “{name}”: {message}" in page)
    nothing_stored(media)


def test_too_large_gives_a_message_and_stores_nothing(world, hoa, media):
    form, ident = components(world)
    big = SimpleUploadedFile("ban-quet.pdf", b"%PDF-1.4\n" + b"0" * limits.MAX_BYTES)  # 9 bytes over 20 MB
    r = client_for(hoa).post(URL, post_data(world, **{f"file_{ident}": big, f"issued_on_{ident}": "2020-01-01"}))
    assert r.status_code == 422
    assert "Tệp “ban-quet.pdf” quá lớn: tối đa 20 MB." in r.content.decode()
    nothing_stored(media)


def test_one_bad_file_among_good_ones_stores_nothing(world, hoa, media):
    form, ident = components(world)
    r = client_for(hoa).post(URL, post_data(world, **{f"file_{ident}": SimpleUploadedFile("cccd.txt", b"hello")}))
    assert r.status_code == 422 and "Tệp “cccd.txt”: Loại tệp không được chấp nhận" in r.content.decode()
    nothing_stored(media)  # the good declaration was not kept either


@pytest.mark.parametrize("over, field_message", [
    ({"id_number": "12345"}, "Số định danh cá nhân phải gồm 12 chữ số"),
    ({"phone": "12345"}, "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0."),
    ({"name": ""}, "Trường này là bắt buộc."),
    ("no-file", "Giấy tờ bắt buộc: hãy tải tệp lên hoặc dùng lại giấy tờ đã nộp."),
    ("no-date", "Hãy ghi ngày cấp (hoặc ngày lập) của giấy tờ."),
    ({"org": "999999"}, "Nơi nộp không hợp lệ; hãy chọn trong danh sách."),
    ("bad-date", "Ngày phải viết dạng ngày/tháng/năm, ví dụ 06/10/2025."),
])
def test_bad_applicant_data_is_refused_with_a_message(world, hoa, media, over, field_message):
    form, _ = components(world)
    if over == "no-file":
        over = {f"file_{form}": None}
    elif over == "no-date":
        over = {f"issued_on_{form}": ""}
    elif over == "bad-date":
        over = {f"issued_on_{form}": "31/02/2025"}
    r = client_for(hoa).post(URL, post_data(world, **over))
    assert r.status_code == 422
    assert field_message in r.content.decode()
    nothing_stored(media)


def test_dates_are_day_month_year_in_any_interface_language(world, hoa):
    form, _ = components(world)
    c = client_for(hoa)
    r = c.post(URL, post_data(world, **{f"issued_on_{form}": "02/10/2025"}), HTTP_ACCEPT_LANGUAGE="en")
    assert r.status_code == 302
    assert str(ComponentFile.objects.get().issued_on) == "2025-10-02"  # 2 October, not 10 February


def test_post_without_csrf_token_is_rejected(world, hoa, media):
    c = Client(enforce_csrf_checks=True)
    c.force_login(hoa, backend="django.contrib.auth.backends.ModelBackend")
    r = c.post(URL, post_data(world))
    assert r.status_code == 403
    nothing_stored(media)


def test_sign_in_is_needed_and_officials_cannot_file_as_citizens(world, hoa):
    r = Client().get(URL)
    assert r.status_code == 302 and r["Location"] == f"/tai-khoan/dang-nhap/?next={URL}"
    r = client_for(world.desk).get(URL)
    assert r.status_code == 403 and "Tài khoản cán bộ không dùng để nộp hồ sơ trực tuyến" in r.content.decode()


def test_procedure_without_online_service_has_no_form(world, hoa):
    make_procedure("1.000001", level="commune", amount=3, unit="working_days", online="none",
                   steps=[("Chứng thực", None, "specialist", 100)])
    assert client_for(hoa).get("/thu-tuc/1.000001/nop-truc-tuyen/").status_code == 404
    assert client_for(hoa).get("/thu-tuc/9.999999/nop-truc-tuyen/").status_code == 404
    assert "/thu-tuc/1.001193/nop-truc-tuyen/" in Client().get("/thu-tuc/1.001193/").content.decode()
    assert "nop-truc-tuyen" not in Client().get("/thu-tuc/1.000001/").content.decode()


# ---------------------------------------------------------------- reuse of documents submitted before


def first_dossier(world, clock, user, **over):
    """A first online dossier with the optional identity paper uploaded (valid to 2035)."""
    form, ident = components(world)
    clock.set(2025, 10, 6, 9, 30)
    r = client_for(user).post(URL, post_data(world, **{
        f"file_{ident}": SimpleUploadedFile("cccd.png", PNG), f"number_{ident}": "079123456789",
        f"issuer_{ident}": "Cục Cảnh sát QLHC về TTXH", f"issued_on_{ident}": "01/05/2021",
        f"valid_until_{ident}": "01/05/2035", **over}))
    assert r.status_code == 302, r.content.decode()[:2000]
    return Dossier.objects.order_by("-id").first()


def test_a_citizen_reuses_a_document_submitted_before(world, clock, hoa, media):
    form, ident = components(world)
    first_dossier(world, clock, hoa)
    held = DigitisedDocument.objects.get(number="079123456789")
    page = client_for(hoa).get(URL).content.decode()
    assert f'name="reuse_{ident}"' in page and "Giấy tờ tùy thân số 079123456789" in page
    assert "Số định danh bạn khai lần trước: *********789" in page
    clock.set(2025, 10, 7, 9, 0)
    r = client_for(hoa).post(URL, post_data(world, **{f"reuse_{ident}": str(held.id)}))
    assert r.status_code == 302
    d = Dossier.objects.order_by("-id").first()
    reused = d.components.get(component_id=ident)
    assert reused.reused and reused.digitised
    assert DocumentReuse.objects.get().dossier_id == d.id
    assert reused.files.get().stored_file_id == held.stored_file_id  # the reused paper is not stored again
    assert StoredFile.objects.count() == 3  # two papers of the first dossier, the new declaration
    assert len(blob_files(media)) == 2  # identical declarations share one blob


def test_reuse_needs_the_same_identity_number(world, clock, hoa, media):
    form, ident = components(world)
    first_dossier(world, clock, hoa)
    held = DigitisedDocument.objects.get(number="079123456789")
    r = client_for(hoa).post(URL, post_data(world, id_number="079000000001", **{f"reuse_{ident}": str(held.id)}))
    assert r.status_code == 422 and "Giấy tờ này thuộc số định danh khác với số bạn vừa khai." in r.content.decode()
    assert Dossier.objects.count() == 1 and not DocumentReuse.objects.exists()


def test_another_citizen_is_not_offered_my_documents(world, clock, hoa, nam):
    form, ident = components(world)
    first_dossier(world, clock, hoa)
    held = DigitisedDocument.objects.get(number="079123456789")
    # Nam types Hoa's identity number on his own dossier: still nothing of Hoa's is offered to him
    first_dossier(world, clock, nam, name="Trần Văn Nam", **{f"file_{ident}": None, f"number_{ident}": "",
                                                               f"issuer_{ident}": "", f"issued_on_{ident}": "",
                                                               f"valid_until_{ident}": ""})
    page = client_for(nam).get(URL).content.decode()
    assert f'name="reuse_{ident}"' not in page and "079123456789" not in page
    r = client_for(nam).post(URL, post_data(world, **{f"reuse_{ident}": str(held.id)}))
    assert r.status_code == 302  # an unknown choice is not a field: ignored, nothing reused
    assert not DocumentReuse.objects.exists()


def test_an_expired_document_is_not_offered(world, clock, hoa):
    form, ident = components(world)
    first_dossier(world, clock, hoa, **{f"valid_until_{ident}": "06/10/2025"})
    clock.set(2025, 10, 7, 9, 0)  # valid to the end of 06/10: gone the next day
    page = client_for(hoa).get(URL).content.decode()
    assert f'name="reuse_{ident}"' not in page
    assert re.search(r"Giấy tờ tùy thân số 079123456789", page) is None
