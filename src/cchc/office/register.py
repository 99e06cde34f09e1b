"""Whose register book (sổ theo dõi hồ sơ, form 07) an official may export.

The book itself — query, rules, logging of the view, and the PDF/DOCX/XLSX layouts — is
``cchc.documents.selectors.register``; this module only lists the organisations to choose from.
"""
from __future__ import annotations

from cchc.org.models import Organisation
from cchc.org.selectors import memberships, org_by_id


def register_orgs(user) -> list[Organisation]:
    """Organisations whose register the user may export: those they work for."""
    if user.is_superuser:
        return list(Organisation.objects.order_by("name"))
    ids = {o for o, _ in memberships(user)}
    return sorted((o for o in map(org_by_id, ids) if o is not None), key=lambda o: o.name)
