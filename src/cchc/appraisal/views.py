"""Pages (Vietnamese, server-rendered): the public survey, kiosk and paper entry, self-assessment,
appraisal, the published ranking and SIPAS results. Thin: every write goes through ``services``."""
from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cchc.core import clock
from cchc.core.errors import DomainError, PermissionDenied
from cchc.org.models import Organisation
from cchc.org.selectors import org_by_code

from . import selectors, services
from .models import Aspect, Assessment, CriteriaTree, Evidence, ResponseChannel, Stage, SurveySource


def _page(request, template: str, context: dict, error: DomainError | None = None):
    status = error.status if error else 200
    return render(request, f"appraisal/{template}", {**context, "error": error}, status=status)


def index(request):
    trees = CriteriaTree.objects.all()
    mine = []
    if request.user.is_authenticated:
        for org_id, role in selectors.memberships(request.user):
            if role == "reform":
                org = Organisation.objects.get(pk=org_id)
                mine += [(t, org) for t in trees if org.kind in selectors.ORG_KINDS[t.org_type]]
    return render(request, "appraisal/index.html", {
        "trees": trees, "mine": mine, "appraiser": selectors.is_appraiser(request.user)})


# ------------------------------------------------------------------ SIPAS


def _answers(request, campaign) -> dict[str, int | None]:
    out = {}
    for q in campaign.questionnaire.questions.all():
        raw = request.POST.get(q.code, "")
        out[q.code] = int(raw) if raw.isdigit() else (None if raw == "" else -1)
    return out


@require_http_methods(["GET", "POST"])
def survey(request, token: str, channel: str = ResponseChannel.LINK):
    """The public form (no login); the same form for a desk kiosk or for typing a paper form (login)."""
    try:
        campaign = selectors.campaign_by_token(token)
    except DomainError:
        raise Http404 from None
    if channel != ResponseChannel.LINK and not request.user.is_authenticated:
        return redirect(f"/admin/login/?next={request.path}")
    questions = list(campaign.questionnaire.questions.all())
    context = {"campaign": campaign, "questions": questions, "aspects": Aspect, "channel": channel, "done": False,
               "today": clock.now().date()}
    if request.method == "POST":
        try:
            answers = _answers(request, campaign)
            if channel == ResponseChannel.LINK:
                services.submit_public(token=token, answers=answers, client=request.META.get("REMOTE_ADDR", ""))
            else:
                answered_on = _date(request.POST.get("answered_on")) if channel == ResponseChannel.PAPER else None
                services.record_response(actor=request.user, campaign_id=campaign.id, answers=answers,
                                         channel=channel, answered_on=answered_on)
        except DomainError as e:
            return _page(request, "survey.html", {**context, "posted": request.POST}, e)
        context["done"] = True
    return _page(request, "survey.html", context)


def _date(text: str | None) -> date | None:
    try:
        return datetime.strptime(text or "", "%d/%m/%Y").date()
    except ValueError:
        return None


