"""Every change to a dossier, one keyword-only function per action.

Each action runs in one transaction, locks the dossier row, checks the transition table and
the actor's organisation and role, writes an audit record with old and new values, and emits
its event only after commit. Legal time rules come from ``cchc.calendar.rules`` — never here.
"""
from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from cchc.calendar.rules import CalendarDataMissing, Unit
from cchc.calendar.service import get_calendar
from cchc.catalog.models import Level, ProcedureVersion
from cchc.catalog.selectors import published_version, step_after, version_by_id
from cchc.core import clock, identity
from cchc.core.errors import CalendarNotReady, Conflict, NotFound, PermissionDenied, ReasonRequired, ValidationFailed
from cchc.core.events import emit
from cchc.org.models import Organisation, OrgKind, Role
from cchc.org.selectors import org_by_id, roles_of

from . import workflow
from .models import (
    Apology,
    ApplicantKind,
    AuditRecord,
    Channel,
    Dossier,
    DossierComponent,
    DossierCounter,
    FinancialObligation,
    Handover,
    ReturnMethod,
    RuleSet,
    Status,
    SupplementRequest,
)

# Since 1 July 2025 dossiers follow Nghị định 118/2025; stored on every dossier.
ND118_FROM = datetime(2025, 7, 1).date()
# Every field an action may change: audited, and the only columns an action's UPDATE writes.
_TRACKED = (
    "status", "current_org_id", "current_step_id", "assignee_id", "received_at", "clock_start", "remaining",
    "due_at", "original_due_at", "step_due_at", "apology_due_at", "paused_at", "paused_working_days",
    "paused_working_minutes", "supplement_count", "apology_count", "finished_at", "returned_at", "return_method",
    "is_late", "end_reason", "paid_online",
)


@dataclass
class Applicant:
    name: str
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    kind: str = "citizen"


@dataclass
class ComponentInput:
    name: str
    component_id: int | None = None
    form: str = ""
    quantity: int = 1
    provided: bool = True
    digitised: bool = False
    reused: bool = False


@dataclass
class Intake:
    """What a dossier is created from, at the desk, by post or online."""

    procedure_code: str
    org_id: int
    applicant: Applicant
    request: str = ""
    components: list[ComponentInput] = field(default_factory=list)


def now() -> datetime:
    return clock.now()


# ---------------------------------------------------------------- creation


def submit_online(*, actor, intake: Intake) -> Dossier:
    """A citizen (or an integrator) files online: status 1, waiting for the desk to receive it."""
    with transaction.atomic():
        d = _create(actor=actor, intake=intake, channel=Channel.ONLINE, status=Status.NEW)
        d.written_audit = [_audit(d, "submit_online", actor, {}, _snapshot(d))]
        emit("submit_online", d, _uid(actor), d.written_audit[0].id)
    return d


def receive_at_desk(*, actor, intake: Intake, channel: int = Channel.DESK) -> Dossier:
    """A desk officer receives a paper dossier (at the desk or by post): status 2, clock starts."""
    if channel not in (Channel.DESK, Channel.POST):
        raise ValidationFailed("Kênh tiếp nhận tại quầy chỉ là trực tiếp hoặc bưu chính.", code="kenh_khong_hop_le")
    if Role.DESK not in roles_of(actor, intake.org_id):
        raise PermissionDenied("Chỉ công chức Bộ phận Một cửa của đơn vị mới được tiếp nhận hồ sơ.")
    with transaction.atomic():
        d = _create(actor=actor, intake=intake, channel=channel, status=Status.RECEIVED)
        d.written_audit = [_audit(d, "receive_at_desk", actor, {}, _snapshot(d))]
        emit("receive", d, _uid(actor), d.written_audit[0].id)
    return d


