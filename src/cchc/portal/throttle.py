"""Per-IP attempt limit for the public dossier lookup, so codes and phones cannot be guessed.

Counted in Django's cache (per process with the embedded default; a shared cache such as
Redis or the database cache makes it province-wide in production).
"""
from __future__ import annotations

from django.core.cache import cache

LOOKUP_LIMIT = 10  # attempts ...
LOOKUP_WINDOW = 600  # ... per this many seconds and IP address


def client_ip(request) -> str:
    # behind a reverse proxy, the proxy must set REMOTE_ADDR (e.g. via its own middleware)
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope: str, ip: str, *, limit: int = LOOKUP_LIMIT, window: int = LOOKUP_WINDOW) -> bool:
    """Count one attempt; False once ``limit`` attempts were made within the window."""
    key = f"cchc:throttle:{scope}:{ip}"
    cache.add(key, 0, window)
    try:
        n = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        n = 1
    return n <= limit
