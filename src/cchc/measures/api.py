"""REST endpoints of this app, mounted under /api/v1/ (see cchc/api/urls.py).

Numbers (index, measurements, trends, satisfaction) are public: the province publishes them.
The dossier codes behind a number are for officials; a rating is the applicant's (or the desk's).
"""
from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from ninja import Status as HttpStatus

from cchc.api.auth import token_or_session
from cchc.api.errors import responses
from cchc.core.errors import NotFound, PermissionDenied, ValidationFailed
from cchc.dossiers.models import Dossier
from cchc.org.selectors import memberships, org_by_code

from . import export, registry, selectors, services
from .registry import Period, Scope

router = Router(tags=["Đo lường, chỉ số"])
ERRORS = responses(400, 401, 403, 404, 409, 422)


class ScopeQuery(Schema):
    start: date = Field(description="Ngày đầu kỳ (gồm)")
    end: date = Field(description="Ngày cuối kỳ (gồm)")
    org: str | None = Field(None, description="Mã định danh đơn vị; trống: toàn tỉnh")
    children: bool = Field(True, description="Gồm cả đơn vị trực thuộc")
    field: str | None = Field(None, description="Lĩnh vực")
    procedure: str | None = Field(None, description="Mã thủ tục")

    def period(self) -> Period:
        if self.end < self.start:
            raise ValidationFailed("Ngày cuối kỳ phải sau ngày đầu kỳ.", details={"field": "end"},
                                   code="ky_khong_hop_le")
        if (self.end - self.start).days > 3 * 366:
            raise ValidationFailed("Kỳ báo cáo dài tối đa ba năm.", details={"field": "end"}, code="ky_qua_dai")
        return Period(self.start, self.end)

    def scope(self) -> Scope:
        org_id = None
        if self.org:
            org = org_by_code(self.org)
            if org is None:
                raise NotFound(f"Không có đơn vị mã “{self.org}”.", code="don_vi_khong_ton_tai")
            org_id = org.id
        return Scope(org_id=org_id, include_children=self.children, field=self.field, procedure_code=self.procedure)


class PageQuery(Schema):
    part: str = Field("denominator", description="numerator | denominator (chỉ số 766: thêm late, complaints)")
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=500)


class MeasureInfoOut(Schema):
    name: str
    label: str
    unit: str
    higher_is_better: bool
    drill_down: bool


class MeasurementOut(Schema):
    name: str
    label: str
    numerator: int
    denominator: int
    value: float | None = Field(description="Phần trăm (0–100) hoặc số đếm; trống khi không có mẫu số hoặc chưa đo")
    unit: str
    measurable: bool


class CodesPage(Schema):
    count: int
    page: int
    page_size: int
    codes: list[str]


class MetricOut(Schema):
    code: str
    group: str
    label: str
    numerator: int | None
    denominator: int | None
    ratio: float | None
    score: float | None
    max: float
    measured: bool
    note: str


class GroupOut(Schema):
    code: str
    label: str
    max: float
    score: float
    measured_max: float


class IndexOut(Schema):
    org: str | None
    org_name: str
    start: date
    end: date
    version: str
    total: float
    measured_max: float
    groups: list[GroupOut]
    metrics: list[MetricOut]


class RatingIn(Schema):
    answers: dict[str, str] = Field(
        description="Mã tiêu chí → rat_hai_long | hai_long | khong_hai_long (đủ 9 tiêu chí)")
    channel: str = Field("api", description="portal | kiosk | api")


class RatingOut(Schema):
    dossier: str
    self_points: int
    appraised_points: int
    band: str
    satisfied: bool
    channel: str


class SatisfactionRow(Schema):
    key: str
    rated: int
    satisfied: int
    share: float
    avg_self: float
    avg_appraised: float


class SnapshotOut(Schema):
    day: date
    numerator: int | None
    denominator: int | None
    score: float | None
    max: float | None
    measured: bool


def _official(request) -> None:
    """Dossier codes behind a number: officials only (any role in any organisation), or an administrator."""
    user = request.user
    if not (user.is_superuser or memberships(user)):
        raise PermissionDenied("Chỉ cán bộ, công chức mới xem được danh sách hồ sơ.", code="chi_danh_cho_can_bo")


def _page(qs, q: PageQuery) -> dict:
    start = (q.page - 1) * q.page_size
    return {"count": qs.count(), "page": q.page, "page_size": q.page_size,
            "codes": list(qs.values_list("code", flat=True)[start:start + q.page_size])}


