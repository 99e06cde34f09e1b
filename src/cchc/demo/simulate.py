"""A year of dossiers, replayed through the real services at simulated moments.

Nothing here writes a dossier row directly: every receipt, hand-over, supplement, apology and
return goes through ``cchc.dossiers.services`` under ``clock.at(...)``, so the demo's timing
facts (due dates, pauses, lateness) are exactly what the platform computes in real use.
Deterministic: the same seed gives the same province.
"""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cchc.calendar.rules import Unit
from cchc.calendar.service import get_calendar
from cchc.catalog.models import Level, OnlineLevel, ProcedureVersion
from cchc.catalog.selectors import published_versions
from cchc.core import clock
from cchc.dossiers import services as s
from cchc.dossiers.models import Channel, Dossier, Status
from cchc.org.models import Membership, Organisation, OrgKind, Role

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Minh Đức", "Huỳnh Thị Giang",
         "Phan Quốc Huy", "Vũ Thị Lan", "Võ Thành Long", "Đặng Thị Mai", "Bùi Văn Nam", "Đỗ Thị Ngọc",
         "Hồ Văn Phúc", "Ngô Thị Quỳnh", "Dương Văn Sơn", "Lý Thị Thảo", "Trương Công Tuấn", "Đinh Thị Uyên",
         "Lâm Văn Vinh", "Mai Thị Xuân", "Công ty TNHH Hương Giang", "Hợp tác xã Nông nghiệp Phú Lộc")


