"""Reads for the opt-out: which addresses belong to a signed-in citizen, and who holds a link."""
from __future__ import annotations

import re

from . import rules
from .models import OptOut, Outbox

_PHONE = re.compile(r"\+?[\d .-]{9,15}")


def _usable(address: str) -> bool:
    return "@" in address or 9 <= len(address) <= 11


def contacts_of(user) -> list[str]:
    """Normalised phone numbers and e-mail addresses a citizen account has shown to be its own: the
    account's own (a phone number as user name, its e-mail) and those given on its own online dossiers
    and feedback."""
    if user is None or not user.is_authenticated:
        return []
    from cchc.dossiers.models import Dossier
    from cchc.feedback.models import Feedback
    raw = {user.email} | ({user.username} if _PHONE.fullmatch(user.username or "") else set())
    for phone, email in (*Dossier.objects.filter(citizen=user).values_list("applicant_phone", "applicant_email"),
                         *Feedback.objects.filter(sender=user).values_list("sender_phone", "sender_email")):
        raw |= {phone, email}
    return sorted({a for a in map(rules.normalise_address, raw) if a and _usable(a)})


def message_by_token(token: str) -> Outbox | None:
    return Outbox.objects.filter(token=token).first() if token else None


def opted_out(addresses) -> set[str]:
    return set(OptOut.objects.filter(address__in=list(addresses)).values_list("address", flat=True))


def masked(address: str) -> str:
    """Enough of an address for its owner to recognise it, not enough to learn it from the page."""
    if "@" in address:
        name, _, domain = address.partition("@")
        return f"{name[:1]}***@{domain}"
    return f"{address[:4]}***{address[-3:]}"
