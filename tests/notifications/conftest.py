"""A real SMTP server (aiosmtpd) on 127.0.0.1 and a free port; messages it receives are kept."""
from __future__ import annotations

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


class SmtpServer:
    def __init__(self, port: int):
        self.port, self.sink, self.controller = port, Sink(), None

    @property
    def messages(self):
        return self.sink.messages

    def start(self):
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_settings(settings, tmp_path):
    """E-mail through Django's SMTP backend to 127.0.0.1:<free port>; SMS into tmp var/."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "thongbao@dichvucong.example.vn"
    settings.VAR_DIR = tmp_path
    return SmtpServer(port)


@pytest.fixture
def smtp(smtp_settings):
    smtp_settings.start()
    yield smtp_settings
    smtp_settings.stop()
