"""Feedback measurements for the measures registry (imported in FeedbackConfig.ready()).

Rules (DOMAIN §3 5.x, §7), by the organisation the feedback is assigned to:
- feedback_on_time: handled (answered or refused) in the period, plus still open at the period's
  end with the answer deadline passed (judged late then, as unfinished dossiers are); on time =
  refusal, first information request and answer each within their timer.
- feedback_satisfaction: answers rated in the period; satisfied = "rất hài lòng" or "hài lòng".
- feedback_resolved_share: feedback received in the period and not refused; resolved = answered
  by the period's end.
- dossiers_with_complaints: distinct dossiers (by the receiving organisation) named in feedback
  received in the period; denominator = dossiers received in the period, so a share can be taken.
"""
from __future__ import annotations

from django.db.models import Q

from cchc.measures.registry import Measurement, Period, Scope, register
from cchc.org.selectors import descendant_ids, predecessor_ids

from .models import Feedback, Rating
from .rules import State
from .selectors import bounds


def _org_ids(scope: Scope) -> set[int] | None:
    if scope.org_id is None:
        return None
    ids = descendant_ids(scope.org_id) if scope.include_children else {scope.org_id}
    return set().union(*(predecessor_ids(i) for i in ids))


def _feedback(scope: Scope):
    qs = Feedback.objects.all()
    if (ids := _org_ids(scope)) is not None:
        qs = qs.filter(org_id__in=ids)
    if scope.procedure_code:
        qs = qs.filter(procedure_code=scope.procedure_code)
    if scope.field:
        from cchc.catalog.models import ProcedureVersion
        qs = qs.filter(procedure_code__in=ProcedureVersion.objects.filter(field=scope.field)
                       .values("procedure__code"))
    return qs


def _percent(name: str, num: int, den: int) -> Measurement:
    return Measurement(name, num, den, 100.0 * num / den if den else None)


@register("feedback_on_time", label="Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn")
def feedback_on_time(scope: Scope, period: Period) -> Measurement:
    start, end = bounds(period.start, period.end)
    qs = _feedback(scope)
    handled = qs.filter(Q(answered_at__range=(start, end)) | Q(refused_at__range=(start, end)))
    overdue_open = qs.filter(received_at__lte=end, answer_due_at__lt=end).exclude(
        Q(answered_at__lte=end) | Q(refused_at__lte=end))
    num = handled.filter(is_late=False).count()
    return _percent("feedback_on_time", num, handled.count() + overdue_open.count())


@register("feedback_satisfaction", label="Tỷ lệ hài lòng với kết quả trả lời phản ánh, kiến nghị")
def feedback_satisfaction(scope: Scope, period: Period) -> Measurement:
    rated = _feedback(scope).filter(rated_at__range=bounds(period.start, period.end))
    num = rated.filter(rating__in=[Rating.VERY_SATISFIED, Rating.SATISFIED]).count()
    return _percent("feedback_satisfaction", num, rated.count())


@register("feedback_resolved_share", label="Tỷ lệ phản ánh, kiến nghị đã được giải quyết")
def feedback_resolved_share(scope: Scope, period: Period) -> Measurement:
    start, end = bounds(period.start, period.end)
    received = _feedback(scope).filter(received_at__range=(start, end)).exclude(state=State.REFUSED)
    return _percent("feedback_resolved_share", received.filter(answered_at__lte=end).count(), received.count())


@register("dossiers_with_complaints", label="Số hồ sơ có phản ánh, kiến nghị", unit="count",
          higher_is_better=False)
def dossiers_with_complaints(scope: Scope, period: Period) -> Measurement:
    from cchc.dossiers.models import Dossier
    start, end = bounds(period.start, period.end)
    dossiers = Dossier.objects.all()
    if (ids := _org_ids(scope)) is not None:
        dossiers = dossiers.filter(org_id__in=ids)
    if scope.procedure_code:
        dossiers = dossiers.filter(version__procedure__code=scope.procedure_code)
    if scope.field:
        dossiers = dossiers.filter(version__field=scope.field)
    codes = (Feedback.objects.filter(received_at__range=(start, end)).exclude(dossier_code="")
             .exclude(state=State.REFUSED).values("dossier_code"))
    num = dossiers.filter(code__in=codes).count()
    den = dossiers.filter(received_at__range=(start, end)).count()
    return Measurement("dossiers_with_complaints", num, den, float(num), unit="count")
