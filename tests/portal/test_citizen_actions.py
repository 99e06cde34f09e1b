"""A citizen provides a requested supplement online and withdraws a dossier online.

Dates by hand (birth registration, 5 working days, no holiday in October 2025): received Mon
06/10/2025 10:00 → due Mon 13/10/2025 17:00. Supplement requested Wed 08/10: Tue 07 and Wed 08 are
used, 3 working days remain. Provided online Fri 10/10 09:00 (before the 15:00 cut-off): counted
again from Fri 10/10 → Mon 13, Tue 14, Wed 15 → due Wed 15/10/2025 17:00; paused: Thu 09 and Fri 10.
"""
from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.conftest import local
from tests.portal.conftest import PDF, PNG, blob_files, client_for

from cchc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from cchc.documents import limits
from cchc.documents.models import ComponentFile, DigitisedDocument, StoredFile
from cchc.dossiers import services as s
from cchc.dossiers.models import AuditRecord, Dossier, Status

pytestmark = pytest.mark.django_db


def comps(w) -> tuple[int, int]:
    c = list(w.birth.components.order_by("order").values_list("id", flat=True))
    return c[0], c[1]


def online(w, user, phone="0905111222"):
    form, ident = comps(w)
    return s.submit_online(actor=user, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone=phone, address="Xã Phong Điền"),
        components=[s.ComponentInput(name="Tờ khai theo mẫu", component_id=form),
                    s.ComponentInput(name="Giấy tờ tùy thân", component_id=ident)]))


@pytest.fixture
def waiting(world, clock, hoa):
    """Hoa's dossier, received, with a supplement requested on Wed 08/10/2025."""
    clock.set(2025, 10, 6, 9, 30)
    d = online(world, hoa)
    clock.set(2025, 10, 6, 10, 0)
    s.receive(actor=world.desk, dossier_id=d.id)
    clock.set(2025, 10, 8, 9, 0)
    s.request_supplement(actor=world.specialist, dossier_id=d.id, items=["Bản sao căn cước công dân của mẹ"],
                         reason="Thiếu giấy tờ tùy thân của người đi đăng ký")
    clock.set(2025, 10, 10, 9, 0)
    d.refresh_from_db()
    return d


def dossier_component(d, name):
    return d.components.get(name=name)


def url(d, tail="bo-sung/"):
    return f"/ho-so-cua-toi/{d.code}/{tail}"


def supplement_post(d, **over) -> dict:
    ident = dossier_component(d, "Giấy tờ tùy thân").id
    data = {f"file_{ident}": SimpleUploadedFile("cccd-me.png", PNG, content_type="image/png"),
            f"number_{ident}": "079188000111", f"issuer_{ident}": "Cục Cảnh sát QLHC về TTXH",
            f"issued_on_{ident}": "15/03/2021", f"valid_until_{ident}": "15/03/2036"}
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def unchanged(d, before: dict, media, blobs: int = 0) -> None:
    d.refresh_from_db()
    assert {k: getattr(d, k) for k in before} == before
    assert not ComponentFile.objects.filter(component__dossier=d).exists()
    assert len(blob_files(media)) == blobs
    assert not AuditRecord.objects.filter(dossier=d, action__in=["attach_file", "receive_supplement"]).exists()


def state(d) -> dict:
    return {"status": d.status, "paused_at": d.paused_at, "due_at": d.due_at, "remaining": d.remaining}


def test_the_dossier_page_asks_for_the_supplement(waiting, hoa):
    page = client_for(hoa).get(url(waiting, "")).content.decode()
    assert "Cần nộp bổ sung giấy tờ" in page and "Bản sao căn cước công dân của mẹ" in page
    assert f'href="/ho-so-cua-toi/{waiting.code}/bo-sung/"' in page
    assert f'href="/ho-so-cua-toi/{waiting.code}/rut-ho-so/"' in page  # withdrawing is allowed while waiting
    form = client_for(hoa).get(url(waiting)).content.decode()
    assert "Thiếu giấy tờ tùy thân của người đi đăng ký" in form and f"/ho-so-cua-toi/{waiting.code}/mau-02.pdf" in form
    # one per component of the dossier, and one for the requested paper it does not hold
    assert form.count('type="file"') == 3 and 'name="file_moi1"' in form


