"""Fixtures of the SIPAS / PAR Index tests; the data and its hand-worked results are in par_fixture.py."""
from tests.api.conftest import api  # noqa: F401  (live-server clients with real tokens)
from tests.appraisal.par_fixture import justice_answers, par  # noqa: F401