def _create(*, actor, intake: Intake, channel: int, status: int) -> Dossier:
    version = published_version(intake.procedure_code)
    org = org_by_id(intake.org_id)
    if org is None:
        raise NotFound("Không tìm thấy nơi tiếp nhận hồ sơ.", code="noi_tiep_nhan_khong_ton_tai")
    _check_jurisdiction(version, org)
    if org.successor_id and org.succeeded_on and org.succeeded_on <= now().date():
        raise ValidationFailed(f"{org.name} đã được sáp nhập; hãy nộp hồ sơ tại {org_by_id(org.successor_id).name}.",
                               code="noi_tiep_nhan_da_sap_nhap")
    if channel == Channel.ONLINE and version.online_level == "none":
        raise ValidationFailed("Thủ tục này chưa cung cấp dịch vụ công trực tuyến.", code="khong_ho_tro_truc_tuyen")
    a = intake.applicant
    if not (a.name or "").strip():
        raise ValidationFailed("Thiếu họ tên người nộp hồ sơ.", details={"field": "applicant.name"},
                               code="thieu_nguoi_nop")
    encrypted, digest, masked = identity.protect(a.id_number, organisation=a.kind == ApplicantKind.ORGANISATION)
    at = now()
    d = Dossier(
        code=_next_code(org, at),
        version=version, org=org, current_org=org, status=status, channel=channel,
        rule_set=RuleSet.ND118_2025 if at.date() >= ND118_FROM else RuleSet.ND61_2018,
        applicant_kind=a.kind, applicant_name=a.name.strip(), applicant_id_encrypted=encrypted,
        applicant_id_digest=digest, applicant_id_masked=masked, applicant_phone=a.phone.strip(),
        applicant_email=a.email.strip(), applicant_address=a.address.strip(), request=intake.request,
        citizen=actor if status == Status.NEW and _is_citizen(actor) else None, submitted_at=at,
        fee_amount=sum(f.amount for f in version.fees.all()),
        current_step=step_after(version, None),
    )
    components = _component_rows(d, version, intake.components)
    if status == Status.RECEIVED:
        _start_clock(d, at)
    d.save()
    # the creator's answer shows what was just written: kept on the object, not read back
    d.written_components = DossierComponent.objects.bulk_create(components)
    return d


def _check_jurisdiction(version: ProcedureVersion, org: Organisation) -> None:
    allowed = {OrgKind.COMMUNE} if version.level == Level.COMMUNE else {OrgKind.CENTRE, OrgKind.AGENCY}
    if org.kind not in allowed:
        raise ValidationFailed(
            f"Thủ tục “{version.name}” không tiếp nhận tại {org.name}.",
            details={"level": version.level, "org": org.code}, code="sai_noi_tiep_nhan",
        )


def _component_rows(d: Dossier, version: ProcedureVersion, given: list[ComponentInput]) -> list[DossierComponent]:
    """The dossier's components, checked against the catalogue, and the counters the index reads in
    its one pass over dossiers (ADR 0008 §11; documents keeps them) — set before the dossier is
    written, so an intake is one INSERT of the dossier and one of its components."""
    catalogue = {c.id: c for c in version.components.all()}
    rows = []
    for c in given:
        if c.component_id is not None and c.component_id not in catalogue:
            raise ValidationFailed("Giấy tờ không thuộc thủ tục này.", details={"component_id": c.component_id},
                                   code="thanh_phan_khong_hop_le")
        ref = catalogue.get(c.component_id)
        rows.append(DossierComponent(
            dossier=d, component=ref, name=c.name or (ref.name if ref else ""),
            form=c.form or (ref.form if ref else ""),
            quantity=c.quantity, provided=c.provided, digitised=c.digitised, reused=c.reused,
        ))
    provided = [r for r in rows if r.provided]
    d.components_provided = len(provided)
    d.components_digitised = sum(r.digitised for r in provided)
    d.components_reused = sum(r.reused for r in provided)
    return rows


def _next_code(org: Organisation, at: datetime) -> str:
    """Race-safe and one statement: the upsert locks today's counter row until the dossier commits,
    so concurrent intakes of one organisation queue here and a rolled-back one reuses no number."""
    table = DossierCounter._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {table} (org_id, day, last) VALUES (%s, %s, 1) "
            f"ON CONFLICT (org_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [org.id, at.date()],
        )
        seq = cur.fetchone()[0]
    return settings.CCHC_DOSSIER_CODE_FORMAT.format(org=org.code, date=at, seq=seq)


