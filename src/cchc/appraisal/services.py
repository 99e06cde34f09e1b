"""Every write of SIPAS and PAR Index scoring, one keyword-only function per action.

Who may act (docs/adr/0011): a reform officer (Role.REFORM) scores only their own organisation;
appraisers (Role.APPRAISER, Sở Nội vụ) import trees, run surveys, appraise and publish. Scores are
Decimal with two decimals; a score above its criterion's maximum, or one that takes a parent's
total above the parent's maximum, is refused.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from cchc.core import clock
from cchc.core.errors import Conflict, DomainError, NotFound, PermissionDenied, ReasonRequired, ValidationFailed
from cchc.org.models import Membership, Organisation, Role
from cchc.org.selectors import org_by_id

from . import criteria_xlsx, formulas, selectors, sipas_csv
from .models import (
    Answer,
    Assessment,
    Campaign,
    CriteriaTree,
    Criterion,
    Evidence,
    Question,
    QuestionKind,
    Questionnaire,
    Reminder,
    ResponseChannel,
    Score,
    Stage,
    SurveyResponse,
    SurveySource,
)

EVIDENCE_TYPES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".zip"}
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
SATISFACTION_SCALE = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"]


class TooManyRequests(DomainError):
    code = "qua_nhieu_yeu_cau"
    status = 429
    message = "Bạn đã gửi quá nhiều phiếu trong thời gian ngắn, xin thử lại sau."


@dataclass
class Report:
    """Outcome of an all-or-nothing import."""

    ok: bool
    created: int = 0
    errors: list = field(default_factory=list)
    object_id: int | None = None

    def as_dict(self) -> dict:
        return {"ok": self.ok, "created": self.created, "object_id": self.object_id,
                "errors": [e.as_dict() for e in self.errors]}


def _require_appraiser(actor, what: str) -> None:
    if actor is not None and not selectors.is_appraiser(actor):  # actor None: a management command
        raise PermissionDenied(f"Chỉ Sở Nội vụ (vai trò thẩm định) được {what}.", code="chi_danh_cho_tham_dinh")


def _require_reform(actor, org_id: int) -> None:
    if not selectors.is_reform_officer(actor, org_id):
        raise PermissionDenied("Chuyên viên CCHC chỉ được chấm điểm cho đơn vị của mình.",
                               code="ngoai_pham_vi_don_vi")


def _uid(actor):
    return actor.pk if actor is not None and actor.is_authenticated else None


# ------------------------------------------------------------------ SIPAS


@dataclass
class QuestionSpec:
    code: str
    aspect: str
    kind: str
    text: str
    options: list[str] = field(default_factory=lambda: list(SATISFACTION_SCALE))
    satisfied_min: int | None = None


def create_questionnaire(*, actor, code: str, title: str, questions: list[QuestionSpec]) -> Questionnaire:
    """A new version of a questionnaire (a draft until published); older versions stay as they were."""
    _require_appraiser(actor, "soạn bộ câu hỏi SIPAS")
    if not questions:
        raise ValidationFailed("Bộ câu hỏi phải có ít nhất một câu hỏi.", code="bo_cau_hoi_trong")
    seen = set()
    for i, q in enumerate(questions, start=1):
        where = {"question": i, "code": q.code}
        if not q.code or q.code in seen:
            raise ValidationFailed(f"Câu {i}: mã câu hỏi trống hoặc bị lặp.", code="ma_cau_hoi_khong_hop_le",
                                   details=where)
        seen.add(q.code)
        if len(q.options) < 2:
            raise ValidationFailed(f"Câu {i}: thang trả lời phải có ít nhất hai mức.", code="thang_khong_hop_le",
                                   details=where)
        if q.kind == QuestionKind.SATISFACTION:
            if q.satisfied_min is None:
                q.satisfied_min = len(q.options) - 1  # the top two levels: satisfied and very satisfied
            if not 1 <= q.satisfied_min <= len(q.options):
                raise ValidationFailed(f"Câu {i}: mức hài lòng nằm ngoài thang.", code="thang_khong_hop_le",
                                       details=where)
        else:
            q.satisfied_min = None
    with transaction.atomic():
        last = Questionnaire.objects.select_for_update().filter(code=code).order_by("-version").first()
        qn = Questionnaire.objects.create(code=code, version=(last.version + 1) if last else 1, title=title)
        Question.objects.bulk_create([
            Question(questionnaire=qn, code=q.code, order=i, aspect=q.aspect, kind=q.kind, text=q.text,
                     options=q.options, satisfied_min=q.satisfied_min) for i, q in enumerate(questions, start=1)])
    return qn


def publish_questionnaire(*, actor, questionnaire_id: int) -> Questionnaire:
    _require_appraiser(actor, "công bố bộ câu hỏi SIPAS")
    with transaction.atomic():
        qn = Questionnaire.objects.select_for_update().filter(pk=questionnaire_id).first()
        if qn is None:
            raise NotFound("Không tìm thấy bộ câu hỏi.", code="bo_cau_hoi_khong_ton_tai")
        if qn.published_at is None:
            qn.published_at = clock.now()
            qn.save(update_fields=["published_at"])
    return qn


def open_campaign(*, actor, questionnaire_id: int, org_id: int, name: str, starts_on: date, ends_on: date
                  ) -> Campaign:
    _require_appraiser(actor, "mở đợt khảo sát SIPAS")
    qn = Questionnaire.objects.filter(pk=questionnaire_id).first()
    if qn is None or qn.published_at is None:
        raise ValidationFailed("Chỉ khảo sát bằng bộ câu hỏi đã công bố.", code="bo_cau_hoi_chua_cong_bo")
    if org_by_id(org_id) is None:
        raise NotFound("Không tìm thấy cơ quan được khảo sát.", code="to_chuc_khong_ton_tai")
    if ends_on < starts_on:
        raise ValidationFailed("Ngày kết thúc phải sau ngày bắt đầu.", code="thoi_gian_khong_hop_le")
    return Campaign.objects.create(questionnaire=qn, org_id=org_id, name=name.strip() or qn.title,
                                   starts_on=starts_on, ends_on=ends_on, token=secrets.token_urlsafe(18),
                                   created_by=actor if _uid(actor) else None)


def close_campaign(*, actor, campaign_id: int) -> Campaign:
    _require_appraiser(actor, "đóng đợt khảo sát SIPAS")
    n = Campaign.objects.filter(pk=campaign_id).update(is_open=False)
    if not n:
        raise NotFound("Không tìm thấy đợt khảo sát.", code="dot_khao_sat_khong_ton_tai")
    return Campaign.objects.get(pk=campaign_id)


def _questions(campaign: Campaign) -> dict[str, Question]:
    return {q.code: q for q in campaign.questionnaire.questions.all()}


def _clean_answers(campaign: Campaign, answers: dict[str, int]) -> dict[int, int]:
    questions, out, bad = _questions(campaign), {}, {}
    for code, value in answers.items():
        q = questions.get(code)
        if q is None:
            bad[code] = "không có câu hỏi này trong bộ câu hỏi"
        elif value is None or value == "":
            continue
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(q.options):
            bad[code] = f"phải là số từ 1 đến {len(q.options)}"
        else:
            out[q.id] = value
    if bad:
        raise ValidationFailed("Phiếu có câu trả lời không hợp lệ.", code="cau_tra_loi_khong_hop_le",
                               details={"errors": bad})
    if not out:
        raise ValidationFailed("Phiếu chưa trả lời câu hỏi nào.", code="phieu_trong")
    return out


def _save_response(campaign, values: dict[int, int], *, channel, answered_on, entered_by=None, digest=""):
    r = SurveyResponse.objects.create(campaign=campaign, org_id=campaign.org_id, channel=channel,
                                      answered_on=answered_on, submitted_at=clock.now(),
                                      entered_by=entered_by, source_digest=digest)
    Answer.objects.bulk_create([Answer(response=r, question_id=q, value=v) for q, v in values.items()])
    return r


def _rate_limit() -> tuple[int, int]:
    return getattr(settings, "CCHC_SIPAS_RATE_LIMIT", (20, 3600))  # responses per client, per seconds


def submit_public(*, token: str, answers: dict[str, int], client: str, channel: str = ResponseChannel.LINK
                  ) -> SurveyResponse:
    """A citizen answers through the campaign's public link: no login, no name asked, rate-limited per sender."""
    campaign = selectors.campaign_by_token(token)
    today = clock.now().date()
    if not campaign.is_open or not campaign.starts_on <= today <= campaign.ends_on:
        raise Conflict("Đợt khảo sát này không còn nhận phiếu.", code="dot_khao_sat_da_dong")
    # a keyed digest, never the address itself (Nghị định 13/2023)
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{campaign.id}:{client}".encode(), hashlib.sha256).hexdigest()
    limit, window = _rate_limit()
    values = _clean_answers(campaign, answers)
    with transaction.atomic():
        recent = SurveyResponse.objects.filter(campaign=campaign, source_digest=digest,
                                               submitted_at__gte=clock.now() - timedelta(seconds=window)).count()
        if recent >= limit:
            raise TooManyRequests(details={"limit": limit, "window_seconds": window})
        return _save_response(campaign, values, channel=channel, answered_on=today, digest=digest)


