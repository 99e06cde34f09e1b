"""Management commands of the API: issuing a token (shown once) that then works over HTTP."""
import pytest
from django.core.management import CommandError, call_command
from tests.api.live_api import Client

from cchc.api.models import ApiToken

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_create_api_token_prints_a_working_token_once(api, world, capsys):
    call_command("create_api_token", "motcua_xa", "Phần mềm một cửa xã")
    out, err = capsys.readouterr()
    raw = out.strip()
    row = ApiToken.objects.get(user=world.desk)
    assert row.name == "Phần mềm một cửa xã" and row.prefix == raw[:8] and row.digest == ApiToken.hash(raw)
    assert "không hiển thị lại" in err
    assert Client(api().base_url, raw).get("/dossiers").status == 200
    with pytest.raises(CommandError, match="khong-co-ai"):
        call_command("create_api_token", "khong-co-ai", "X")
