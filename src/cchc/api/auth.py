from django.conf import settings
from ninja.security import APIKeyCookie, HttpBearer

from .models import ApiToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` for officials' systems."""

    def authenticate(self, request, token):
        row = (ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(token), revoked=False).first())
        if row is None or not row.user.is_active:
            return None
        request.user = row.user
        return row.user


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
