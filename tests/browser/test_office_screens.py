"""Phone-sized screens, keyboard and labels, and the language switcher, in Debian's chromium.

390x844 is a common phone viewport (CSS pixels). "No horizontal scrolling" means the document is
no wider than the viewport; wide tables scroll inside their own box (.table-wrap), not the page.
"""
import pytest
from playwright.sync_api import expect
from tests.browser.conftest import log_in

from cchc.dossiers import services as s

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
# every visible form control must have a name a screen reader reads out (label, aria-label or labelledby)
UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(el => el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id)"""


def receive(w, name):
    return s.receive_at_desk(actor=w.desk, intake=s.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=s.Applicant(name=name, id_number="079123456789", phone="0905123456",
                              address="Thôn Phước Yên, xã Phong Điền, tỉnh Sông Hương")))


def test_inbox_and_portal_home_fit_a_phone_without_horizontal_scrolling(world, clock, open_page, shot):
    w = world
    clock.set(2025, 10, 6, 9, 0)
    dossiers = [receive(w, f"Nguyễn Thị Phương Hoa {i}") for i in range(3)]
    clock.set(2025, 10, 14, 9, 0)  # all late: the badges are on screen too

    home = open_page(**PHONE)
    home.goto("/")
    expect(home.locator("h1")).to_have_text("Cổng dịch vụ công")
    assert home.evaluate(OVERFLOW) <= 0
    assert home.evaluate(UNLABELLED) == []
    shot(home, "portal-home-phone", full_page=True)

    office = open_page(**PHONE)
    log_in(office, "motcua_xa")
    expect(office.locator("tbody")).to_contain_text(dossiers[0].code)
    expect(office.locator("tbody .badge-late").first).to_be_visible()
    assert office.evaluate(OVERFLOW) <= 0
    assert office.evaluate(UNLABELLED) == []
    shot(office, "office-inbox-phone", full_page=True)
    # the dossier page and the register page too
    office.get_by_role("link", name=dossiers[0].code).click()
    expect(office.locator("h1")).to_contain_text(dossiers[0].code)
    assert office.evaluate(OVERFLOW) <= 0
    assert office.evaluate(UNLABELLED) == []
    office.goto("/can-bo/so-theo-doi/")
    assert office.evaluate(OVERFLOW) <= 0
    assert office.evaluate(UNLABELLED) == []


def test_keyboard_focus_is_visible_and_the_skip_link_works(world, open_page):
    page = open_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, tới nội dung chính")
    expect(skip).to_be_focused()
    # a visible outline, not the browser default removed
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert skip.evaluate("el => el.getBoundingClientRect().left") >= 0
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_language_switcher_in_the_header_switches_to_english_and_back(world, open_page):
    page = open_page(**PHONE)
    page.goto("/thu-tuc/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Administrative procedures")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/thu-tuc/")  # stays on the same page
    log_in_page = page
    log_in_page.goto("/can-bo/dang-nhap/")
    expect(log_in_page.locator("h1")).to_have_text("Sign in for officials")
    log_in_page.get_by_label("Username").fill("motcua_xa")
    log_in_page.get_by_label("Password").fill("matkhau-123")
    log_in_page.get_by_role("button", name="Sign in").click()
    expect(log_in_page.locator("h1")).to_have_text("Dossiers to process")
    assert log_in_page.evaluate(OVERFLOW) <= 0
    log_in_page.get_by_role("button", name="Tiếng Việt").click()
    expect(log_in_page.locator("h1")).to_have_text("Hồ sơ cần xử lý")
