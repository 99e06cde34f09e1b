"""SMS providers behind one small interface (a real gateway plugs in via CCHC_SMS_PROVIDER).

The local provider appends each message to var/sms/sms.log and echoes it on the console, so a
developer sees exactly what a citizen would receive.
"""
from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


class SmsError(Exception):
    """Sending failed; the outbox retries later."""


class SmsProvider:
    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


class LocalFileProvider(SmsProvider):
    def __init__(self, path=None):
        self.path = path or settings.VAR_DIR / "sms" / "sms.log"

    def send(self, phone: str, text: str) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            line = json.dumps({"at": datetime.now(UTC).isoformat(), "to": phone, "text": text},
                              ensure_ascii=False)
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(line + "\n")
        except OSError as e:
            raise SmsError(str(e)) from e
        print(f"[SMS → {phone}] {text}", file=sys.stdout)


def provider() -> SmsProvider:
    return import_string(getattr(settings, "CCHC_SMS_PROVIDER", "cchc.notifications.sms.LocalFileProvider"))()
