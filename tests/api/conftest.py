"""Fixtures of the real-HTTP API tests: the live server, clients holding real tokens."""
from __future__ import annotations

import pytest
from tests.api.live_api import client_for


@pytest.fixture
def api(live_server, world):
    """``api(user)``: a client with a real token of ``user``; ``api()``: an anonymous client."""
    return lambda user=None: client_for(live_server.url + "/api/v1", user)
