"""Fixtures of the catalogue exchange tests: organisations and a small hand-written catalogue."""
from __future__ import annotations

import copy

import pytest
from exchange_files import CATALOGUE, COMMUNE, JUSTICE, POLICE, PROVINCE

from cchc.org.models import Organisation, OrgKind


@pytest.fixture
def orgs(db):
    province = Organisation.objects.create(code=PROVINCE, name="UBND tỉnh", kind=OrgKind.PROVINCE)
    return {
        "province": province,
        "justice": Organisation.objects.create(code=JUSTICE, name="Sở Tư pháp", kind=OrgKind.AGENCY, parent=province),
        "police": Organisation.objects.create(code=POLICE, name="Công an tỉnh", kind=OrgKind.AGENCY, parent=province),
        "commune": Organisation.objects.create(code=COMMUNE, name="Xã Phong Điền", kind=OrgKind.COMMUNE,
                                               parent=province),
    }


@pytest.fixture
def catalogue():
    return copy.deepcopy(CATALOGUE)
