"""Back-office pages for feedback (/can-bo/phan-anh/): list with filters and paging, detail with the
history, one form per allowed action, stale actions and other organisations' feedback refused.

Dates by hand (2025 calendar, 30/08–02/09 off): received Thu 28/08/2025 10:00 → answer due
Mon 22/09/2025 17:00 (15th working day, see test_lifecycle); received Mon 15/09/2025 09:00 →
working days 16, 17, 18, 19, 22, 23, 24, 25, 26, 29, 30/09, 01, 02, 03, 06/10 → due Mon 06/10 17:00.
"""
import pytest
from django.urls import reverse

from cchc.feedback import services as s
from cchc.feedback.models import Feedback, SenderDataAccess, Stage

from .helpers import submit

pytestmark = pytest.mark.django_db
LIST = "/can-bo/phan-anh/"


def url(fb, action=None):
    return f"{LIST}{fb.code}/" + (f"{action}/" if action else "")


def page(client, user, path, **params):
    client.force_login(user)
    r = client.get(path, params)
    return r.status_code, r.content.decode()


def assigned(w, org="H99.01", **kw):
    fb, key = submit(**kw)
    return s.assign(actor=w.desk, feedback_id=fb.id, org_code=org), key


def test_menu_link_and_login_required(client, world):
    assert client.get(LIST).status_code == 302  # to the officials' login
    status, html = page(client, world.desk, "/can-bo/")
    assert f'href="{LIST}"' in html and "Phản ánh, kiến nghị" in html


def test_a_citizen_account_gets_no_office_list(client, world):
    status, html = page(client, world.citizen, LIST)
    assert status == 403 and "Chỉ cán bộ, công chức" in html


def codes(html):
    return {c for c in Feedback.objects.values_list("code", flat=True) if f">{c}</a>" in html}


def test_each_official_sees_their_organisations_feedback(client, world):
    w = world
    unassigned, _ = submit(phone="0905000001")
    justice, _ = assigned(w, phone="0905000002")
    finance, _ = assigned(w, "H99.02", phone="0905000003")
    # desk officers receive: they see what no organisation holds yet, not other bodies' feedback
    assert codes(page(client, w.desk, LIST)[1]) == {unassigned.code}
    assert codes(page(client, w.justice_specialist, LIST)[1]) == {justice.code}
    assert codes(page(client, w.justice_leader, LIST)[1]) == {unassigned.code, justice.code}
    assert codes(page(client, w.finance_specialist, LIST)[1]) == {finance.code}


def test_filters_by_state_and_deadline(client, world, clock):
    w = world
    clock.set(2025, 8, 28, 10, 0)
    old, _ = assigned(w, phone="0905000001")          # answer due Mon 22/09 17:00
    clock.set(2025, 9, 15, 9, 0)
    new, _ = assigned(w, phone="0905000002")          # answer due Mon 06/10 17:00
    u = w.justice_specialist
    clock.set(2025, 9, 20, 9, 0)  # 3 days ahead = Tue 23/09 09:00: only the old one is due soon
    assert codes(page(client, u, LIST, due="soon")[1]) == {old.code}
    assert codes(page(client, u, LIST, due="late")[1]) == set()
    clock.set(2025, 9, 23, 9, 0)
    status, html = page(client, u, LIST, due="late")
    assert codes(html) == {old.code} and "Quá hạn" in html
    s.answer(actor=u, feedback_id=old.id, text="Đã trả lời muộn.")
    assert codes(page(client, u, LIST)[1]) == {new.code}  # default: not yet answered
    assert codes(page(client, u, LIST, state="answered")[1]) == {old.code}
    assert codes(page(client, u, LIST, state="", due="handled_late")[1]) == {old.code}
    assert codes(page(client, u, LIST, state="")[1]) == {old.code, new.code}
    assert codes(page(client, u, LIST, state="", q=new.code)[1]) == {new.code}


def test_published_late_counts_as_late_once_answered_with_consent(client, world, clock):
    w = world
    clock.set(2025, 9, 15, 9, 0)
    fb, _ = assigned(w, consent_publish=True)
    clock.set(2025, 9, 23, 9, 0)
    s.answer(actor=w.justice_specialist, feedback_id=fb.id, text="Trả lời.")  # publish due Thu 25/09 17:00
    clock.set(2025, 9, 25, 18, 0)
    assert codes(page(client, w.justice_specialist, LIST, state="", due="late")[1]) == {fb.code}


