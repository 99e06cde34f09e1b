"""The copies the index reads in one pass (ADR 0008 §11): the component counters on the dossier
always equal a recount of its components — after intake, after a scan is attached (digitised),
after a held document is reused, and after the migration's backfill; and a rating carries its
dossier's receiving organisation and procedure version."""
from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.db.models import Count, Q
from tests.measures.conftest import comps

from cchc.documents import selectors as doc_selectors
from cchc.documents import services as docs
from cchc.dossiers import services as ds
from cchc.dossiers.models import Dossier, DossierComponent
from cchc.dossiers.services import Applicant, Intake
from cchc.measures.models import Rating

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
META = docs.DocMeta("Giấy chứng sinh", "123/GCS", "Bệnh viện Trung ương Huế", date(2025, 5, 30), None)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def recount(d: Dossier) -> tuple[int, int, int]:
    n = DossierComponent.objects.filter(dossier=d, provided=True).aggregate(
        p=Count("id"), d=Count("id", filter=Q(digitised=True)), r=Count("id", filter=Q(reused=True)))
    return n["p"], n["d"], n["r"]


def counters(d: Dossier) -> tuple[int, int, int]:
    d = Dossier.objects.get(pk=d.pk)
    return d.components_provided, d.components_digitised, d.components_reused


def intake(w, clock, *spec, at=(2025, 6, 5, 10, 0)):
    clock.set(*at)
    return ds.receive_at_desk(actor=w.desk, intake=Intake("1.001193", w.commune.id, Applicant(
        "Nguyễn Thị Hoà", id_number="079123456789"), components=comps(*spec)))


@pytest.mark.parametrize("spec, expected", [
    ((), (0, 0, 0)),
    (((True, False, False),), (1, 0, 0)),
    (((True, True, False), (True, True, True), (True, False, False)), (3, 2, 1)),
    # a component not handed in counts for nothing, whatever its flags say
    (((False, True, True), (True, True, False)), (1, 1, 0)),
])
def test_counters_after_intake(world, clock, spec, expected):
    d = intake(world, clock, *spec)
    assert counters(d) == recount(d) == expected


def test_counters_follow_digitising_and_reuse(world, clock):
    first = intake(world, clock, (True, False, False), (False, False, False))
    paper, missing = DossierComponent.objects.filter(dossier=first).order_by("id")
    docs.attach_component_file(actor=world.desk, component_id=paper.id, file=docs.IncomingFile("a.pdf", PDF),
                               meta=META)
    assert counters(first) == recount(first) == (1, 1, 0)
    # a scan of a paper not marked as handed in: flagged digitised, still not counted
    docs.attach_component_file(actor=world.desk, component_id=missing.id, file=docs.IncomingFile("b.pdf", PDF),
                               meta=META)
    assert counters(first) == recount(first) == (1, 1, 0)
    # the same scan attached again changes no flag and no counter
    docs.attach_component_file(actor=world.desk, component_id=paper.id, file=docs.IncomingFile("a.pdf", PDF),
                               meta=META)
    assert counters(first) == (1, 1, 0)

    second = intake(world, clock, (True, False, False), (True, True, False), at=(2025, 6, 20, 9, 0))
    assert counters(second) == (2, 1, 0)
    held = doc_selectors.reusable_documents(second.applicant_id_digest).first()
    target = DossierComponent.objects.filter(dossier=second).order_by("id").first()
    docs.reuse_document(actor=world.desk, component_id=target.id, document_id=held.id)
    assert counters(second) == recount(second) == (2, 2, 1)
    assert counters(first) == (1, 1, 0)  # the source dossier is untouched


def test_migration_backfill_recounts_every_dossier(world, clock):
    a = intake(world, clock, (True, True, True), (True, False, False), (False, True, False))
    b = intake(world, clock, (True, True, False))
    c = intake(world, clock)
    Dossier.objects.update(components_provided=9, components_digitised=9, components_reused=9)
    Dossier.objects.filter(pk=c.pk).update(components_provided=0, components_digitised=0, components_reused=0)
    importlib.import_module("cchc.dossiers.migrations.0004_component_counters").backfill(apps, None)
    assert [counters(x) for x in (a, b, c)] == [(2, 1, 1), (1, 1, 0), (0, 0, 0)]


def test_rating_carries_the_dossiers_organisation_and_version(july):
    for d in (july.A, july.B, july.C):
        assert (d.rating.dossier_org_id, d.rating.dossier_version_id) == (d.org_id, d.version_id)
    Rating.objects.update(dossier_org_id=july.world.justice.id)
    importlib.import_module("cchc.measures.migrations.0003_rating_dossier_org_version").backfill(apps, None)
    assert set(Rating.objects.values_list("dossier_org_id", flat=True)) == {july.world.commune.id}
