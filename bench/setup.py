"""The bench database and the world it holds: a province of 80 organisations, staff, procedures.

``recreate_database`` drops and recreates ``cchc_bench`` (only that database) and migrates it;
the working calendar comes from the migrations. ``build_world`` adds what both benchmarks need
and returns plain ids and codes, so the phases never hold ORM objects across processes.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, time
from decimal import Decimal

import psycopg

from .common import BENCH_DB, configure_django, maintenance_url

N_AGENCIES = 18
N_COMMUNES = 60  # + province + centre + agencies = 80 organisations


def recreate_database() -> None:
    with psycopg.connect(maintenance_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    configure_django()
    from django.core.management import call_command
    from django.db import connections
    connections.close_all()
    call_command("migrate", verbosity=0, interactive=False)


@dataclass
class World:
    province_id: int
    centre: tuple[int, str]
    agencies: list[tuple[int, str]]
    communes: list[tuple[int, str]]
    desks: list[dict]  # one desk officer per receiving organisation: {org_id, org_code, user_id, token}
    integrator_token: str  # one system account holding the desk role in every receiving organisation
    officer_user_id: int
    officer_token: str
    busy_org: tuple[int, str]
    # procedure code -> {version_id, level, component ids/names/forms, fee, step ids}
    procedures: dict[str, dict] = field(default_factory=dict)

    @property
    def orgs(self) -> list[tuple[int, str]]:
        return [self.centre, *self.agencies, *self.communes]

    def as_dict(self) -> dict:
        return asdict(self)


# (code, name, level, amount, unit, competent agency index or None, steps: (name, agency index|None, role, share))
PROCEDURES = [
    ("1.001193", "Đăng ký khai sinh", "commune", 5, "working_days", None,
     [("Tiếp nhận", None, "desk", 10), ("Thẩm định", None, "specialist", 50), ("Phê duyệt", None, "leader", 30),
      ("Trả kết quả", None, "desk", 10)]),
    ("1.000894", "Đăng ký kết hôn", "commune", 5, "working_days", None,
     [("Tiếp nhận", None, "desk", 10), ("Thẩm định", None, "specialist", 60), ("Phê duyệt", None, "leader", 30)]),
    ("2.000908", "Chứng thực bản sao từ bản chính", "commune", 2, "working_days", None,
     [("Tiếp nhận", None, "desk", 20), ("Chứng thực", None, "leader", 80)]),
    ("2.000488", "Cấp phiếu lý lịch tư pháp", "province", 10, "working_days", 0,
     [("Tiếp nhận", None, "desk", 10), ("Thẩm định", 0, "specialist", 40), ("Xác nhận nghĩa vụ tài chính", 1,
                                                                          "specialist", 20),
      ("Phê duyệt", 0, "leader", 20), ("Trả kết quả", None, "desk", 10)]),
    ("1.004227", "Cấp giấy phép xây dựng", "province", 15, "working_days", 2,
     [("Tiếp nhận", None, "desk", 10), ("Thẩm định", 2, "specialist", 60), ("Phê duyệt", 2, "leader", 30)]),
]


def build_world() -> World:
    configure_django()
    from django.contrib.auth import get_user_model

    from cchc.api.models import ApiToken
    from cchc.catalog import services as catalog_services
    from cchc.catalog.models import Component, Fee, Procedure, ProcedureVersion, Step
    from cchc.org.models import Membership, Organisation, OrgKind, Role

    org = Organisation.objects.create
    province = org(code="H99", name="UBND tỉnh Sông Hương", kind=OrgKind.PROVINCE)
    centre = org(code="H99.50", name="Trung tâm Phục vụ hành chính công tỉnh", kind=OrgKind.CENTRE, parent=province)
    agencies = [org(code=f"H99.{i:02d}", name=f"Sở số {i}", kind=OrgKind.AGENCY, parent=province)
                for i in range(1, N_AGENCIES + 1)]
    communes = [org(code=f"H99.9{i:02d}", name=f"Xã số {i}", kind=OrgKind.COMMUNE, parent=province)
                for i in range(1, N_COMMUNES + 1)]

    User = get_user_model()

    def user(username):
        u = User(username=username, is_active=True)
        u.set_unusable_password()
        u.save()
        return u

    # each receiving organisation has its own desk officer with an API token (the usual case) ...
    desks = []
    for o in [centre, *communes]:
        u = user(f"motcua_{o.code}")
        Membership.objects.create(user=u, org=o, role=Role.DESK)
        desks.append({"org_id": o.id, "org_code": o.code, "user_id": u.id,
                      "token": ApiToken.issue(u, f"bench desk {o.code}")[1]})
    # ... and one integrating system holds the desk role everywhere (e.g. the provincial one-stop software)
    integrator = user("bench_tich_hop")
    Membership.objects.bulk_create([Membership(user=integrator, org=o, role=Role.DESK) for o in [centre, *communes]])
    _, integrator_token = ApiToken.issue(integrator, "bench integrator")
    busy = communes[0]  # the busiest commune (the bulk load gives it the largest share)
    officer = user("bench_thuly")
    Membership.objects.create(user=officer, org=busy, role=Role.SPECIALIST)
    _, officer_token = ApiToken.issue(officer, "bench officer")

    procs: dict[str, dict] = {}
    for code, name, level, amount, unit, competent, steps in PROCEDURES:
        proc = Procedure.objects.create(code=code)
        v = ProcedureVersion.objects.create(
            procedure=proc, version=1, name=name, field="Bench", level=level,
            competent_org=agencies[competent] if competent is not None else None,
            legal_basis="Căn cứ pháp lý", subjects="Công dân Việt Nam", sequence="Nộp hồ sơ, nhận kết quả",
            method="Trực tiếp, trực tuyến", processing_amount=amount, processing_unit=unit, cutoff=time(15),
            online_level="full", result_type="Giấy chứng nhận",
        )
        comps = [Component.objects.create(version=v, order=1, name="Tờ khai theo mẫu", form="original"),
                 Component.objects.create(version=v, order=2, name="Giấy tờ tùy thân", form="copy", required=False)]
        Fee.objects.create(version=v, kind="charge", name="Lệ phí", amount=8000)
        step_rows = [Step.objects.create(version=v, order=i, name=s_name,
                                         org=agencies[s_org] if s_org is not None else None,
                                         role=role, share=Decimal(share))
                     for i, (s_name, s_org, role, share) in enumerate(steps, start=1)]
        catalog_services.publish(actor=None, version_id=v.id, valid_from=date(2024, 1, 1))
        procs[code] = {"version_id": v.id, "level": level, "amount": amount, "fee": 8000,
                       "components": [(c.id, c.name, c.form) for c in comps],
                       "steps": [s.id for s in step_rows]}

    return World(
        province_id=province.id, centre=(centre.id, centre.code),
        agencies=[(a.id, a.code) for a in agencies], communes=[(c.id, c.code) for c in communes],
        desks=desks, integrator_token=integrator_token, officer_user_id=officer.id, officer_token=officer_token,
        busy_org=(busy.id, busy.code), procedures=procs,
    )


def fresh_world() -> World:
    recreate_database()
    return build_world()