def _may_collect(actor, campaign: Campaign) -> None:
    if selectors.is_appraiser(actor) or (actor and actor.is_authenticated and any(
            org == campaign.org_id for org, _ in selectors.memberships(actor))):
        return
    raise PermissionDenied("Chỉ cán bộ của cơ quan được khảo sát hoặc Sở Nội vụ được nhập phiếu.",
                           code="ngoai_pham_vi_don_vi")


def record_response(*, actor, campaign_id: int, answers: dict[str, int], channel: str,
                    answered_on: date | None = None) -> SurveyResponse:
    """An officer types a paper form in, or a desk kiosk (logged in as an officer) records one."""
    campaign = Campaign.objects.select_related("questionnaire").filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound("Không tìm thấy đợt khảo sát.", code="dot_khao_sat_khong_ton_tai")
    _may_collect(actor, campaign)
    if channel not in (ResponseChannel.KIOSK, ResponseChannel.PAPER):
        raise ValidationFailed("Kênh nhập phiếu chỉ là máy khảo sát hoặc phiếu giấy.", code="kenh_khong_hop_le")
    answered_on = answered_on or clock.now().date()
    if not campaign.starts_on <= answered_on <= campaign.ends_on:
        raise ValidationFailed("Ngày trên phiếu nằm ngoài đợt khảo sát.", code="ngay_ngoai_dot_khao_sat")
    values = _clean_answers(campaign, answers)
    with transaction.atomic():
        return _save_response(campaign, values, channel=channel, answered_on=answered_on, entered_by=actor)