def test_provide_the_supplement_online_resumes_the_clock(waiting, hoa, media):
    assert waiting.due_at == local(2025, 10, 13, 17, 0) and waiting.paused_at is not None
    c = client_for(hoa)
    r = c.post(url(waiting), supplement_post(waiting))
    assert r.status_code == 302 and r["Location"] == url(waiting, "")
    d = Dossier.objects.get(pk=waiting.pk)
    assert d.status == Status.PROCESSING and d.paused_at is None
    assert d.due_at == local(2025, 10, 15, 17, 0) and d.paused_working_days == 2  # Thu 09 and Fri 10 not counted
    req = d.supplement_requests.get()
    assert req.received_at == local(2025, 10, 10, 9, 0)
    link = ComponentFile.objects.get(component__dossier=d)
    assert (link.component.name, link.number, link.issuer, str(link.issued_on), str(link.valid_until)) == (
        "Giấy tờ tùy thân", "079188000111", "Cục Cảnh sát QLHC về TTXH", "2021-03-15", "2036-03-15")
    assert link.stored_file.content_type == "image/png" and len(blob_files(media)) == 1
    assert DigitisedDocument.objects.get().owner_digest == d.applicant_id_digest
    actions = list(d.audit.order_by("at", "id").values_list("action", "actor_id"))
    assert actions[-2:] == [("attach_file", hoa.id), ("receive_supplement", hoa.id)]

    page = c.get(r["Location"]).content.decode()
    assert "Đã nộp giấy tờ bổ sung" in page and "15/10/2025" in page
    assert "Đã nhận giấy tờ bổ sung, tiếp tục xử lý" in page and "Cần nộp bổ sung giấy tờ" not in page
    assert "cccd-me.png" in page


def test_reuse_a_held_document_as_the_supplement(waiting, hoa, world, clock):
    """A paper from Hoa's earlier dossier (same identity number) stands for the missing one."""
    earlier = online(world, hoa)
    ident = dossier_component(earlier, "Giấy tờ tùy thân")
    from cchc.documents import services as documents
    documents.attach_component_file(actor=hoa, component_id=ident.id, file=documents.IncomingFile("cccd.pdf", PDF),
                                    meta=documents.DocMeta("Giấy tờ tùy thân", "079188000111", "Cục Cảnh sát",
                                                           local(2021, 3, 15, 0, 0).date()))
    doc = DigitisedDocument.objects.get()
    mine = dossier_component(waiting, "Giấy tờ tùy thân").id
    page = client_for(hoa).get(url(waiting)).content.decode()
    assert f'name="reuse_{mine}"' in page and "079188000111" in page
    r = client_for(hoa).post(url(waiting), {f"reuse_{mine}": doc.id})
    assert r.status_code == 302
    d = Dossier.objects.get(pk=waiting.pk)
    assert d.status == Status.PROCESSING
    link = ComponentFile.objects.get(component__dossier=d)
    assert link.reused_from_id == doc.id and StoredFile.objects.count() == 1


@pytest.mark.parametrize("case, over, message", [
    ("nothing", {"file": None}, "Hãy tải lên (hoặc dùng lại) ít nhất một giấy tờ bổ sung."),
    ("wrong type", {"file": SimpleUploadedFile("cccd.docx", b"PK\x03\x04 word", content_type="image/png")},
     "Loại tệp không được chấp nhận; chỉ nhận PDF, PNG, JPEG, TIFF."),
    ("empty", {"file": SimpleUploadedFile("rong.pdf", b"", content_type="application/pdf")}, "Tệp rỗng"),
    ("no date", {"issued_on": ""}, "Hãy ghi ngày cấp (hoặc ngày lập) của giấy tờ."),
    ("bad date", {"issued_on": "2021/15/03"}, "Ngày phải viết dạng ngày/tháng/năm"),
])
def test_bad_supplement_stores_nothing(waiting, hoa, media, case, over, message):
    ident = dossier_component(waiting, "Giấy tờ tùy thân").id
    before = state(waiting)
    r = client_for(hoa).post(url(waiting), supplement_post(waiting, **{f"{k}_{ident}": v for k, v in over.items()}))
    assert r.status_code == 422, case
    page = r.content.decode()
    assert message in page and "Chưa có gì được lưu." in page
    unchanged(waiting, before, media)


