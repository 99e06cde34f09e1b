"""The data store of digitised documents: offered while valid, reused instead of asked again,
each reuse recorded; expired or foreign documents are never offered nor accepted."""
from __future__ import annotations

from datetime import date

import pytest
from tests.documents.conftest import birth_dossier

from cchc.core.errors import Conflict, NotFound
from cchc.documents import selectors, services
from cchc.documents.models import ComponentFile, DocumentReuse

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def digitise(w, d, *, valid_until, number="123/GCS"):
    c = d.components.get(name="Giấy chứng sinh")
    services.attach_component_file(actor=w.desk, component_id=c.id, file=services.IncomingFile("gcs.pdf", PDF),
                                   meta=services.DocMeta("Giấy chứng sinh", number, "Bệnh viện Trung ương Huế",
                                                         date(2025, 5, 30), valid_until))


def test_valid_document_is_offered_and_reused(world, clock):
    first = birth_dossier(world, clock)
    digitise(world, first, valid_until=date(2025, 12, 31))
    second = birth_dossier(world, clock, at=(2025, 6, 20, 9, 0))
    [(c1, none), (c2, offered)] = selectors.offers(world.desk, second.code)
    assert none == [] and [o.number for o in offered] == ["123/GCS"]
    link = services.reuse_document(actor=world.desk, component_id=c2.id, document_id=offered[0].id)
    c2.refresh_from_db()
    assert c2.reused and c2.digitised
    assert link.stored_file_id == offered[0].stored_file_id and link.reused_from_id == offered[0].id
    assert DocumentReuse.objects.filter(dossier=second, document=offered[0]).count() == 1
    with pytest.raises(Conflict) as e:
        services.reuse_document(actor=world.desk, component_id=c2.id, document_id=offered[0].id)
    assert e.value.code == "da_tai_su_dung"


@pytest.mark.parametrize("valid_until, today, offered", [
    (date(2025, 6, 19), (2025, 6, 20, 9, 0), False),  # expired the day before
    (date(2025, 6, 20), (2025, 6, 20, 9, 0), True),   # valid to the end of its last day
    (None, (2030, 1, 2, 9, 0), True),                 # no expiry
])
def test_expiry_decides_what_is_offered(world, clock, valid_until, today, offered):
    first = birth_dossier(world, clock)
    digitise(world, first, valid_until=valid_until)
    clock.set(*today)
    assert selectors.reusable_documents(first.applicant_id_digest).exists() is offered


def test_expired_document_is_not_offered_and_cannot_be_reused(world, clock):
    first = birth_dossier(world, clock)
    digitise(world, first, valid_until=date(2025, 6, 10))
    second = birth_dossier(world, clock, at=(2025, 6, 20, 9, 0))
    c2 = second.components.get(name="Giấy chứng sinh")
    assert dict((c.id, o) for c, o in selectors.offers(world.desk, second.code))[c2.id] == []
    doc = selectors.reusable_documents(first.applicant_id_digest, on=date(2025, 6, 1)).get()
    with pytest.raises(Conflict) as e:
        services.reuse_document(actor=world.desk, component_id=c2.id, document_id=doc.id)
    assert e.value.code == "giay_to_het_hieu_luc" and "10/06/2025" in e.value.message
    c2.refresh_from_db()
    assert not c2.reused and not ComponentFile.objects.filter(component=c2).exists()


def test_another_persons_document_is_not_found(world, clock):
    first = birth_dossier(world, clock)
    digitise(world, first, valid_until=None)
    other = birth_dossier(world, clock, id_number="079000000001", at=(2025, 6, 20, 9, 0))
    c = other.components.get(name="Giấy chứng sinh")
    assert dict((x.id, o) for x, o in selectors.offers(world.desk, other.code))[c.id] == []
    doc = selectors.reusable_documents(first.applicant_id_digest).get()
    with pytest.raises(NotFound):
        services.reuse_document(actor=world.desk, component_id=c.id, document_id=doc.id)


def company_dossier(w, clock, at, id_number="3301234567"):  # an enterprise (tax) code
    from cchc.dossiers import services as ds
    from cchc.dossiers.models import Dossier
    clock.set(*at)
    return Dossier.objects.get(pk=ds.receive_at_desk(actor=w.desk, intake=ds.Intake(
        procedure_code="1.001193", org_id=w.commune.id,
        applicant=ds.Applicant(name="Công ty TNHH Hương Giang", id_number=id_number, kind="organisation"),
        components=[ds.ComponentInput(name="Giấy chứng sinh")])).pk)


def test_an_organisations_data_store_is_its_own(world, clock):
    from cchc.documents.models import DigitisedDocument, OwnerKind
    from cchc.dossiers.models import DossierComponent
    first = company_dossier(world, clock, (2025, 6, 5, 9, 0))
    digitise(world, first, valid_until=None)
    [held] = DigitisedDocument.objects.all()
    assert held.owner_kind == OwnerKind.ORGANISATION and held.owner_digest == first.applicant_id_digest
    assert "3301234567" not in held.owner_digest  # keyed digest, never the number itself
    second = company_dossier(world, clock, (2025, 6, 20, 9, 0))
    [(c, offered)] = selectors.offers(world.desk, second.code)
    assert [o.id for o in offered] == [held.id]
    services.reuse_document(actor=world.desk, component_id=c.id, document_id=held.id)
    assert DocumentReuse.objects.filter(dossier=second, document=held).exists()
    assert DossierComponent.objects.get(pk=c.id).reused
    citizen = birth_dossier(world, clock, at=(2025, 6, 20, 10, 0))  # someone else: nothing of the company
    assert all(o == [] for _, o in selectors.offers(world.desk, citizen.code))