def import_responses(*, actor, campaign_id: int, data: bytes) -> Report:
    """Paper forms from a CSV file: every row valid or nothing imported."""
    campaign = Campaign.objects.select_related("questionnaire").filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound("Không tìm thấy đợt khảo sát.", code="dot_khao_sat_khong_ton_tai")
    _may_collect(actor, campaign)
    questions = {c: (q.id, len(q.options)) for c, q in _questions(campaign).items()}
    rows, issues = sipas_csv.read(data, questions, campaign.starts_on, campaign.ends_on)
    if issues:
        return Report(ok=False, errors=issues)
    with transaction.atomic():
        for row in rows:
            _save_response(campaign, row.values, channel=ResponseChannel.CSV, answered_on=row.answered_on,
                           entered_by=actor if _uid(actor) else None)
    return Report(ok=True, created=len(rows), object_id=campaign.id)


# ------------------------------------------------------------------ PAR Index: the tree


def import_criteria(*, actor, year: int, org_type: str, data: bytes, title: str = "",
                    sipas_questionnaire_id: int | None = None) -> Report:
    """A year's criteria tree from XLSX, all or nothing. A tree already scored is never replaced."""
    _require_appraiser(actor, "nhập bộ tiêu chí")
    nodes, issues = criteria_xlsx.read(data)
    if issues:
        return Report(ok=False, errors=issues)
    with transaction.atomic():
        old = CriteriaTree.objects.select_for_update().filter(year=year, org_type=org_type).first()
        if old is not None:
            if old.assessments.exists():
                raise Conflict(f"Bộ tiêu chí năm {year} đã được dùng để chấm điểm, không thay thế được.",
                               code="bo_tieu_chi_da_dung")
            old.delete()
        t = CriteriaTree.objects.create(year=year, org_type=org_type, title=title or f"Chỉ số CCHC năm {year}",
                                        sipas_questionnaire_id=sipas_questionnaire_id, imported_at=clock.now())
        made: dict[str, Criterion] = {}
        # display order: by code, so "2.10" follows "2.9" and children follow their parent
        ordered = sorted(nodes, key=lambda n: tuple(int(p) for p in n.code.split(".")))
        position = {n.code: i for i, n in enumerate(ordered, start=1)}
        for n in sorted(nodes, key=lambda n: n.level):  # parents before children
            made[n.code] = Criterion.objects.create(
                tree=t, parent=made.get(formulas.parent_code(n.code) or ""), code=n.code, level=n.level,
                order=position[n.code], name=n.name, max_points=n.max_points, guidance=n.guidance,
                evidence_required=n.evidence_required, is_survey=n.is_survey, sipas_aspect=n.sipas_aspect,
                is_leaf=not n.children)
    return Report(ok=True, created=len(nodes), object_id=t.id)