def test_too_large_a_supplement_is_refused_before_it_is_read(waiting, hoa, media, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BYTES", 64)
    ident = dossier_component(waiting, "Giấy tờ tùy thân").id
    big = SimpleUploadedFile("cccd.pdf", PDF + b"0" * 100, content_type="application/pdf")
    before = state(waiting)
    r = client_for(hoa).post(url(waiting), supplement_post(waiting, **{f"file_{ident}": big}))
    assert r.status_code == 422 and "Tệp “cccd.pdf” quá lớn: tối đa 0 MB." in r.content.decode()
    unchanged(waiting, before, media)


def test_supplement_when_not_waiting_changes_nothing(world, clock, hoa, media):
    """A page opened while the dossier waited, posted after the desk received the paper supplement."""
    clock.set(2025, 10, 6, 9, 30)
    d = online(world, hoa)
    s.receive(actor=world.desk, dossier_id=d.id)
    r = client_for(hoa).post(url(d), supplement_post(d))
    assert r.status_code == 409
    page = r.content.decode()
    assert "Không thể “nhận bổ sung”: hồ sơ hiện ở trạng thái “Được tiếp nhận”. Không có gì thay đổi." in page
    unchanged(d, state(Dossier.objects.get(pk=d.pk)), media)
    # and the page itself says so, without a form
    page = client_for(hoa).get(url(d)).content.decode()
    assert "Không thể “nhận bổ sung”" in page and 'type="file"' not in page


def test_the_supplement_moved_on_while_the_form_was_checked(waiting, hoa, world, media, monkeypatch):
    """The desk receives a paper supplement between the page's check and the write: all rolled back."""
    from cchc.portal import dossier_actions
    real = dossier_actions.dossiers.receive_supplement

    def desk_first(*, actor, dossier_id):
        real(actor=world.desk, dossier_id=dossier_id)  # committed first in the same transaction's eyes
        return real(actor=actor, dossier_id=dossier_id)

    monkeypatch.setattr(dossier_actions.dossiers, "receive_supplement", desk_first)
    before = state(waiting)
    r = client_for(hoa).post(url(waiting), supplement_post(waiting))
    assert r.status_code == 409 and "Không thể “nhận bổ sung”" in r.content.decode()
    unchanged(waiting, before, media)


def test_another_citizen_gets_not_found(waiting, nam, media):
    before = state(waiting)
    for tail in ("bo-sung/", "rut-ho-so/"):
        assert client_for(nam).get(url(waiting, tail)).status_code == 404
    assert client_for(nam).post(url(waiting), supplement_post(waiting)).status_code == 404
    assert client_for(nam).post(url(waiting, "rut-ho-so/"), {"reason": "x", "confirm": "on"}).status_code == 404
    unchanged(waiting, before, media)


def test_posts_without_csrf_token_are_rejected(waiting, hoa, media):
    from django.test import Client
    c = Client(enforce_csrf_checks=True)
    c.force_login(hoa, backend="django.contrib.auth.backends.ModelBackend")
    before = state(waiting)
    assert c.post(url(waiting), supplement_post(waiting)).status_code == 403
    assert c.post(url(waiting, "rut-ho-so/"), {"reason": "Không cần nữa", "confirm": "on"}).status_code == 403
    unchanged(waiting, before, media)


def test_sign_in_needed(waiting):
    from django.test import Client
    r = Client().get(url(waiting))
    assert r.status_code == 302 and r["Location"].startswith("/tai-khoan/dang-nhap/?next=")


# ---------------------------------------------------------------- withdrawal


def test_withdraw_online_with_a_reason(waiting, hoa):
    c = client_for(hoa)
    page = c.get(url(waiting, "rut-ho-so/")).content.decode()
    assert "Lý do rút hồ sơ" in page and 'name="confirm"' in page
    r = c.post(url(waiting, "rut-ho-so/"), {"reason": "  Gia đình đã đăng ký ở nơi khác  ", "confirm": "on"})
    assert r.status_code == 302 and r["Location"] == url(waiting, "")
    d = Dossier.objects.get(pk=waiting.pk)
    assert (d.status, d.end_reason, d.finished_at) == (Status.WITHDRAWN, "Gia đình đã đăng ký ở nơi khác",
                                                        local(2025, 10, 10, 9, 0))
    assert d.audit.order_by("-id").values_list("action", "actor_id", "note").first() == (
        "withdraw", hoa.id, "Gia đình đã đăng ký ở nơi khác")
    page = c.get(r["Location"]).content.decode()
    assert "Đã rút hồ sơ." in page and "Hồ sơ đã được rút theo yêu cầu" in page
    assert "/rut-ho-so/" not in page and "/bo-sung/" not in page  # nothing more to do


def test_withdraw_before_the_desk_receives(world, clock, hoa):
    clock.set(2025, 10, 6, 9, 30)
    d = online(world, hoa)
    r = client_for(hoa).post(url(d, "rut-ho-so/"), {"reason": "Nộp nhầm thủ tục", "confirm": "on"})
    assert r.status_code == 302
    assert Dossier.objects.get(pk=d.pk).status == Status.WITHDRAWN


@pytest.mark.parametrize("data, message", [
    ({"reason": "   ", "confirm": "on"}, "Hãy ghi lý do rút hồ sơ."),
    ({"reason": "Không cần nữa"}, "Hãy đánh dấu xác nhận để rút hồ sơ."),
])
def test_withdraw_needs_a_reason_and_a_confirmation(waiting, hoa, data, message):
    before = state(waiting)
    r = client_for(hoa).post(url(waiting, "rut-ho-so/"), data)
    assert r.status_code == 422 and message in r.content.decode()
    waiting.refresh_from_db()
    assert state(waiting) == before and not waiting.audit.filter(action="withdraw").exists()


@pytest.mark.parametrize("end", ["finish_and_return", "withdrawn"])
def test_withdraw_when_no_longer_allowed_changes_nothing(world, clock, hoa, end):
    clock.set(2025, 10, 6, 9, 30)
    d = online(world, hoa)
    s.receive(actor=world.desk, dossier_id=d.id)
    if end == "withdrawn":
        s.withdraw(actor=world.desk, dossier_id=d.id, reason="Người nộp rút tại quầy")
        status = "Công dân yêu cầu rút hồ sơ"
    else:
        s.hand_over(actor=world.desk, dossier_id=d.id)
        s.finish(actor=world.leader, dossier_id=d.id)
        s.return_result(actor=world.desk, dossier_id=d.id)
        status = "Đã trả kết quả"
    d.refresh_from_db()
    before, audits = state(d), d.audit.count()
    r = client_for(hoa).post(url(d, "rut-ho-so/"), {"reason": "Không cần nữa", "confirm": "on"})
    assert r.status_code == 409
    page = r.content.decode()
    assert re.search(rf"Không thể “rút hồ sơ”: hồ sơ hiện ở trạng thái “{status}”\. Không có gì thay đổi\.", page)
    d.refresh_from_db()
    assert state(d) == before and d.audit.count() == audits
    assert "/rut-ho-so/" not in client_for(hoa).get(url(d, "")).content.decode()


def test_the_dossier_page_links_to_the_public_lookup(waiting, hoa):
    page = client_for(hoa).get(url(waiting, "")).content.decode()
    assert f'href="/tra-cuu/?ma={waiting.code}"' in page
    lookup = client_for(hoa).get(f"/tra-cuu/?ma={waiting.code}").content.decode()
    assert f'value="{waiting.code}"' in lookup


# ---------------------------------------------------------------- a requested paper the dossier lacks

ASKED = "Bản sao căn cước công dân của mẹ"


def recount(d) -> tuple[int, int, int]:
    provided = d.components.filter(provided=True)
    return provided.count(), provided.filter(digitised=True).count(), provided.filter(reused=True).count()


def counters(d) -> tuple[int, int, int]:
    d.refresh_from_db()
    return d.components_provided, d.components_digitised, d.components_reused


def new_part_post(**over) -> dict:
    data = {"file_moi1": SimpleUploadedFile("cccd-me.pdf", PDF, content_type="application/pdf"),
            "number_moi1": "079188000111", "issuer_moi1": "Cục Cảnh sát QLHC về TTXH", "issued_on_moi1": "15/03/2021"}
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def test_a_requested_paper_the_dossier_lacks_is_added_and_uploaded_online(waiting, hoa, media):
    assert counters(waiting) == (2, 0, 0) == recount(waiting)
    page = client_for(hoa).get(url(waiting)).content.decode()
    assert f"<legend>{ASKED}</legend>" in page and "Giấy tờ theo yêu cầu bổ sung, hồ sơ chưa có" in page
    r = client_for(hoa).post(url(waiting), new_part_post())
    assert r.status_code == 302, r.content.decode()[:500]
    d = Dossier.objects.get(pk=waiting.pk)
    assert d.status == Status.PROCESSING and d.due_at == local(2025, 10, 15, 17, 0)
    part = d.components.get(name=ASKED)
    assert (part.component_id, part.provided, part.digitised, part.reused, part.quantity) == (None, True, True, False, 1)
    link = ComponentFile.objects.get(component=part)
    assert (link.document_type, link.number, str(link.issued_on)) == (ASKED, "079188000111", "2021-03-15")
    assert counters(d) == (3, 1, 0) == recount(d)
    actions = list(d.audit.order_by("at", "id").values_list("action", "actor_id"))
    assert actions[-3:] == [("add_component", hoa.id), ("attach_file", hoa.id), ("receive_supplement", hoa.id)]
    assert len(blob_files(media)) == 1
    # answered: the same paper is not offered as missing again
    assert ASKED in client_for(hoa).get(url(waiting, "")).content.decode()


def test_a_requested_paper_left_empty_is_not_added(waiting, hoa):
    """Only what the citizen provides becomes a component: an existing part's upload alone adds nothing."""
    r = client_for(hoa).post(url(waiting), supplement_post(waiting))
    assert r.status_code == 302
    d = Dossier.objects.get(pk=waiting.pk)
    assert not d.components.filter(name=ASKED).exists() and counters(d) == (2, 1, 0) == recount(d)


def test_bad_file_for_a_requested_paper_adds_nothing(waiting, hoa, media):
    before = state(waiting)
    r = client_for(hoa).post(url(waiting), new_part_post(
        file_moi1=SimpleUploadedFile("me.docx", b"PK\x03\x04 word", content_type="application/pdf")))
    assert r.status_code == 422 and "Loại tệp không được chấp nhận" in r.content.decode()
    unchanged(waiting, before, media)
    assert waiting.components.count() == 2 and not waiting.audit.filter(action="add_component").exists()


def test_requested_paper_rolled_back_when_the_dossier_moved_on(waiting, hoa, world, media, monkeypatch):
    from cchc.portal import dossier_actions
    real = dossier_actions.dossiers.receive_supplement

    def desk_first(*, actor, dossier_id):
        real(actor=world.desk, dossier_id=dossier_id)
        return real(actor=actor, dossier_id=dossier_id)

    monkeypatch.setattr(dossier_actions.dossiers, "receive_supplement", desk_first)
    before = state(waiting)
    r = client_for(hoa).post(url(waiting), new_part_post())
    assert r.status_code == 409
    unchanged(waiting, before, media)
    assert waiting.components.count() == 2 and counters(waiting) == (2, 0, 0)


def test_another_citizen_cannot_add_a_requested_paper(waiting, nam, media):
    before = state(waiting)
    assert client_for(nam).post(url(waiting), new_part_post()).status_code == 404
    unchanged(waiting, before, media)
    assert waiting.components.count() == 2
    with pytest.raises(PermissionDenied):
        s.add_component(actor=nam, dossier_id=waiting.id, name=ASKED)
    assert waiting.components.count() == 2 and not waiting.audit.filter(action="add_component").exists()


# ---------------------------------------------------------------- the service itself


def test_add_component_keeps_the_counters_equal_to_a_recount(waiting, hoa, world):
    from cchc.documents import services as documents
    ident = dossier_component(waiting, "Giấy tờ tùy thân")
    documents.attach_component_file(actor=world.specialist, component_id=ident.id,
                                    file=documents.IncomingFile("cccd.pdf", PDF),
                                    meta=documents.DocMeta("Giấy tờ tùy thân", "079188000111", "Cục Cảnh sát",
                                                           local(2021, 3, 15, 0, 0).date()))
    steps = [
        (dict(actor=world.specialist, name="Trích lục kết hôn", quantity=2), (3, 1, 0)),
        (dict(actor=world.desk, name="Giấy xác nhận cư trú", provided=False), (3, 1, 0)),  # asked for, not handed in
        (dict(actor=hoa, name=f"  {ASKED} "), (4, 1, 0)),
    ]
    for kw, expected in steps:
        c = s.add_component(dossier_id=waiting.id, **kw)
        assert counters(waiting) == expected == recount(waiting), kw["name"]
    assert c.name == ASKED  # spaces tidied
    assert waiting.components.get(name="Trích lục kết hôn").quantity == 2
    rec = waiting.audit.filter(action="add_component").order_by("id").last()
    assert (rec.actor_id, rec.note, rec.old, rec.new) == (hoa.id, ASKED, {"components_provided": 3, "component": None},
                                                          {"components_provided": 4, "component": ASKED})


def test_add_component_from_the_catalogue(waiting, world):
    """A catalogue component of the procedure, e.g. one the online form left out."""
    d = waiting
    d.components.filter(name="Giấy tờ tùy thân").delete()  # as if it had not been submitted
    _form, ident = comps(world)
    c = s.add_component(actor=world.desk, dossier_id=d.id, name="Giấy tờ tùy thân", component_id=ident)
    assert (c.component_id, c.form) == (ident, "copy")
    other = world.record.components.first().id
    with pytest.raises(ValidationFailed) as e:
        s.add_component(actor=world.desk, dossier_id=d.id, name="Khác", component_id=other)
    assert e.value.code == "thanh_phan_khong_hop_le"


@pytest.mark.parametrize("name, code", [
    ("   ", "thieu_ten_giay_to"),
    ("giấy TỜ  tùy thân", "giay_to_da_co"),  # already held, however it is written
])
def test_add_component_bad_name_changes_nothing(waiting, world, name, code):
    before = (waiting.components.count(), counters(waiting), waiting.audit.count())
    with pytest.raises((ValidationFailed, Conflict)) as e:
        s.add_component(actor=world.desk, dossier_id=waiting.id, name=name)
    assert e.value.code == code
    assert (waiting.components.count(), counters(waiting), waiting.audit.count()) == before


@pytest.mark.parametrize("who, status", [
    ("citizen", Status.RECEIVED),  # the applicant adds papers only to answer a supplement request
    ("desk", Status.DONE),
    ("desk", Status.RETURNED),
    ("specialist", Status.WITHDRAWN),
])
def test_add_component_in_a_wrong_status_is_409_and_changes_nothing(world, clock, hoa, who, status):
    clock.set(2025, 10, 6, 9, 30)
    d = online(world, hoa)
    s.receive(actor=world.desk, dossier_id=d.id)
    if status >= Status.DONE and status != Status.WITHDRAWN:
        s.hand_over(actor=world.desk, dossier_id=d.id)
        s.finish(actor=world.leader, dossier_id=d.id)
        if status == Status.RETURNED:
            s.return_result(actor=world.desk, dossier_id=d.id)
    elif status == Status.WITHDRAWN:
        s.withdraw(actor=world.desk, dossier_id=d.id, reason="Người nộp rút tại quầy")
    d.refresh_from_db()
    assert d.status == status
    actor = {"citizen": hoa, "desk": world.desk, "specialist": world.specialist}[who]
    before = (d.components.count(), counters(d), d.audit.count(), d.updated_at)
    with pytest.raises(Conflict) as e:
        s.add_component(actor=actor, dossier_id=d.id, name=ASKED)
    assert (e.value.status, e.value.code) == (409, "khong_them_duoc_giay_to")
    assert f"“{Status(status).label}”" in e.value.message
    d.refresh_from_db()
    assert (d.components.count(), counters(d), d.audit.count(), d.updated_at) == before


def test_add_component_by_another_organisation_is_refused(waiting, world):
    with pytest.raises(PermissionDenied) as e:
        s.add_component(actor=world.other_desk, dossier_id=waiting.id, name=ASKED)
    assert e.value.status == 403 and waiting.components.count() == 2
    with pytest.raises(NotFound):
        s.add_component(actor=world.desk, dossier_id=999999, name=ASKED)