# ---------------------------------------------------------------- the action frame


@contextmanager
def _action(actor, dossier_id: int, action: str, *, reason: str = ""):
    """Lock, authorise, check the transition; on exit save, audit and emit (the notice commits with it)."""
    with transaction.atomic():
        d = Dossier.objects.select_for_update().filter(pk=dossier_id).first()
        if d is None:
            raise NotFound("Không tìm thấy hồ sơ.", code="ho_so_khong_ton_tai")
        d.version = version_by_id(d.version_id)  # frozen once published: cached, no query
        d.current_step = next((st for st in d.version.steps.all() if st.id == d.current_step_id), None)
        roles = roles_of(actor, d.current_org_id)
        if workflow.TRANSITIONS[action].receiving_desk_acts and d.org_id != d.current_org_id:
            roles |= roles_of(actor, d.org_id) & {Role.DESK}
        if d.citizen_id and d.citizen_id == _uid(actor):
            roles.add(workflow.CITIZEN)
        if not roles:
            raise PermissionDenied("Hồ sơ không thuộc đơn vị của bạn.", code="ngoai_pham_vi_don_vi")
        t = workflow.check(action, d.status, roles)
        if t.reason_required and not (reason or "").strip():
            raise ReasonRequired(f"Thao tác “{t.label.lower()}” bắt buộc ghi rõ lý do.",
                                 details={"field": "reason"})
        before = _snapshot(d)
        yield d
        if t.target is not None:
            d.status = t.target
        after = _snapshot(d)
        d.save(update_fields=[k.removesuffix("_id") for k in after if after[k] != before[k]] + ["updated_at"])
        emit(action, d, _uid(actor), _audit(d, action, actor, before, after, note=reason).id)


# ---------------------------------------------------------------- actions


def receive(*, actor, dossier_id: int) -> Dossier:
    """Accept an online dossier (status 1 → 2); the legal clock starts now."""
    with _action(actor, dossier_id, "receive") as d:
        _start_clock(d, now())
    return d


def refuse(*, actor, dossier_id: int, reason: str) -> Dossier:
    """Refuse to receive (form 03). The dossier ends; it was never on the clock."""
    with _action(actor, dossier_id, "refuse", reason=reason) as d:
        d.finished_at, d.end_reason, d.is_late = now(), reason.strip(), False
    return d


def hand_over(*, actor, dossier_id: int, to_user=None, to_org_id: int | None = None, note: str = "") -> Dossier:
    """Pass the dossier to the next step of the internal process (one row of form 06)."""
    with _action(actor, dossier_id, "hand_over") as d:
        at = now()
        step = step_after(d.version, d.current_step.order if d.current_step else None)
        if step is None and to_org_id is None:
            raise Conflict("Hồ sơ đã ở bước cuối của quy trình; hãy hoàn thành xử lý.", code="het_buoc_xu_ly")
        to_org_id = _org(to_org_id).id if to_org_id else (step.org_id if step and step.org_id else d.org_id)
        Handover.objects.create(
            dossier=d, step=d.current_step, from_org_id=d.current_org_id, from_user=actor, to_org_id=to_org_id,
            to_user=to_user, at=at, step_due_at=d.step_due_at, result=_handover_result(at, d.step_due_at), note=note,
        )
        d.current_step, d.current_org_id, d.assignee = step, to_org_id, to_user
        d.step_due_at = _step_due(d, step, at)
    return d