def set_deadlines(*, actor, tree_id: int, self_assessment_due: date, appraisal_due: date, publication_due: date,
                  remind_days_before: int = 3) -> CriteriaTree:
    """Stage deadlines, and a reminder for everyone who must act before each one."""
    _require_appraiser(actor, "đặt hạn các giai đoạn")
    if not self_assessment_due <= appraisal_due <= publication_due:
        raise ValidationFailed("Hạn tự đánh giá, thẩm định, công bố phải theo thứ tự thời gian.",
                               code="thu_tu_han_khong_hop_le")
    with transaction.atomic():
        t = CriteriaTree.objects.select_for_update().filter(pk=tree_id).first()
        if t is None:
            raise NotFound("Không tìm thấy bộ tiêu chí.", code="bo_tieu_chi_khong_ton_tai")
        t.self_assessment_due, t.appraisal_due, t.publication_due = self_assessment_due, appraisal_due, publication_due
        t.save(update_fields=["self_assessment_due", "appraisal_due", "publication_due"])
        t.reminders.all().delete()
        ahead = timedelta(days=remind_days_before)
        orgs = Organisation.objects.filter(kind__in=selectors.ORG_KINDS[t.org_type], successor__isnull=True)
        reform = Membership.objects.filter(org__in=orgs, role=Role.REFORM, active=True)
        rows = [Reminder(tree=t, stage="self", org_id=m.org_id, recipient_id=m.user_id, due_on=self_assessment_due,
                         remind_on=self_assessment_due - ahead) for m in reform]
        appraisers = Membership.objects.filter(role=Role.APPRAISER, active=True).values_list("user_id", flat=True)
        for uid in sorted(set(appraisers)):
            rows.append(Reminder(tree=t, stage="appraisal", recipient_id=uid, due_on=appraisal_due,
                                 remind_on=appraisal_due - ahead))
            rows.append(Reminder(tree=t, stage="publication", recipient_id=uid, due_on=publication_due,
                                 remind_on=publication_due - ahead))
        Reminder.objects.bulk_create(rows)
    return t


def due_reminders(on: date) -> list[Reminder]:
    """Reminders whose day has come, not yet sent, for a stage still open for whom they concern."""
    out = []
    for r in Reminder.objects.filter(remind_on__lte=on, sent_at__isnull=True).select_related(
            "tree", "org", "recipient").order_by("due_on", "stage", "org__name", "recipient__username"):
        if r.tree.published_at:
            continue
        stages = Assessment.objects.filter(tree=r.tree)
        if r.stage == "self" and stages.filter(org=r.org, stage__in=(
                Stage.SUBMITTED, Stage.APPRAISED, Stage.PUBLISHED)).exists():
            continue
        if r.stage == "appraisal" and not stages.filter(stage=Stage.SUBMITTED).exists():
            continue
        out.append(r)
    return out


def reminder_text(r: Reminder) -> str:
    what = {"self": f"gửi tự đánh giá Chỉ số CCHC năm {r.tree.year} của {r.org}",
            "appraisal": f"thẩm định Chỉ số CCHC năm {r.tree.year} ({r.tree.get_org_type_display()})",
            "publication": f"công bố kết quả Chỉ số CCHC năm {r.tree.year} ({r.tree.get_org_type_display()})"}
    return f"Nhắc việc: hạn {what[r.stage]} là ngày {r.due_on:%d/%m/%Y}."


def mark_sent(*, reminders: list[Reminder]) -> None:
    Reminder.objects.filter(pk__in=[r.pk for r in reminders]).update(sent_at=clock.now())


# ------------------------------------------------------------------ PAR Index: scoring


