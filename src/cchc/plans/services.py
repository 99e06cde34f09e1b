"""Every write about reform plans: confirm an imported plan, bind or report targets, record
progress, log reminders. Keyword-only, one transaction each, permission checked first."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction

from cchc.core import clock
from cchc.core.errors import NotFound, PermissionDenied, ValidationFailed
from cchc.documents.limits import MAX_BYTES
from cchc.measures import registry
from cchc.org.models import Organisation, Role
from cchc.org.selectors import memberships, roles_of

from . import reminder_notices
from .models import (
    Comparator,
    Plan,
    PlanKind,
    ProgressUpdate,
    Recommendation,
    Reminder,
    Target,
    TargetReport,
    Task,
)

PLAN_ROLES = {Role.REFORM, Role.LEADER, Role.ADMIN}
PROGRESS_ROLES = {Role.REFORM, Role.LEADER, Role.SPECIALIST, Role.ADMIN}


def can_manage(user, issuer_id: int | None) -> bool:
    """The issuer's reform officers, leaders and administrators; Sở Nội vụ appraisers and
    system administrators anywhere (they coordinate reform for the province)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser or any(role in (Role.ADMIN, Role.APPRAISER) for _org, role in memberships(user)):
        return True
    return bool(issuer_id and roles_of(user, issuer_id) & PLAN_ROLES)


def _require_manager(user, issuer_id: int | None) -> None:
    if not can_manage(user, issuer_id):
        raise PermissionDenied("Chỉ cán bộ CCHC, lãnh đạo của cơ quan ban hành hoặc Sở Nội vụ được quản lý kế hoạch.",
                               code="khong_co_quyen_ke_hoach")


def _year_bounds(start: int, end: int) -> tuple[date, date]:
    return date(start, 1, 1), date(end, 12, 31)


def _org(org_id) -> Organisation | None:
    if org_id in (None, ""):
        return None
    org = Organisation.objects.filter(pk=org_id).first()
    if org is None:
        raise NotFound("Không có tổ chức này.", code="to_chuc_khong_ton_tai", details={"org_id": org_id})
    return org


