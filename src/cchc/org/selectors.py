"""Reads about organisations: who may act where, and merger-aware scopes."""
from __future__ import annotations

from datetime import date

from django.utils import timezone

from .models import Membership, Organisation


def successor_ids(org_id: int, on: date | None = None) -> list[int]:
    """``org_id`` followed by the organisations that succeeded it up to ``on`` (default today)."""
    on = on or timezone.localdate()
    chain, org = [org_id], Organisation.objects.only("successor_id", "succeeded_on").get(pk=org_id)
    while org.successor_id and org.succeeded_on and org.succeeded_on <= on and org.successor_id not in chain:
        chain.append(org.successor_id)
        org = Organisation.objects.only("successor_id", "succeeded_on").get(pk=org.successor_id)
    return chain


def roles_of(user, org_id: int) -> set[str]:
    """Roles the user holds for ``org_id``: in it, or in an organisation that succeeded it."""
    if not user or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, org_id__in=successor_ids(org_id), active=True)
        .values_list("role", flat=True)
    )


def predecessor_ids(org_id: int) -> set[int]:
    """The organisation and every organisation merged into it (transitively): its inbox and numbers."""
    ids, frontier = {org_id}, [org_id]
    while frontier:
        frontier = [
            i for i in Organisation.objects.filter(successor_id__in=frontier).values_list("id", flat=True)
            if i not in ids
        ]
        ids.update(frontier)
    return ids


def descendant_ids(org_id: int) -> set[int]:
    """Organisation with all its units / sub-organisations."""
    ids, frontier = {org_id}, [org_id]
    while frontier:
        frontier = [i for i in Organisation.objects.filter(parent_id__in=frontier).values_list("id", flat=True)
                    if i not in ids]
        ids.update(frontier)
    return ids


def user_org_ids(user) -> set[int]:
    """Organisations a user acts for, with their predecessors."""
    ids: set[int] = set()
    for org_id in Membership.objects.filter(user=user, active=True).values_list("org_id", flat=True).distinct():
        ids |= predecessor_ids(org_id)
    return ids
