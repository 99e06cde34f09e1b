"""Reads: SIPAS indices, criteria trees, assessments with their totals, published rankings."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Q

from cchc.core.errors import NotFound, PermissionDenied
from cchc.org.models import OrgKind, Role
from cchc.org.selectors import memberships, roles_of

from . import formulas
from .models import (
    Answer,
    Aspect,
    Assessment,
    Campaign,
    CriteriaTree,
    Criterion,
    OrgType,
    QuestionKind,
    Score,
    Stage,
    SurveyResponse,
)

ORG_KINDS = {OrgType.AGENCY: (OrgKind.AGENCY,), OrgType.COMMUNE: (OrgKind.COMMUNE,)}


def is_appraiser(user) -> bool:
    if not user or not user.is_authenticated:
        return False
    return user.is_superuser or any(role == Role.APPRAISER for _, role in memberships(user))


def is_reform_officer(user, org_id: int) -> bool:
    return bool(user and user.is_authenticated and Role.REFORM in roles_of(user, org_id))


# ------------------------------------------------------------------ SIPAS


@dataclass(frozen=True)
class SipasResult:
    org_id: int | None
    start: date
    end: date
    responses: int  # sample size: questionnaires returned
    aspects: dict[str, formulas.AspectIndex]  # every aspect, in Aspect order (0 answers: no data)

    @property
    def index(self) -> Decimal | None:
        return formulas.sipas(self.aspects)

    def as_dict(self) -> dict:
        def pct(v):
            return None if v is None else float(formulas.points(v * 100))
        return {
            "org_id": self.org_id, "start": self.start, "end": self.end, "responses": self.responses,
            "sipas": pct(self.index),
            "aspects": [{"aspect": a.value, "label": a.label, "satisfied": self.aspects[a].satisfied,
                         "answers": self.aspects[a].answers, "index": pct(self.aspects[a].share)} for a in Aspect],
        }


def sipas_index(*, org_id: int | None, start: date, end: date, questionnaire_id: int | None = None) -> SipasResult:
    """Per aspect: satisfaction answers that are satisfied or very satisfied / all satisfaction answers."""
    responses = SurveyResponse.objects.filter(answered_on__gte=start, answered_on__lte=end)
    answers = Answer.objects.filter(question__kind=QuestionKind.SATISFACTION,
                                    response__answered_on__gte=start, response__answered_on__lte=end)
    if org_id is not None:
        responses, answers = responses.filter(org_id=org_id), answers.filter(response__org_id=org_id)
    if questionnaire_id is not None:
        responses = responses.filter(campaign__questionnaire_id=questionnaire_id)
        answers = answers.filter(question__questionnaire_id=questionnaire_id)
    rows = {r["question__aspect"]: r for r in answers.values("question__aspect").annotate(
        n=Count("id"), ok=Count("id", filter=Q(value__gte=F("question__satisfied_min"))))}
    aspects = {a: formulas.AspectIndex(rows[a]["ok"], rows[a]["n"]) if a in rows else formulas.AspectIndex(0, 0)
               for a in Aspect}
    return SipasResult(org_id, start, end, responses.count(), aspects)


def campaign_by_token(token: str) -> Campaign:
    c = Campaign.objects.select_related("questionnaire", "org").filter(token=token).first()
    if c is None:
        raise NotFound("Không tìm thấy đợt khảo sát.", code="dot_khao_sat_khong_ton_tai")
    return c


# ------------------------------------------------------------------ PAR Index


def tree(tree_id: int) -> CriteriaTree:
    t = CriteriaTree.objects.filter(pk=tree_id).first()
    if t is None:
        raise NotFound("Không tìm thấy bộ tiêu chí.", code="bo_tieu_chi_khong_ton_tai")
    return t


def tree_for(year: int, org_type: str) -> CriteriaTree:
    t = CriteriaTree.objects.filter(year=year, org_type=org_type).first()
    if t is None:
        raise NotFound(f"Chưa có bộ tiêu chí năm {year} cho đối tượng này.", code="bo_tieu_chi_khong_ton_tai")
    return t


def criteria(tree_id: int) -> list[Criterion]:
    return list(Criterion.objects.filter(tree_id=tree_id).order_by("order"))


def totals(nodes: list[Criterion], leaf_values: dict[int, Decimal | None]) -> dict[int, Decimal]:
    """Every node's points: a leaf's own value, a parent's the sum of its children's."""
    by_parent: dict[int | None, list[Criterion]] = {}
    for n in nodes:
        by_parent.setdefault(n.parent_id, []).append(n)
    out: dict[int, Decimal] = {}

    def walk(n: Criterion) -> Decimal:
        if n.is_leaf:
            value = leaf_values.get(n.id) or Decimal(0)
        else:
            value = sum((walk(c) for c in by_parent.get(n.id, ())), Decimal(0))
        out[n.id] = value
        return value

    for root in by_parent.get(None, ()):
        walk(root)
    return out


def final_value(score: Score | None) -> Decimal | None:
    """What counts in the end: the appraised points where the appraiser set them, else the self-score."""
    if score is None:
        return None
    return score.appraised_score if score.appraised_score is not None else score.self_score


@dataclass
class AssessmentView:
    assessment: Assessment | None
    tree: CriteriaTree
    rows: list[dict]  # one per node, in tree order
    self_total: Decimal
    final_total: Decimal


def assessment_view(tree_obj: CriteriaTree, org_id: int) -> AssessmentView:
    nodes = criteria(tree_obj.id)
    a = Assessment.objects.filter(tree=tree_obj, org_id=org_id).select_related("org").first()
    scores = {s.criterion_id: s for s in Score.objects.filter(assessment=a).prefetch_related("evidence")} if a else {}
    self_tot = totals(nodes, {cid: s.self_score for cid, s in scores.items()})
    final_tot = totals(nodes, {cid: final_value(s) for cid, s in scores.items()})
    rows = [{"node": n, "score": scores.get(n.id), "self_total": self_tot.get(n.id),
             "final_total": final_tot.get(n.id)} for n in nodes]
    roots = [n for n in nodes if n.parent_id is None]
    return AssessmentView(a, tree_obj, rows, sum((self_tot[n.id] for n in roots), Decimal(0)),
                          sum((final_tot[n.id] for n in roots), Decimal(0)))


def assessment_for(user, tree_obj: CriteriaTree, org_id: int) -> AssessmentView:
    """The organisation's own reform officers and the appraisers see a working assessment; others see it
    only once published."""
    a = Assessment.objects.filter(tree=tree_obj, org_id=org_id).first()
    if not (is_reform_officer(user, org_id) or is_appraiser(user) or (a and a.stage == Stage.PUBLISHED)):
        raise PermissionDenied("Chỉ chuyên viên CCHC của đơn vị và Sở Nội vụ xem được bản đánh giá này.",
                               code="ngoai_pham_vi_don_vi")
    return assessment_view(tree_obj, org_id)


def ranking(tree_obj: CriteriaTree, *, published_only: bool = True) -> list[dict]:
    """Final scores ranked with ties ranked equal; before publication only for appraisers."""
    qs = Assessment.objects.filter(tree=tree_obj, final_score__isnull=False).select_related("org")
    qs = qs.filter(stage=Stage.PUBLISHED) if published_only else qs.filter(stage__in=(Stage.APPRAISED,
                                                                                      Stage.PUBLISHED))
    items = {a.id: a for a in qs}
    ranked = formulas.competition_rank(
        [(a.id, a.final_score) for a in sorted(items.values(), key=lambda a: a.org.name)])
    return [{"rank": rank, "org_code": items[i].org.code, "org_name": items[i].org.name,
             "self_total": items[i].self_total, "final_score": score, "stage": items[i].stage}
            for i, score, rank in ranked]


def history(org_id: int) -> list[dict]:
    """An organisation's published results, newest year first, with its rank that year."""
    out = []
    for a in Assessment.objects.filter(org_id=org_id, stage=Stage.PUBLISHED).select_related("tree").order_by(
            "-tree__year"):
        rank = next(r["rank"] for r in ranking(a.tree) if r["final_score"] == a.final_score)
        out.append({"year": a.tree.year, "org_type": a.tree.org_type, "final_score": a.final_score,
                    "rank": rank, "of": Assessment.objects.filter(tree=a.tree, stage=Stage.PUBLISHED).count()})
    return out