def request_supplement(*, actor, dossier_id: int, items: list[str], reason: str, override_reason: str = "") -> Dossier:
    """Form 02: one complete list of what to add; the clock stops until it arrives.

    The law allows one request ("hướng dẫn một lần, đầy đủ"): a second needs a written reason
    and makes the dossier count as late.
    """
    with _action(actor, dossier_id, "request_supplement", reason=reason) as d:
        if not [i for i in items if str(i).strip()]:
            raise ValidationFailed("Phải liệt kê đầy đủ giấy tờ cần bổ sung.", details={"field": "items"},
                                   code="thieu_danh_sach_bo_sung")
        if d.supplement_count >= 1 and not override_reason.strip():
            raise Conflict("Hồ sơ đã được yêu cầu bổ sung một lần; lần tiếp theo phải ghi lý do và sẽ bị tính trễ hạn.",
                           code="da_yeu_cau_bo_sung")
        at = now()
        SupplementRequest.objects.create(dossier=d, requested_by=actor, requested_at=at, items=items,
                                         reason=reason.strip(), override_reason=override_reason.strip())
        d.supplement_count += 1
        d.paused_at = at
    return d


def receive_supplement(*, actor, dossier_id: int) -> Dossier:
    """The supplement arrived: the clock restarts with the remaining time."""
    with _action(actor, dossier_id, "receive_supplement") as d:
        at = now()
        SupplementRequest.objects.filter(dossier=d, received_at__isnull=True).update(received_at=at)
        _resume_clock(d, at)
    return d


def request_payment(*, actor, dossier_id: int, amount: int, description: str) -> Dossier:
    """Ask the applicant to fulfil a financial obligation; the clock stops meanwhile."""
    if amount <= 0:
        raise ValidationFailed("Số tiền phải lớn hơn 0.", details={"field": "amount"}, code="so_tien_khong_hop_le")
    with _action(actor, dossier_id, "request_payment") as d:
        at = now()
        FinancialObligation.objects.create(dossier=d, amount=amount, description=description, requested_at=at)
        d.paused_at = at
    return d


def record_payment(*, actor, dossier_id: int, online: bool = False) -> Dossier:
    with _action(actor, dossier_id, "record_payment") as d:
        at = now()
        FinancialObligation.objects.filter(dossier=d, paid_at__isnull=True).update(paid_at=at, paid_online=online)
        d.paid_online = d.paid_online or online
        _resume_clock(d, at)
    return d


def withdraw(*, actor, dossier_id: int, reason: str) -> Dossier:
    with _action(actor, dossier_id, "withdraw", reason=reason) as d:
        _end(d, now(), reason)
    return d


def stop(*, actor, dossier_id: int, reason: str) -> Dossier:
    """Form 05: stop processing, with the legal reason."""
    with _action(actor, dossier_id, "stop", reason=reason) as d:
        _end(d, now(), reason)
    return d


def finish(*, actor, dossier_id: int, note: str = "") -> Dossier:
    """The competent leader approves: processing ends and the result goes back to the receiving desk."""
    with _action(actor, dossier_id, "finish") as d:
        at = now()
        if d.current_org_id != d.org_id:
            Handover.objects.create(
                dossier=d, step=d.current_step, from_org_id=d.current_org_id, from_user=actor, to_org_id=d.org_id,
                at=at, step_due_at=d.step_due_at, result=_handover_result(at, d.step_due_at), note=note,
            )
        _end(d, at, "")
        d.current_org_id, d.assignee = d.org_id, None
    return d


def return_result(*, actor, dossier_id: int, method: str = ReturnMethod.DESK) -> Dossier:
    if method not in ReturnMethod.values:
        raise ValidationFailed("Hình thức trả kết quả không hợp lệ.", details={"field": "method"},
                               code="hinh_thuc_tra_khong_hop_le")
    with _action(actor, dossier_id, "return_result") as d:
        d.returned_at, d.return_method = now(), method
    return d


def apologise(*, actor, dossier_id: int, reason: str, new_due_at: datetime) -> Dossier:
    """Form 04: must be issued before the due date, with a later new date."""
    with _action(actor, dossier_id, "apologise", reason=reason) as d:
        at = now()
        if d.due_at is None or at > d.due_at:
            raise Conflict("Văn bản xin lỗi phải ban hành trước ngày hẹn trả; hồ sơ đã quá hạn.",
                           code="xin_loi_sau_han")
        if new_due_at <= max(d.due_at, d.apology_due_at or d.due_at):
            raise ValidationFailed("Ngày hẹn trả mới phải sau ngày hẹn hiện tại.", details={"field": "new_due_at"},
                                   code="hen_moi_khong_hop_le")
        Apology.objects.create(dossier=d, issued_by=actor, issued_at=at, reason=reason.strip(), new_due_at=new_due_at)
        d.apology_count += 1
        d.apology_due_at = new_due_at
    return d