def sipas_results(request):
    year = int(request.GET.get("nam") or clock.now().year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    orgs = Organisation.objects.filter(sipas_campaigns__isnull=False).distinct().order_by("name")
    rows = [(o, selectors.sipas_index(org_id=o.id, start=start, end=end).as_dict()) for o in orgs]
    return render(request, "appraisal/sipas.html", {
        "year": year, "rows": [r for r in rows if r[1]["responses"]], "aspects": list(Aspect),
        "province": selectors.sipas_index(org_id=None, start=start, end=end).as_dict()})


# ------------------------------------------------------------------ PAR Index


def _context(request, tree_id: int, org_code: str) -> dict:
    t = selectors.tree(tree_id)
    org = org_by_code(org_code)
    if org is None:
        raise Http404
    view = selectors.assessment_for(request.user, t, org.id)
    stage = view.assessment.stage if view.assessment else Stage.DRAFT
    return {"tree": t, "org": org, "view": view, "stage": stage, "can_self": stage == Stage.DRAFT,
            "can_appraise": stage in (Stage.SUBMITTED, Stage.APPRAISED)}


def _entries(request, view, *, field: str, note: str, survey: bool = False) -> list[services.ScoreEntry]:
    out = []
    for row in view.rows:
        n = row["node"]
        if n.is_leaf and n.is_survey == survey and f"{field}_{n.code}" in request.POST:
            out.append(services.ScoreEntry(n.code, request.POST[f"{field}_{n.code}"].strip() or None,
                                           request.POST.get(f"{note}_{n.code}", "")))
    return out


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment(request, tree_id: int, org_code: str):
    try:
        org = org_by_code(org_code)
        if org is None or not selectors.is_reform_officer(request.user, org.id):
            raise PermissionDenied("Chuyên viên CCHC chỉ được chấm điểm cho đơn vị của mình.",
                                   code="ngoai_pham_vi_don_vi")
        ctx = _context(request, tree_id, org_code)
    except DomainError as e:
        return _page(request, "self_assessment.html", {}, e)
    if request.method == "POST":
        org_id = ctx["org"].id
        try:
            services.save_self_scores(actor=request.user, tree_id=tree_id, org_id=org_id,
                                      entries=_entries(request, ctx["view"], field="score", note="comment"))
            for key, upload in request.FILES.items():
                if key.startswith("evidence_"):
                    services.add_evidence(actor=request.user, tree_id=tree_id, org_id=org_id,
                                          code=key.removeprefix("evidence_"), name=upload.name,
                                          content=upload.read())
            if request.POST.get("action") == "submit":
                services.submit_self_assessment(actor=request.user, tree_id=tree_id, org_id=org_id)
        except DomainError as e:
            return _page(request, "self_assessment.html", {**_context(request, tree_id, org_code),
                                                           "posted": request.POST}, e)
        return redirect(request.path)
    return _page(request, "self_assessment.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def appraisal(request, tree_id: int, org_code: str):
    try:
        if not selectors.is_appraiser(request.user):
            raise PermissionDenied("Chỉ Sở Nội vụ (vai trò thẩm định) được thẩm định.", code="chi_danh_cho_tham_dinh")
        ctx = _context(request, tree_id, org_code)
    except DomainError as e:
        return _page(request, "appraisal.html", {}, e)
    if request.method == "POST":
        org_id, action = ctx["org"].id, request.POST.get("action", "save")
        try:
            if action == "sipas":
                services.set_survey_points(actor=request.user, tree_id=tree_id, org_id=org_id,
                                           source=SurveySource.SIPAS)
            else:
                services.appraise(actor=request.user, tree_id=tree_id, org_id=org_id,
                                  entries=_entries(request, ctx["view"], field="score", note="reason"))
                survey = _entries(request, ctx["view"], field="survey", note="survey_reason", survey=True)
                if any(e.score is not None for e in survey):
                    services.set_survey_points(actor=request.user, tree_id=tree_id, org_id=org_id,
                                               source=SurveySource.ENTERED, entries=survey)
                if action == "finish":
                    services.finish_appraisal(actor=request.user, tree_id=tree_id, org_id=org_id)
        except DomainError as e:
            return _page(request, "appraisal.html", {**_context(request, tree_id, org_code),
                                                     "posted": request.POST}, e)
        return redirect(request.path)
    return _page(request, "appraisal.html", ctx)


@require_http_methods(["GET", "POST"])
def ranking(request, tree_id: int):
    try:
        t = selectors.tree(tree_id)
    except DomainError:
        raise Http404 from None
    appraiser = selectors.is_appraiser(request.user)
    error = None
    if request.method == "POST":
        try:
            services.publish_results(actor=request.user, tree_id=tree_id)
            return redirect(request.path)
        except DomainError as e:
            error = e
    pending = Assessment.objects.filter(tree=t).exclude(stage=Stage.PUBLISHED).select_related("org").order_by(
        "org__name") if appraiser else []
    return _page(request, "ranking.html", {
        "tree": t, "rows": selectors.ranking(t, published_only=not appraiser), "appraiser": appraiser,
        "pending": pending, "history_years": CriteriaTree.objects.filter(
            org_type=t.org_type, published_at__isnull=False).order_by("-year")}, error)


@login_required
def evidence_file(request, evidence_id: int):
    ev = Evidence.objects.select_related("score__assessment").filter(pk=evidence_id).first()
    if ev is None:
        raise Http404
    a = ev.score.assessment
    if not (selectors.is_reform_officer(request.user, a.org_id) or selectors.is_appraiser(request.user)):
        return _page(request, "self_assessment.html", {}, PermissionDenied(
            "Chỉ đơn vị và Sở Nội vụ xem được tài liệu kiểm chứng.", code="ngoai_pham_vi_don_vi"))
    return FileResponse(ev.file.open("rb"), as_attachment=True, filename=ev.name)
