"""seed_appraisal_demo: a 2026 tree of 7 areas totalling 100 with 30 survey points, SIPAS forms and published results."""
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.conftest import make_org, make_user

from cchc.appraisal.models import Assessment, CriteriaTree, Criterion, Stage, SurveyResponse
from cchc.org.models import Organisation, OrgKind, Role


def test_demo_needs_the_province(db):
    with pytest.raises(CommandError):
        call_command("seed_appraisal_demo")


def test_demo_builds_a_full_cycle_and_is_idempotent(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    province = make_org("H99", "UBND tỉnh", OrgKind.PROVINCE)
    home = make_org("H99.02", "Sở Nội vụ", OrgKind.AGENCY, province)
    make_user("thamdinh.h99.02", home, Role.APPRAISER)
    for i in range(3, 10):
        org = make_org(f"H99.{i:02d}", f"Sở số {i}", OrgKind.AGENCY, province)
        make_user(f"cchc.h99.{i:02d}", org, Role.REFORM)
    call_command("seed_appraisal_demo")
    t = CriteriaTree.objects.get(year=2026, org_type="agency")
    nodes = Criterion.objects.filter(tree=t)
    assert nodes.filter(level=1).count() == 7
    assert sum(n.max_points for n in nodes.filter(level=1)) == Decimal(100)
    assert sum(n.max_points for n in nodes.filter(is_leaf=True, is_survey=True)) == Decimal(30)
    assert SurveyResponse.objects.count() == 7 * 40  # seven surveyed agencies (Sở Nội vụ is not surveyed)
    published = Assessment.objects.filter(tree=t, stage=Stage.PUBLISHED)
    assert published.count() == 5
    assert all(Decimal(0) < a.final_score <= Decimal(100) for a in published)
    scores = sorted(a.final_score for a in published)
    call_command("seed_appraisal_demo")  # second run: nothing more
    assert SurveyResponse.objects.count() == 280 and Organisation.objects.count() == 9
    assert sorted(a.final_score for a in Assessment.objects.filter(tree=t)) == scores