# Officials may add a paper while the dossier is open to papers; the applicant only to answer a
# supplement request (outside one, the list is what the desk checked at receipt).
_ADD_COMPONENT_STATUSES = {Status.NEW, Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT}


def add_component(*, actor, dossier_id: int, name: str, component_id: int | None = None, form: str = "",
                  quantity: int = 1, provided: bool = True) -> DossierComponent:
    """Add a paper the dossier did not hold yet (e.g. one a supplement request asks for).

    Not a status change (no transition): locked, authorised and audited like the actions, and the
    dossier's component counters are recounted (ADR 0008 §11) in the same transaction.
    """
    name = " ".join((name or "").split())
    if not name:
        raise ValidationFailed("Thiếu tên giấy tờ.", details={"field": "name"}, code="thieu_ten_giay_to")
    if len(name) > DossierComponent._meta.get_field("name").max_length:
        raise ValidationFailed("Tên giấy tờ quá dài.", details={"field": "name"}, code="ten_giay_to_qua_dai")
    if not 1 <= quantity <= 100:
        raise ValidationFailed("Số lượng bản phải từ 1 đến 100.", details={"field": "quantity"},
                               code="so_luong_khong_hop_le")
    with transaction.atomic():
        d = Dossier.objects.select_for_update().filter(pk=dossier_id).first()
        if d is None:
            raise NotFound("Không tìm thấy hồ sơ.", code="ho_so_khong_ton_tai")
        roles = (roles_of(actor, d.current_org_id) | roles_of(actor, d.org_id)) & {Role.DESK, Role.SPECIALIST}
        if d.citizen_id and d.citizen_id == _uid(actor):
            roles.add(workflow.CITIZEN)
        if not roles:
            raise PermissionDenied("Chỉ Bộ phận Một cửa, chuyên viên thụ lý hoặc chính người nộp mới được thêm "
                                   "giấy tờ vào hồ sơ.", code="ngoai_pham_vi_don_vi")
        allowed = _ADD_COMPONENT_STATUSES if roles - {workflow.CITIZEN} else {Status.SUPPLEMENT}
        if d.status not in allowed:
            raise Conflict(f"Hồ sơ đang ở trạng thái “{Status(d.status).label}”, không thêm giấy tờ được.",
                           details={"status": int(d.status)}, code="khong_them_duoc_giay_to")
        version = version_by_id(d.version_id)
        ref = None
        if component_id is not None:
            ref = next((c for c in version.components.all() if c.id == component_id), None)
            if ref is None:
                raise ValidationFailed("Giấy tờ không thuộc thủ tục này.", details={"component_id": component_id},
                                       code="thanh_phan_khong_hop_le")
        if form and form not in dict(version.components.model._meta.get_field("form").choices):  # catalogue's
            raise ValidationFailed("Hình thức giấy tờ không hợp lệ.", details={"field": "form"},
                                   code="hinh_thuc_khong_hop_le")
        held = DossierComponent.objects.filter(dossier=d)
        if any(n.casefold() == name.casefold() for n in held.values_list("name", flat=True)) or (
                ref is not None and held.filter(component=ref).exists()):
            raise Conflict(f"Hồ sơ đã có giấy tờ “{name}”; hãy đính kèm tệp vào giấy tờ đó.",
                           code="giay_to_da_co")
        c = DossierComponent.objects.create(dossier=d, component=ref, name=name, form=form or (ref.form if ref else ""),
                                            quantity=quantity, provided=provided)
        before = {k: getattr(d, k) for k in ("components_provided", "components_digitised", "components_reused")}
        flags = list(held.filter(provided=True).values_list("digitised", "reused"))  # includes the new row
        d.components_provided = len(flags)
        d.components_digitised = sum(dg for dg, _r in flags)
        d.components_reused = sum(r for _dg, r in flags)
        after = {k: getattr(d, k) for k in before}
        d.save(update_fields=[*before, "updated_at"])
        _audit(d, "add_component", actor, before, {**after, "component": name}, note=name)
    return c


