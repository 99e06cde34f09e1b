"""Reads about organisations: who may act where, and merger-aware scopes.

The succession and hierarchy graph (~100–4,000 rows a province) is read on nearly every
request, so it is cached per process: refreshed when an organisation is saved here, and at
most a few seconds stale in other processes (mergers are decided weeks ahead).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Membership, Organisation

TTL_SECONDS = 5.0


@dataclass(frozen=True)
class _Graph:
    orgs: dict[int, Organisation]  # shared instances: read, never modify
    by_code: dict[str, Organisation]
    successor: dict[int, tuple[int, date]]  # org -> (successor, from)
    predecessors: dict[int, list[int]]
    children: dict[int, list[int]]
    loaded: float


_graph: _Graph | None = None


def _load() -> _Graph:
    global _graph
    if _graph is None or time.monotonic() - _graph.loaded > TTL_SECONDS:
        orgs = {o.id: o for o in Organisation.objects.all()}
        succ, preds, kids = {}, {}, {}
        for o in orgs.values():
            if o.successor_id and o.succeeded_on:
                succ[o.id] = (o.successor_id, o.succeeded_on)
                preds.setdefault(o.successor_id, []).append(o.id)
            if o.parent_id:
                kids.setdefault(o.parent_id, []).append(o.id)
        _graph = _Graph(orgs, {o.code: o for o in orgs.values()}, succ, preds, kids, time.monotonic())
    return _graph


@receiver([post_save, post_delete], sender=Organisation)
def forget(**kwargs) -> None:
    global _graph
    _graph = None
    _memberships.clear()


def org_by_id(org_id: int) -> Organisation | None:
    """An organisation from the process cache (shared instance: read it, never modify it)."""
    return _load().orgs.get(org_id)


def org_by_code(code: str) -> Organisation | None:
    return _load().by_code.get(code)


def successor_ids(org_id: int, on: date | None = None) -> list[int]:
    """``org_id`` followed by the organisations that succeeded it up to ``on`` (default today)."""
    on, succ = on or timezone.localdate(), _load().successor
    chain = [org_id]
    while chain[-1] in succ and succ[chain[-1]][1] <= on and succ[chain[-1]][0] not in chain:
        chain.append(succ[chain[-1]][0])
    return chain


_memberships: dict[int, tuple[float, list[tuple[int, str]]]] = {}


@receiver([post_save, post_delete], sender=Membership)
def forget_memberships(**kwargs) -> None:
    _memberships.clear()


def memberships(user) -> list[tuple[int, str]]:
    """(organisation, role) pairs of a user's active memberships; cached a few seconds per process,
    dropped at once when a membership is saved here (a revoked role stops working within seconds)."""
    hit = _memberships.get(user.pk)
    if hit and time.monotonic() - hit[0] < TTL_SECONDS:
        return hit[1]
    rows = list(Membership.objects.filter(user_id=user.pk, active=True).values_list("org_id", "role"))
    if len(_memberships) > 50_000:
        _memberships.clear()
    _memberships[user.pk] = (time.monotonic(), rows)
    return rows


def roles_of(user, org_id: int) -> set[str]:
    """Roles the user holds for ``org_id``: in it, or in an organisation that succeeded it."""
    if not user or not user.is_authenticated:
        return set()
    chain = set(successor_ids(org_id))
    return {role for org, role in memberships(user) if org in chain}


def _closure(start: int, edges: dict[int, list[int]]) -> set[int]:
    ids, frontier = {start}, [start]
    while frontier:
        frontier = [i for o in frontier for i in edges.get(o, ()) if i not in ids]
        ids.update(frontier)
    return ids


def predecessor_ids(org_id: int) -> set[int]:
    """The organisation and every organisation merged into it (transitively): its inbox and numbers."""
    return _closure(org_id, _load().predecessors)


def descendant_ids(org_id: int) -> set[int]:
    """Organisation with all its units / sub-organisations."""
    return _closure(org_id, _load().children)


def user_org_ids(user) -> set[int]:
    """Organisations a user acts for, with their predecessors."""
    ids: set[int] = set()
    for org_id in {org for org, _ in memberships(user)}:
        ids |= predecessor_ids(org_id)
    return ids
