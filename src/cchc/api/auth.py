import time

from django.conf import settings
from ninja.security import APIKeyCookie, HttpBearer

from .models import ApiToken

# A busy integrator sends hundreds of requests a second with one token: each process remembers a
# token's user for a few seconds instead of reading two rows per request. A revoked token or a
# deactivated user is therefore refused at most TOKEN_TTL seconds later (ADR 0006).
TOKEN_TTL = 5.0
_known: dict[str, tuple[float, object]] = {}


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` for officials' systems."""

    def authenticate(self, request, token):
        digest = ApiToken.hash(token)
        seen = _known.get(digest)
        if seen is not None and seen[0] > time.monotonic():
            user = seen[1]
        else:
            row = ApiToken.objects.select_related("user").filter(digest=digest, revoked=False).first()
            user = row.user if row is not None and row.user.is_active else None
            if len(_known) > 10_000:  # bounded: tokens are few, guesses are not
                _known.clear()
            _known[digest] = (time.monotonic() + TOKEN_TTL, user)
        if user is None:
            return None
        request.user = user
        return user


def forget_tokens() -> None:
    """Drop remembered tokens (after a revocation that must bite at once, and between tests)."""
    _known.clear()


class SessionAuth(APIKeyCookie):
    """The back office's logged-in browser session (CSRF-checked).

    Unlike ninja's ``django_auth`` it checks CSRF only when a session cookie is sent: a request
    with no credentials (or a bad token) must get 401, not a CSRF 403.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        return super()._get_key(request) if self.param_name in request.COOKIES else None

    def authenticate(self, request, key):
        return request.user if key and request.user.is_authenticated else None


token_or_session = [TokenAuth(), SessionAuth()]


def _forget_on_change(sender, **kwargs) -> None:
    forget_tokens()  # this process at once; the others within TOKEN_TTL
