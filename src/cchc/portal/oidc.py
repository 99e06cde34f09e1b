"""Sign-in through an OpenID Connect identity provider (e.g. the national e-ID), configured for production.

Off unless ``CCHC_OIDC_ISSUER`` and ``CCHC_OIDC_CLIENT_ID`` are set (see settings.py). Authlib
(ADR 0015) does the protocol: discovery from the issuer, authorisation code with PKCE (S256),
state and nonce kept in the session, ID token signature (JWKS), issuer, audience, expiry and
nonce checked. This module only decides which citizen account a verified subject opens.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from .accounts import is_citizen
from .models import ExternalIdentity

TIMEOUT = 10  # seconds for each call to the provider (discovery, token, keys)


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    name: str
    redirect_uri: str


def config() -> OidcConfig | None:
    issuer = getattr(settings, "CCHC_OIDC_ISSUER", "")
    client_id = getattr(settings, "CCHC_OIDC_CLIENT_ID", "")
    if not (issuer and client_id):
        return None
    return OidcConfig(issuer=issuer.rstrip("/"), client_id=client_id,
                      client_secret=getattr(settings, "CCHC_OIDC_CLIENT_SECRET", ""),
                      scopes=getattr(settings, "CCHC_OIDC_SCOPES", "openid profile email"),
                      name=getattr(settings, "CCHC_OIDC_NAME", "") or "OpenID Connect",
                      redirect_uri=getattr(settings, "CCHC_OIDC_REDIRECT_URI", ""))


_clients: dict[OidcConfig, object] = {}


def client(cfg: OidcConfig):
    """One authlib client per configuration: the discovered metadata and keys are kept with it."""
    if cfg not in _clients:
        from authlib.integrations.django_client import OAuth

        oauth = OAuth()
        oauth.register(
            "cchc", client_id=cfg.client_id, client_secret=cfg.client_secret or None,
            server_metadata_url=f"{cfg.issuer}/.well-known/openid-configuration",
            client_kwargs={"scope": cfg.scopes, "code_challenge_method": "S256", "default_timeout": TIMEOUT,
                           "token_endpoint_auth_method": "client_secret_basic" if cfg.client_secret else "none"},
        )
        _clients[cfg] = oauth.create_client("cchc")
    return _clients[cfg]


def _username(issuer: str, subject: str) -> str:
    return "oidc-" + hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:32]


def _name(claims: dict) -> str:
    name = claims.get("name") or " ".join(p for p in (claims.get("family_name"), claims.get("middle_name"),
                                                       claims.get("given_name")) if p)
    return " ".join(str(name or "").split())[:150]


def account_for(claims: dict, *, current=None):
    """The account a verified ID token opens: the linked one, else ``current`` (linking it), else a new one.

    A citizen already signed in with a password who signs in at the provider links the two, so
    both ways open the same "Hồ sơ của tôi". An official's account is never linked.
    """
    issuer, subject = str(claims["iss"]), str(claims["sub"])
    now = timezone.now()
    with transaction.atomic():
        link = ExternalIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
        if link is None:
            try:
                with transaction.atomic():
                    user = current if is_citizen(current) else None
                    if user is None:
                        email = claims.get("email") if claims.get("email_verified") is True else ""
                        user = get_user_model().objects.create_user(
                            username=_username(issuer, subject), password=None, last_name=_name(claims),
                            email=email or "")
                    link = ExternalIdentity.objects.create(user=user, issuer=issuer, subject=subject)
            except IntegrityError:  # a concurrent first sign-in of the same subject
                link = ExternalIdentity.objects.select_related("user").get(issuer=issuer, subject=subject)
        link.last_login_at = now
        link.save(update_fields=["last_login_at"])
        return link.user
