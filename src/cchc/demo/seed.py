"""Reference data of the demo province: organisations, staff and the catalogue (from data/*.json)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from cchc.catalog.exchange import import_catalog
from cchc.org.models import Membership, Organisation, OrgKind, Role

DATA = Path(__file__).resolve().parent / "data"
DEMO_PASSWORD = "cchc@2026"
PREFIX = {Role.DESK: "motcua", Role.SPECIALIST: "chuyenvien", Role.LEADER: "lanhdao", Role.CLERK: "vanthu",
          Role.REFORM: "cchc", Role.APPRAISER: "thamdinh"}
ACTING = {OrgKind.CENTRE: (Role.DESK, Role.LEADER, Role.CLERK),
          OrgKind.AGENCY: (Role.DESK, Role.SPECIALIST, Role.LEADER, Role.CLERK, Role.REFORM),
          OrgKind.COMMUNE: (Role.DESK, Role.SPECIALIST, Role.LEADER, Role.CLERK, Role.REFORM)}
HOME_AFFAIRS = "Sở Nội vụ"


def load_organisations() -> dict[str, Organisation]:
    rows = json.loads((DATA / "organisations.json").read_text(encoding="utf-8"))
    orgs: dict[str, Organisation] = {}
    for r in rows:  # first pass: the rows; second: links, since parents may come later in the file
        orgs[r["code"]] = Organisation.objects.create(
            code=r["code"], name=r["name"], short_name=r.get("short_name") or "", kind=r["kind"],
            address=r.get("address") or "", phone=r.get("phone") or "")
    for r in rows:
        o = orgs[r["code"]]
        o.parent = orgs.get(r.get("parent") or "")
        o.successor = orgs.get(r.get("successor") or "")
        o.succeeded_on = date.fromisoformat(r["succeeded_on"]) if r.get("succeeded_on") else None
        o.save(update_fields=["parent", "successor", "succeeded_on"])
    return orgs


def username(role: str, org: Organisation) -> str:
    return f"{PREFIX[role]}.{org.code.lower()}"


def create_staff(orgs: dict[str, Organisation]) -> None:
    User = get_user_model()
    hashed = make_password(DEMO_PASSWORD)  # hashed once: hashing is deliberately slow
    for org in orgs.values():
        if org.successor_id:
            continue
        roles = list(ACTING.get(org.kind, ()))
        if org.name == HOME_AFFAIRS:
            roles.append(Role.APPRAISER)
        for role in roles:
            user = User.objects.create(username=username(role, org), password=hashed,
                                       last_name=f"{Role(role).label} — {org.short_name or org.name}")
            Membership.objects.create(user=user, org=org, role=role)
    User.objects.create(username="admin", password=hashed, is_staff=True, is_superuser=True,
                        last_name="Quản trị hệ thống")
    for i in range(1, 6):
        User.objects.create(username=f"090500000{i}", password=hashed, last_name=f"Công dân mẫu {i}")


@transaction.atomic
def seed_reference() -> dict[str, Organisation]:
    orgs = load_organisations()
    create_staff(orgs)
    report = import_catalog(actor=None, data=(DATA / "catalog.json").read_bytes(), fmt="json")
    if not report.ok:
        raise RuntimeError("Danh mục mẫu không hợp lệ: " + "; ".join(str(e) for e in report.errors[:5]))
    return orgs
