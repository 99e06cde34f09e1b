"""Shared fixtures: a tiny province, its staff, two published procedures, and a settable clock."""
from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cchc.catalog import services as catalog_services
from cchc.catalog.models import Component, Fee, Procedure, ProcedureVersion, Step
from cchc.org.models import Membership, Organisation, OrgKind, Role


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # PBKDF2 is deliberately slow; tests create many users and test no hashing strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_caches():
    # process caches outlive a test's rolled-back transaction
    from cchc.api.auth import forget_tokens
    from cchc.calendar.service import forget as forget_calendar
    from cchc.catalog.selectors import forget as forget_catalog
    from cchc.notifications.services import forget as forget_templates
    from cchc.org.selectors import forget as forget_orgs
    forget_tokens()
    forget_calendar()
    forget_orgs()
    forget_catalog()
    forget_templates()


def local(*args) -> datetime:
    """An aware datetime in Vietnam time: local(2025, 4, 25, 10, 0)."""
    return timezone.make_aware(datetime(*args))


class Clock:
    """Sets what services think "now" is, so legal dates can be worked out by hand."""

    def __init__(self, monkeypatch):
        self.value = local(2025, 7, 1, 9, 0)
        monkeypatch.setattr("cchc.core.clock.now", lambda: self.value)

    def set(self, *args) -> datetime:
        self.value = local(*args)
        return self.value


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def make_org(code, name, kind, parent=None, **kw):
    return Organisation.objects.create(code=code, name=name, kind=kind, parent=parent, **kw)


def make_user(username, org=None, *roles):
    user = get_user_model().objects.create_user(username=username, password="matkhau-123")
    for role in roles:
        Membership.objects.create(user=user, org=org, role=role)
    return user


def make_procedure(code, *, level, amount, unit, steps, competent=None, online="full", cutoff=time(15),
                   publish=True, name=None):
    proc = Procedure.objects.create(code=code)
    v = ProcedureVersion.objects.create(
        procedure=proc, version=1, name=name or f"Thủ tục {code}", field="Hộ tịch", level=level,
        competent_org=competent, legal_basis="Luật Hộ tịch 2014", subjects="Công dân Việt Nam",
        sequence="Nộp hồ sơ, nhận kết quả", method="Trực tiếp, trực tuyến", processing_amount=amount,
        processing_unit=unit, cutoff=cutoff, online_level=online, result_type="Giấy chứng nhận",
    )
    Component.objects.create(version=v, order=1, name="Tờ khai theo mẫu", form="original")
    Component.objects.create(version=v, order=2, name="Giấy tờ tùy thân", form="copy", required=False)
    Fee.objects.create(version=v, kind="charge", name="Lệ phí", amount=8000)
    for i, (name_, org, role, share) in enumerate(steps, start=1):
        Step.objects.create(version=v, order=i, name=name_, org=org, role=role, share=Decimal(share))
    if publish:
        v = catalog_services.publish(actor=None, version_id=v.id, valid_from=datetime(2024, 1, 1).date())
    return v


class World:
    pass


@pytest.fixture
def world(db):
    w = World()
    w.province = make_org("H99", "UBND tỉnh Sông Hương", OrgKind.PROVINCE)
    w.justice = make_org("H99.01", "Sở Tư pháp", OrgKind.AGENCY, w.province)
    w.finance = make_org("H99.02", "Sở Tài chính", OrgKind.AGENCY, w.province)
    w.centre = make_org("H99.50", "Trung tâm Phục vụ hành chính công tỉnh", OrgKind.CENTRE, w.province)
    w.commune = make_org("H99.01.01", "Xã Phong Điền", OrgKind.COMMUNE, w.province)
    w.other_commune = make_org("H99.01.02", "Phường Thuận Hóa", OrgKind.COMMUNE, w.province)

    w.desk = make_user("motcua_xa", w.commune, Role.DESK)
    w.specialist = make_user("thuly_xa", w.commune, Role.SPECIALIST)
    w.leader = make_user("lanhdao_xa", w.commune, Role.LEADER)
    w.centre_desk = make_user("motcua_tinh", w.centre, Role.DESK)
    w.justice_specialist = make_user("thuly_stp", w.justice, Role.SPECIALIST)
    w.justice_leader = make_user("lanhdao_stp", w.justice, Role.LEADER)
    w.finance_specialist = make_user("thuly_stc", w.finance, Role.SPECIALIST)
    w.other_desk = make_user("motcua_phuong", w.other_commune, Role.DESK)
    w.other_leader = make_user("lanhdao_phuong", w.other_commune, Role.LEADER)
    w.citizen = make_user("0905123456")

    # commune-level, 5 working days, four steps all in the receiving commune
    w.birth = make_procedure("1.001193", level="commune", amount=5, unit="working_days", name="Đăng ký khai sinh",
                             steps=[("Tiếp nhận", None, Role.DESK, 10), ("Thẩm định", None, Role.SPECIALIST, 50),
                                    ("Phê duyệt", None, Role.LEADER, 30), ("Trả kết quả", None, Role.DESK, 10)])
    # province-level at the centre, inter-agency: justice then finance
    w.record = make_procedure("2.000488", level="province", amount=10, unit="working_days", competent=w.justice,
                              name="Cấp phiếu lý lịch tư pháp",
                              steps=[("Tiếp nhận", None, Role.DESK, 10),
                                     ("Thẩm định", w.justice, Role.SPECIALIST, 40),
                                     ("Xác nhận nghĩa vụ tài chính", w.finance, Role.SPECIALIST, 20),
                                     ("Phê duyệt", w.justice, Role.LEADER, 20),
                                     ("Trả kết quả", None, Role.DESK, 10)])
    return w


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated data (calendar, content types) afterwards.

    Mixing transactional tests with and without ``serialized_rollback`` breaks the suite by order:
    a plain one flushes and re-creates content types, and the next serialised restore collides.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}),
                            append=False)
