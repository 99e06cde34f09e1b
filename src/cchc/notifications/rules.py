"""Pure rules of the outbox: which dossier action tells the citizen what, and when to retry."""
from __future__ import annotations

from datetime import timedelta

# dossier action (cchc.core.events) → message kind
DOSSIER_ACTIONS = {
    "receive": "dossier_received",
    "receive_at_desk": "dossier_received",
    "request_supplement": "supplement_requested",
    "request_payment": "payment_requested",
    "apologise": "apology",
    "finish": "result_ready",
    "return_result": "result_ready",
}
# Kinds a dossier gets at most once whichever action caused them (finish, then return_result,
# must not tell "result ready" twice); the others repeat with each new request.
ONCE_PER_DOSSIER = {"dossier_received", "result_ready"}

BASE_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=6)
MAX_ATTEMPTS = 10  # then the message is marked failed (kept; an administrator can send it again)


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff after the n-th failed attempt: 1, 2, 4, 8 … minutes, at most 6 hours."""
    return min(BASE_DELAY * 2 ** max(attempts - 1, 0), MAX_DELAY)


def normalise_address(address: str) -> str:
    a = (address or "").strip()
    if "@" in a:
        return a.lower()
    digits = "".join(ch for ch in a if ch.isdigit())
    return "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits
