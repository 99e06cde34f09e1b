"""Every write about reform inspections: the yearly plan (approved only when it covers the
required share of agencies and communes), each inspection's result, findings, recommendations
with deadlines, and the inspected organisation's report that it fixed them."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction

from cchc.core import clock
from cchc.core.errors import Conflict, NotFound, PermissionDenied, ReasonRequired, ValidationFailed
from cchc.org.models import Organisation, OrgKind
from cchc.org.selectors import roles_of

from . import inspections as rules
from .models import Finding, Inspection, InspectionPlan, Recommendation
from .services import PROGRESS_ROLES, _parse_date, can_manage, check_evidence

INSPECTABLE = (OrgKind.AGENCY, OrgKind.COMMUNE, OrgKind.CENTRE, OrgKind.UNIT, OrgKind.DISTRICT)


def _require_inspector(actor, plan: InspectionPlan) -> None:
    if not can_manage(actor, plan.issuer_id):
        raise PermissionDenied("Chỉ Sở Nội vụ hoặc cán bộ CCHC, lãnh đạo của cơ quan ban hành được quản lý "
                               "kế hoạch kiểm tra.", code="khong_co_quyen_kiem_tra")


def _text(value, field: str, label: str, max_len: int = 10_000) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(f"Cần nhập {label}.", code="thieu_noi_dung", details={"field": field})
    if len(value) > max_len:
        raise ValidationFailed(f"{label[0].upper()}{label[1:]} quá dài.", code="noi_dung_qua_dai",
                               details={"field": field})
    return value


def _date(value, field: str) -> date:
    d = _parse_date(value)
    if d is None:
        raise ValidationFailed("Cần nhập ngày.", code="thieu_ngay", details={"field": field})
    return d


def _plan(plan_id: int, lock: bool = False) -> InspectionPlan:
    qs = InspectionPlan.objects.select_for_update() if lock else InspectionPlan.objects
    plan = qs.filter(pk=plan_id).first()
    if plan is None:
        raise NotFound("Không có kế hoạch kiểm tra này.", code="ke_hoach_kiem_tra_khong_ton_tai")
    return plan


def _inspection(inspection_id: int) -> Inspection:
    i = (Inspection.objects.select_for_update(of=("self",)).select_related("plan", "org")
         .filter(pk=inspection_id).first())
    if i is None:
        raise NotFound("Không có cuộc kiểm tra này.", code="cuoc_kiem_tra_khong_ton_tai")
    return i


@transaction.atomic
def create_plan(*, actor, issuer_id: int, year: int, title: str, number: str = "", issued_on=None,
                min_share=30) -> InspectionPlan:
    issuer = Organisation.objects.filter(pk=issuer_id).first()
    if issuer is None:
        raise NotFound("Không có tổ chức này.", code="to_chuc_khong_ton_tai", details={"org_id": issuer_id})
    if not can_manage(actor, issuer.id):
        raise PermissionDenied("Chỉ Sở Nội vụ hoặc cán bộ CCHC, lãnh đạo của cơ quan ban hành được lập kế hoạch "
                               "kiểm tra.", code="khong_co_quyen_kiem_tra")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationFailed("Năm kế hoạch không hợp lệ.", code="nam_khong_hop_le", details={"year": year})
    try:
        share = Decimal(str(min_share))
    except InvalidOperation:
        share = Decimal(-1)
    if not 0 < share <= 100:
        raise ValidationFailed("Tỷ lệ tối thiểu phải lớn hơn 0 và không quá 100%.", code="ty_le_khong_hop_le")
    if InspectionPlan.objects.filter(issuer=issuer, year=year).exists():
        raise Conflict(f"{issuer.name} đã có kế hoạch kiểm tra năm {year}.", code="ke_hoach_kiem_tra_da_co")
    return InspectionPlan.objects.create(issuer=issuer, year=year, title=_text(title, "title", "tên kế hoạch", 500),
                                         number=(number or "").strip()[:60], issued_on=_parse_date(issued_on),
                                         min_share=share, created_by=actor)


@transaction.atomic
def add_inspection(*, actor, plan_id: int, org_id: int, planned_from, planned_to, content: str = "") -> Inspection:
    plan = _plan(plan_id, lock=True)
    _require_inspector(actor, plan)
    org = Organisation.objects.filter(pk=org_id).first()
    if org is None:
        raise NotFound("Không có tổ chức này.", code="to_chuc_khong_ton_tai", details={"org_id": org_id})
    if org.kind not in INSPECTABLE:
        raise ValidationFailed(f"{org.name} không thuộc đối tượng kiểm tra công tác CCHC.",
                               code="khong_thuoc_doi_tuong_kiem_tra")
    start, end = _date(planned_from, "planned_from"), _date(planned_to, "planned_to")
    if end < start:
        raise ValidationFailed("Ngày kết thúc trước ngày bắt đầu.", code="ngay_kiem_tra_sai")
    if start.year != plan.year or end.year != plan.year:
        raise ValidationFailed(f"Thời gian kiểm tra phải trong năm {plan.year}.", code="ngay_kiem_tra_ngoai_nam")
    if plan.inspections.filter(org=org).exists():
        raise Conflict(f"{org.name} đã có trong kế hoạch kiểm tra.", code="da_co_trong_ke_hoach_kiem_tra")
    try:
        with transaction.atomic():
            return Inspection.objects.create(plan=plan, org=org, planned_from=start, planned_to=end,
                                             content=(content or "").strip())
    except IntegrityError:  # a concurrent request added it first
        raise Conflict(f"{org.name} đã có trong kế hoạch kiểm tra.", code="da_co_trong_ke_hoach_kiem_tra") from None


@transaction.atomic
def approve_plan(*, actor, plan_id: int) -> InspectionPlan:
    plan = _plan(plan_id, lock=True)
    _require_inspector(actor, plan)
    if plan.approved_at:
        raise Conflict("Kế hoạch kiểm tra đã được phê duyệt.", code="ke_hoach_kiem_tra_da_duyet")
    rows = rules.coverage(plan)
    if not all(c.ok for c in rows):
        raise ValidationFailed(rules.shortfall_message(rows, plan.min_share), code="chua_du_ty_le_kiem_tra",
                               details={c.kind: {"total": c.total, "planned": c.planned, "required": c.required}
                                        for c in rows})
    plan.approved_at, plan.approved_by = clock.now(), actor
    plan.save(update_fields=["approved_at", "approved_by"])
    return plan


@transaction.atomic
def cancel_inspection(*, actor, inspection_id: int, reason: str) -> Inspection:
    i = _inspection(inspection_id)
    _require_inspector(actor, i.plan)
    if i.done_on or i.cancelled:
        raise Conflict("Cuộc kiểm tra đã thực hiện hoặc đã hủy.", code="cuoc_kiem_tra_da_ket_thuc")
    if not (reason or "").strip():
        raise ReasonRequired("Phải ghi rõ lý do hủy cuộc kiểm tra.")
    i.cancelled_reason = reason.strip()
    i.save(update_fields=["cancelled_reason"])
    if i.plan.approved_at:  # an approved plan must still cover the required share
        rows = rules.coverage(i.plan)
        if not all(c.ok for c in rows):
            raise ValidationFailed(rules.shortfall_message(rows, i.plan.min_share)
                                   + " Hãy bổ sung cơ quan khác trước khi hủy.", code="chua_du_ty_le_kiem_tra")
    return i


@transaction.atomic
def record_result(*, actor, inspection_id: int, done_on, conclusion: str) -> Inspection:
    i = _inspection(inspection_id)
    _require_inspector(actor, i.plan)
    if not i.plan.approved_at:
        raise Conflict("Kế hoạch kiểm tra chưa được phê duyệt.", code="ke_hoach_kiem_tra_chua_duyet")
    if i.cancelled:
        raise Conflict("Cuộc kiểm tra đã hủy.", code="cuoc_kiem_tra_da_ket_thuc")
    day = _date(done_on, "done_on")
    if day > clock.now().date():
        raise ValidationFailed("Ngày kiểm tra không được sau hôm nay.", code="ngay_trong_tuong_lai")
    if day.year != i.plan.year:
        raise ValidationFailed(f"Ngày kiểm tra phải trong năm {i.plan.year}.", code="ngay_kiem_tra_ngoai_nam")
    i.done_on, i.conclusion = day, _text(conclusion, "conclusion", "kết luận kiểm tra")
    i.save(update_fields=["done_on", "conclusion"])
    return i


def _done_inspection(actor, inspection_id: int) -> Inspection:
    i = _inspection(inspection_id)
    _require_inspector(actor, i.plan)
    if not i.done_on:
        raise Conflict("Cần ghi kết quả kiểm tra trước khi ghi tồn tại, kiến nghị.", code="chua_co_ket_qua_kiem_tra")
    return i


@transaction.atomic
def add_finding(*, actor, inspection_id: int, text: str, area: str = "") -> Finding:
    i = _done_inspection(actor, inspection_id)
    return Finding.objects.create(inspection=i, text=_text(text, "text", "nội dung tồn tại, hạn chế"),
                                  area=(area or "").strip()[:200])


@transaction.atomic
def add_recommendation(*, actor, inspection_id: int, text: str, due_on, finding_id: int | None = None,
                       responsible_id: int | None = None) -> Recommendation:
    i = _done_inspection(actor, inspection_id)
    due = _date(due_on, "due_on")
    if due < i.done_on:
        raise ValidationFailed("Hạn khắc phục phải sau ngày kiểm tra.", code="han_khac_phuc_sai")
    finding = None
    if finding_id:
        finding = i.findings.filter(pk=finding_id).first()
        if finding is None:
            raise ValidationFailed("Tồn tại, hạn chế này không thuộc cuộc kiểm tra.", code="ton_tai_khong_thuoc")
    responsible = i.org
    if responsible_id:
        responsible = Organisation.objects.filter(pk=responsible_id).first()
        if responsible is None:
            raise NotFound("Không có tổ chức này.", code="to_chuc_khong_ton_tai")
    return Recommendation.objects.create(inspection=i, finding=finding, responsible=responsible, due_on=due,
                                         text=_text(text, "text", "nội dung kiến nghị"))


@transaction.atomic
def report_fix(*, actor, recommendation_id: int, result: str, evidence=None) -> Recommendation:
    """The responsible organisation reports how it fixed a recommendation, with evidence."""
    r = Recommendation.objects.select_for_update().filter(pk=recommendation_id).first()
    if r is None:
        raise NotFound("Không có kiến nghị này.", code="kien_nghi_khong_ton_tai")
    if not (roles_of(actor, r.responsible_id) & PROGRESS_ROLES):
        raise PermissionDenied("Chỉ cơ quan được giao khắc phục báo cáo kết quả.", code="khong_phai_co_quan_thuc_hien")
    if r.done_on:
        raise Conflict("Kiến nghị đã được báo cáo khắc phục.", code="kien_nghi_da_khac_phuc")
    text = _text(result, "result", "kết quả khắc phục")
    if not evidence:
        raise ValidationFailed("Báo cáo khắc phục phải kèm minh chứng.", code="thieu_minh_chung")
    check_evidence(evidence)
    r.result, r.evidence, r.done_on, r.reported_by = text, evidence, clock.now().date(), actor
    r.save(update_fields=["result", "evidence", "done_on", "reported_by"])
    return r
