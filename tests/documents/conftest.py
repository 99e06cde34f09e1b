"""Fixtures of the documents tests: files on a temporary disk, dossiers at hand-set moments,
and organisation certificates from a local CA."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from tests.conftest import make_user

from cchc.documents import demo_ca, services
from cchc.dossiers import services as dossier_services
from cchc.org.models import Role

PASSWORD = "mat-khau-p12"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT / "documents"


def blob_files(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


@pytest.fixture
def ca():
    return demo_ca.create_ca("CA thử nghiệm tỉnh Sông Hương")


@pytest.fixture
def p12(ca):
    """``p12(name, **validity)``: a PKCS#12 of a certificate for ``name`` issued by the test CA."""
    def make(name: str, password: str = PASSWORD, **validity) -> bytes:
        key, cert = demo_ca.issue(*ca, name, **validity)
        return demo_ca.to_pkcs12(key, cert, ca[1], password)
    return make


@pytest.fixture
def signed_world(world, p12):
    """The commune holds a certificate (a commune-level procedure's results are signed by the commune)."""
    services.import_certificate(actor=None, org_id=world.commune.id, data=p12("UBND xã Phong Điền"),
                                password=PASSWORD)
    world.clerk = make_user("vanthu_xa", world.commune, Role.CLERK)
    return world


def birth_dossier(w, clock, *, id_number="079123456789", at=(2025, 6, 5, 10, 5)):
    """Desk receipt of a birth registration, Thursday 05/06/2025 10:05 → due 5 working days later."""
    clock.set(*at)
    u = get_user_model().objects.get(pk=w.desk.pk)
    u.first_name, u.last_name = "Thị Lan", "Trần"
    u.save()
    return dossier_services.receive_at_desk(actor=u, intake=dossier_services.Intake(
        procedure_code="1.001193", org_id=w.commune.id, request="Đăng ký khai sinh cho con",
        applicant=dossier_services.Applicant(name="Nguyễn Thị Hoà", id_number=id_number, phone="0905123456",
                                             email="hoa@example.vn", address="Thôn Phò Trạch, xã Phong Điền"),
        components=[dossier_services.ComponentInput(name="Tờ khai đăng ký khai sinh", form="original"),
                    dossier_services.ComponentInput(name="Giấy chứng sinh", form="copy", quantity=2)],
    ))


def past(days: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)
