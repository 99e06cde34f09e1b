"""Who may file: a person under their identity number, an organisation under its enterprise code."""
import pytest

from cchc.core.errors import ValidationFailed
from cchc.dossiers import services as s

pytestmark = pytest.mark.django_db


def _intake(w, kind, number):
    return s.Intake(procedure_code="1.001193", org_id=w.commune.id,
                    applicant=s.Applicant(name="Công ty TNHH Sông Hương", id_number=number, kind=kind))


def test_an_organisation_files_under_its_enterprise_code(world, clock):
    d = s.receive_at_desk(actor=world.desk, intake=_intake(world, "organisation", "0101234567-001"))
    assert d.applicant_kind == "organisation" and d.applicant_id_masked == "***********001"


@pytest.mark.parametrize("kind, number", [("organisation", "079123456789"), ("citizen", "0101234567")])
def test_a_number_of_the_other_kind_is_refused_and_nothing_is_written(world, clock, kind, number):
    with pytest.raises(ValidationFailed):
        s.receive_at_desk(actor=world.desk, intake=_intake(world, kind, number))
    from cchc.dossiers.models import Dossier
    assert not Dossier.objects.exists()
