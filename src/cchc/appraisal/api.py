"""SIPAS and PAR Index API, mounted under /api/v1/ (see cchc/api/urls.py).

Public without login: the survey behind a campaign's link (rate-limited), published rankings,
an organisation's published history. Everything else needs a token or a session; who may do what
is decided in ``services`` (docs/adr/0011).
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from ninja import Field, File, Form, Router, Schema
from ninja import Status as HttpStatus  # an HTTP status with its body
from ninja.files import UploadedFile

from cchc.api.auth import TokenAuth, token_or_session
from cchc.api.errors import responses
from cchc.core.errors import NotFound, PermissionDenied, ValidationFailed
from cchc.org.selectors import org_by_code

from . import results_xlsx, selectors, services
from .criteria_xlsx import write as write_tree
from .models import Aspect, Campaign, CriteriaTree, OrgType, QuestionKind, ResponseChannel, Stage, SurveySource

router = Router(tags=["SIPAS, Chỉ số CCHC"], auth=token_or_session)
ERRORS = responses(400, 401, 403, 404, 409, 422)
PUBLIC_ERRORS = responses(404, 409, 422, 429)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _org_id(code: str) -> int:
    org = org_by_code(code)
    if org is None:
        raise NotFound(f"Không có tổ chức mã '{code}'.", code="to_chuc_khong_ton_tai")
    return org.id


def _failed(report: services.Report, what: str) -> None:
    if not report.ok:
        raise ValidationFailed(f"Không nhập {what} nào: tệp có {len(report.errors)} lỗi.", code="tep_khong_hop_le",
                               details={"errors": [e.as_dict() for e in report.errors]})


class ImportOut(Schema):
    ok: bool
    created: int = Field(description="số dòng đã nhập")
    object_id: int | None = Field(description="bộ tiêu chí hoặc đợt khảo sát đã nhập vào")


# ------------------------------------------------------------------ SIPAS


class QuestionIn(Schema):
    code: str = Field(min_length=1, max_length=20, description="mã câu hỏi, cũng là tên cột khi nhập CSV")
    aspect: Aspect
    kind: QuestionKind
    text: str = Field(min_length=1, max_length=2000)
    options: list[str] = Field(default_factory=lambda: list(services.SATISFACTION_SCALE), min_length=2,
                               max_length=11, description="thang trả lời, từ kém nhất (giá trị 1) đến tốt nhất")
    satisfied_min: int | None = Field(None, description="câu hỏi mức độ hài lòng: giá trị từ mức này là hài lòng; "
                                                         "mặc định hai mức cao nhất")


class QuestionnaireIn(Schema):
    code: str = Field(min_length=1, max_length=40)
    title: str = Field(min_length=1, max_length=255)
    questions: list[QuestionIn] = Field(min_length=1, max_length=200)


class QuestionOut(Schema):
    code: str
    order: int
    aspect: str
    kind: str
    text: str
    options: list[str]
    satisfied_min: int | None


class QuestionnaireOut(Schema):
    id: int
    code: str
    version: int
    title: str
    published_at: datetime | None
    questions: list[QuestionOut]


def _questionnaire(qn) -> dict:
    return {"id": qn.id, "code": qn.code, "version": qn.version, "title": qn.title,
            "published_at": qn.published_at, "questions": [
                {"code": q.code, "order": q.order, "aspect": q.aspect, "kind": q.kind, "text": q.text,
                 "options": q.options, "satisfied_min": q.satisfied_min} for q in qn.questions.all()]}


@router.post("/sipas/questionnaires", response={201: QuestionnaireOut, **ERRORS}, summary="Soạn phiên bản mới "
             "của bộ câu hỏi SIPAS")
def create_questionnaire(request, payload: QuestionnaireIn):
    qn = services.create_questionnaire(actor=request.user, code=payload.code, title=payload.title, questions=[
        services.QuestionSpec(**q.dict()) for q in payload.questions])
    return HttpStatus(201, _questionnaire(qn))


@router.post("/sipas/questionnaires/{questionnaire_id}/publish", response={200: QuestionnaireOut, **ERRORS},
             summary="Công bố bộ câu hỏi")
def publish_questionnaire(request, questionnaire_id: int):
    return _questionnaire(services.publish_questionnaire(actor=request.user, questionnaire_id=questionnaire_id))


class CampaignIn(Schema):
    questionnaire_id: int
    org_code: str = Field(description="mã cơ quan được khảo sát")
    name: str = Field("", max_length=255)
    starts_on: date
    ends_on: date


class CampaignOut(Schema):
    id: int
    name: str
    org_code: str
    questionnaire_id: int
    starts_on: date
    ends_on: date
    is_open: bool
    token: str = Field(description="mã của liên kết công khai /danh-gia/khao-sat/{token}/")


def _campaign(c: Campaign) -> dict:
    return {"id": c.id, "name": c.name, "org_code": c.org.code, "questionnaire_id": c.questionnaire_id,
            "starts_on": c.starts_on, "ends_on": c.ends_on, "is_open": c.is_open, "token": c.token}


@router.post("/sipas/campaigns", response={201: CampaignOut, **ERRORS}, summary="Mở đợt khảo sát")
def open_campaign(request, payload: CampaignIn):
    c = services.open_campaign(actor=request.user, questionnaire_id=payload.questionnaire_id,
                               org_id=_org_id(payload.org_code), name=payload.name, starts_on=payload.starts_on,
                               ends_on=payload.ends_on)
    return HttpStatus(201, _campaign(c))


class PublicSurveyOut(Schema):
    campaign: str
    org_name: str
    ends_on: date
    title: str
    questions: list[QuestionOut]


@router.get("/sipas/public/{token}", auth=None, response={200: PublicSurveyOut, **PUBLIC_ERRORS},
            summary="Phiếu khảo sát của một liên kết công khai")
def public_survey(request, token: str):
    c = selectors.campaign_by_token(token)
    qn = _questionnaire(c.questionnaire)
    return {"campaign": c.name, "org_name": c.org.name, "ends_on": c.ends_on, "title": qn["title"],
            "questions": qn["questions"]}


class AnswersIn(Schema):
    answers: dict[str, int | None] = Field(description="mã câu hỏi → giá trị 1…n của thang; bỏ trống: không trả lời")


class ResponseOut(Schema):
    id: int
    channel: str
    answered_on: date
    answers: int


def _response(r) -> dict:
    return {"id": r.id, "channel": r.channel, "answered_on": r.answered_on, "answers": r.answers.count()}


@router.post("/sipas/public/{token}/responses", auth=None, response={201: ResponseOut, **PUBLIC_ERRORS},
             summary="Gửi phiếu qua liên kết công khai (không cần đăng nhập, giới hạn số phiếu mỗi giờ)")
def submit_public(request, token: str, payload: AnswersIn):
    r = services.submit_public(token=token, answers=payload.answers, client=request.META.get("REMOTE_ADDR", ""))
    return HttpStatus(201, _response(r))


class OfficerAnswersIn(AnswersIn):
    channel: ResponseChannel = Field(ResponseChannel.PAPER, description="paper: phiếu giấy; kiosk: máy tại quầy")
    answered_on: date | None = Field(None, description="ngày ghi trên phiếu giấy")


@router.post("/sipas/campaigns/{campaign_id}/responses", response={201: ResponseOut, **ERRORS},
             summary="Cán bộ nhập phiếu giấy hoặc máy khảo sát tại quầy ghi phiếu")
def record_response(request, campaign_id: int, payload: OfficerAnswersIn):
    r = services.record_response(actor=request.user, campaign_id=campaign_id, answers=payload.answers,
                                 channel=payload.channel, answered_on=payload.answered_on)
    return HttpStatus(201, _response(r))


@router.post("/sipas/campaigns/{campaign_id}/import", response={201: ImportOut, **ERRORS},
             summary="Nhập phiếu từ tệp CSV (tất cả hoặc không gì; lỗi liệt kê từng dòng)")
def import_responses(request, campaign_id: int, file: UploadedFile = File(...)):
    report = services.import_responses(actor=request.user, campaign_id=campaign_id, data=file.read())
    _failed(report, "phiếu")
    return HttpStatus(201, report.as_dict())


class AspectOut(Schema):
    aspect: str
    label: str
    satisfied: int
    answers: int
    index: float | None = Field(description="% hài lòng và rất hài lòng; null khi không có câu trả lời")


class SipasOut(Schema):
    org_code: str | None
    start: date
    end: date
    responses: int = Field(description="cỡ mẫu: số phiếu")
    sipas: float | None = Field(description="% — trung bình các khía cạnh có dữ liệu")
    aspects: list[AspectOut]


@router.get("/sipas/index", auth=None, response={200: SipasOut, **PUBLIC_ERRORS},
            summary="Chỉ số SIPAS theo khía cạnh và chung, kèm cỡ mẫu, của một cơ quan (hoặc cả tỉnh) trong kỳ")
def sipas_index(request, start: date, end: date, org_code: str | None = None):
    if end < start:
        raise ValidationFailed("Ngày kết thúc phải sau ngày bắt đầu.", code="thoi_gian_khong_hop_le")
    result = selectors.sipas_index(org_id=_org_id(org_code) if org_code else None, start=start, end=end)
    return {**result.as_dict(), "org_code": org_code}


# ------------------------------------------------------------------ PAR Index


class TreeOut(Schema):
    id: int
    year: int
    org_type: str
    title: str
    self_assessment_due: date | None
    appraisal_due: date | None
    publication_due: date | None
    published_at: datetime | None


class NodeOut(Schema):
    code: str
    level: int
    name: str
    max_points: Decimal
    guidance: str
    evidence_required: str
    is_survey: bool
    sipas_aspect: str
    is_leaf: bool


class TreeDetail(TreeOut):
    criteria: list[NodeOut]


@router.get("/par/trees", auth=None, response=list[TreeOut], summary="Các bộ tiêu chí theo năm")
def trees(request):
    return list(CriteriaTree.objects.all())


@router.post("/par/trees/import", response={201: ImportOut, **ERRORS},
             summary="Nhập bộ tiêu chí từ XLSX (tất cả hoặc không gì; lỗi liệt kê bảng, dòng, cột, lý do)")
def import_tree(request, year: Form[int], org_type: Form[OrgType], file: UploadedFile = File(...),
                title: Form[str] = ""):
    report = services.import_criteria(actor=request.user, year=year, org_type=org_type, data=file.read(),
                                      title=title)
    _failed(report, "tiêu chí")
    return HttpStatus(201, report.as_dict())


@router.get("/par/trees/{tree_id}", auth=None, response={200: TreeDetail, **PUBLIC_ERRORS},
            summary="Bộ tiêu chí: lĩnh vực, tiêu chí, tiêu chí thành phần")
def tree_detail(request, tree_id: int):
    t = selectors.tree(tree_id)
    return {**{f: getattr(t, f) for f in TreeOut.model_fields}, "criteria": selectors.criteria(t.id)}


@router.get("/par/trees/{tree_id}/criteria.xlsx", auth=None, response={200: None, **PUBLIC_ERRORS},
            summary="Tải bộ tiêu chí theo mẫu nhập XLSX")
def export_tree(request, tree_id: int):
    nodes = [{"code": n.code, "name": n.name, "max_points": float(n.max_points), "guidance": n.guidance,
              "evidence_required": n.evidence_required, "is_survey": n.is_survey, "sipas_aspect": n.sipas_aspect}
             for n in selectors.criteria(selectors.tree(tree_id).id)]
    return _xlsx(write_tree(nodes), f"tieu-chi-{tree_id}.xlsx")


class DeadlinesIn(Schema):
    self_assessment_due: date
    appraisal_due: date
    publication_due: date
    remind_days_before: int = Field(3, ge=0, le=60)


@router.put("/par/trees/{tree_id}/deadlines", response={200: TreeOut, **ERRORS},
            summary="Đặt hạn tự đánh giá, thẩm định, công bố (kèm lời nhắc)")
def deadlines(request, tree_id: int, payload: DeadlinesIn):
    return services.set_deadlines(actor=request.user, tree_id=tree_id, **payload.dict())


class ScoreIn(Schema):
    code: str = Field(description="mã tiêu chí (tiêu chí không có tiêu chí con)")
    score: Decimal | None = Field(description="điểm, tối đa hai chữ số thập phân; null: xóa")
    note: str = Field("", max_length=4000, description="tự đánh giá: giải trình; thẩm định: lý do điều chỉnh")


class ScoresIn(Schema):
    scores: list[ScoreIn] = Field(max_length=1000)


class SurveyIn(Schema):
    source: SurveySource
    scores: list[ScoreIn] = Field(default_factory=list, description="chỉ khi nhập trực tiếp")


class EvidenceOut(Schema):
    id: int
    name: str
    uploaded_at: datetime


class RowOut(Schema):
    code: str
    level: int
    name: str
    max_points: Decimal
    is_survey: bool
    self_score: Decimal | None = Field(description="lá: điểm tự chấm; nhóm: tổng các tiêu chí con")
    self_comment: str
    appraised_score: Decimal | None
    appraisal_reason: str
    final_score: Decimal | None
    evidence: list[EvidenceOut]


class AssessmentOut(Schema):
    tree_id: int
    year: int
    org_code: str
    stage: str
    submitted_at: datetime | None
    appraised_at: datetime | None
    self_total: Decimal
    final_score: Decimal
    rows: list[RowOut]


def _assessment(view: selectors.AssessmentView, org_code: str) -> dict:
    a = view.assessment
    rows = []
    for r in view.rows:
        n, s = r["node"], r["score"]
        rows.append({"code": n.code, "level": n.level, "name": n.name, "max_points": n.max_points,
                     "is_survey": n.is_survey,
                     "self_score": (s.self_score if s else None) if n.is_leaf else r["self_total"],
                     "self_comment": s.self_comment if s else "",
                     "appraised_score": s.appraised_score if s else None,
                     "appraisal_reason": s.appraisal_reason if s else "",
                     "final_score": r["final_total"] if (not n.is_leaf or selectors.final_value(s) is not None)
                     else None,
                     "evidence": [{"id": e.id, "name": e.name, "uploaded_at": e.uploaded_at}
                                  for e in (s.evidence.all() if s else [])]})
    return {"tree_id": view.tree.id, "year": view.tree.year, "org_code": org_code,
            "stage": a.stage if a else Stage.DRAFT, "submitted_at": a.submitted_at if a else None,
            "appraised_at": a.appraised_at if a else None, "self_total": view.self_total,
            "final_score": view.final_total, "rows": rows}


def _view(request, tree_id: int, org_code: str) -> dict:
    return _assessment(selectors.assessment_for(request.user, selectors.tree(tree_id), _org_id(org_code)), org_code)


def _entries(payload) -> list[services.ScoreEntry]:
    return [services.ScoreEntry(s.code, s.score, s.note) for s in payload.scores]


A = "/par/trees/{tree_id}/assessments/{org_code}"


@router.get(A, response={200: AssessmentOut, **ERRORS}, summary="Bản đánh giá của một đơn vị")
def assessment(request, tree_id: int, org_code: str):
    return _view(request, tree_id, org_code)


@router.put(A + "/self-scores", response={200: AssessmentOut, **ERRORS},
            summary="Chuyên viên CCHC của đơn vị tự chấm điểm (kèm giải trình)")
def self_scores(request, tree_id: int, org_code: str, payload: ScoresIn):
    services.save_self_scores(actor=request.user, tree_id=tree_id, org_id=_org_id(org_code),
                              entries=_entries(payload))
    return _view(request, tree_id, org_code)


@router.post(A + "/evidence", response={201: EvidenceOut, **ERRORS}, summary="Đính kèm tài liệu kiểm chứng")
def evidence(request, tree_id: int, org_code: str, code: Form[str], file: UploadedFile = File(...)):
    ev = services.add_evidence(actor=request.user, tree_id=tree_id, org_id=_org_id(org_code), code=code,
                               name=file.name or "minh-chung", content=file.read())
    return HttpStatus(201, {"id": ev.id, "name": ev.name, "uploaded_at": ev.uploaded_at})


@router.post(A + "/submit", response={200: AssessmentOut, **ERRORS}, summary="Gửi bản tự đánh giá")
def submit(request, tree_id: int, org_code: str):
    services.submit_self_assessment(actor=request.user, tree_id=tree_id, org_id=_org_id(org_code))
    return _view(request, tree_id, org_code)


@router.put(A + "/appraisal", response={200: AssessmentOut, **ERRORS},
            summary="Sở Nội vụ thẩm định: điểm điều chỉnh và lý do (bắt buộc khi khác điểm tự chấm)")
def appraisal(request, tree_id: int, org_code: str, payload: ScoresIn):
    services.appraise(actor=request.user, tree_id=tree_id, org_id=_org_id(org_code), entries=_entries(payload))
    return _view(request, tree_id, org_code)


@router.put(A + "/survey-points", response={200: AssessmentOut, **ERRORS},
            summary="Điểm điều tra xã hội học: tính từ SIPAS hoặc nhập trực tiếp")
def survey_points(request, tree_id: int, org_code: str, payload: SurveyIn):
    services.set_survey_points(actor=request.user, tree_id=tree_id, org_id=_org_id(org_code),
                               source=payload.source, entries=_entries(payload))
    return _view(request, tree_id, org_code)


@router.post(A + "/finish-appraisal", response={200: AssessmentOut, **ERRORS}, summary="Kết thúc thẩm định")
def finish(request, tree_id: int, org_code: str):
    services.finish_appraisal(actor=request.user, tree_id=tree_id, org_id=_org_id(org_code))
    return _view(request, tree_id, org_code)


@router.post("/par/trees/{tree_id}/publish", response={200: TreeOut, **ERRORS}, summary="Công bố kết quả")
def publish(request, tree_id: int):
    return services.publish_results(actor=request.user, tree_id=tree_id)


class RankOut(Schema):
    rank: int = Field(description="bằng điểm thì cùng hạng (1, 2, 2, 4)")
    org_code: str
    org_name: str
    self_total: Decimal | None
    final_score: Decimal


@router.get("/par/rankings/{year}/{org_type}", auth=None, response={200: list[RankOut], **PUBLIC_ERRORS},
            summary="Xếp hạng đã công bố")
def rankings(request, year: int, org_type: OrgType):
    return selectors.ranking(selectors.tree_for(year, org_type))


@router.get("/par/trees/{tree_id}/results.xlsx", auth=None, response={200: None, **ERRORS},
            summary="Tải kết quả XLSX (công khai khi đã công bố; Sở Nội vụ tải được trước)")
def results(request, tree_id: int):
    t = selectors.tree(tree_id)
    user = _optional_user(request)
    appraiser = selectors.is_appraiser(user)
    if not (t.published_at or appraiser):
        raise PermissionDenied("Kết quả chưa được công bố.", code="chua_cong_bo")
    return _xlsx(results_xlsx.export(t, published_only=not appraiser), f"chi-so-cchc-{t.year}-{t.org_type}.xlsx")


class HistoryOut(Schema):
    year: int
    org_type: str
    final_score: Decimal
    rank: int
    of: int


@router.get("/par/history/{org_code}", auth=None, response={200: list[HistoryOut], **PUBLIC_ERRORS},
            summary="Kết quả đã công bố của một đơn vị qua các năm")
def history(request, org_code: str):
    return selectors.history(_org_id(org_code))


def _optional_user(request):
    """The caller if a valid token or session came with a public request."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return TokenAuth().authenticate(request, header[7:])
    return request.user if request.user.is_authenticated else None


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
