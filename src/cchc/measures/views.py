"""Pages under /chi-so/: the index table (public) and the dossiers behind a number (officials)."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from cchc.core import clock
from cchc.core.errors import DomainError
from cchc.org.selectors import memberships, org_by_code

from . import dashboard, export, selectors
from .registry import Period, Scope


def _period(request) -> tuple[Period, str, int]:
    """``?nam=2025&ky=T7`` (month), ``ky=Q3`` (quarter) or no ``ky`` (year)."""
    try:
        year = int(request.GET.get("nam") or clock.now().year)
    except ValueError:
        year = clock.now().year
    ky = (request.GET.get("ky") or "").upper()
    try:
        if ky.startswith("T") and 1 <= int(ky[1:]) <= 12:
            return Period.month(year, int(ky[1:])), ky, year
        if ky.startswith("Q") and 1 <= int(ky[1:]) <= 4:
            return Period.quarter(year, int(ky[1:])), ky, year
    except ValueError:
        pass
    return Period.year(year), "", year


def index_page(request):
    period, ky, year = _period(request)
    try:
        table = selectors.index_table(period)
        error = None
    except DomainError as e:
        table, error = [], e.message
    codes = [m.code for m in table[0][1].metrics] if table else []
    return render(request, "measures/index.html", {
        "table": table, "codes": codes, "period": period, "ky": ky, "year": year, "error": error,
        "months": [f"T{i}" for i in range(1, 13)], "quarters": ["Q1", "Q2", "Q3", "Q4"],
        "query": request.GET.urlencode(),
    })


def dashboard_page(request):
    """Public dashboard (no login): charts with a data table under each, ``?nam=2025``."""
    today = clock.now().date()
    try:
        year = int(request.GET.get("nam") or today.year)
    except ValueError:
        year = today.year
    try:
        board, error = dashboard.cached(year, today), None
    except DomainError as e:
        board, error = None, e.message
    charts = dashboard.chart_data(board) if board else None
    if charts:
        charts["names"] = {"total": _("Điểm Chỉ số 766"), "on_time": _("Đúng hạn (%)"),
                           "satisfied": _("Hài lòng (%)"), "online": _("Nộp trực tuyến (%)"),
                           "par": _("Điểm Chỉ số CCHC"), "sipas": _("Chỉ số SIPAS (%)")}
    return render(request, "measures/dashboard.html", {
        "board": board, "charts": charts, "year": year, "error": error,
        "years": list(range(today.year, today.year - 5, -1))})


def index_export(request):
    period, _, _ = _period(request)
    resp = HttpResponse(export.index_xlsx(period),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    resp["Content-Disposition"] = f'attachment; filename="chi-so-766-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"'
    return resp


@login_required
def dossiers_page(request):
    if not (request.user.is_superuser or memberships(request.user)):
        return render(request, "measures/dossiers.html",
                      {"error": "Chỉ cán bộ, công chức mới xem được danh sách hồ sơ."}, status=403)
    period, ky, year = _period(request)
    org = org_by_code(request.GET.get("don_vi", "")) if request.GET.get("don_vi") else None
    code, part = request.GET.get("chi_tieu", ""), request.GET.get("phan", "denominator")
    try:
        qs = selectors.index_dossiers(code, part, Scope(org_id=org.id if org else None), period)
    except DomainError as e:
        return render(request, "measures/dossiers.html", {"error": e.message}, status=e.status)
    page = Paginator(qs.values_list("code", flat=True), 100).get_page(request.GET.get("trang"))
    return render(request, "measures/dossiers.html", {
        "page": page, "org": org, "code": code, "part": part, "period": period, "ky": ky, "year": year})
