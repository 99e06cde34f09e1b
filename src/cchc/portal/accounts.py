"""Citizen accounts on the embedded default: a phone number or an e-mail address with a password.

The demo citizen ``0905000001`` (demo/seed.py) is a plain user whose username is the phone
number and whose full name is in ``last_name``; accounts registered here follow the same
shape (an e-mail account keeps the address as username and in ``email``). A citizen is a
user who acts for no organisation and is not staff — the same test the dossier services use
to tie an online dossier to its applicant (``Dossier.citizen``).
"""
from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from cchc.core.errors import Conflict, ValidationFailed

_PHONE = re.compile(r"^0\d{9}$")  # Vietnamese mobile numbers: 10 digits with the leading 0


def phone_or_none(text: str) -> str | None:
    """``+84 905 000 001``, ``0905.000.001`` → ``0905000001``; None when it is not a phone number."""
    raw = (text or "").strip()
    if not re.fullmatch(r"[+\d][\d .\-()]*", raw):
        return None
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if _PHONE.match(digits) else None


def email_or_none(text: str) -> str | None:
    raw = (text or "").strip().lower()
    try:
        validate_email(raw)
    except DjangoValidationError:
        return None
    return raw


def identifier(text: str) -> tuple[str, str]:
    """("phone" | "email", normalised value) of what the citizen typed to sign up or sign in."""
    phone = phone_or_none(text)
    if phone:
        return "phone", phone
    email = email_or_none(text)
    if email:
        return "email", email
    raise ValidationFailed(str(_("Hãy nhập số điện thoại di động (10 chữ số) hoặc địa chỉ thư điện tử hợp lệ.")),
                           details={"field": "identifier"}, code="dinh_danh_dang_nhap_khong_hop_le")


def find_user(text: str):
    """The account a phone number or an e-mail address belongs to (None if none or ambiguous)."""
    try:
        kind, value = identifier(text)
    except ValidationFailed:
        return None
    User = get_user_model()
    if kind == "phone":
        return User.objects.filter(username=value).first()
    users = list(User.objects.filter(username__iexact=value)[:1]) or list(User.objects.filter(email__iexact=value)[:2])
    return users[0] if len(users) == 1 else None


def is_citizen(user) -> bool:
    return bool(user and user.is_authenticated and not user.is_staff and not user.memberships.exists())


def display_phone(user) -> str:
    """The account's phone number when it signed up with one (the username), else empty."""
    return user.username if _PHONE.match(user.username or "") else ""


class PhoneOrEmailBackend(ModelBackend):
    """Signs in with the phone number in any usual writing, or the e-mail address in any case."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = find_user(username)
        if user is None:
            get_user_model()().set_password(password)  # same cost as a real check: no timing hint
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def register(*, name: str, login: str, password: str):
    """Create a citizen account; the password is checked by the caller's form (Django validators)."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationFailed(str(_("Hãy nhập họ và tên.")), details={"field": "name"}, code="thieu_ho_ten")
    kind, value = identifier(login)
    User = get_user_model()
    taken = (User.objects.filter(username__iexact=value).exists()
             or (kind == "email" and User.objects.filter(email__iexact=value).exists()))
    if taken:
        raise Conflict(str(_("Số điện thoại hoặc thư điện tử này đã có tài khoản; hãy đăng nhập.")),
                       details={"field": "identifier"}, code="tai_khoan_da_ton_tai")
    try:
        with transaction.atomic():
            return User.objects.create_user(username=value, password=password, last_name=name[:150],
                                            email=value if kind == "email" else "")
    except IntegrityError:  # registered concurrently with the same identifier
        raise Conflict(str(_("Số điện thoại hoặc thư điện tử này đã có tài khoản; hãy đăng nhập.")),
                       details={"field": "identifier"}, code="tai_khoan_da_ton_tai") from None
