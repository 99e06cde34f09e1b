"""The documents API over real HTTP: form downloads, uploads, reuse, results, verification,
certificates; and the public verification page."""
from __future__ import annotations

import importlib
import io
import subprocess
import urllib.request
import uuid

import pytest
from tests.api.live_api import Client, client_for
from tests.conftest import make_user
from tests.documents.conftest import PASSWORD, birth_dossier

from cchc.documents import storage
from cchc.documents.models import OrgCertificate, ResultDocument
from cchc.dossiers import services as ds
from cchc.org.models import Role

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Not serialized_rollback: that breaks when an earlier transactional test re-created content types;
# the announced calendar the due dates need is loaded by the ``api`` fixture instead.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def api(live_server):
    from django.apps import apps
    importlib.import_module("cchc.calendar.migrations.0002_announced_calendar").load(apps, None)
    return lambda user=None: client_for(live_server.url + "/api/v1", user)


def multipart(fields: dict, files: list[tuple[str, str, bytes]]) -> tuple[bytes, dict]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    for field, name, data in files:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                  "Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def post_files(c: Client, path: str, fields: dict, files: list):
    data, headers = multipart(fields, files)
    return c.call("POST", path, data=data, headers=headers)


def raw_get(c: Client, path: str) -> tuple[int, bytes, str]:
    req = urllib.request.Request(c.base_url + path, headers={"Authorization": f"Bearer {c.token}"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Content-Type", "")


def test_form_downloads_follow_dossier_rules(world, clock, api, tmp_path):
    d = birth_dossier(world, clock)
    status, body, ctype = raw_get(api(world.desk), f"/dossiers/{d.code}/forms/01?format=pdf")
    assert status == 200 and ctype == "application/pdf" and body.startswith(b"%PDF-")
    (tmp_path / "f.pdf").write_bytes(body)
    text = subprocess.run(["pdftotext", str(tmp_path / "f.pdf"), "-"], capture_output=True, text=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    status, body, ctype = raw_get(api(world.desk), f"/dossiers/{d.code}/forms/06?format=docx")
    assert status == 200 and ctype.startswith("application/vnd.openxmlformats") and body[:2] == b"PK"
    r = api(world.other_desk).get(f"/dossiers/{d.code}/forms/01")
    assert r.status == 403 and r.code == "ngoai_pham_vi_don_vi"
    r = api(world.desk).get(f"/dossiers/{d.code}/forms/03")
    assert r.status == 409 and r.code == "bieu_mau_chua_co"
    r = api(world.desk).get(f"/dossiers/{d.code}/forms/09")
    assert r.status == 404 and r.code == "bieu_mau_khong_ton_tai"
    status, body, _ = raw_get(api(world.desk), "/registers/H99.01.01?start=2025-06-01&end=2025-06-30&format=pdf")
    assert status == 200 and body.startswith(b"%PDF-")
    # the register also as a spreadsheet, the same book the back office exports
    status, body, ctype = raw_get(api(world.desk), "/registers/H99.01.01?start=2025-06-01&end=2025-06-30&format=xlsx")
    assert status == 200 and ctype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(body)).active
    assert ws["A5"].value == "SỔ THEO DÕI HỒ SƠ" and ws["B9"].value == d.code and ws["A10"].value is None
    assert api().get(f"/dossiers/{d.code}/forms/01").status == 401


def test_upload_reuse_and_bad_uploads(world, clock, api):
    d = birth_dossier(world, clock)
    c = d.components.get(name="Giấy chứng sinh")
    meta = {"document_type": "Giấy chứng sinh", "number": "123/GCS", "issuer": "Bệnh viện Trung ương Huế",
            "issued_on": "2025-05-30", "valid_until": "2025-12-31"}
    r = post_files(api(world.desk), f"/dossiers/{d.code}/components/{c.id}/files", meta, [("file", "gcs.pdf", PDF)])
    assert r.status == 201, r.data
    assert r.data["size"] == 45 and r.data["content_type"] == "application/pdf" and not r.data["reused"]
    r = post_files(api(world.desk), f"/dossiers/{d.code}/components/{c.id}/files", meta,
                   [("file", "virus.exe", b"MZ\x90\x00")])
    assert r.status == 422 and r.code == "loai_tep_khong_ho_tro" and "chỉ nhận PDF" in r.data["message"]
    r = post_files(api(world.desk), f"/dossiers/{d.code}/components/999999/files", meta, [("file", "a.pdf", PDF)])
    assert r.status == 404
    second = birth_dossier(world, clock, at=(2025, 6, 20, 9, 0))
    offers = api(world.desk).get(f"/dossiers/{second.code}/reusable-documents").data
    offer = next(o for o in offers if o["component"] == "Giấy chứng sinh")
    assert [x["number"] for x in offer["documents"]] == ["123/GCS"]
    r = api(world.desk).post(f"/dossiers/{second.code}/components/{offer['component_id']}/reuse",
                             {"document_id": offer["documents"][0]["id"]})
    assert r.status == 201 and r.data["reused"]
    clock.set(2026, 1, 2, 9, 0)  # the certificate of birth scan expired on 31/12/2025
    third = birth_dossier(world, clock, at=(2026, 1, 2, 9, 0))
    offers = api(world.desk).get(f"/dossiers/{third.code}/reusable-documents").data
    assert all(o["documents"] == [] for o in offers)


def test_certificate_results_and_verification(world, clock, api, p12, tmp_path):
    admin = make_user("quantri_xa", world.commune, Role.ADMIN)
    r = post_files(api(admin), "/org-certificates", {"org_code": "H99.01.01", "password": "sai"},
                   [("file", "xa.p12", p12("UBND xã Phong Điền"))])
    assert r.status == 422 and r.code == "sai_mat_khau_chung_thu"
    assert not OrgCertificate.objects.exists()
    r = post_files(api(admin), "/org-certificates", {"org_code": "H99.01.01", "password": PASSWORD},
                   [("file", "xa.p12", p12("UBND xã Phong Điền"))])
    assert r.status == 201 and "UBND xã Phong Điền" in r.data["subject"]

    clerk = make_user("vanthu_xa", world.commune, Role.CLERK)
    d = birth_dossier(world, clock)
    ds.hand_over(actor=world.desk, dossier_id=d.id)
    status, form, _ = raw_get(api(world.desk), f"/dossiers/{d.code}/forms/06?format=pdf")
    r = post_files(api(clerk), f"/dossiers/{d.code}/results", {"sign": "true"}, [("files", "ket-qua.pdf", form)])
    assert r.status == 201, r.data
    [res] = r.data
    assert res["signed"]
    status, signed, ctype = raw_get(api(world.desk), res["download"].removeprefix("/api/v1"))
    assert status == 200 and ctype == "application/pdf"
    assert signed == storage.read(ResultDocument.objects.get().stored_file.key)

    anonymous = Client(api().base_url)
    r = post_files(anonymous, "/documents/verify", {}, [("file", "ket-qua.pdf", signed)])
    assert r.status == 200 and r.data["valid"] and r.data["signatures"][0]["signer"] == "UBND xã Phong Điền"
    tampered = signed.replace(b"/Creator (cchc)", b"/Creator (xxxx)")
    r = post_files(anonymous, "/documents/verify", {}, [("file", "sua.pdf", tampered)])
    assert r.status == 200 and not r.data["valid"] and r.data["signatures"][0]["changed_after_signing"]
    r = post_files(anonymous, "/documents/verify", {}, [("file", "anh.png", b"\x89PNG\r\n\x1a\nxxxx")])
    assert r.status == 200 and not r.data["is_pdf"] and "không phải là tệp PDF" in r.data["message"]


def test_verification_page(world, api, live_server):
    import http.cookiejar
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(live_server.url + "/giay-to/xac-minh/").read().decode()
    assert "Xác minh chữ ký số trên kết quả điện tử" in page
    token = next(c.value for c in jar if c.name == "csrftoken")
    data, headers = multipart({"csrfmiddlewaretoken": token}, [("file", "x.txt", b"hello")])
    req = urllib.request.Request(live_server.url + "/giay-to/xac-minh/", data=data,
                                 headers={**headers, "Referer": live_server.url + "/giay-to/xac-minh/"})
    body = opener.open(req).read().decode()
    assert "Không hợp lệ" in body and "không phải là tệp PDF" in body
