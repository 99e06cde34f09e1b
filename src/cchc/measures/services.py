"""Writes of this app: a citizen's rating of a dossier, the daily snapshot of the index."""
from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from cchc.core import clock
from cchc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from cchc.dossiers.models import AuditRecord, Dossier, Status
from cchc.org.models import Role
from cchc.org.selectors import roles_of

from . import formulas, selectors
from .models import Rating, RatingChannel, Snapshot
from .registry import Period


def rate(*, actor, dossier_id: int, answers: dict, channel: str) -> Rating:
    """A citizen rates a returned dossier once: on the portal/API as its applicant, or at the desk kiosk.

    Who may rate (ADR 0008): the dossier's own applicant account (``Dossier.citizen``), or a desk
    officer of the receiving organisation entering the applicant's answers at the kiosk — the
    applicant shows the receipt (form 01) whose dossier code is the lookup key. The officer is
    recorded as the one who entered it.
    """
    if channel not in RatingChannel.values:
        raise ValidationFailed("Kênh đánh giá không hợp lệ.", details={"field": "channel"},
                               code="kenh_danh_gia_khong_hop_le")
    with transaction.atomic():
        d = Dossier.objects.select_for_update().filter(pk=dossier_id).first()
        if d is None:
            raise NotFound("Không tìm thấy hồ sơ.", code="ho_so_khong_ton_tai")
        own = bool(d.citizen_id) and d.citizen_id == getattr(actor, "pk", None)
        desk = Role.DESK in roles_of(actor, d.org_id)
        if channel == RatingChannel.KIOSK and not desk:
            raise PermissionDenied("Chỉ công chức Bộ phận Một cửa nơi nhận hồ sơ được nhập đánh giá tại quầy.",
                                   code="khong_phai_quay_tiep_nhan")
        if channel != RatingChannel.KIOSK and not own:
            raise PermissionDenied("Chỉ người nộp hồ sơ được đánh giá hồ sơ của mình.",
                                   code="khong_phai_nguoi_nop")
        if d.status != Status.RETURNED:
            raise Conflict("Chỉ đánh giá được hồ sơ đã trả kết quả.", code="ho_so_chua_tra_ket_qua",
                           details={"status": d.status})
        if Rating.objects.filter(dossier_id=d.id).exists():
            raise Conflict("Hồ sơ này đã được đánh giá.", code="ho_so_da_danh_gia")
        version = selectors.index_version(Period(clock.now().date(), clock.now().date()))
        rules = version.rules["rating"]
        try:
            formulas.check_answers(rules, answers)
        except formulas.RatingInvalid as e:
            raise ValidationFailed("Câu trả lời đánh giá không hợp lệ.", details={"errors": e.problems},
                                   code="danh_gia_khong_hop_le") from None
        points = formulas.rating_points(rules, answers)
        appraised = formulas.appraised_points(rules, answers, late=d.is_late)
        b = formulas.band(rules, points)
        at = clock.now()
        try:
            with transaction.atomic():
                r = Rating.objects.create(
                    dossier=d, dossier_org_id=d.org_id, dossier_version_id=d.version_id, index_version=version,
                    answers=answers, self_points=points,
                    appraised_points=appraised, band=b["code"], satisfied=b["satisfied"], channel=channel,
                    rated_by=actor, rated_at=at)
        except IntegrityError:  # a concurrent rating of the same dossier committed first
            raise Conflict("Hồ sơ này đã được đánh giá.", code="ho_so_da_danh_gia") from None
        AuditRecord.objects.create(dossier=d, action="rate", actor=actor, at=at,
                                   new={"band": b["code"], "self_points": points, "channel": channel})
    return r


def snapshot(*, actor, day: date) -> int:
    """Store the index of the year up to ``day`` for the province and every assessed organisation.

    Idempotent per day: running it again replaces that day's rows. Returns the rows written.
    """
    period = Period(date(day.year, 1, 1), day)
    table = selectors.index_table(period)
    rows = []
    for org, res in table:
        for m in res.metrics:
            rows.append(Snapshot(day=day, org=org, metric=m.code, numerator=m.numerator, denominator=m.denominator,
                                 score=m.score, max=m.max, measured=m.measured, index_version=res.version))
        rows.append(Snapshot(day=day, org=org, metric="total", score=res.total, max=res.measured_max,
                             index_version=res.version))
    with transaction.atomic():
        Snapshot.objects.filter(day=day).delete()
        Snapshot.objects.bulk_create(rows)
    return len(rows)
