"""Citizen-side fixtures: files on a temporary disk, an empty throttle cache, signed-in clients."""
from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from cchc.portal import accounts

PASSWORD = "Hoa-sen-2026"
# the smallest files each accepted type is recognised by (documents.limits sniffs the content)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT / "documents"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # sign-in and lookup counters live in the cache, which outlives a test
    yield
    cache.clear()


def blob_files(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def citizen(login: str, name: str = "Nguyễn Thị Hoa"):
    return accounts.register(name=name, login=login, password=PASSWORD)


def client_for(user) -> Client:
    c = Client()
    c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return c


@pytest.fixture
def hoa(world):
    return citizen("0905111222")


@pytest.fixture
def nam(world):
    return citizen("nam@example.vn", name="Trần Văn Nam")

