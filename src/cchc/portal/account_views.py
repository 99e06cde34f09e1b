"""Citizen sign-up, sign-in (password or OpenID Connect) and sign-out."""
from __future__ import annotations

import logging

from django.contrib.auth import login, logout
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.core.errors import DomainError

from . import accounts, oidc, throttle
from .account_forms import SignInForm, SignUpForm

log = logging.getLogger(__name__)
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"
SIGN_IN_LIMIT = 10  # password attempts per IP address in throttle.LOOKUP_WINDOW
SIGN_UP_LIMIT = 10  # new accounts per IP address in the same window


def _next(request, fallback: str = "portal:my_dossiers") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(fallback)


def _context(request, **kw) -> dict:
    cfg = oidc.config()
    return {"next": request.POST.get("next") or request.GET.get("next") or "",
            "oidc_name": cfg.name if cfg else "", **kw}


def sign_up(request):
    form = SignUpForm(request.POST or None)
    status, error = 200, ""
    if request.method == "POST":
        if not throttle.allow("sign_up", throttle.client_ip(request), limit=SIGN_UP_LIMIT):
            error, status = _("Bạn đã tạo quá nhiều tài khoản. Vui lòng thử lại sau ít phút."), 429
        elif form.is_valid():
            d = form.cleaned_data
            try:
                user = accounts.register(name=d["name"], login=d["login"], password=d["password1"])
            except DomainError as e:
                form.add_error("login" if e.details.get("field") == "identifier" else None, e.message)
            else:
                login(request, user, backend=PASSWORD_BACKEND)
                return redirect(_next(request))
        if status == 200 and form.errors:
            status = 422
    return render(request, "portal/account/sign_up.html", _context(request, form=form, error=error), status=status)


def sign_in(request):
    form = SignInForm(request, data=request.POST or None)
    status, error = 200, ""
    if request.method == "POST":
        if not throttle.allow("sign_in", throttle.client_ip(request), limit=SIGN_IN_LIMIT):
            form = SignInForm(request, initial={"username": request.POST.get("username", "")})
            error, status = _("Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."), 429
        elif form.is_valid():
            login(request, form.get_user())
            return redirect(_next(request))
        else:
            status = 422
    return render(request, "portal/account/sign_in.html", _context(request, form=form, error=error), status=status)


@require_POST
def sign_out(request):
    logout(request)
    return redirect("portal:home")


def oidc_start(request):
    cfg = oidc.config()
    if cfg is None:
        raise Http404(_("Chưa cấu hình đăng nhập qua nhà cung cấp định danh."))
    request.session["oidc_next"] = _next(request)
    redirect_uri = cfg.redirect_uri or request.build_absolute_uri(reverse("portal:oidc_callback"))
    try:
        return oidc.client(cfg).authorize_redirect(request, redirect_uri)
    except Exception:  # provider unreachable or its discovery document unusable
        log.exception("OpenID Connect: cannot start sign-in at %s", cfg.issuer)
        return _oidc_failed(request, cfg, 502)


def oidc_callback(request):
    cfg = oidc.config()
    if cfg is None:
        raise Http404(_("Chưa cấu hình đăng nhập qua nhà cung cấp định danh."))
    try:
        token = oidc.client(cfg).authorize_access_token(request)
        claims = token.get("userinfo")
        if not claims or not claims.get("sub"):
            raise ValueError("no verified ID token in the token response")
    except Exception:  # refused at the provider, wrong state, bad signature, expired token, ...
        log.warning("OpenID Connect: sign-in rejected", exc_info=True)
        return _oidc_failed(request, cfg, 400)
    current = request.user if request.user.is_authenticated else None
    user = oidc.account_for(dict(claims), current=current)
    login(request, user, backend=PASSWORD_BACKEND)
    return redirect(request.session.pop("oidc_next", None) or reverse("portal:my_dossiers"))


def _oidc_failed(request, cfg, status: int):
    error = _("Đăng nhập qua %(name)s không thành công. Vui lòng thử lại hoặc đăng nhập bằng mật khẩu.") % {
        "name": cfg.name}
    return render(request, "portal/account/sign_in.html", _context(request, form=SignInForm(request), error=error),
                  status=status)