def test_paging(client, world, monkeypatch):
    monkeypatch.setattr("cchc.feedback.office_views.PAGE_SIZE", 2)
    for i in range(3):
        assigned(world, phone=f"090500000{i}")
    u = world.justice_specialist
    first, second = page(client, u, LIST)[1], page(client, u, LIST, trang=2)[1]
    assert "Trang 1/2" in first and len(codes(first)) == 2 and len(codes(second)) == 1
    assert codes(first) | codes(second) == set(Feedback.objects.values_list("code", flat=True))


def test_detail_shows_sender_and_history_and_logs_the_view(client, world, clock):
    w = world
    clock.set(2025, 8, 28, 10, 0)
    fb, _ = assigned(w, name="Nguyễn Thị Hoa", phone="0905123456")
    status, html = page(client, w.justice_specialist, url(fb))
    assert status == 200
    assert "Nguyễn Thị Hoa" in html and "0905123456" in html
    assert "22/09/2025 17:00" in html  # answer due, by hand
    history = html.split("Quá trình xử lý")[1]
    assert history.index("Tiếp nhận") < history.index("Chuyển cơ quan có thẩm quyền")
    assert "motcua_xa" in history and "Sở Tư pháp" in history
    log = SenderDataAccess.objects.get()
    assert (log.feedback_id, log.viewer_id, log.purpose) == (fb.id, w.justice_specialist.id, "xem_phan_anh")


def offered(html, fb):
    import re
    return re.findall(rf'action="{url(fb)}(\w+)/"', html)


def _state(w, name):
    """A feedback in the named situation, and the official who handles it."""
    if name == "received":
        return submit()[0], w.desk
    fb, key = assigned(w, consent_publish=name != "answered_no_consent")
    h = w.justice_specialist
    if name == "info_requested":
        s.request_info(actor=h, feedback_id=fb.id, question="Xin cho biết tên xã.")
    if name.startswith("answered") or name == "published":
        s.answer(actor=h, feedback_id=fb.id, text="Trả lời.")
    if name == "published":
        s.publish(actor=h, feedback_id=fb.id)
    return Feedback.objects.get(pk=fb.id), h


@pytest.mark.parametrize("situation, actions", [
    ("received", ["classify", "assign", "refuse"]),
    ("assigned", ["classify", "process", "request_info", "answer", "transfer", "refuse"]),
    ("info_requested", ["classify", "provide_info"]),
    ("answered", ["publish"]),
    ("answered_no_consent", []),
    ("published", []),
])
def test_only_the_allowed_actions_are_offered(client, world, situation, actions):
    fb, user = _state(world, situation)
    status, html = page(client, user, url(fb))
    assert status == 200 and offered(html, fb) == actions
    if situation == "answered_no_consent":
        assert "không đồng ý công khai" in html


@pytest.mark.parametrize("situation, action, data, check", [
    ("received", "classify", {"category": "conduct", "procedure_code": "1.001193"},
     lambda fb, w: (fb.category, fb.procedure_code, fb.state) == ("conduct", "1.001193", "received")),
    ("received", "assign", {"org_code": "H99.01"}, lambda fb, w: (fb.org, fb.state) == (w.justice, "assigned")),
    ("received", "refuse", {"reason": "Đây là khiếu nại, không phải phản ánh."},
     lambda fb, w: (fb.state, fb.refuse_reason) == ("refused", "Đây là khiếu nại, không phải phản ánh.")),
    ("assigned", "transfer", {"org_code": "H99.02", "reason": "Thuộc lĩnh vực tài chính."},
     lambda fb, w: (fb.org, fb.state) == (w.finance, "assigned")),
    ("assigned", "process", {}, lambda fb, w: fb.state == "processing"),
    ("assigned", "request_info", {"question": "Xin cho biết tên xã."},
     lambda fb, w: fb.state == "info_requested" and fb.info_requested_at is not None),
    ("info_requested", "provide_info", {"info": "Xã Phong Điền (người phản ánh gọi điện)."},
     lambda fb, w: fb.state == "processing" and "Xã Phong Điền" in fb.content),
    ("assigned", "answer", {"text": "Sở đã hướng dẫn xã bỏ yêu cầu này."},
     lambda fb, w: (fb.state, fb.answer) == ("answered", "Sở đã hướng dẫn xã bỏ yêu cầu này.")),
    ("answered", "publish", {}, lambda fb, w: fb.state == "published" and fb.public_answer == "Trả lời."),
])
def test_each_action_through_its_form(client, world, situation, action, data, check):
    fb, user = _state(world, situation)
    client.force_login(user)
    r = client.post(url(fb, action), {f"{action}-{k}": v for k, v in data.items()}, follow=True)
    assert r.status_code == 200
    assert "Đã thực hiện" in r.content.decode()
    fb.refresh_from_db()
    assert check(fb, world)
    assert fb.stages.order_by("-id").first().action == action


