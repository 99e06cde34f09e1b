"""Every write about periodic reports: open one for a period, edit its narrative, submit it (its
figures are frozen then), return it for completion, and the province's consolidation on submit."""
from __future__ import annotations

from django.db import transaction

from cchc.core import clock
from cchc.core.errors import Conflict, NotFound, PermissionDenied, ReasonRequired, ValidationFailed
from cchc.org.models import Organisation, OrgKind

from . import reports
from .models import PeriodicReport, ReportKind, ReportStatus
from .services import can_manage

EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)
MAX_SECTION = 20_000


def province_of(org: Organisation) -> Organisation | None:
    seen = set()
    while org is not None and org.id not in seen:
        if org.kind == OrgKind.PROVINCE:
            return org
        seen.add(org.id)
        org = org.parent
    return None


def can_report(user, org: Organisation) -> bool:
    return can_manage(user, org.id)


def can_consolidate(user, org: Organisation) -> bool:
    """Sở Nội vụ (appraisers), administrators and the province's own reform officers and leaders."""
    province = province_of(org)
    return can_manage(user, province.id if province else None)


def _report(report_id: int, lock: bool = True) -> PeriodicReport:
    qs = PeriodicReport.objects.select_related("org", "org__parent")
    report = (qs.select_for_update(of=("self",)) if lock else qs).filter(pk=report_id).first()
    if report is None:
        raise NotFound("Không có báo cáo này.", code="bao_cao_khong_ton_tai")
    return report


def _require_reporter(actor, org: Organisation) -> None:
    if not can_report(actor, org):
        raise PermissionDenied("Chỉ cán bộ CCHC, lãnh đạo của cơ quan báo cáo hoặc Sở Nội vụ được lập, gửi báo cáo.",
                               code="khong_co_quyen_bao_cao")


@transaction.atomic
def create_report(*, actor, org_id: int, kind: str, year: int, part: int = 0) -> PeriodicReport:
    org = Organisation.objects.select_related("parent").filter(pk=org_id).first()
    if org is None:
        raise NotFound("Không có tổ chức này.", code="to_chuc_khong_ton_tai", details={"org_id": org_id})
    _require_reporter(actor, org)
    if kind not in ReportKind.values:
        raise ValidationFailed("Kỳ báo cáo phải là quý, 6 tháng hoặc năm.", code="ky_bao_cao_sai",
                               details={"kind": kind})
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationFailed("Năm báo cáo không hợp lệ.", code="nam_bao_cao_sai", details={"year": year})
    start, end = reports.period_bounds(kind, year, part)
    if start > clock.now().date():
        raise ValidationFailed("Kỳ báo cáo chưa bắt đầu.", code="ky_bao_cao_chua_bat_dau")
    if PeriodicReport.objects.filter(org=org, kind=kind, year=year, part=part).exists():
        raise Conflict(f"{org.name} đã có báo cáo {reports.period_label(kind, year, part).lower()}.",
                       code="bao_cao_da_ton_tai")
    return PeriodicReport.objects.create(org=org, kind=kind, year=year, part=part, period_start=start, period_end=end,
                                         created_by=actor, narrative={k: "" for k in reports.SECTIONS})


@transaction.atomic
def save_narrative(*, actor, report_id: int, sections: dict) -> PeriodicReport:
    report = _report(report_id)
    _require_reporter(actor, report.org)
    if report.status not in EDITABLE:
        raise Conflict("Báo cáo đã gửi, không sửa được nữa.", code="bao_cao_da_gui")
    unknown = sorted(set(sections) - set(reports.SECTIONS))
    if unknown:
        raise ValidationFailed("Báo cáo không có mục này.", code="muc_bao_cao_sai", details={"sections": unknown})
    too_long = [k for k, v in sections.items() if len(v or "") > MAX_SECTION]
    if too_long:
        raise ValidationFailed(f"Mỗi mục tối đa {MAX_SECTION:,} ký tự.".replace(",", "."), code="muc_bao_cao_qua_dai",
                               details={"sections": too_long})
    report.narrative = {**report.narrative, **{k: (v or "").strip() for k, v in sections.items()}}
    report.save(update_fields=["narrative"])
    return report


@transaction.atomic
def submit_report(*, actor, report_id: int) -> PeriodicReport:
    """Freeze the figures as they are now. The province's report also consolidates: every agency
    and commune report it rolls up is marked as consolidated and can no longer be returned."""
    report = _report(report_id)
    _require_reporter(actor, report.org)
    if report.status not in EDITABLE:
        raise Conflict("Báo cáo đã được gửi.", code="bao_cao_da_gui")
    if report.period_start > clock.now().date():
        raise ValidationFailed("Kỳ báo cáo chưa bắt đầu.", code="ky_bao_cao_chua_bat_dau")
    if not (report.narrative or {}).get("ket_qua", "").strip():
        raise ValidationFailed("Cần viết mục “Kết quả nổi bật trong kỳ” trước khi gửi.", code="thieu_thuyet_minh")
    figures = reports.assemble(report)
    if report.org.kind == OrgKind.PROVINCE:
        ids = [u["report_id"] for u in figures.get("units", [])]
        for src in PeriodicReport.objects.select_for_update().filter(pk__in=ids):
            src.consolidated_into = report
            src.save(update_fields=["consolidated_into"])
    report.figures = figures
    report.status = ReportStatus.SUBMITTED
    report.submitted_by, report.submitted_at = actor, clock.now()
    report.return_reason = ""
    report.save(update_fields=["figures", "status", "submitted_by", "submitted_at", "return_reason"])
    return report


@transaction.atomic
def return_report(*, actor, report_id: int, reason: str) -> PeriodicReport:
    """Sở Nội vụ sends an agency's submitted report back for completion (before consolidating it)."""
    report = _report(report_id)
    if not can_consolidate(actor, report.org) or report.org.kind == OrgKind.PROVINCE:
        raise PermissionDenied("Chỉ Sở Nội vụ được trả lại báo cáo của cơ quan, đơn vị.", code="khong_co_quyen_tra_lai")
    if report.status != ReportStatus.SUBMITTED:
        raise Conflict("Chỉ trả lại được báo cáo đã gửi.", code="bao_cao_chua_gui")
    if report.consolidated_into_id:
        raise Conflict("Báo cáo đã được tổng hợp vào báo cáo của tỉnh, không trả lại được.",
                       code="bao_cao_da_tong_hop")
    if not (reason or "").strip():
        raise ReasonRequired("Phải ghi rõ lý do trả lại báo cáo.")
    report.status, report.figures, report.return_reason = ReportStatus.RETURNED, None, reason.strip()
    report.save(update_fields=["status", "figures", "return_reason"])
    return report