@dataclass
class ScoreEntry:
    code: str
    score: Decimal | str | int | float | None
    note: str = ""  # self-assessment: comment; appraisal: reason for a changed score


def _decimal(entry: ScoreEntry) -> Decimal | None:
    if entry.score is None or entry.score == "":
        return None
    try:
        d = Decimal(str(entry.score).replace(",", "."))
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite() or d < 0 or d != d.quantize(formulas.CENT):
        raise ValidationFailed(f"Điểm của tiêu chí {entry.code} phải là số không âm, tối đa hai chữ số thập phân.",
                               code="diem_khong_hop_le", details={"code": entry.code, "score": str(entry.score)})
    return d


def _open(tree_id: int, org_id: int, *, create: bool = False) -> tuple[Assessment, dict[str, Criterion]]:
    """The assessment row, locked for this transaction, with the tree's criteria by code."""
    t = selectors.tree(tree_id)
    org = org_by_id(org_id)
    if org is None:
        raise NotFound("Không tìm thấy tổ chức.", code="to_chuc_khong_ton_tai")
    if org.kind not in selectors.ORG_KINDS[t.org_type]:
        raise ValidationFailed(f"Bộ tiêu chí này dành cho {t.get_org_type_display()}.", code="sai_doi_tuong")
    if create:
        Assessment.objects.get_or_create(tree=t, org_id=org_id)
    a = Assessment.objects.select_for_update().filter(tree=t, org_id=org_id).first()
    if a is None:
        raise Conflict("Đơn vị chưa tự đánh giá.", code="chua_tu_danh_gia")
    a.tree = t
    return a, {c.code: c for c in selectors.criteria(t.id)}


def _leaf(nodes: dict[str, Criterion], code: str, *, survey: bool) -> Criterion:
    c = nodes.get(code)
    if c is None:
        raise NotFound(f"Không có tiêu chí {code} trong bộ tiêu chí.", code="tieu_chi_khong_ton_tai",
                       details={"code": code})
    if not c.is_leaf:
        raise ValidationFailed(f"Tiêu chí {code} có tiêu chí con: chấm điểm ở tiêu chí con.",
                               code="khong_phai_tieu_chi_la", details={"code": code})
    if c.is_survey != survey:
        raise ValidationFailed(
            f"Tiêu chí {code} là điểm điều tra xã hội học, do Sở Nội vụ xác định." if c.is_survey
            else f"Tiêu chí {code} không phải điểm điều tra xã hội học.", code="sai_loai_tieu_chi",
            details={"code": code})
    return c


def _check_max(c: Criterion, value: Decimal | None) -> None:
    if value is not None and value > c.max_points:
        raise ValidationFailed(f"Điểm {value} của tiêu chí {c.code} vượt điểm tối đa {c.max_points}.",
                               code="vuot_diem_toi_da", details={"code": c.code, "score": str(value),
                                                                  "max_points": str(c.max_points)})


def _check_parents(nodes: dict[str, Criterion], values: dict[int, Decimal | None]) -> None:
    """A parent's points are the sum of its children's and may not exceed its own maximum."""
    sums = selectors.totals(list(nodes.values()), values)
    for c in nodes.values():
        if not c.is_leaf and sums.get(c.id, 0) > c.max_points:
            raise ValidationFailed(
                f"Tổng điểm {sums[c.id]} của các tiêu chí con của {c.code} vượt điểm tối đa {c.max_points}.",
                code="vuot_diem_toi_da", details={"code": c.code, "score": str(sums[c.id]),
                                                  "max_points": str(c.max_points)})


def _scores(a: Assessment) -> dict[int, Score]:
    return {s.criterion_id: s for s in a.scores.all()}


def _totals(a: Assessment, nodes: dict[str, Criterion]) -> None:
    scores = list(a.scores.all())
    roots = [c for c in nodes.values() if c.parent_id is None]
    for attr, getter in (("self_total", lambda s: s.self_score), ("final_score", selectors.final_value)):
        sums = selectors.totals(list(nodes.values()), {s.criterion_id: getter(s) for s in scores})
        setattr(a, attr, sum((sums[c.id] for c in roots), Decimal(0)))


