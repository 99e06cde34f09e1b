"""The demo province is built through the real services, and its timing facts hold together."""
import pytest
from django.core.management import call_command
from django.db.models import F, Q

from cchc.catalog.models import ProcedureVersion
from cchc.dossiers.models import AuditRecord, Dossier, Status
from cchc.org.models import Membership, Organisation, OrgKind

pytestmark = pytest.mark.django_db


def test_demo_province_is_built_through_the_services():
    call_command("seed_demo", dossiers=400, random_seed=11)  # inside the test's transaction: rolled back

    # reference data: a plausible province
    assert Organisation.objects.filter(kind=OrgKind.AGENCY).count() >= 15
    assert Organisation.objects.filter(kind=OrgKind.COMMUNE, successor__isnull=True).count() >= 60
    assert ProcedureVersion.objects.filter(status="published").count() >= 150
    assert Membership.objects.filter(role="desk").count() >= 60

    ds = Dossier.objects.all()
    assert ds.count() == 400
    # every dossier has an audit trail that starts with its creation
    first: dict[int, str] = {}
    for dossier_id, action in AuditRecord.objects.order_by("dossier_id", "at", "id").values_list("dossier_id", "action"):
        first.setdefault(dossier_id, action)
    assert len(first) == 400 and set(first.values()) == {"receive_at_desk", "submit_online"}
    # received dossiers have a due date after receipt; returns come after the end of processing
    assert ds.filter(received_at__isnull=False, due_at__lte=F("received_at")).count() == 0
    assert ds.filter(status=Status.RETURNED).filter(Q(returned_at__lt=F("finished_at"))).count() == 0
    # lateness is decided by the legal due date or by a second supplement request
    finished = ds.filter(finished_at__isnull=False, due_at__isnull=False)
    assert finished.filter(is_late=False).filter(
        Q(finished_at__gt=F("due_at"), paused_at__isnull=True) | Q(supplement_count__gt=1)).count() == 0
    assert ds.filter(is_late=True).exists() and ds.filter(is_late=False).exists()
    assert ds.filter(supplement_count__gte=1).exists() and ds.filter(apology_count__gte=1).exists()
    # apologies were all issued before the due date they apologised for
    assert not ds.filter(apologies__issued_at__gt=F("due_at")).exists()
    assert {Status.RETURNED, Status.WITHDRAWN, Status.STOPPED, Status.REFUSED} <= set(ds.values_list("status", flat=True))
