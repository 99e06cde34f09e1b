import pytest
from tests.api.live_api import client_for


@pytest.fixture
def api(live_server, world):
    return lambda user=None: client_for(live_server.url + "/api/v1", user)
