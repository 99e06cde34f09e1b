"""A tiny HTTP client for the API tests: real requests to the live server, no Django test client."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

from cchc.api.models import ApiToken


@dataclass
class Response:
    status: int
    data: dict | None
    headers: dict

    @property
    def code(self) -> str | None:
        """The error ``code`` (None for a success)."""
        return (self.data or {}).get("code") if self.status >= 400 else None


class Client:
    def __init__(self, base_url: str, token: str | None = None):
        self.base_url, self.token = base_url, token

    def call(self, method: str, path: str, body=None, *, data: bytes | None = None,
             headers: dict | None = None) -> Response:
        h = {"Accept": "application/json", **(headers or {})}
        if self.token:
            h.setdefault("Authorization", f"Bearer {self.token}")
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None:
            h.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base_url + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, raw, rh = r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:  # 4xx/5xx still carry our JSON body
            status, raw, rh = e.code, e.read(), e.headers
        is_json = rh.get("Content-Type", "").startswith("application/json")
        return Response(status, json.loads(raw) if raw and is_json else None, dict(rh))

    def get(self, path: str, **query) -> Response:
        return self.call("GET", path + (f"?{urlencode(query, doseq=True)}" if query else ""))

    def post(self, path: str, body=None, **kw) -> Response:
        return self.call("POST", path, {} if body is None and "data" not in kw else body, **kw)


def client_for(base_url: str, user=None) -> Client:
    """A client holding a freshly issued token of ``user`` (anonymous without one)."""
    return Client(base_url, ApiToken.issue(user, "Hệ thống kiểm thử")[1] if user else None)


def dossier_body(procedure: str = "1.001193", org: str = "H99.01.01", channel: int = 1, **extra) -> dict:
    return {"procedure_code": procedure, "org_code": org, "channel": channel,
            "applicant": {"name": "Nguyễn Thị Hoa", "id_number": "079123456789", "phone": "0905123456"}, **extra}
