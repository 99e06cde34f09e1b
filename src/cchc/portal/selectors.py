"""Public reads: the procedure catalogue as citizens search it, and the dossier lookup."""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet

from cchc.assistant.text import fold as _fold
from cchc.catalog.models import ProcedureVersion
from cchc.catalog.selectors import published_versions
from cchc.dossiers.models import Dossier
from cchc.org.models import Organisation, OrgKind


def fold(text: str) -> str:
    """Lower case without diacritics, đ → d, so "dang ky khai sinh" finds "Đăng ký khai sinh"."""
    return " ".join(_fold(text or "").split())


@dataclass
class ProcedureFilters:
    q: str = ""
    field: str = ""
    level: str = ""
    online: bool = False
    org_id: int | None = None


def fields() -> list[str]:
    return sorted(set(published_versions().values_list("field", flat=True)))


def competent_orgs() -> list[tuple[int, str]]:
    """Organisations that decide at least one procedure in force (commune ones have none: each commune decides)."""
    ids = published_versions().exclude(competent_org=None).values_list("competent_org_id", flat=True)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name").values_list("id", "name"))


def search_procedures(f: ProcedureFilters) -> list[ProcedureVersion]:
    """Published procedures matching every word of ``q`` (diacritics optional) in their name, code or
    search keywords ("so do" finds the land-use certificate), filtered.

    Folding happens in Python on the names of the versions in force (a province publishes a
    few thousand), so the same search works on SQLite and PostgreSQL without ``unaccent``.
    """
    qs: QuerySet = published_versions().select_related("procedure", "competent_org").order_by("name", "id")
    if f.field:
        qs = qs.filter(field=f.field)
    if f.level:
        qs = qs.filter(level=f.level)
    if f.online:
        qs = qs.exclude(online_level="none")
    if f.org_id:
        qs = qs.filter(competent_org_id=f.org_id)
    words = fold(f.q).split()
    if not words:
        return list(qs)
    out = []
    for v in qs:
        hay = f"{fold(v.name)} {v.procedure.code.lower()} {fold(v.keywords)}"
        if all(w in hay for w in words):
            out.append(v)
    return out


def where_to_go(v: ProcedureVersion) -> list[Organisation]:
    """Where a citizen files: the province's service centres for province level; communes receive their own."""
    if v.level == "commune":
        return []
    return list(Organisation.objects.filter(kind=OrgKind.CENTRE, successor__isnull=True).order_by("name"))


def _phone_digits(phone: str) -> str:
    d = re.sub(r"\D", "", phone or "")
    return "0" + d[2:] if d.startswith("84") and len(d) == 11 else d


def lookup(code: str, phone: str) -> Dossier | None:
    """The dossier with this code AND this phone, else None — never says which part was wrong."""
    given = _phone_digits(phone)
    if not code.strip() or len(given) < 9:
        return None
    d = (Dossier.objects.select_related("version", "org", "current_org")
         .filter(code=code.strip()).first())
    if d is None or _phone_digits(d.applicant_phone) != given:
        return None
    return d


def public_timeline(d: Dossier) -> list:
    return list(d.audit.order_by("at", "id").values("action", "at"))
