"""Catalogue import and export (docs/catalog-format.md).

One format, three containers (JSON, XLSX, ZIP of CSV). The pieces:

* ``exchange_format`` — the format: tables, columns, what each value may be, file-wide checks;
* ``exchange_io`` — reading and writing the three containers;
* this module — the entry points: ``parse_catalog`` (bytes -> procedure dicts + problems),
  ``import_catalog`` (all-or-nothing write, through ``services.publish``) and
  ``export_catalog`` (the versions in force, in any of the three containers).

Import validates everything first, then writes every procedure inside one transaction and
publishes those marked ``published``; a problem anywhere — a bad cell or a publication the
service refuses — rolls the whole file back, and the report names every problem found.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from cchc.core.errors import DomainError, ValidationFailed
from cchc.org.models import Organisation

from . import services
from .exchange_format import (
    FORMATS,
    JSON_LIST,
    MAIN_TABLE,
    PROCEDURE_FIELDS,
    TABLES,
    Entry,
    Issue,
    clean_catalog,
    issue_at,
)
from .exchange_io import READERS, WRITERS
from .models import Component, Fee, ProcedureVersion, Step, VersionStatus
from .selectors import published_versions

__all__ = ["FORMATS", "ImportReport", "Issue", "ParsedCatalog", "export_catalog", "format_from_path",
           "import_catalog", "parse_catalog", "version_to_dict"]


@dataclass
class ParsedCatalog:
    entries: list[Entry]
    issues: list[Issue]

    @property
    def procedures(self) -> list[dict]:
        """The procedures of the file as plain dicts (the JSON shape, with Python values)."""
        return [e.data for e in self.entries]


@dataclass
class ImportReport:
    ok: bool
    created: int = 0  # versions written (in a dry run: that would be written)
    published: int = 0
    errors: list[Issue] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {"ok": self.ok, "created": self.created, "published": self.published,
                "dry_run": self.dry_run, "errors": [e.as_dict() for e in self.errors]}

    def summary(self) -> str:
        if not self.ok:
            return f"Không nhập thủ tục nào: tệp có {len(self.errors)} lỗi."
        verb = "Sẽ nhập" if self.dry_run else "Đã nhập"
        return f"{verb} {self.created} phiên bản thủ tục, trong đó {self.published} phiên bản được công bố."


def format_from_path(path: str | Path) -> str | None:
    """The format a file name suggests: .json, .xlsx, .zip/.csv; None when it says nothing."""
    return {".json": "json", ".xlsx": "xlsx", ".xlsm": "xlsx", ".zip": "csv", ".csv": "csv"}.get(
        Path(path).suffix.lower())


# --------------------------------------------------------------------------- parsing

_SHEET_RANK = {None: 0, **{name: i for i, name in enumerate(TABLES, start=1)}, JSON_LIST: len(TABLES) + 1}
_COLUMN_RANK = {name: {f.key: i for i, f in enumerate(fields)} for name, (_, fields) in TABLES.items()}


def _sorted(issues: list[Issue]) -> list[Issue]:
    """File problems first, then sheet by sheet, row by row, column by column (JSON: as found)."""
    return sorted(issues, key=lambda i: (_SHEET_RANK.get(i.sheet, 99), i.row or 0,
                                         _COLUMN_RANK.get(i.sheet, {}).get(i.field, 0)))


def parse_catalog(data: bytes, fmt: str) -> ParsedCatalog:
    """Read and check a file without touching the database (organisation codes are checked on import)."""
    issues: list[Issue] = []
    if fmt not in READERS:
        reason = f"Định dạng '{fmt}' không hỗ trợ (dùng: {', '.join(FORMATS)})."
        return ParsedCatalog([], [Issue(None, None, None, reason)])
    if not data:
        return ParsedCatalog([], [Issue(None, None, None, "Tệp rỗng.")])
    raws = READERS[fmt](data, issues)
    entries = clean_catalog(raws, issues)
    if not entries and not issues:
        where = "danh sách procedures" if fmt == "json" else f"bảng {MAIN_TABLE}"
        issues.append(Issue(None, None, None, f"Tệp không có thủ tục nào ({where} trống)."))
    return ParsedCatalog(entries, _sorted(issues))


def _check_organisations(entries: list[Entry], issues: list[Issue]) -> None:
    """Every organisation code names an organisation in force (not merged into another)."""
    wanted = {(e.data["competent_org"]) for e in entries} | {s["org"] for e in entries for s in e.data["steps"]}
    wanted.discard(None)
    orgs = {o.code: o for o in Organisation.objects.filter(code__in=wanted).select_related("successor")}
    today = timezone.localdate()

    def check(code, loc, on: date) -> bool:
        if code is None:
            return True
        org = orgs.get(code)
        if org is None:
            issues.append(issue_at(loc, f"không có cơ quan mã '{code}'"))
            return False
        if org.successor_id and org.succeeded_on and org.succeeded_on <= on:
            issues.append(issue_at(loc, f"cơ quan '{code}' đã được kế thừa bởi '{org.successor.code}' từ ngày "
                                        f"{org.succeeded_on:%d/%m/%Y}; hãy dùng mã cơ quan kế thừa"))
            return False
        return True

    for e in entries:
        on = e.data["valid_from"] or today
        ok = check(e.data["competent_org"], e.source.item.loc("competent_org"), on)
        for step, src in zip(e.data["steps"], e.source.children["steps"], strict=True):
            ok = check(step["org"], src.loc("org"), on) and ok
        e.ok = e.ok and ok


# --------------------------------------------------------------------------- import

class _RollBack(Exception):
    pass


_SCALARS = ("name", "field", "level", "legal_basis", "subjects", "sequence", "method", "requirements",
            "keywords", "processing_amount", "processing_unit", "cutoff", "result_type", "online_level", "four_on_spot",
            "valid_from", "publication_decision")


def _write(entry: Entry, orgs: dict[str, Organisation], actor) -> ProcedureVersion:
    p = entry.data
    return services.create_draft(
        actor=actor, code=p["code"], competent_org=orgs.get(p["competent_org"]),
        fields={k: p[k] for k in _SCALARS}, components=p["components"], fees=p["fees"],
        steps=[{"order": s["order"], "name": s["name"], "org": orgs.get(s["org"]), "unit_name": s["unit"],
                "role": s["role"], "share": s["share"]} for s in p["steps"]],
    )


def import_catalog(*, actor, data: bytes, fmt: str, dry_run: bool = False) -> ImportReport:
    """Import a catalogue file: every procedure becomes a new version, published when the file
    says ``published``. All or nothing: on any problem nothing is written and the report lists
    every problem. ``dry_run`` checks everything, publication included, and writes nothing."""
    parsed = parse_catalog(data, fmt)
    entries, issues = parsed.entries, list(parsed.issues)
    if entries:
        _check_organisations(entries, issues)
    created = published = 0
    try:
        with transaction.atomic():
            # Even when the file already has problems, the sound procedures are written and
            # published on trial, so the report also names what publication would refuse.
            codes = {e.data["competent_org"] for e in entries} | {s["org"] for e in entries for s in e.data["steps"]}
            orgs = {o.code: o for o in Organisation.objects.filter(code__in=codes - {None})}
            for e in entries:
                if not e.ok:
                    continue
                v = _write(e, orgs, actor)
                created += 1
                if e.data["status"] == VersionStatus.PUBLISHED:
                    try:
                        services.publish(actor=actor, version_id=v.pk, valid_from=e.data["valid_from"],
                                         decision=e.data["publication_decision"])
                        published += 1
                    except DomainError as exc:
                        issues.append(issue_at(e.source.item.loc("status"), f"không công bố được: {exc.message}"))
            if issues or dry_run:
                raise _RollBack
    except _RollBack:
        pass
    ok = not issues
    return ImportReport(ok=ok, created=created if ok else 0, published=published if ok else 0,
                        errors=_sorted(issues), dry_run=dry_run)


# --------------------------------------------------------------------------- export

def version_to_dict(v: ProcedureVersion) -> dict:
    """A version as a procedure dict of the exchange format (the JSON shape, Python values)."""
    d = {}
    for f in PROCEDURE_FIELDS:
        if f.key == "code":
            d["code"] = v.procedure.code
        elif f.key == "competent_org":
            d["competent_org"] = v.competent_org.code if v.competent_org_id else None
        elif f.key == "status":
            # A retired version given explicitly goes out as a draft: it can only come back as a new version.
            d["status"] = "published" if v.status == VersionStatus.PUBLISHED else "draft"
        else:
            d[f.key] = getattr(v, f.key)
    d["components"] = [{"order": c.order, "name": c.name, "form": c.form, "quantity": c.quantity,
                        "required": c.required, "document_type": c.document_type} for c in v.components.all()]
    d["fees"] = [{"kind": f.kind, "name": f.name, "amount": f.amount, "note": f.note} for f in v.fees.all()]
    d["steps"] = [{"order": s.order, "name": s.name, "org": s.org.code if s.org_id else None, "unit": s.unit_name,
                   "role": s.role, "share": s.share} for s in v.steps.all()]
    return d


def export_catalog(fmt: str, versions: Iterable[ProcedureVersion] | None = None, *, day: date | None = None) -> bytes:
    """The catalogue as a file of the exchange format: by default every procedure's version in
    force on ``day`` (today), otherwise the given versions (one per procedure code). Ordered by
    code, then by item order, so the same catalogue always gives the same bytes."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown catalogue format {fmt!r}; use one of {FORMATS}")
    if versions is None:
        base = published_versions(day)
    else:
        base = ProcedureVersion.objects.filter(pk__in=[v if isinstance(v, int) else v.pk for v in versions])
    qs = (base.select_related("procedure", "competent_org")
          .prefetch_related(Prefetch("components", queryset=Component.objects.order_by("order", "pk")),
                            Prefetch("fees", queryset=Fee.objects.order_by("pk")),
                            Prefetch("steps", queryset=Step.objects.select_related("org").order_by("order", "pk")))
          .order_by("-version"))
    chosen: dict[str, ProcedureVersion] = {}
    for v in qs:
        if v.procedure.code in chosen:
            if versions is not None:
                raise ValidationFailed(f"Mỗi thủ tục chỉ xuất một phiên bản; mã '{v.procedure.code}' có nhiều "
                                       "phiên bản.",
                                       code="xuat_trung_thu_tuc", details={"procedure_code": v.procedure.code})
            continue  # overlapping windows should not happen; the newest version wins
        chosen[v.procedure.code] = v
    # sorted here, not by the database: collations differ, the bytes must not
    return WRITERS[fmt]([version_to_dict(chosen[code]) for code in sorted(chosen)])