def test_a_stale_action_changes_nothing_and_says_why(client, world):
    fb, user = _state(world, "assigned")
    client.force_login(user)
    assert "answer" in offered(client.get(url(fb)).content.decode(), fb)
    s.answer(actor=world.justice_leader, feedback_id=fb.id, text="Lãnh đạo đã trả lời.")  # meanwhile
    stages = Stage.objects.count()
    r = client.post(url(fb, "answer"), {"answer-text": "Trả lời thứ hai."}, follow=True)
    html = r.content.decode()
    assert "Không thể thực hiện “trả lời”" in html and "Đã trả lời" in html and "không có gì thay đổi" in html
    fb.refresh_from_db()
    assert fb.answer == "Lãnh đạo đã trả lời." and Stage.objects.count() == stages


def test_an_unknown_action_name_changes_nothing(client, world):
    fb, user = _state(world, "assigned")
    client.force_login(user)
    r = client.post(url(fb, "rate"), {"rate-rating": "satisfied"}, follow=True)
    assert "Không thể thực hiện" in r.content.decode()
    fb.refresh_from_db()
    assert fb.rating == "" and fb.state == "assigned"


def test_another_organisations_feedback_by_url_is_forbidden(client, world):
    fb, _ = _state(world, "assigned")  # held by Sở Tư pháp
    client.force_login(world.finance_specialist)
    r = client.get(url(fb))
    assert r.status_code == 403 and "không thuộc cơ quan của bạn" in r.content.decode()
    assert "0905123456" not in r.content.decode()
    r = client.post(url(fb, "answer"), {"answer-text": "Không phải việc của tôi."})
    assert r.status_code == 403
    fb.refresh_from_db()
    assert fb.state == "assigned" and fb.answer == ""
    assert not SenderDataAccess.objects.exists()


@pytest.mark.parametrize("data", [{"answer-text": ""}, {"answer-text": "   "}, {"answer-text": "x" * 5001}])
def test_empty_or_oversized_answer_is_refused_on_the_page(client, world, data):
    fb, user = _state(world, "assigned")
    client.force_login(user)
    r = client.post(url(fb, "answer"), data)
    assert r.status_code == 422 and 'class="errorlist' in r.content.decode()
    fb.refresh_from_db()
    assert fb.state == "assigned" and fb.answer == ""


def test_assignment_to_an_organisation_that_does_not_exist_on_the_page(client, world):
    fb, user = _state(world, "received")
    client.force_login(user)
    r = client.post(url(fb, "assign"), {"assign-org_code": "H99.77"})
    assert r.status_code == 422
    fb.refresh_from_db()
    assert fb.org is None and fb.state == "received"


def test_a_refusal_of_the_service_is_shown_and_changes_nothing(client, world):
    fb, user = _state(world, "received")
    client.force_login(user)
    r = client.post(url(fb, "classify"), {"classify-category": "regulation", "classify-procedure_code": "9.999999"},
                    follow=True)
    assert "Không có thủ tục mã “9.999999”" in r.content.decode()
    fb.refresh_from_db()
    assert fb.category == "" and not fb.stages.filter(action="classify").exists()


def test_reverse_names():
    assert reverse("office:pakn:inbox") == LIST
