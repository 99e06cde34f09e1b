"""Filling and emptying the outbox.

Listeners (receivers.py) run after the causing transaction committed and only write outbox rows;
delivery happens later in ``send_pending`` (command ``cchc send_notifications``), so a mail
server that is down never fails a dossier action: the message waits and is retried with backoff.
The unique ``key`` (event + channel + recipient) makes enqueueing idempotent.
"""
from __future__ import annotations

import json
import logging
import secrets
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template import Context
from django.template import Template as DjangoTemplate
from django.urls import reverse

from cchc.core import clock
from cchc.core.errors import PermissionDenied, ValidationFailed

from . import rules, selectors, sms
from .models import ChannelKind, OptOut, Outbox, Template

log = logging.getLogger(__name__)
DEFAULTS_FILE = Path(__file__).with_name("data") / "templates.json"
TEMPLATE_TTL = 5.0


def default_templates() -> dict[str, dict]:
    return json.loads(DEFAULTS_FILE.read_text("utf-8"))["templates"]


_templates: dict[str, tuple[float, Template]] = {}


@receiver([post_save, post_delete], sender=Template)
def forget(**kwargs) -> None:
    _templates.clear()


def template_for(kind: str) -> Template:
    """The administrator's template, else the default from data (unsaved).

    Every dossier action asks for one: remembered per process for a few seconds (ADR 0006) and
    forgotten at once when a template is saved in this process. Shared: read it, never modify it.
    """
    hit = _templates.get(kind)
    if hit and time.monotonic() - hit[0] < TEMPLATE_TTL:
        return hit[1]
    t = Template.objects.filter(kind=kind).first()
    if t is None:
        d = default_templates()[kind]
        t = Template(kind=kind, optional=d["optional"], subject=d["subject"], email_body=d["email"],
                     sms_body=d["sms"])
    _templates[kind] = (time.monotonic(), t)
    return t


@lru_cache(maxsize=256)
def _compiled(text: str) -> DjangoTemplate:
    return DjangoTemplate(text)  # keyed by the text itself: an edited template is a new entry


def _render(text: str, ctx: dict) -> str:
    return _compiled(text).render(Context(ctx, autoescape=False)).strip()


def site_url() -> str:
    """Where citizens open the portal (links in messages): the setting CCHC_SITE_URL, nothing else."""
    return settings.CCHC_SITE_URL.rstrip("/")


OPT_OUT_FOOTER = {ChannelKind.EMAIL: "\n\nKhông muốn nhận loại thông báo này nữa? Mở đường dẫn: {{ link_tu_choi }}",
                  ChannelKind.SMS: " Từ chối nhận: {{ link_tu_choi }}"}


def _body(t: Template, channel: str) -> str:
    body = t.email_body if channel == ChannelKind.EMAIL else t.sms_body
    # an optional message always tells its recipient how to stop it, even if an edited template forgot
    if t.optional and "link_tu_choi" not in body:
        body += OPT_OUT_FOOTER[channel]
    return body


def enqueue(*, kind: str, event: str, ctx: dict, email: str = "", phone: str = "",
            dossier_id: int | None = None, feedback_id: int | None = None) -> list[Outbox]:
    """One outbox row per channel with an address; an event already queued is not queued again."""
    return queue(messages(kind=kind, event=event, ctx=ctx, email=email, phone=phone, dossier_id=dossier_id,
                          feedback_id=feedback_id))


def messages(*, kind: str, event: str, ctx: dict, email: str = "", phone: str = "",
             dossier_id: int | None = None, feedback_id: int | None = None) -> list[Outbox]:
    """The rendered outbox rows of one event (unsaved): one per channel with an address.

    Whether the recipient has opted out is decided when the message is sent (``send_pending``),
    so an opt-out made after an action and before its notice leaves still applies.
    """
    t = template_for(kind)
    if not t.active:
        return []
    at = clock.now()
    rows = []
    for channel, address in ((ChannelKind.EMAIL, email), (ChannelKind.SMS, phone)):
        address = rules.normalise_address(address)
        if not address:
            continue
        # the link in this message proves its holder received it at this address (see opt_out)
        token = secrets.token_urlsafe(12)
        row_ctx = {**ctx, "link_tu_choi": site_url() + reverse("notifications:link", args=[token])}
        rows.append(Outbox(
            key=f"{event}:{channel}:{address}"[:200], kind=kind, channel=channel, recipient=address,
            next_attempt_at=at, token=token,
            subject=_render(t.subject, row_ctx)[:200] if channel == ChannelKind.EMAIL else "",
            body=_render(_body(t, channel), row_ctx), dossier_id=dossier_id, feedback_id=feedback_id))
    return rows


def queue(rows: list[Outbox]) -> list[Outbox]:
    """One statement on every dossier action's path; an event already queued (a retried or concurrent
    listener) keeps its first row — the unique key decides, not a read before the write."""
    if rows:
        Outbox.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


# ---------------------------------------------------------------- delivery


def _deliver(m: Outbox, connection) -> None:
    if m.channel == ChannelKind.EMAIL:
        EmailMessage(m.subject, m.body, settings.DEFAULT_FROM_EMAIL, [m.recipient], connection=connection).send()
    else:
        sms.provider().send(m.recipient, m.body)


def send_pending(*, limit: int = 200) -> Counter:
    """Deliver what is due; returns counts by outcome ("sent", "skipped", "retry", "failed")."""
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
            if template_for(m.kind).optional and OptOut.objects.filter(address=m.recipient).exists():
                m.state = Outbox.State.SKIPPED  # the recipient declined this kind of message
                m.save(update_fields=["state"])
                counts["skipped"] += 1
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


def _owned(actor, address: str, token: str) -> str:
    """The normalised address, once its owner is shown: the holder of the link in a message sent to
    it, or the signed-in citizen whose own contact it is. Anyone else changes nothing."""
    a = rules.normalise_address(address)
    if not a or ("@" not in a and len(a) < 9):
        raise ValidationFailed("Cần số điện thoại hoặc địa chỉ thư điện tử hợp lệ.", details={"field": "address"},
                               code="dia_chi_khong_hop_le")
    m = selectors.message_by_token(token)
    if (m is not None and m.recipient == a) or a in selectors.contacts_of(actor):
        return a
    raise PermissionDenied("Chỉ chủ số điện thoại hoặc thư điện tử này mới thay đổi được việc nhận thông báo: "
                           "hãy mở đường dẫn trong thông báo đã gửi tới bạn, hoặc đăng nhập bằng tài khoản "
                           "của bạn.", code="khong_phai_chu_dia_chi")


def opt_out(*, actor, address: str, token: str = "") -> OptOut:
    """Stop the optional messages to an address (its owner only)."""
    return OptOut.objects.get_or_create(address=_owned(actor, address, token))[0]


def opt_in(*, actor, address: str, token: str = "") -> None:
    """Receive the optional messages again (its owner only: a stranger must not restart them either)."""
    OptOut.objects.filter(address=_owned(actor, address, token)).delete()
