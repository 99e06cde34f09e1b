"""Filling and emptying the outbox.

Listeners (receivers.py) run after the causing transaction committed and only write outbox rows;
delivery happens later in ``send_pending`` (command ``cchc send_notifications``), so a mail
server that is down never fails a dossier action: the message waits and is retried with backoff.
The unique ``key`` (event + channel + recipient) makes enqueueing idempotent.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template import Context
from django.template import Template as DjangoTemplate

from cchc.core import clock
from cchc.core.errors import ValidationFailed

from . import rules, sms
from .models import ChannelKind, OptOut, Outbox, Template

log = logging.getLogger(__name__)
DEFAULTS_FILE = Path(__file__).with_name("data") / "templates.json"


def default_templates() -> dict[str, dict]:
    return json.loads(DEFAULTS_FILE.read_text("utf-8"))["templates"]


def template_for(kind: str) -> Template:
    """The administrator's template, else the default from data (unsaved)."""
    t = Template.objects.filter(kind=kind).first()
    if t is None:
        d = default_templates()[kind]
        t = Template(kind=kind, optional=d["optional"], subject=d["subject"], email_body=d["email"],
                     sms_body=d["sms"])
    return t


def _render(text: str, ctx: dict) -> str:
    return DjangoTemplate(text).render(Context(ctx, autoescape=False)).strip()


def enqueue(*, kind: str, event: str, ctx: dict, email: str = "", phone: str = "",
            dossier_id: int | None = None, feedback_id: int | None = None) -> list[Outbox]:
    """One outbox row per channel with an address; an event already queued is not queued again."""
    t = template_for(kind)
    if not t.active:
        return []
    at = clock.now()
    rows = []
    for channel, address in ((ChannelKind.EMAIL, email), (ChannelKind.SMS, phone)):
        address = rules.normalise_address(address)
        if not address:
            continue
        opted_out = t.optional and OptOut.objects.filter(address=address).exists()
        defaults = dict(
            kind=kind, channel=channel, recipient=address, next_attempt_at=at,
            subject=_render(t.subject, ctx)[:200] if channel == ChannelKind.EMAIL else "",
            body=_render(t.email_body if channel == ChannelKind.EMAIL else t.sms_body, ctx),
            state=Outbox.State.SKIPPED if opted_out else Outbox.State.PENDING,
            dossier_id=dossier_id, feedback_id=feedback_id)
        try:
            with transaction.atomic():
                row, _ = Outbox.objects.get_or_create(key=f"{event}:{channel}:{address}"[:200], defaults=defaults)
        except IntegrityError:  # the same event queued by a concurrent listener
            row = Outbox.objects.get(key=f"{event}:{channel}:{address}"[:200])
        rows.append(row)
    return rows


# ---------------------------------------------------------------- delivery


def _deliver(m: Outbox, connection) -> None:
    if m.channel == ChannelKind.EMAIL:
        EmailMessage(m.subject, m.body, settings.DEFAULT_FROM_EMAIL, [m.recipient], connection=connection).send()
    else:
        sms.provider().send(m.recipient, m.body)


def send_pending(*, limit: int = 200) -> Counter:
    """Deliver what is due; returns counts by outcome ("sent", "retry", "failed")."""
    at = clock.now()
    ids = list(Outbox.objects.filter(state=Outbox.State.PENDING, next_attempt_at__lte=at)
               .order_by("next_attempt_at", "id").values_list("id", flat=True)[:limit])
    counts: Counter = Counter()
    connection = get_connection(fail_silently=False)
    for pk in ids:
        with transaction.atomic():
            # the row lock keeps two senders from delivering the same message
            m = Outbox.objects.select_for_update(skip_locked=True).filter(pk=pk, state=Outbox.State.PENDING).first()
            if m is None:
                continue
            try:
                _deliver(m, connection)
            except Exception as e:  # any transport error: keep the message and try later
                m.attempts += 1
                m.last_error = f"{type(e).__name__}: {e}"[:2000]
                if m.attempts >= rules.MAX_ATTEMPTS:
                    m.state = Outbox.State.FAILED
                    counts["failed"] += 1
                else:
                    m.next_attempt_at = at + rules.retry_delay(m.attempts)
                    counts["retry"] += 1
                log.warning("Gửi thông báo %s thất bại (lần %s): %s", m.pk, m.attempts, m.last_error)
            else:
                m.attempts += 1
                m.state, m.sent_at, m.last_error = Outbox.State.SENT, clock.now(), ""
                counts["sent"] += 1
            m.save(update_fields=["attempts", "last_error", "state", "next_attempt_at", "sent_at"])
    try:
        connection.close()
    except Exception:  # closing a connection that never opened (server down) must not fail the run
        pass
    return counts


def resend(*, actor, outbox_id: int) -> Outbox:
    """An administrator sends a failed message again (the key stays: still one event)."""
    with transaction.atomic():
        m = Outbox.objects.select_for_update().get(pk=outbox_id)
        if m.state == Outbox.State.FAILED:
            m.state, m.attempts, m.next_attempt_at = Outbox.State.PENDING, 0, clock.now()
            m.save(update_fields=["state", "attempts", "next_attempt_at"])
    return m


# ---------------------------------------------------------------- preferences


def opt_out(*, actor, address: str) -> OptOut:
    a = rules.normalise_address(address)
    if not a or ("@" not in a and len(a) < 9):
        raise ValidationFailed("Cần số điện thoại hoặc địa chỉ thư điện tử hợp lệ.", details={"field": "address"},
                               code="dia_chi_khong_hop_le")
    return OptOut.objects.get_or_create(address=a)[0]


def opt_in(*, actor, address: str) -> None:
    OptOut.objects.filter(address=rules.normalise_address(address)).delete()
