"""Protection of identity numbers (số định danh cá nhân / CCCD), Nghị định 13/2023.

Stored three ways, each for one purpose: encrypted (to print on a form for an authorised
official), a keyed digest (to find a citizen's dossiers without decrypting), and a masked
form (to show on lists). The clear number is never stored or logged.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re

from cryptography.fernet import Fernet
from django.conf import settings

from .errors import ValidationFailed

_ID = re.compile(r"^\d{9}$|^\d{12}$")  # old 9-digit CMND or 12-digit CCCD / personal identifier
# An organisation files under its enterprise/tax code: 10 digits, or 13 with a branch ("0101234567-001").
# Not personal data, but kept the same way so one field and one lookup serve both kinds of applicant.
_ORG_ID = re.compile(r"^\d{10}(-\d{3})?$")


def _key() -> bytes:
    secret = settings.CCHC_IDENTITY_KEY or settings.SECRET_KEY
    return hashlib.sha256(("cchc-identity:" + secret).encode()).digest()


def normalise(number: str, *, organisation: bool = False) -> str:
    n = re.sub(r"\s", "", number or "")
    if organisation:
        if not _ORG_ID.match(n):
            raise ValidationFailed("Mã số doanh nghiệp (mã số thuế) phải gồm 10 chữ số, hoặc 13 chữ số dạng "
                                   "0101234567-001 với chi nhánh.", details={"field": "applicant_id_number"},
                                   code="ma_so_doanh_nghiep_khong_hop_le")
        return n
    if not _ID.match(n):
        raise ValidationFailed("Số định danh cá nhân phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ).",
                               details={"field": "applicant_id_number"}, code="so_dinh_danh_khong_hop_le")
    return n


def protect(number: str, *, organisation: bool = False) -> tuple[str, str, str]:
    """Return (encrypted, digest, masked) for a raw identity number; empty input gives empties."""
    if not number:
        return "", "", ""
    n = normalise(number, organisation=organisation)
    encrypted = Fernet(base64.urlsafe_b64encode(_key())).encrypt(n.encode()).decode()
    return encrypted, digest(n, organisation=organisation), "*" * (len(n) - 3) + n[-3:]


def digest(number: str, *, organisation: bool = False) -> str:
    return hmac.new(_key(), normalise(number, organisation=organisation).encode(), hashlib.sha256).hexdigest()


def reveal(encrypted: str) -> str:
    return Fernet(base64.urlsafe_b64encode(_key())).decrypt(encrypted.encode()).decode() if encrypted else ""