def save_self_scores(*, actor, tree_id: int, org_id: int, entries: list[ScoreEntry]) -> Assessment:
    """The organisation's reform officer scores its leaf criteria, with a comment each (draft only)."""
    _require_reform(actor, org_id)
    with transaction.atomic():
        a, nodes = _open(tree_id, org_id, create=True)
        if a.stage != Stage.DRAFT:
            raise Conflict("Bản tự đánh giá đã gửi, không sửa được nữa.", code="da_gui_tu_danh_gia")
        scores = _scores(a)
        for e in entries:
            c = _leaf(nodes, e.code, survey=False)
            value = _decimal(e)
            _check_max(c, value)
            s = scores.get(c.id) or Score(assessment=a, criterion=c)
            s.self_score, s.self_comment, s.updated_by = value, e.note.strip(), actor
            scores[c.id] = s
        _check_parents(nodes, {cid: s.self_score for cid, s in scores.items()})
        for s in scores.values():
            s.save()
        _totals(a, nodes)
        a.save(update_fields=["self_total", "final_score"])
    return a


def add_evidence(*, actor, tree_id: int, org_id: int, code: str, name: str, content: bytes) -> Evidence:
    _require_reform(actor, org_id)
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if suffix not in EVIDENCE_TYPES:
        raise ValidationFailed("Tệp minh chứng phải là PDF, văn bản, bảng tính, ảnh hoặc ZIP.",
                               code="loai_tep_khong_hop_le", details={"allowed": sorted(EVIDENCE_TYPES)})
    if not content or len(content) > EVIDENCE_MAX_BYTES:
        raise ValidationFailed("Tệp minh chứng trống hoặc lớn hơn 20 MB.", code="kich_thuoc_tep_khong_hop_le")
    with transaction.atomic():
        a, nodes = _open(tree_id, org_id, create=True)
        if a.stage != Stage.DRAFT:
            raise Conflict("Bản tự đánh giá đã gửi, không thêm minh chứng được nữa.", code="da_gui_tu_danh_gia")
        c = _leaf(nodes, code, survey=False)
        s, _ = Score.objects.get_or_create(assessment=a, criterion=c)
        ev = Evidence(score=s, name=name[:255], uploaded_by=actor, uploaded_at=clock.now())
        ev.file.save(name, ContentFile(content), save=False)
        ev.save()
    return ev


def submit_self_assessment(*, actor, tree_id: int, org_id: int) -> Assessment:
    _require_reform(actor, org_id)
    with transaction.atomic():
        a, nodes = _open(tree_id, org_id, create=True)
        if a.stage != Stage.DRAFT:
            raise Conflict("Bản tự đánh giá đã được gửi.", code="da_gui_tu_danh_gia")
        scores = _scores(a)
        missing = [c.code for c in nodes.values() if c.is_leaf and not c.is_survey
                   and (scores.get(c.id) is None or scores[c.id].self_score is None)]
        if missing:
            raise ValidationFailed(f"Còn {len(missing)} tiêu chí chưa chấm điểm.", code="chua_cham_du",
                                   details={"codes": missing})
        a.stage, a.submitted_at = Stage.SUBMITTED, clock.now()
        _totals(a, nodes)
        a.save(update_fields=["stage", "submitted_at", "self_total", "final_score"])
    return a


def _appraisable(actor, tree_id: int, org_id: int):
    _require_appraiser(actor, "thẩm định")
    a, nodes = _open(tree_id, org_id)
    if a.stage not in (Stage.SUBMITTED, Stage.APPRAISED):
        raise Conflict("Chỉ thẩm định bản tự đánh giá đã gửi và chưa công bố.", code="giai_doan_khong_hop_le",
                       details={"stage": a.stage})
    return a, nodes


def appraise(*, actor, tree_id: int, org_id: int, entries: list[ScoreEntry]) -> Assessment:
    """Sở Nội vụ sets appraised points; a point that differs from the self-score needs a reason.
    An empty score clears the adjustment (the self-score stands)."""
    with transaction.atomic():
        a, nodes = _appraisable(actor, tree_id, org_id)
        scores = _scores(a)
        for e in entries:
            c = _leaf(nodes, e.code, survey=False)
            value = _decimal(e)
            _check_max(c, value)
            s = scores.get(c.id) or Score(assessment=a, criterion=c)
            if value is not None and value != s.self_score and not e.note.strip():
                raise ReasonRequired(f"Điểm thẩm định của tiêu chí {c.code} khác điểm tự đánh giá: cần ghi lý do.",
                                     details={"code": c.code})
            s.appraised_score, s.appraisal_reason, s.updated_by = value, e.note.strip(), actor
            scores[c.id] = s
        _check_parents(nodes, {cid: selectors.final_value(s) for cid, s in scores.items()})
        for s in scores.values():
            s.save()
        _totals(a, nodes)
        a.save(update_fields=["self_total", "final_score"])
    return a


