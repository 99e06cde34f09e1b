"""Integrity of the demo reference data (src/cchc/demo/data/*.json), without Django.

The files are written by ``build_demo_data.py`` next to them; these tests check what the demo
loader and the catalogue importer rely on (codes, links, enums, shares, lengths) plus the shape
a realistic demo needs (two levels, enough agencies, communes, fields and procedures).
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "cchc" / "demo" / "data"
PROVINCE = "H99"
CENTRE = "H99.50"

ORG_KINDS = {"province", "agency", "centre", "commune", "district", "unit"}
ORG_KEYS = {"code", "name", "short_name", "kind", "parent", "address", "phone", "successor", "succeeded_on"}
PROCEDURE_KEYS = {"code", "name", "field", "level", "competent_org", "legal_basis", "subjects", "sequence", "method",
                  "requirements", "keywords", "processing_amount", "processing_unit", "cutoff", "result_type", "online_level",
                  "four_on_spot", "status", "valid_from", "publication_decision", "fees", "components", "steps"}
LEVELS = {"province", "commune"}
UNITS = {"hours", "working_days", "days", "months"}
ONLINE = {"full", "partial", "none"}
FORMS = {"original", "copy", "certified_copy", "original_or_copy"}
FEE_KINDS = {"fee", "charge"}
ROLES = {"desk", "specialist", "leader", "clerk"}
# Column lengths of the models (catalog/models.py, org/models.py): longer text fails the import.
MAX_LEN = {"name": 500, "field": 200, "result_type": 500, "publication_decision": 120, "code": 64}
COMPONENT_MAX = {"name": 500, "document_type": 80}
FEE_MAX = {"name": 300, "note": 500}
STEP_MAX = {"name": 300, "unit": 200}
ORG_MAX = {"code": 40, "name": 255, "short_name": 80, "address": 255, "phone": 30}
# The seed gives the appraiser role to the organisation with exactly this name.
REQUIRED_AGENCIES = {"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
                     "Sở Công Thương", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
                     "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh",
                     "Công an tỉnh", "Ban Quản lý các khu công nghiệp tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"}


def load(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    return load("organisations.json")


@pytest.fixture(scope="module")
def by_code(orgs) -> dict[str, dict]:
    return {o["code"]: o for o in orgs}


@pytest.fixture(scope="module")
def catalog() -> dict:
    return load("catalog.json")


@pytest.fixture(scope="module")
def procs(catalog) -> list[dict]:
    return catalog["procedures"]


def in_force(org: dict) -> bool:
    return org["successor"] is None


def strings(value, where="$"):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{where}[{i}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, f"{where}.{k}")


# ----------------------------------------------------------------------------- both files

@pytest.mark.parametrize("name", ["organisations.json", "catalog.json"])
def test_text_is_nfc_and_trimmed(name):
    raw = (DATA / name).read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    bad = [(w, s) for w, s in strings(load(name)) if s != s.strip() or "  " in s]
    assert not bad, bad[:5]


def test_files_match_their_generator():
    spec = importlib.util.spec_from_file_location("build_demo_data", DATA / "build_demo_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    for name, text in built.items():
        assert (DATA / name).read_text(encoding="utf-8") == text, (
            f"{name} is out of date: run python src/cchc/demo/data/build_demo_data.py")


# ----------------------------------------------------------------------------- organisations

def test_organisation_rows(orgs):
    for o in orgs:
        assert set(o) == ORG_KEYS, o["code"]
        assert o["kind"] in ORG_KINDS, o
        assert re.fullmatch(r"H99(\.\d{2}){0,2}", o["code"]), o["code"]
        assert o["name"] and o["short_name"], o["code"]
        for key, limit in ORG_MAX.items():
            assert len(o[key] or "") <= limit, (o["code"], key)


def test_organisation_codes_are_unique(orgs):
    dupes = [c for c, n in Counter(o["code"] for o in orgs).items() if n > 1]
    assert not dupes


def test_links_name_existing_organisations(orgs, by_code):
    for o in orgs:
        for key in ("parent", "successor"):
            if o[key] is not None:
                assert o[key] in by_code, (o["code"], key, o[key])
                assert o[key] != o["code"]


def test_parents(orgs, by_code):
    expected_parent_kind = {"agency": {"province"}, "commune": {"province"}, "district": {"province"},
                            "unit": {"agency"}, "centre": {"province", "agency"}}
    for o in orgs:
        if o["kind"] == "province":
            assert o["parent"] is None
        else:
            assert by_code[o["parent"]]["kind"] in expected_parent_kind[o["kind"]], o["code"]


def test_successions(orgs, by_code):
    for o in orgs:
        assert (o["successor"] is None) == (o["succeeded_on"] is None), o["code"]
        if o["successor"]:
            date.fromisoformat(o["succeeded_on"])
            successor = by_code[o["successor"]]
            assert successor["kind"] == "commune" and in_force(successor), o["code"]
            assert o["kind"] in {"district", "commune"}, o["code"]


def test_the_province_and_its_centre(by_code):
    assert by_code[PROVINCE]["kind"] == "province"
    assert by_code[CENTRE]["kind"] == "centre"
    assert [o for o in by_code.values() if o["kind"] == "province"] == [by_code[PROVINCE]]
    assert [o for o in by_code.values() if o["kind"] == "centre"] == [by_code[CENTRE]]


def test_enough_organisations_of_each_kind(orgs):
    kinds = Counter(o["kind"] for o in orgs if in_force(o))
    assert kinds["agency"] >= 15
    assert kinds["commune"] >= 60
    assert kinds["unit"] >= 3
    assert {o["name"] for o in orgs if o["kind"] == "agency"} >= REQUIRED_AGENCIES
    assert any(o["name"].startswith("Phường") for o in orgs if o["kind"] == "commune")
    assert any(o["name"].startswith("Đặc khu") for o in orgs if o["kind"] == "commune")


def test_mergers_of_1_july_2025(orgs):
    districts = [o for o in orgs if o["kind"] == "district"]
    assert len(districts) >= 4
    assert all(o["successor"] and o["succeeded_on"] == "2025-07-01" for o in districts)
    merged = Counter(o["successor"] for o in orgs if o["kind"] == "commune" and o["successor"])
    assert max(merged.values(), default=0) >= 3, "a new commune formed from three former communes"


# ----------------------------------------------------------------------------- catalogue

def test_catalog_header(catalog):
    assert catalog["format"] == "cchc-catalog"
    assert catalog["format_version"] == 1
    assert set(catalog) == {"format", "format_version", "procedures"}


def test_procedure_rows(procs):
    for p in procs:
        code = p["code"]
        assert set(p) == PROCEDURE_KEYS, code
        assert re.fullmatch(r"[12]\.\d{6}(\.000\.00\.00\.H99)?", code), code
        assert p["level"] in LEVELS, code
        assert p["processing_unit"] in UNITS, code
        assert isinstance(p["processing_amount"], int) and p["processing_amount"] > 0, code
        assert p["cutoff"] is None or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", p["cutoff"]), code
        assert p["online_level"] in ONLINE, code
        assert isinstance(p["four_on_spot"], bool), code
        assert p["status"] == "published", code
        assert date.fromisoformat(p["valid_from"]) == date(2025, 7, 1), code
        for key in ("name", "field", "legal_basis", "subjects", "sequence", "method", "result_type",
                    "publication_decision"):
            assert p[key], (code, key)  # the seven public components, and more
        for key, limit in MAX_LEN.items():
            assert len(p[key]) <= limit, (code, key)


def test_procedure_codes_are_unique(procs):
    dupes = [c for c, n in Counter(p["code"] for p in procs).items() if n > 1]
    assert not dupes


def test_competent_organisations(procs, by_code):
    for p in procs:
        if p["level"] == "commune":
            assert p["competent_org"] is None, p["code"]  # the commune where the dossier is filed
            assert not p["four_on_spot"], p["code"]
        else:
            org = by_code.get(p["competent_org"])
            assert org is not None, (p["code"], p["competent_org"])
            assert org["kind"] == "agency" and in_force(org), p["code"]


def test_components(procs):
    for p in procs:
        assert 1 <= len(p["components"]) <= 6, p["code"]
        assert [c["order"] for c in p["components"]] == list(range(1, len(p["components"]) + 1)), p["code"]
        for c in p["components"]:
            assert set(c) == {"order", "name", "form", "quantity", "required", "document_type"}, p["code"]
            assert c["form"] in FORMS, p["code"]
            assert isinstance(c["quantity"], int) and c["quantity"] >= 1, p["code"]
            assert isinstance(c["required"], bool), p["code"]
            assert re.fullmatch(r"[a-z0-9_]*", c["document_type"]), p["code"]
            for key, limit in COMPONENT_MAX.items():
                assert len(c[key]) <= limit, (p["code"], key)
        assert any(c["required"] for c in p["components"]), p["code"]


def test_fees(procs):
    for p in procs:
        for f in p["fees"]:
            assert set(f) == {"kind", "name", "amount", "note"}, p["code"]
            assert f["kind"] in FEE_KINDS, p["code"]
            assert isinstance(f["amount"], int) and f["amount"] >= 0, p["code"]
            for key, limit in FEE_MAX.items():
                assert len(f[key]) <= limit, (p["code"], key)


def test_steps(procs, by_code):
    for p in procs:
        steps = p["steps"]
        assert 3 <= len(steps) <= 5, p["code"]
        assert [s["order"] for s in steps] == list(range(1, len(steps) + 1)), p["code"]
        assert sum(Decimal(str(s["share"])) for s in steps) == 100, p["code"]
        for s in steps:
            assert set(s) == {"order", "name", "org", "unit", "role", "share"}, p["code"]
            assert s["role"] in ROLES, p["code"]
            assert 0 < s["share"] <= 100, p["code"]
            for key, limit in STEP_MAX.items():
                assert len(s[key]) <= limit, (p["code"], key)
            if s["org"] is not None:
                org = by_code.get(s["org"])
                assert org is not None, (p["code"], s["org"])
                # a step's organisation must be in force and have staff in the demo
                assert org["kind"] == "agency" and in_force(org), (p["code"], s["org"])
        assert steps[0]["role"] == "desk" and steps[0]["org"] is None, p["code"]


def test_province_procedures_start_and_end_at_the_centre_desk(procs):
    for p in procs:
        if p["level"] == "province":
            first, last = p["steps"][0], p["steps"][-1]
            assert (first["role"], first["org"], last["role"], last["org"]) == ("desk", None, "desk", None), p["code"]
            assert any(s["org"] == p["competent_org"] for s in p["steps"]), p["code"]


def test_the_catalogue_is_big_and_varied(procs):
    assert len(procs) >= 150
    assert len({p["field"] for p in procs}) >= 15
    levels = Counter(p["level"] for p in procs)
    assert levels["province"] and levels["commune"]
    assert 0.35 <= levels["commune"] / len(procs) <= 0.55
    assert {p["processing_unit"] for p in procs} == UNITS
    assert {p["online_level"] for p in procs} == ONLINE
    assert any(p["cutoff"] is None for p in procs) and any(p["cutoff"] == "15:00" for p in procs)
    assert any(f["amount"] > 0 for p in procs for f in p["fees"])
    province = [p for p in procs if p["level"] == "province"]
    assert sum(p["four_on_spot"] for p in province) / len(province) >= 0.15
    inter = [p for p in procs if any(s["org"] not in (None, p["competent_org"]) for s in p["steps"])]
    assert len(inter) / len(procs) >= 0.05
    reusable = Counter(c["document_type"] for p in procs for c in p["components"] if c["document_type"])
    assert reusable["cccd"] >= 20
