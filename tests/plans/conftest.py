import pytest
from tests.api.live_api import client_for
from tests.notifications.conftest import smtp, smtp_settings  # noqa: F401  (a real local SMTP server)


@pytest.fixture
def api(live_server, world):
    return lambda user=None: client_for(live_server.url + "/api/v1", user)
