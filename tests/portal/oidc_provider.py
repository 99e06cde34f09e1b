"""A tiny but real OpenID Connect provider for the tests: HTTP on 127.0.0.1, RS256 ID tokens, PKCE.

It implements what the portal relies on — discovery, the authorisation endpoint (the user is
taken as already signed in and consenting), the token endpoint with client authentication and
PKCE S256, the JWKS — and can be told to misbehave (``tamper``) to prove the portal refuses.
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey


class Provider:
    def __init__(self, client_id: str, client_secret: str, redirect_uri: str):
        self.client_id, self.client_secret, self.redirect_uri = client_id, client_secret, redirect_uri
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key-1"})
        self.user = {"sub": "vneid-0001", "name": "Lê Thị Mai", "email": "mai@example.vn", "email_verified": True}
        self.tamper = ""  # "", "nonce", "aud", "signature", "iss"
        self.codes: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Provider:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ------------------------------------------------------------------ protocol

    def metadata(self) -> dict:
        return {"issuer": self.url, "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token", "jwks_uri": f"{self.url}/jwks",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic"]}

    def authorize(self, q: dict) -> tuple[int, dict]:
        if q.get("client_id") != self.client_id or q.get("redirect_uri") != self.redirect_uri:
            return 400, {"error": "invalid_request"}
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256" or "openid" not in q.get(
                "scope", "").split():
            return 400, {"error": "invalid_request"}
        target = q["redirect_uri"]
        if self.tamper == "deny":
            return 302, {"Location": f"{target}?{urlencode({'error': 'access_denied', 'state': q.get('state', '')})}"}
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"nonce": q.get("nonce"), "challenge": q.get("code_challenge"), "redirect_uri": target}
        return 302, {"Location": f"{target}?{urlencode({'code': code, 'state': q.get('state', '')})}"}

    def token(self, form: dict, authorization: str) -> tuple[int, dict]:
        self.token_requests.append(form)
        expected = "Basic " + base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if authorization != expected:
            return 401, {"error": "invalid_client"}
        grant = self.codes.pop(form.get("code", ""), None)  # a code is good once
        if grant is None or form.get("grant_type") != "authorization_code" or \
                form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if challenge != grant["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time())
        claims = {**self.user, "iss": self.url, "aud": self.client_id, "iat": now, "exp": now + 300,
                  "nonce": grant["nonce"]}
        if self.tamper == "nonce":
            claims["nonce"] = "not-the-one-sent"
        elif self.tamper == "aud":
            claims["aud"] = "another-client"
        elif self.tamper == "iss":
            claims["iss"] = "http://127.0.0.1:1/"
        key = RSAKey.generate_key(2048, parameters={"kid": "test-key-1"}) if self.tamper == "signature" else self.key
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key-1"}, claims, key)
        return 200, {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 300,
                     "id_token": id_token}

    def jwks(self) -> dict:
        return {"keys": [self.key.as_dict(private=False)]}

    # ------------------------------------------------------------------ HTTP

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _send(self, status: int, body: dict) -> None:
                if status == 302:
                    self.send_response(302)
                    self.send_header("Location", body["Location"])
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                q = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self._send(200, provider.metadata())
                elif url.path == "/authorize":
                    self._send(*provider.authorize(q))
                elif url.path == "/jwks":
                    self._send(200, provider.jwks())
                else:
                    self._send(404, {"error": "not_found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if urlparse(self.path).path == "/token":
                    self._send(*provider.token(form, self.headers.get("Authorization", "")))
                else:
                    self._send(404, {"error": "not_found"})

        return Handler