def _index_out(org, res: selectors.IndexResult) -> dict:
    return {"org": org.code if org else None, "org_name": org.name if org else "Toàn tỉnh",
            "start": res.period.start, "end": res.period.end, "version": res.version, "total": res.total,
            "measured_max": res.measured_max, "groups": [g.__dict__ for g in res.groups],
            "metrics": [m.__dict__ for m in res.metrics]}


@router.get("/measures", response=list[MeasureInfoOut], summary="Các phép đo có thể hỏi theo tên")
def list_measures(request):
    return [{"name": i.name, "label": i.label, "unit": i.unit, "higher_is_better": i.higher_is_better,
             "drill_down": i.behind is not None} for i in registry.names()]


@router.get("/measures/{name}", response={200: MeasurementOut, **ERRORS}, summary="Giá trị một phép đo")
def get_measure(request, name: str, q: Query[ScopeQuery]):
    m = registry.measure(name, scope=q.scope(), period=q.period())
    return {**m.__dict__, "label": registry.info(name).label}


@router.get("/measures/{name}/dossiers", response={200: CodesPage, **ERRORS}, auth=token_or_session,
            summary="Hồ sơ đứng sau tử số / mẫu số của một phép đo")
def measure_dossiers(request, name: str, q: Query[ScopeQuery], p: Query[PageQuery]):
    _official(request)
    return _page(registry.dossiers_behind(name, scope=q.scope(), period=q.period(), part=p.part), p)


@router.get("/index766", response={200: IndexOut, **ERRORS}, summary="Bộ chỉ số 766 của một phạm vi")
def get_index(request, q: Query[ScopeQuery]):
    scope = q.scope()
    org = org_by_code(q.org) if q.org else None
    return _index_out(org, selectors.index(scope, q.period()))


class TableQuery(Schema):
    start: date
    end: date


@router.get("/index766/table", response={200: list[IndexOut], **ERRORS},
            summary="Bộ chỉ số 766: toàn tỉnh và từng cơ quan, đơn vị (một lượt tính)")
def index_table(request, q: Query[TableQuery]):
    period = ScopeQuery(start=q.start, end=q.end).period()
    return [_index_out(org, res) for org, res in selectors.index_table(period)]


@router.get("/index766/export.xlsx", summary="Xuất Bộ chỉ số 766 ra Excel (XLSX)",
            response={200: None, **ERRORS})
def index_export(request, q: Query[TableQuery]):
    period = ScopeQuery(start=q.start, end=q.end).period()
    resp = HttpResponse(export.index_xlsx(period),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="chi-so-766-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"'
    return resp


@router.get("/index766/trend", response={200: list[SnapshotOut], **ERRORS},
            summary="Diễn biến theo ngày (số liệu chụp)")
def index_trend(request, metric: str = "total", org: str | None = None):
    org_id = None
    if org:
        o = org_by_code(org)
        if o is None:
            raise NotFound(f"Không có đơn vị mã “{org}”.", code="don_vi_khong_ton_tai")
        org_id = o.id
    return [s.__dict__ for s in selectors.trend(metric=metric, org_id=org_id)]


@router.get("/index766/{code}/dossiers", response={200: CodesPage, **ERRORS}, auth=token_or_session,
            summary="Hồ sơ được tính trong một chỉ tiêu của Bộ chỉ số 766")
def index_dossiers(request, code: str, q: Query[ScopeQuery], p: Query[PageQuery]):
    _official(request)
    return _page(selectors.index_dossiers(code, p.part, q.scope(), q.period()), p)


@router.post("/dossiers/{code}/rating", response={201: RatingOut, **ERRORS}, auth=token_or_session,
             summary="Đánh giá mức độ hài lòng về giải quyết hồ sơ")
def rate(request, code: str, payload: RatingIn):
    dossier_id = Dossier.objects.filter(code=code).values_list("id", flat=True).first()
    if dossier_id is None:
        raise NotFound("Không tìm thấy hồ sơ.", code="ho_so_khong_ton_tai")
    r = services.rate(actor=request.user, dossier_id=dossier_id, answers=payload.answers, channel=payload.channel)
    return HttpStatus(201, {"dossier": code, "self_points": r.self_points, "appraised_points": r.appraised_points,
                 "band": r.band, "satisfied": r.satisfied, "channel": r.channel})


@router.get("/satisfaction", response={200: list[SatisfactionRow], **ERRORS},
            summary="Mức độ hài lòng theo cơ quan hoặc theo thủ tục")
def satisfaction(request, q: Query[TableQuery], by: str = Query("org", pattern="^(org|procedure)$")):
    return selectors.satisfaction(ScopeQuery(start=q.start, end=q.end).period(), by=by)