# ---------------------------------------------------------------- clock helpers


def _unit(d: Dossier) -> Unit:
    return Unit(d.version.processing_unit)


def _cutoff(d: Dossier) -> time:
    if d.version.cutoff:
        return d.version.cutoff
    h, m = settings.CCHC_DEFAULT_CUTOFF.split(":")
    return time(int(h), int(m))


@contextmanager
def _calendar_errors():
    """A year nobody entered is a clear, stable error for the caller, not a server error."""
    try:
        yield
    except CalendarDataMissing as e:
        raise CalendarNotReady(str(e), details={"year": e.year}) from e


@_calendar_errors()
def _start_clock(d: Dossier, at: datetime) -> None:
    c = get_calendar().start_clock(at, d.version.processing_amount, _unit(d), _cutoff(d))
    d.received_at = at
    d.clock_start, d.remaining, d.due_at, d.original_due_at = c.start, c.remaining, c.due, c.due
    d.step_due_at = _step_due(d, d.current_step, at)


@_calendar_errors()
def _resume_clock(d: Dossier, at: datetime) -> None:
    cal = get_calendar()
    r = cal.resume(start=d.clock_start, remaining=d.remaining, unit=_unit(d), cutoff=_cutoff(d),
                   paused_at=d.paused_at, resumed_at=at, due=d.due_at)
    d.clock_start, d.remaining, d.due_at = r.start, r.remaining, r.due
    d.paused_working_days += r.paused_working_days
    d.paused_working_minutes += r.paused_working_minutes
    d.paused_at = None
    if d.step_due_at and r.paused_working_days:
        # the step in progress was paused too: its deadline moves by the same working days
        moved = cal.add_working_days(timezone.localtime(d.step_due_at).date(), r.paused_working_days)
        d.step_due_at = d.step_due_at + (moved - timezone.localtime(d.step_due_at).date())


def _end(d: Dossier, at: datetime, reason: str) -> None:
    d.finished_at, d.end_reason = at, (reason or "").strip()
    # A dossier still waiting for the citizen when it ends is judged on the time it had used.
    d.is_late = bool(d.due_at and (d.paused_at or at) > d.due_at) or d.supplement_count > 1


@_calendar_errors()
def _step_due(d: Dossier, step, at: datetime):
    """A step's deadline: its share of the total time, counted from when it received the dossier."""
    if step is None or d.received_at is None:
        return None
    amount = max(1, math.ceil(d.version.processing_amount * float(step.share) / 100))
    return get_calendar().due(at, amount, _unit(d), None)


def _handover_result(at: datetime, due: datetime | None) -> str:
    if due is None or at.date() == due.date() and at <= due:
        return Handover.Result.ON_TIME
    return Handover.Result.AHEAD if at < due else Handover.Result.LATE


# ---------------------------------------------------------------- small helpers


def _org(org_id: int) -> Organisation:
    org = Organisation.objects.filter(pk=org_id).first()
    if org is None:
        raise NotFound("Không tìm thấy cơ quan nhận hồ sơ.", code="co_quan_khong_ton_tai")
    return org


def _uid(actor) -> int | None:
    return actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None


def _is_citizen(actor) -> bool:
    return bool(_uid(actor)) and not actor.memberships.exists() and not actor.is_staff


def _snapshot(d: Dossier) -> dict:
    out = {}
    for name in _TRACKED:
        v = getattr(d, name)
        out[name] = v.isoformat() if hasattr(v, "isoformat") else v
    return out


def _audit(d: Dossier, action: str, actor, before: dict, after: dict, note: str = "") -> AuditRecord:
    changed = {k for k in after if before.get(k) != after[k]}
    return AuditRecord.objects.create(
        dossier=d, action=action, actor=actor if _uid(actor) else None, at=now(),
        old={k: before.get(k) for k in changed}, new={k: after[k] for k in changed}, note=(note or "").strip(),
    )