def _parse_date(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for parse in (date.fromisoformat, lambda v: datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValidationFailed("Ngày không hợp lệ (dd/mm/yyyy).", code="ngay_khong_hop_le", details={"value": text})


@transaction.atomic
def confirm_import(*, actor, payload: dict, decisions: dict | None = None) -> Plan:
    """Save a reviewed import. ``payload`` is the parser's draft (as sent to the review
    screen); ``decisions`` what the person chose there: organisations for unresolved names,
    measurements for targets, tasks or targets to drop, and any identity correction."""
    d = decisions or {}
    ident = payload.get("identity", {})
    issuer = _org(d.get("issuer_id"))
    _require_manager(actor, issuer.id if issuer else None)
    start = d.get("period_start_year") or ident.get("period_start")
    end = d.get("period_end_year") or ident.get("period_end") or start
    if not start:
        raise ValidationFailed("Văn bản không ghi kỳ kế hoạch: hãy nhập năm bắt đầu và kết thúc.",
                               code="thieu_ky_ke_hoach")
    if int(end) < int(start):
        raise ValidationFailed("Năm kết thúc trước năm bắt đầu.", code="ky_ke_hoach_sai")
    period_start, period_end = _year_bounds(int(start), int(end))
    default_kind = PlanKind.PROGRAMME if int(end) > int(start) else PlanKind.PROVINCE_YEAR
    kind = d.get("kind") or ident.get("kind") or default_kind
    if kind not in PlanKind.values:
        raise ValidationFailed("Loại kế hoạch không hợp lệ.", code="loai_ke_hoach_sai", details={"kind": kind})
    parent = Plan.objects.filter(pk=d["parent_id"]).first() if d.get("parent_id") else None
    if d.get("parent_id") and parent is None:
        raise NotFound("Không có kế hoạch cấp trên này.", code="ke_hoach_khong_ton_tai",
                       details={"parent_id": d["parent_id"]})
    plan = Plan.objects.create(
        kind=kind, title=(d.get("title") or ident.get("title") or "Kế hoạch cải cách hành chính")[:500], issuer=issuer,
        number=(d.get("number") or ident.get("number") or "")[:60],
        issued_on=_parse_date(d.get("issued_on") or ident.get("date")), period_start=period_start,
        period_end=period_end, parent=parent, areas=payload.get("areas", []),
        agency_plans_due=_parse_date(d.get("agency_plans_due")), source_name=payload.get("source_name", "")[:255],
        created_by=actor,
    )
    known = {m.name for m in registry.names()}
    skip_targets = {int(i) for i in d.get("skip_targets", [])}
    chosen_measures = {int(k): v for k, v in (d.get("target_measures") or {}).items()}
    for i, t in enumerate(payload.get("targets", [])):
        if i in skip_targets:
            continue
        name = chosen_measures.get(i, t.get("measure", ""))
        flags = [f for f in t.get("flags", []) if f != "chưa gợi ý được phép đo"]
        if name and name not in known:
            flags.append(f"phép đo “{name}” chưa có trên hệ thống: chỉ tiêu nhập tay, cần báo cáo kèm minh chứng")
            name = ""
        elif not name:
            flags.append("chưa gắn phép đo: chỉ tiêu nhập tay, cần báo cáo kèm minh chứng")
        year = t.get("by_year") or int(end)
        Target.objects.create(
            plan=plan, text=t["text"], area=t.get("area", "")[:200], measure_name=name,
            comparator=t.get("comparator", ">="),
            threshold=Decimal(str(t["value"])), unit=t.get("unit", "percent"), period_start=date(int(year), 1, 1),
            period_end=date(int(year), 12, 31), suggested_measure=t.get("measure", ""), review_flags=flags,
        )
    skip_tasks = {int(i) for i in d.get("skip_tasks", [])}
    chosen_leads = {int(k): v for k, v in (d.get("task_leads") or {}).items()}
    for i, t in enumerate(payload.get("tasks", [])):
        if i in skip_tasks:
            continue
        refs = t.get("leads", [])
        resolved = [r["org_id"] for r in refs if r.get("status") == "resolved" and r.get("org_id")]
        lead = _org(chosen_leads[i]) if chosen_leads.get(i) else (_org(resolved[0]) if resolved else None)
        flags = list(t.get("flags", []))
        if lead is None and "thiếu cơ quan chủ trì" not in flags:
            flags.append("chưa chọn cơ quan chủ trì")
        if chosen_leads.get(i):  # the person settled it
            flags = [f for f in flags if "cơ quan chủ trì" not in f and not f.startswith("chưa xác định được cơ quan")]
        time = t.get("time") or {}
        task = Task.objects.create(
            plan=plan, number=t.get("number", "")[:20], area=t.get("area", "")[:200], objective=t.get("objective", ""),
            task=t["task"], activity=t.get("activity", ""), product=t.get("product", ""), lead=lead,
            lead_text=", ".join(r["text"] for r in refs)[:500],
            coordinating_text=", ".join(r["text"] for r in t.get("coordinating", []))[:1000],
            time_text=(time.get("text") or "")[:200], due_on=_parse_date(time.get("due")),
            recurrence=time.get("recurrence", ""), budget_amount=t.get("budget_amount"),
            budget_source=(t.get("budget_source") or "")[:300], review_flags=flags,
        )
        co = {r["org_id"] for r in t.get("coordinating", []) if r.get("status") == "resolved" and r.get("org_id")}
        co |= set(resolved[1:])  # a second lead named in the cell works alongside the first
        co.discard(lead.id if lead else None)
        if co:
            task.coordinating.set(Organisation.objects.filter(pk__in=co))
    return plan


def check_evidence(evidence) -> None:
    """Evidence files are kept as sent (Word, Excel, PDF, pictures; ADR 0009): an empty file is not
    evidence, and the size is bounded by the documents app's limit. Pages and API share this check."""
    if evidence is not None and getattr(evidence, "name", "") and evidence.size == 0:
        raise ValidationFailed("Tệp minh chứng rỗng, không có nội dung.", code="tep_rong")
    if evidence and getattr(evidence, "size", 0) > MAX_BYTES:
        raise ValidationFailed(f"Tệp minh chứng quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB).", code="tep_qua_lon")


@transaction.atomic
def record_progress(*, actor, task_id: int, percent: int, narrative: str = "", evidence=None) -> ProgressUpdate:
    """Only the lead organisation reports progress; coordinating agencies report to it."""
    task = Task.objects.select_for_update().filter(pk=task_id).first()
    if task is None:
        raise NotFound("Không có nhiệm vụ này.", code="nhiem_vu_khong_ton_tai")
    if task.lead_id is None or not (roles_of(actor, task.lead_id) & PROGRESS_ROLES):
        raise PermissionDenied("Chỉ cơ quan chủ trì nhiệm vụ được cập nhật tiến độ.", code="khong_phai_co_quan_chu_tri")
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValidationFailed("Tiến độ phải là số nguyên từ 0 đến 100.", code="tien_do_khong_hop_le")
    check_evidence(evidence)
    now = clock.now()
    task.percent = percent
    task.done_on = now.date() if percent >= 100 else None
    task.save(update_fields=["percent", "done_on"])
    return ProgressUpdate.objects.create(task=task, org_id=task.lead_id, by=actor, at=now, percent=percent,
                                         narrative=narrative, evidence=evidence or "")


UNIT_WORDS = {"percent": "tỷ lệ phần trăm (%)", "count": "số lượng"}


def _threshold(value, unit: str) -> Decimal:
    try:
        t = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationFailed("Ngưỡng phải là một số, ví dụ 98 hoặc 97,5.", code="nguong_khong_hop_le",
                               details={"threshold": str(value)}) from None
    if not t.is_finite() or t < 0 or (unit == "percent" and t > 100):
        raise ValidationFailed("Ngưỡng tỷ lệ phải từ 0 đến 100%." if unit == "percent" else "Ngưỡng không được âm.",
                               code="nguong_khong_hop_le", details={"threshold": str(value)})
    return t


@transaction.atomic
def bind_target(*, actor, target_id: int, measure_name: str, comparator: str | None = None,
                threshold=None, scope_org_id: int | None = None, period_start=None, period_end=None) -> Target:
    """Bind a target to a named live measurement, over a scope (an organisation or the whole
    province) and a period; its value is then always computed when read."""
    target = Target.objects.select_for_update().select_related("plan").filter(pk=target_id).first()
    if target is None:
        raise NotFound("Không có chỉ tiêu này.", code="chi_tieu_khong_ton_tai")
    _require_manager(actor, target.plan.issuer_id)
    name = (measure_name or "").strip()
    if not name:
        raise ValidationFailed("Cần chọn một phép đo.", code="thieu_phep_do")
    try:
        info = registry.info(name)
    except NotFound as e:
        raise NotFound(f"Không có phép đo “{name}” trên hệ thống; hãy chọn một phép đo trong danh sách.",
                       code=e.code, details=e.details) from None
    if info.unit != target.unit:
        raise ValidationFailed(
            f"Chỉ tiêu tính theo {UNIT_WORDS.get(target.unit, target.unit)}, còn phép đo “{info.label}” tính theo "
            f"{UNIT_WORDS.get(info.unit, info.unit)}: không gắn được.", code="don_vi_khong_khop",
            details={"target_unit": target.unit, "measure_unit": info.unit})
    if comparator is not None:
        if comparator not in Comparator.values:
            raise ValidationFailed("Phép so sánh không hợp lệ.", code="phep_so_sanh_sai")
        target.comparator = comparator
    if threshold not in (None, ""):
        target.threshold = _threshold(threshold, target.unit)
    start = _parse_date(period_start) or target.period_start
    end = _parse_date(period_end) or target.period_end
    if end < start:
        raise ValidationFailed("Ngày kết thúc kỳ đo trước ngày bắt đầu.", code="ky_do_sai")
    target.period_start, target.period_end = start, end
    target.measure_name = name
    target.scope_org = _org(scope_org_id)
    target.review_flags = [f for f in target.review_flags if "phép đo" not in f and "nhập tay" not in f]
    target.save()
    return target


@transaction.atomic
def unbind_target(*, actor, target_id: int) -> Target:
    """Back to a manual target, reported by hand with evidence."""
    target = Target.objects.select_for_update().select_related("plan").filter(pk=target_id).first()
    if target is None:
        raise NotFound("Không có chỉ tiêu này.", code="chi_tieu_khong_ton_tai")
    _require_manager(actor, target.plan.issuer_id)
    target.measure_name, target.scope_org = "", None
    target.save(update_fields=["measure_name", "scope_org"])
    return target


@transaction.atomic
def report_target_value(*, actor, target_id: int, value, evidence=None, note: str = "") -> TargetReport:
    target = Target.objects.select_related("plan").filter(pk=target_id).first()
    if target is None:
        raise NotFound("Không có chỉ tiêu này.", code="chi_tieu_khong_ton_tai")
    _require_manager(actor, target.plan.issuer_id)
    if not target.is_manual:
        raise ValidationFailed("Chỉ tiêu này lấy số liệu trực tiếp từ phép đo, không nhập tay.",
                               code="chi_tieu_do_tu_dong")
    try:
        value = Decimal(str(value))
    except InvalidOperation:
        raise ValidationFailed("Giá trị không hợp lệ.", code="gia_tri_khong_hop_le") from None
    if not evidence:
        raise ValidationFailed("Chỉ tiêu nhập tay phải kèm minh chứng.", code="thieu_minh_chung")
    check_evidence(evidence)
    return TargetReport.objects.create(target=target, value=value, evidence=evidence, note=note, reported_by=actor,
                                       reported_at=clock.now())


@transaction.atomic
def send_reminders(*, today: date, before_days: tuple[int, ...] = (7, 1)) -> list[Reminder]:
    """Log reminders for unfinished plan tasks and unfixed inspection recommendations due in
    ``before_days`` days, and one for each that has become late, each queued as e-mail to the
    responsible organisation (reminder_notices). Safe to run several times a day: each reminder is
    logged, and told, once per subject, kind and due date."""
    made: list[Reminder] = []
    open_tasks = Task.objects.filter(due_on__isnull=False, percent__lt=100).select_related("plan")
    open_recs = Recommendation.objects.filter(done_on__isnull=True).select_related("inspection__org")
    for days in before_days:
        due = today + timedelta(days=days)
        for task in open_tasks.filter(due_on=due):
            made += _remind(task=task, org_id=task.lead_id, kind="before", days=days, due_on=due, today=today,
                            message=f"Nhiệm vụ “{task.task[:120]}” đến hạn ngày {due:%d/%m/%Y} (còn {days} ngày).")
        for rec in open_recs.filter(due_on=due):
            made += _remind(recommendation=rec, org_id=rec.responsible_id, kind="before", days=days, due_on=due,
                            today=today, message=f"Kiến nghị “{rec.text[:120]}” sau kiểm tra tại {rec.inspection.org} "
                            f"đến hạn khắc phục ngày {due:%d/%m/%Y} (còn {days} ngày).")
    for task in open_tasks.filter(due_on__lt=today):
        made += _remind(task=task, org_id=task.lead_id, kind="late", days=0, due_on=task.due_on, today=today,
                        message=f"Nhiệm vụ “{task.task[:120]}” đã quá hạn từ ngày {task.due_on:%d/%m/%Y}.")
    for rec in open_recs.filter(due_on__lt=today):
        made += _remind(recommendation=rec, org_id=rec.responsible_id, kind="late", days=0, due_on=rec.due_on,
                        today=today, message=f"Kiến nghị “{rec.text[:120]}” sau kiểm tra tại {rec.inspection.org} "
                        f"đã quá hạn khắc phục từ ngày {rec.due_on:%d/%m/%Y}.")
    return made


def _remind(*, org_id: int | None, kind: str, days: int, due_on: date, today: date, message: str,
            task: Task | None = None, recommendation: Recommendation | None = None) -> list[Reminder]:
    """Log a reminder unless the same one (subject, kind, days, due date) was logged before; a changed
    due date is a new deadline and is reminded again."""
    obj, created = Reminder.objects.get_or_create(
        task=task, recommendation=recommendation, kind=kind, days=days, due_on=due_on,
        defaults={"org_id": org_id, "sent_on": today, "message": message})
    if not created:
        return []
    # queued in this transaction: logged ⇔ queued (delivery later, with retries, by send_notifications)
    obj.recipients = reminder_notices.notify(obj, today=today)
    if obj.recipients:
        obj.save(update_fields=["recipients"])
    return [obj]
