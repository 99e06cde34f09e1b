"""The assistant box on the portal's home page: with JavaScript (real chromium) and without."""
import re

import pytest
from django.test import Client
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_carries_the_box_and_nothing_from_outside(catalogue):
    html = Client().get("/").content.decode()
    box = html[html.index("data-assistant"):html.index("</section>", html.index("data-assistant"))]
    assert 'action="/tro-ly/"' in box and 'name="csrfmiddlewaretoken"' in box
    assert 'maxlength="500"' in box and 'data-api="/api/v1/assistant/ask"' in box
    assert re.search(r'<script src="/static/assistant/widget\.js" defer>', box)
    assert not re.search(r"""(src|href)=["']https?://""", html)


def test_box_lists_the_best_procedures_with_links(catalogue, open_page):
    page = open_page()
    page.goto("/")
    page.get_by_label(re.compile("^Bạn cần làm gì")).fill("con moi sinh thi lam giay to gi")
    page.get_by_role("button", name="Hỏi trợ lý").click()
    first = page.locator("[data-suggestions] li a").first
    expect(first).to_have_text("Đăng ký khai sinh")
    expect(first).to_have_attribute("href", "/thu-tuc/1.001193/")
    expect(page.locator("[data-result]")).to_contain_text("5 ngày làm việc")
    expect(page.get_by_role("link", name="Nộp hồ sơ trực tuyến")).to_have_attribute(
        "href", "/thu-tuc/1.001193/nop-truc-tuyen/")
    assert page.url.endswith("/")                    # answered in place, no page load
    first.click()
    page.wait_for_url("**/thu-tuc/1.001193/")
    expect(page.locator("h1")).to_contain_text("Đăng ký khai sinh")


def test_box_says_when_nothing_matches(catalogue, open_page):
    page = open_page()
    page.goto("/")
    page.get_by_label(re.compile("^Bạn cần làm gì")).fill("giá vàng hôm nay bao nhiêu")
    page.get_by_role("button", name="Hỏi trợ lý").click()
    result = page.locator("[data-result]")
    expect(result).to_contain_text("Chưa tìm thấy thủ tục")
    expect(result.get_by_role("link", name="Xem danh mục thủ tục theo lĩnh vực")).to_have_attribute("href", "/thu-tuc/")


def test_without_javascript_the_server_page_answers(catalogue, chromium, live_server):
    ctx = chromium.new_context(base_url=live_server.url, java_script_enabled=False, locale="vi-VN")
    try:
        page = ctx.new_page()
        page.goto("/")
        page.get_by_label(re.compile("^Bạn cần làm gì")).fill("xin giấy phép xây nhà")
        page.get_by_role("button", name="Hỏi trợ lý").click()
        page.wait_for_url("**/tro-ly/")
        expect(page.locator("main")).to_contain_text("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ")
        expect(page.locator("main")).to_contain_text("Giấy tờ cần mang")
    finally:
        ctx.close()


def test_full_answer_from_the_box(catalogue, open_page):
    page = open_page()
    page.goto("/")
    page.get_by_label(re.compile("^Bạn cần làm gì")).fill("đăng ký kết hôn")
    page.get_by_role("button", name="Hỏi trợ lý").click()
    page.get_by_role("button", name="Xem giấy tờ cần mang, nơi nộp").click()
    page.wait_for_url("**/tro-ly/")
    expect(page.locator("main")).to_contain_text("Giấy tờ cần mang")
    expect(page.locator("textarea")).to_have_value("đăng ký kết hôn")
