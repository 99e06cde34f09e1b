"""The electronic result on the citizen's dossier page: downloadable once the desk has returned it."""
from __future__ import annotations

import pytest
from tests.portal.conftest import PDF, client_for

from cchc.documents import services as documents
from cchc.documents.models import ResultDocument
from cchc.dossiers import services as s
from cchc.dossiers.models import PersonalDataAccess, ReturnMethod

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(world, clock, hoa):
    clock.set(2025, 10, 6, 9, 30)
    d = s.submit_online(actor=hoa, intake=s.Intake(
        procedure_code="1.001193", org_id=world.commune.id,
        applicant=s.Applicant(name="Nguyễn Thị Hoa", id_number="079123456789", phone="0905111222"),
        components=[s.ComponentInput(name="Tờ khai theo mẫu")]))
    s.receive(actor=world.desk, dossier_id=d.id)
    s.hand_over(actor=world.desk, dossier_id=d.id)
    clock.set(2025, 10, 8, 9, 0)
    s.finish(actor=world.leader, dossier_id=d.id)
    documents.issue_result(actor=world.leader, dossier_id=d.id, sign=False,
                           files=[documents.IncomingFile("Trích lục khai sinh.pdf", PDF + b"% ket qua\n")])
    return d


def test_result_only_after_it_is_returned(finished, hoa, world):
    r = ResultDocument.objects.get(dossier=finished)
    link = f"/ho-so-cua-toi/{finished.code}/ket-qua/{r.pk}/"
    c = client_for(hoa)
    assert link not in c.get(f"/ho-so-cua-toi/{finished.code}/").content.decode()
    assert c.get(link).status_code == 404
    s.return_result(actor=world.desk, dossier_id=finished.id, method=ReturnMethod.ONLINE)
    page = c.get(f"/ho-so-cua-toi/{finished.code}/").content.decode()
    assert link in page and "Kết quả điện tử" in page
    got = c.get(link)
    assert got.status_code == 200 and got.content == PDF + b"% ket qua\n"
    assert got["Content-Type"] == "application/pdf" and "attachment" in got["Content-Disposition"]
    assert PersonalDataAccess.objects.filter(dossier=finished, viewer=hoa, purpose="nguoi_nop_tai_ket_qua").exists()


def test_another_citizen_cannot_download_it(finished, world, nam):
    s.return_result(actor=world.desk, dossier_id=finished.id, method=ReturnMethod.ONLINE)
    r = ResultDocument.objects.get(dossier=finished)
    assert client_for(nam).get(f"/ho-so-cua-toi/{finished.code}/ket-qua/{r.pk}/").status_code == 404
    assert not PersonalDataAccess.objects.filter(viewer=nam).exists()