def set_survey_points(*, actor, tree_id: int, org_id: int, source: str,
                      entries: list[ScoreEntry] | None = None) -> Assessment:
    """Survey points: from SIPAS (share × the criterion's maximum; its aspect, or SIPAS overall) or entered."""
    with transaction.atomic():
        a, nodes = _appraisable(actor, tree_id, org_id)
        scores = _scores(a)
        survey = [c for c in nodes.values() if c.is_leaf and c.is_survey]
        if source == SurveySource.SIPAS:
            t = a.tree
            result = selectors.sipas_index(org_id=org_id, start=date(t.year, 1, 1), end=date(t.year, 12, 31),
                                           questionnaire_id=t.sipas_questionnaire_id)
            values = {}
            for c in survey:
                share = result.aspects[c.sipas_aspect].share if c.sipas_aspect else result.index
                if share is None:
                    raise Conflict(f"Chưa có phiếu SIPAS năm {t.year} của đơn vị để tính tiêu chí {c.code}.",
                                   code="chua_co_du_lieu_sipas", details={"code": c.code})
                values[c.code] = (formulas.survey_points(share, c.max_points), "")
        elif source == SurveySource.ENTERED:
            values = {}
            for e in entries or []:
                c = _leaf(nodes, e.code, survey=True)
                value = _decimal(e)
                _check_max(c, value)
                values[c.code] = (value, e.note.strip())
        else:
            raise ValidationFailed("Nguồn điểm điều tra chỉ là 'sipas' hoặc 'entered'.", code="nguon_khong_hop_le")
        for code, (value, note) in values.items():
            c = nodes[code]
            s = scores.get(c.id) or Score(assessment=a, criterion=c)
            s.appraised_score, s.appraisal_reason, s.survey_source, s.updated_by = value, note, source, actor
            scores[c.id] = s
        _check_parents(nodes, {cid: selectors.final_value(s) for cid, s in scores.items()})
        for s in scores.values():
            s.save()
        _totals(a, nodes)
        a.save(update_fields=["self_total", "final_score"])
    return a


def finish_appraisal(*, actor, tree_id: int, org_id: int) -> Assessment:
    with transaction.atomic():
        a, nodes = _appraisable(actor, tree_id, org_id)
        scores = _scores(a)
        missing = [c.code for c in nodes.values() if c.is_leaf and c.is_survey
                   and (scores.get(c.id) is None or scores[c.id].appraised_score is None)]
        if missing:
            raise ValidationFailed("Chưa có điểm điều tra xã hội học.", code="thieu_diem_dieu_tra",
                                   details={"codes": missing})
        a.stage, a.appraised_at = Stage.APPRAISED, clock.now()
        _totals(a, nodes)
        a.save(update_fields=["stage", "appraised_at", "self_total", "final_score"])
    return a


def publish_results(*, actor, tree_id: int) -> CriteriaTree:
    """Publish every appraised assessment of the tree; from then on the ranking is public and frozen."""
    _require_appraiser(actor, "công bố kết quả")
    with transaction.atomic():
        t = CriteriaTree.objects.select_for_update().filter(pk=tree_id).first()
        if t is None:
            raise NotFound("Không tìm thấy bộ tiêu chí.", code="bo_tieu_chi_khong_ton_tai")
        pending = list(t.assessments.filter(stage=Stage.SUBMITTED).values_list("org__name", flat=True))
        if pending:
            raise Conflict("Còn bản tự đánh giá chưa thẩm định xong.", code="con_ban_chua_tham_dinh",
                           details={"organisations": pending})
        if not t.assessments.filter(stage=Stage.APPRAISED).exists():
            raise Conflict("Chưa có kết quả đã thẩm định để công bố.", code="chua_co_ket_qua")
        t.assessments.filter(stage=Stage.APPRAISED).update(stage=Stage.PUBLISHED)
        t.published_at = clock.now()
        t.save(update_fields=["published_at"])
    return t

