from ninja.security import HttpBearer, django_auth

from .models import ApiToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` for officials' systems."""

    def authenticate(self, request, token):
        row = (ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(token), revoked=False).first())
        if row is None or not row.user.is_active:
            return None
        request.user = row.user
        return row.user


token_or_session = [TokenAuth(), django_auth]