class Replay:
    def __init__(self, *, seed: int = 2026, today: datetime | None = None):
        self.rng = random.Random(seed)
        self.cal = get_calendar()
        self.today = today or timezone.localtime()
        self.staff: dict[int, dict[str, object]] = defaultdict(dict)
        for m in Membership.objects.select_related("user"):
            self.staff[m.org_id].setdefault(m.role, m.user)
        self.citizens = list(get_user_model().objects.filter(username__startswith="0905"))
        versions = list(published_versions(self.today.date()).select_related("procedure")
                        .prefetch_related("steps", "components"))
        self.steps = {v.id: sorted(v.steps.all(), key=lambda st: st.order) for v in versions}
        self.commune_versions = [v for v in versions if v.level == Level.COMMUNE]
        self.province_versions = [v for v in versions if v.level != Level.COMMUNE]
        self.communes = list(Organisation.objects.filter(kind=OrgKind.COMMUNE, successor__isnull=True))
        self.centre = Organisation.objects.filter(kind=OrgKind.CENTRE).first()

    # -------------------------------------------------------------- time helpers

    def working_moment(self, t: datetime) -> datetime:
        """The first moment at or after ``t`` inside office hours."""
        t = timezone.localtime(t)
        while True:
            if self.cal.is_working_day(t.date()):
                for lo, hi in self.cal.hours.periods:
                    start, end = t.replace(hour=lo.hour, minute=lo.minute), t.replace(hour=hi.hour, minute=hi.minute)
                    if t < end:
                        return max(t, start)
            t = (t + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)

    def after(self, t: datetime, hours: float) -> datetime:
        """About ``hours`` of office time after ``t`` (whole hours; at least one)."""
        return self.cal.due(self.working_moment(t), max(1, round(hours)), Unit.HOURS, None)

    # -------------------------------------------------------------- one dossier

    def run(self, count: int, *, days: int = 365, progress=None) -> int:
        """Replay ``count`` dossiers filed over the last ``days`` days, oldest first."""
        start = self.today - timedelta(days=days)
        moments = []
        while len(moments) < count:  # office moments only, none after "today"
            t = self.working_moment(start + timedelta(seconds=self.rng.uniform(0, days * 86400)))
            if t <= self.today:
                moments.append(t)
        for i, t in enumerate(sorted(moments)):
            with transaction.atomic():
                self.one(t)
            if progress and i % 250 == 0:
                progress(i, count)
        return count

    def actor(self, org_id: int, *roles):
        for role in roles:
            if role in self.staff[org_id]:
                return self.staff[org_id][role]
        raise LookupError(f"no {roles} in organisation {org_id}")

    def one(self, t: datetime) -> None:
        rng = self.rng
        province = rng.random() < 0.45
        version: ProcedureVersion = rng.choice(self.province_versions if province else self.commune_versions)
        org = self.centre if province else rng.choice(self.communes)
        online_ok = version.online_level != OnlineLevel.NONE
        channel = Channel.ONLINE if online_ok and rng.random() < 0.6 else (
            Channel.POST if rng.random() < 0.08 else Channel.DESK)
        citizen = rng.choice(self.citizens) if channel == Channel.ONLINE and rng.random() < 0.3 else None
        intake = s.Intake(
            procedure_code=version.procedure.code, org_id=org.id, request=f"Đề nghị giải quyết: {version.name}",
            applicant=s.Applicant(name=rng.choice(NAMES), id_number=f"0{rng.randrange(10**10, 10**11)}",
                                  phone=f"09{rng.randrange(10**7, 10**8)}",
                                  address=f"Thôn {rng.randint(1, 12)}, {org.name}"),
            components=[s.ComponentInput(name=c.name, component_id=c.id, quantity=c.quantity,
                                         digitised=rng.random() < 0.7, reused=rng.random() < 0.25)
                        for c in version.components.all()],
        )
        desk = self.actor(org.id, Role.DESK)
        if channel == Channel.ONLINE:
            with clock.at(t):
                d = s.submit_online(actor=citizen, intake=intake)
            t = self.after(t, rng.uniform(0.5, 16))
            if t > self.today:
                return
            with clock.at(t):
                if rng.random() < 0.03:
                    s.refuse(actor=desk, dossier_id=d.id, reason="Hồ sơ không thuộc thẩm quyền giải quyết")
                    return
                d = s.receive(actor=desk, dossier_id=d.id)
        else:
            with clock.at(t):
                d = s.receive_at_desk(actor=desk, intake=intake, channel=channel)
        self.process(d, t)

    def process(self, d: Dossier, t: datetime) -> None:
        rng = self.rng
        late = rng.random() < 0.07
        share = rng.uniform(1.05, 1.5) if late else rng.uniform(0.25, 0.9)
        fate = rng.random()
        supplement = fate < 0.14
        payment = 0.14 <= fate < 0.19 and d.fee_amount > 0
        ended = None
        if 0.18 <= fate < 0.21:
            ended = "withdraw"
        elif 0.21 <= fate < 0.23:
            ended = "stop"
        apologised = False
        hops = 0
        while True:
            total = (d.due_at - t).total_seconds()
            step_t = t + timedelta(seconds=max(total, 3600) * share * rng.uniform(0.15, 0.35))
            step_t = self.working_moment(step_t)
            if late and not apologised and rng.random() < 0.75:
                warn = self.working_moment(d.due_at - timedelta(hours=rng.uniform(4, 30)))
                if t < warn < d.due_at and warn <= self.today:
                    with clock.at(warn):
                        d = s.apologise(actor=self.actor(d.current_org_id, Role.LEADER), dossier_id=d.id,
                                    reason="Cần thêm thời gian xác minh, lấy ý kiến cơ quan phối hợp",
                                    new_due_at=self.working_moment(d.due_at + timedelta(days=rng.randint(2, 6))))
                    apologised = True
            if step_t > self.today:
                return
            t = step_t
            if supplement and hops == 1:
                supplement = False
                with clock.at(t):
                    d = s.request_supplement(actor=self.actor(d.current_org_id, Role.SPECIALIST, Role.DESK),
                                             dossier_id=d.id,
                                             items=["Bản sao có chứng thực giấy tờ chứng minh nơi cư trú"],
                                         reason="Thành phần hồ sơ còn thiếu theo quy định")
                    if rng.random() < 0.08:  # a second request: allowed only with a reason, counts as late
                        d = s.receive_supplement(actor=self.actor(d.current_org_id, Role.DESK, Role.SPECIALIST),
                                                 dossier_id=d.id)
                        d = s.request_supplement(actor=self.actor(d.current_org_id, Role.SPECIALIST, Role.DESK),
                                             dossier_id=d.id, items=["Văn bản ý kiến của cơ quan phối hợp"],
                                             reason="Bổ sung theo ý kiến cơ quan phối hợp",
                                             override_reason="Phát sinh yêu cầu của cơ quan phối hợp sau thẩm định")
                t = self.after(t, rng.uniform(4, 60))
                if t > self.today:
                    return
                with clock.at(t):
                    d = s.receive_supplement(actor=self.actor(d.current_org_id, Role.DESK, Role.SPECIALIST),
                                             dossier_id=d.id)
                continue
            if payment and hops == 1:
                payment = False
                with clock.at(t):
                    d = s.request_payment(actor=self.actor(d.current_org_id, Role.SPECIALIST, Role.LEADER),
                                          dossier_id=d.id,
                                      amount=d.fee_amount, description="Nộp phí, lệ phí theo quy định")
                t = self.after(t, rng.uniform(4, 120))  # some still owe payment today
                if t > self.today:
                    return
                with clock.at(t):
                    d = s.record_payment(actor=self.actor(d.current_org_id, Role.DESK, Role.SPECIALIST),
                                         dossier_id=d.id,
                                     online=rng.random() < 0.6)
                continue
            if ended and hops >= 1:
                with clock.at(t):
                    if ended == "withdraw":
                        s.withdraw(actor=d.citizen or self.actor(d.org_id, Role.DESK), dossier_id=d.id,
                                   reason="Công dân có đơn xin rút hồ sơ")
                    else:
                        s.stop(actor=self.actor(d.current_org_id, Role.LEADER), dossier_id=d.id,
                               reason="Hồ sơ không đủ điều kiện giải quyết theo quy định")
                return
            step = d.current_step
            nxt = next((x for x in self.steps[d.version_id] if step and x.order > step.order), None)
            if step is None or step.role == Role.LEADER or nxt is None or (nxt.org_id is None and hops > 0
                                                                           and nxt.role in (Role.DESK, Role.CLERK)):
                with clock.at(t):
                    d = s.finish(actor=self.actor(d.current_org_id, Role.LEADER), dossier_id=d.id)
                break
            with clock.at(t):
                d = s.hand_over(actor=self.actor(d.current_org_id, step.role, Role.SPECIALIST, Role.DESK),
                                dossier_id=d.id)
            hops += 1
        t = self.after(t, rng.uniform(0.5, 24))
        if t > self.today:
            return
        method = ("online" if d.channel == Channel.ONLINE and rng.random() < 0.7 else
                  "post" if d.channel == Channel.POST else "desk")
        with clock.at(t):
            s.return_result(actor=self.actor(d.org_id, Role.DESK), dossier_id=d.id, method=method)


def status_counts() -> dict[str, int]:
    return {Status(k).label: Dossier.objects.filter(status=k).count() for k in Status.values}
