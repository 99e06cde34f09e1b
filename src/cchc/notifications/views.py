"""A citizen stops (or resumes) the optional messages to their own phone number or e-mail address.

Ownership is shown by the link in a message sent to the address (/thong-bao/t/<token>/) or by signing
in; anyone else changes nothing (services.opt_out). Messages the law requires are always sent.
"""
from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cchc.core.errors import DomainError

from . import selectors, services

RECEIVE = forms.TypedChoiceField(label=gettext_lazy("Thông báo không bắt buộc (ví dụ: đã tiếp nhận hồ sơ)"),
                                 choices=[("0", gettext_lazy("Không nhận")), ("1", gettext_lazy("Nhận"))],
                                 coerce=lambda v: v == "1")


class PreferenceForm(forms.Form):
    address = forms.CharField(label=gettext_lazy("Số điện thoại hoặc thư điện tử của bạn"), max_length=254)
    receive = RECEIVE

    def __init__(self, *args, contacts=(), **kw):
        super().__init__(*args, **kw)
        if contacts:  # a signed-in citizen picks one of their own; a forged value still reaches the service check
            self.fields["address"].widget = forms.Select(choices=[(a, a) for a in contacts])


class LinkForm(forms.Form):
    receive = RECEIVE


def _apply(ctx: dict, *, actor, address: str, receive: bool, token: str = "") -> int:
    try:
        if receive:
            services.opt_in(actor=actor, address=address, token=token)
            ctx["done"] = _("Đã đăng ký nhận lại các thông báo không bắt buộc.")
        else:
            services.opt_out(actor=actor, address=address, token=token)
            ctx["done"] = _("Đã ngừng gửi các thông báo không bắt buộc. Thông báo bắt buộc vẫn được gửi.")
    except DomainError as e:
        ctx["error"] = e.message
        return e.status
    return 200


def _sign_in_url() -> str:
    try:  # the citizens' own sign-in page where the portal has one
        return reverse("portal:sign_in")
    except NoReverseMatch:
        return settings.LOGIN_URL


def preferences(request):
    user = request.user if request.user.is_authenticated else None
    contacts = selectors.contacts_of(user)
    form = PreferenceForm(request.POST or None, contacts=contacts)
    ctx, status = {"form": form, "signed_in": user is not None, "login_url": _sign_in_url()}, 200
    if request.method == "POST":
        if form.is_valid():
            c = form.cleaned_data
            status = _apply(ctx, actor=user, address=c["address"], receive=c["receive"])
        else:
            status = 422
    off = selectors.opted_out(contacts)
    ctx["contacts"] = [(a, a in off) for a in contacts]
    return render(request, "notifications/preferences.html", ctx, status=status)


def by_link(request, token: str):
    """The link at the foot of a message: whoever received it may stop (or resume) that address's messages."""
    m = selectors.message_by_token(token)
    if m is None:
        return render(request, "notifications/link.html", {
            "error": _("Đường dẫn không hợp lệ hoặc đã hết hiệu lực; không có gì thay đổi.")}, status=404)
    form = LinkForm(request.POST or None)
    ctx, status = {"form": form, "address": selectors.masked(m.recipient)}, 200
    if request.method == "POST":
        if form.is_valid():
            status = _apply(ctx, actor=None, address=m.recipient, receive=form.cleaned_data["receive"], token=token)
        else:
            status = 422
    ctx["opted_out"] = bool(selectors.opted_out([m.recipient]))
    return render(request, "notifications/link.html", ctx, status=status)
