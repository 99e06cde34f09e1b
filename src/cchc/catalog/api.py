"""Catalogue read API (public: citizens and integrators read the published catalogue)."""
from __future__ import annotations

from datetime import date, time

from django.db.models import Q
from ninja import Field, Query, Router, Schema

from cchc.api.errors import responses

from .models import Level, OnlineLevel
from .selectors import published_version, published_versions

router = Router(tags=["Thủ tục hành chính"])


class FeeOut(Schema):
    kind: str
    name: str
    amount: int
    note: str


class ComponentOut(Schema):
    id: int
    order: int
    name: str
    form: str
    quantity: int
    required: bool


class StepOut(Schema):
    order: int
    name: str
    org_code: str | None
    unit_name: str
    role: str
    share: float


class ProcedureSummary(Schema):
    code: str
    version: int
    name: str
    field: str
    level: Level
    online_level: OnlineLevel
    processing_amount: int
    processing_unit: str
    competent_org_code: str | None


class ProcedureDetail(ProcedureSummary):
    legal_basis: str
    subjects: str
    sequence: str
    method: str
    requirements: str
    keywords: str
    result_type: str
    cutoff: time | None
    four_on_spot: bool
    valid_from: date | None
    valid_to: date | None
    fees: list[FeeOut]
    components: list[ComponentOut]
    steps: list[StepOut]


class ProcedurePage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ProcedureSummary]


class ProcedureFilters(Schema):
    q: str | None = None
    field: str | None = None
    level: Level | None = None
    online: OnlineLevel | None = None
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


def _summary(v) -> dict:
    return {
        "code": v.procedure.code, "version": v.version, "name": v.name, "field": v.field, "level": v.level,
        "online_level": v.online_level, "processing_amount": v.processing_amount,
        "processing_unit": v.processing_unit, "competent_org_code": v.competent_org.code if v.competent_org else None,
    }


@router.get("/procedures", response={200: ProcedurePage, **responses(422)},
            summary="Danh sách thủ tục đang có hiệu lực", auth=None)
def list_procedures(request, filters: Query[ProcedureFilters]):
    qs = published_versions().select_related("procedure", "competent_org").order_by("procedure__code")
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(procedure__code__icontains=filters.q))
    if filters.field:
        qs = qs.filter(field=filters.field)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.online:
        qs = qs.filter(online_level=filters.online)
    page, size = filters.page, filters.page_size
    items = qs[(page - 1) * size: page * size]
    return {"count": qs.count(), "page": page, "page_size": size, "items": [_summary(v) for v in items]}


@router.get("/procedures/{code}", response={200: ProcedureDetail, **responses(404, 409)},
            summary="Chi tiết thủ tục", auth=None)
def get_procedure(request, code: str):
    v = published_version(code)
    return {
        **_summary(v),
        "legal_basis": v.legal_basis, "subjects": v.subjects, "sequence": v.sequence, "method": v.method,
        "requirements": v.requirements, "keywords": v.keywords, "result_type": v.result_type, "cutoff": v.cutoff,
        "four_on_spot": v.four_on_spot, "valid_from": v.valid_from, "valid_to": v.valid_to,
        "fees": [{"kind": f.kind, "name": f.name, "amount": f.amount, "note": f.note} for f in v.fees.all()],
        "components": list(v.components.values("id", "order", "name", "form", "quantity", "required")),
        "steps": [{"order": s.order, "name": s.name, "org_code": s.org.code if s.org else None,
                   "unit_name": s.unit_name, "role": s.role, "share": float(s.share)}
                  for s in v.steps.select_related("org")],
    }
