"""Browser tests: Playwright driving Debian's chromium (scripts/debian-packages.txt) against the live server.

Never ``playwright install``: the browser is the system's. Screenshots go to docs/screenshots/ when
CCHC_SCREENSHOTS=1 (to refresh the committed ones), else to the test's temporary folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
# browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def chromium():
    # per test, not per session: while Playwright's event loop is alive in this thread, the next
    # transactional test's serialized_rollback restores nothing (found by trial: calendar rows missing)
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed: run `bash scripts/system-deps.sh`")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()
        # ORM calls made while Playwright's loop lives get a connection of their own context; close it
        # here, where it is reachable, or it outlives the test database (PostgreSQL refuses the drop)
        connections.close_all()


@pytest.fixture
def open_page(chromium, live_server):
    """``open_page(width=1280, height=860)``: a fresh browser context (no cookies) on the live server."""
    contexts = []

    def make(width=1280, height=860):
        ctx = chromium.new_context(base_url=live_server.url, viewport={"width": width, "height": height},
                                   locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def shot(tmp_path):
    folder = SHOTS if os.environ.get("CCHC_SCREENSHOTS") == "1" else tmp_path

    def take(page, name: str, full_page: bool = False) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def log_in(page, username: str, password: str = "matkhau-123") -> None:
    page.goto("/can-bo/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/can-bo/")


def sign_up(page, name: str, contact: str, password: str) -> None:
    """From the sign-in page a form sent a citizen to: create an account (back to that form)."""
    page.get_by_role("link", name="Đăng ký", exact=True).click()
    page.get_by_label("Họ và tên").fill(name)
    page.get_by_label("Số điện thoại hoặc thư điện tử").fill(contact)
    page.get_by_label("Mật khẩu (ít nhất 8 ký tự, không chỉ gồm chữ số)").fill(password)
    page.get_by_label("Nhập lại mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng ký").click()

