"""Catalogue import and export (docs/catalog-format.md): round trips, reports, all-or-nothing."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date, time

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from exchange_files import JUSTICE, POLICE, csv_zip_bytes, json_bytes, to_tables, xlsx_bytes

from cchc.catalog import services
from cchc.catalog.exchange import export_catalog, import_catalog, parse_catalog
from cchc.catalog.models import Component, Fee, Procedure, ProcedureVersion, Step, VersionStatus
from cchc.org.models import Organisation, OrgKind

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Procedure, ProcedureVersion, Component, Fee, Step))


def wipe() -> None:
    ProcedureVersion.objects.all().delete()
    Procedure.objects.all().delete()


def where(report) -> set[tuple]:
    return {(e.sheet, e.row, e.field) for e in report.errors}


def handwritten(fmt: str, procedures: list[dict]) -> bytes:
    """The catalogue as a person would type it: in the spreadsheets booleans as có/không and
    a date and a time as real Excel cells; the CSV without BOM, semicolons, inside a folder."""
    if fmt == "json":
        return json_bytes(procedures)
    tables = to_tables(procedures)
    main = tables["thu_tuc"]
    spot = main[0].index("four_on_spot")
    for row in main[1:]:
        row[spot] = "có" if row[spot] else "Không"
    if fmt == "xlsx":
        cutoff, valid = main[0].index("cutoff"), main[0].index("valid_from")
        main[1][cutoff] = time(15, 0)
        main[2][valid] = date(2025, 7, 1)
        return xlsx_bytes(tables)
    return csv_zip_bytes(tables, bom=False, delimiter=";", folder="danh_muc/")


def xlsx_cells(data: bytes) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb.worksheets}


def zip_files(data: bytes) -> dict[str, bytes]:
    zf = zipfile.ZipFile(io.BytesIO(data))
    return {n: zf.read(n) for n in zf.namelist()}


# ------------------------------------------------------------------ round trip

@pytest.mark.parametrize("fmt", ["json", "xlsx", "csv"])
def test_round_trip(orgs, catalogue, fmt):
    report = import_catalog(actor=None, data=handwritten(fmt, catalogue), fmt=fmt)
    assert report.ok, [e.message for e in report.errors]
    assert (report.created, report.published, report.errors) == (3, 3, [])
    assert ProcedureVersion.objects.filter(status=VersionStatus.PUBLISHED).count() == 3

    # what went in is what comes out, whatever the container
    assert json.loads(export_catalog("json"))["procedures"] == catalogue
    first = export_catalog(fmt)
    assert parse_catalog(first, fmt).procedures == parse_catalog(json_bytes(catalogue), "json").procedures

    wipe()
    assert counts() == (0, 0, 0, 0, 0)
    report = import_catalog(actor=None, data=first, fmt=fmt)
    assert report.ok, [e.message for e in report.errors]
    second = export_catalog(fmt)
    assert second == first
    if fmt == "xlsx":
        assert xlsx_cells(second) == xlsx_cells(first)
    if fmt == "csv":
        assert zip_files(second) == zip_files(first)


@pytest.mark.parametrize("fmt", ["json", "xlsx", "csv"])
def test_a_file_without_the_keywords_column_imports_unchanged(orgs, catalogue, fmt):
    # files written before search keywords existed (format_version 1 all the same)
    old = [{k: v for k, v in p.items() if k != "keywords"} for p in catalogue]
    if fmt == "json":
        data = json_bytes(old)
    else:
        tables = to_tables(catalogue)
        column = tables["thu_tuc"][0].index("keywords")
        tables["thu_tuc"] = [row[:column] + row[column + 1:] for row in tables["thu_tuc"]]
        data = xlsx_bytes(tables) if fmt == "xlsx" else csv_zip_bytes(tables)
    report = import_catalog(actor=None, data=data, fmt=fmt)
    assert report.ok, [e.message for e in report.errors]
    assert set(ProcedureVersion.objects.values_list("keywords", flat=True)) == {""}
    assert ProcedureVersion.objects.count() == len(catalogue)


def test_inter_agency_steps_and_units_are_stored(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    record = ProcedureVersion.objects.get(procedure__code="2.000488.000.00.00.H38")
    assert record.competent_org.code == JUSTICE
    assert [s.org.code if s.org else None for s in record.steps.order_by("order")] == [
        None, JUSTICE, POLICE, JUSTICE, None]
    assert record.cutoff == time(16, 30) and record.valid_from == date(2025, 7, 1)
    hours = ProcedureVersion.objects.get(procedure__code="2.001009")
    assert (hours.processing_amount, hours.processing_unit, hours.cutoff, hours.four_on_spot) == (
        8, "hours", None, True)
    assert sorted(float(s.share) for s in hours.steps.all()) == [12.5, 87.5]
    birth = ProcedureVersion.objects.get(procedure__code="1.001193")
    assert birth.competent_org is None and birth.fees.get().note.startswith("=")


def test_xlsx_export_layout(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    wb = openpyxl.load_workbook(io.BytesIO(export_catalog("xlsx")))
    assert wb.sheetnames == ["thu_tuc", "thanh_phan", "phi_le_phi", "quy_trinh"]
    ws = wb["thu_tuc"]
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1]) and ws["A1"].value == "code"
    assert ws.column_dimensions["B"].width >= 40  # name
    fee_note = wb["phi_le_phi"]["E2"]
    assert fee_note.value.startswith("=") and fee_note.data_type == "s"  # text, never a formula
    assert [r[0].value for r in wb["quy_trinh"].iter_rows(min_row=2)].count("2.000488.000.00.00.H38") == 5


def test_csv_export_has_bom_and_is_deterministic(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    files = zip_files(export_catalog("csv"))
    assert list(files) == ["thu_tuc.csv", "thanh_phan.csv", "phi_le_phi.csv", "quy_trinh.csv"]
    assert all(content.startswith(b"\xef\xbb\xbf") for content in files.values())
    assert files["thu_tuc.csv"].decode("utf-8-sig").splitlines()[0].startswith("code,name,field,level")
    assert export_catalog("csv") == export_catalog("csv")


def test_reimport_makes_a_new_version_and_export_shows_it(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    catalogue[0]["processing_amount"] = 2
    report = import_catalog(actor=None, data=json_bytes(catalogue[:1]), fmt="json")
    assert report.ok and report.created == 1
    versions = ProcedureVersion.objects.filter(procedure__code="1.001193").order_by("version")
    assert [(v.version, v.status) for v in versions] == [(1, "retired"), (2, "published")]
    exported = json.loads(export_catalog("json"))["procedures"]
    assert [p["processing_amount"] for p in exported if p["code"] == "1.001193"] == [2]


def test_draft_is_imported_unpublished_and_exported_on_request(orgs, catalogue):
    draft = catalogue[2] | {"status": "draft", "subjects": ""}  # a draft need not be complete
    report = import_catalog(actor=None, data=json_bytes([draft]), fmt="json")
    assert report.ok and (report.created, report.published) == (1, 0)
    v = ProcedureVersion.objects.get()
    assert v.status == VersionStatus.DRAFT and v.valid_from == date(2025, 8, 15)
    assert json.loads(export_catalog("json"))["procedures"] == []  # not in force
    assert json.loads(export_catalog("json", [v]))["procedures"] == [draft]


def test_dry_run_checks_everything_and_writes_nothing(orgs, catalogue):
    report = import_catalog(actor=None, data=json_bytes(catalogue), fmt="json", dry_run=True)
    assert report.ok and report.dry_run and (report.created, report.published) == (3, 3)
    assert counts() == (0, 0, 0, 0, 0)


def test_export_of_given_versions_allows_one_per_procedure(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue[:1]), fmt="json").ok
    assert import_catalog(actor=None, data=json_bytes(catalogue[:1]), fmt="json").ok
    with pytest.raises(services.ValidationFailed):
        export_catalog("json", ProcedureVersion.objects.all())
    retired = ProcedureVersion.objects.get(version=1)
    assert json.loads(export_catalog("json", [retired]))["procedures"][0]["status"] == "draft"


def test_export_reads_a_fixed_number_of_queries(orgs, catalogue, django_assert_max_num_queries):
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    with django_assert_max_num_queries(4):
        export_catalog("xlsx")


def test_sheets_in_any_column_order_extra_sheets_and_missing_child_sheets(orgs, catalogue):
    catalogue[2]["status"] = "draft"
    tables = to_tables(catalogue[2:])
    del tables["phi_le_phi"]
    tables["quy_trinh"] = [list(reversed(row)) for row in tables["quy_trinh"]]
    tables["quy_trinh"][0] = [key.upper() for key in tables["quy_trinh"][0]]
    tables["huong_dan"] = [["Hướng dẫn"], ["Điền mỗi thủ tục một dòng"]]
    tables["thu_tuc"].append([None] * len(tables["thu_tuc"][0]))  # blank row
    report = import_catalog(actor=None, data=xlsx_bytes(tables), fmt="xlsx")
    assert report.ok, [e.message for e in report.errors]
    v = ProcedureVersion.objects.get()
    assert [(s.order, s.role, float(s.share)) for s in v.steps.order_by("order")] == [
        (1, "specialist", 87.5), (2, "clerk", 12.5)]
    assert not v.fees.exists()


# ------------------------------------------------------------------ malformed rows

def test_malformed_xlsx_names_every_row_and_imports_nothing(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    before = counts()
    tables = to_tables(catalogue)
    main, head = tables["thu_tuc"], tables["thu_tuc"][0]
    col = head.index
    extra = [list(main[1]) for _ in range(5)]  # rows 5..9, copies of 1.001193 with one fault each
    extra[0][col("code")] = "9.000001"
    extra[1][col("code")], extra[1][col("cutoff")] = "9.000002", "25:00"
    extra[2][col("code")], extra[2][col("processing_unit")] = "9.000003", "ngay"
    extra[3][col("code")], extra[3][col("name")], extra[3][col("four_on_spot")] = "9.000004", None, "maybe"
    extra[4][col("code")], extra[4][col("valid_from")] = "9.000005", "01/07/2025"
    main += extra
    main[2][col("competent_org")] = "KHONG.CO"  # 2.000488 (row 3): unknown organisation
    tables["thanh_phan"].append(["9.999999", 1, "Giấy tờ mồ côi", "original", 1, True, ""])
    tables["thanh_phan"].append(["9.000001", 1, "Tờ khai", "photocopy", -1, "có", ""])
    tables["phi_le_phi"].append(["9.000001", "charge", "Lệ phí", "50.000", ""])
    steps = tables["quy_trinh"]
    steps.append(["9.000001", 1, "Tiếp nhận", "", "", "desk", 60])
    steps.append(["9.000001", 1, "Xử lý", "000.00.99.H38", "", "boss", 30])
    main[1][col("code")] = "2.001009"  # row 2: duplicates row 4

    report = import_catalog(actor=None, data=xlsx_bytes(tables), fmt="xlsx")

    assert not report.ok and report.created == 0
    assert counts() == before
    n = len(steps)
    assert where(report) >= {
        ("thu_tuc", 3, "competent_org"),
        ("thu_tuc", 4, "code"),
        ("thu_tuc", 6, "cutoff"),
        ("thu_tuc", 7, "processing_unit"),
        ("thu_tuc", 8, "name"), ("thu_tuc", 8, "four_on_spot"),
        ("thu_tuc", 9, "valid_from"),
        ("thanh_phan", len(tables["thanh_phan"]) - 1, "procedure_code"),
        ("thanh_phan", len(tables["thanh_phan"]), "form"), ("thanh_phan", len(tables["thanh_phan"]), "quantity"),
        ("phi_le_phi", len(tables["phi_le_phi"]), "amount"),
        ("quy_trinh", n - 1, "share"),  # 60 + 30 is not 100, reported at the first step row
        ("quy_trinh", n, "order"), ("quy_trinh", n, "org"), ("quy_trinh", n, "role"),
    }
    messages = [e.message for e in report.errors]
    assert ("Bảng thu_tuc, dòng 7, cột processing_unit: giá trị 'ngay' không hợp lệ "
            "(hợp lệ: hours, working_days, days, months)") in messages
    by_place = {(e.sheet, e.row, e.field): e.reason for e in report.errors}
    assert by_place[("thu_tuc", 4, "code")] == "mã thủ tục '2.001009' bị trùng với dòng 2"
    assert "HH:MM" in by_place[("thu_tuc", 6, "cutoff")]
    assert by_place[("thu_tuc", 8, "name")] == "bắt buộc, không được để trống"
    assert "YYYY-MM-DD" in by_place[("thu_tuc", 9, "valid_from")]
    assert by_place[("thu_tuc", 3, "competent_org")] == "không có cơ quan mã 'KHONG.CO'"
    assert "'9.999999'" in by_place[("thanh_phan", len(tables["thanh_phan"]) - 1, "procedure_code")]
    assert "90%" in by_place[("quy_trinh", n - 1, "share")]
    assert by_place[("quy_trinh", n, "order")].startswith("bước 1 bị trùng với dòng")
    # errors are listed sheet by sheet, row by row
    ranks = [("thu_tuc", "thanh_phan", "phi_le_phi", "quy_trinh").index(e.sheet) for e in report.errors]
    assert ranks == sorted(ranks)


def test_malformed_json_names_item_and_path(orgs, catalogue):
    bad = catalogue[1]
    bad["processing_amount"] = "mười"
    bad["steps"][2]["org"] = "000.00.99.H38"
    bad["steps"][3]["share"] = 16
    bad["components"][0]["required"] = "maybe"
    bad["colour"] = "red"
    catalogue[2]["fees"] = {"kind": "fee"}
    report = import_catalog(actor=None, data=json_bytes(catalogue), fmt="json")
    assert not report.ok and counts() == (0, 0, 0, 0, 0)
    assert where(report) == {
        ("procedures", 2, "colour"), ("procedures", 2, "processing_amount"),
        ("procedures", 2, "components[1].required"), ("procedures", 2, "steps"),
        ("procedures", 2, "steps[3].org"), ("procedures", 3, "fees"),
    }
    msg = next(e.message for e in report.errors if e.field == "steps[3].org")
    assert msg == "Danh sách procedures, mục 2, trường steps[3].org: không có cơ quan mã '000.00.99.H38'"


def test_malformed_csv_names_row_and_imports_nothing(orgs, catalogue):
    tables = to_tables(catalogue)
    tables["quy_trinh"][3][tables["quy_trinh"][0].index("share")] = "năm mươi"
    tables["thu_tuc"][0].append("mau_sac")
    report = import_catalog(actor=None, data=csv_zip_bytes(tables), fmt="csv")
    assert not report.ok and counts() == (0, 0, 0, 0, 0)
    assert where(report) == {("thu_tuc", 1, "mau_sac"), ("quy_trinh", 4, "share")}


def test_missing_required_column_is_reported_once(orgs, catalogue):
    tables = to_tables(catalogue)
    name = tables["thu_tuc"][0].index("name")
    for row in tables["thu_tuc"]:
        del row[name]
    report = import_catalog(actor=None, data=xlsx_bytes(tables), fmt="xlsx")
    assert [(e.sheet, e.row, e.field, e.reason) for e in report.errors] == [
        ("thu_tuc", 1, "name", "thiếu cột bắt buộc")]


def test_values_people_type_are_accepted(orgs, catalogue):
    tables = to_tables(catalogue[:1])
    head = tables["thu_tuc"][0]
    row = tables["thu_tuc"][1]
    row[head.index("four_on_spot")] = "1"
    row[head.index("processing_unit")] = " Working_Days "
    row[head.index("cutoff")] = "9:05"
    for step in tables["quy_trinh"][1:]:
        step[-1] = f"{step[-1]},0%"  # decimal comma and percent sign
    report = import_catalog(actor=None, data=csv_zip_bytes(tables), fmt="csv")
    assert report.ok, [e.message for e in report.errors]
    v = ProcedureVersion.objects.get()
    assert (v.four_on_spot, v.processing_unit, v.cutoff) == (True, "working_days", time(9, 5))


def test_commune_level_names_no_competent_organisation(orgs, catalogue):
    catalogue[0]["competent_org"] = JUSTICE
    report = import_catalog(actor=None, data=json_bytes(catalogue[:1]), fmt="json")
    assert where(report) == {("procedures", 1, "competent_org")}


def test_merged_organisation_is_refused(orgs, catalogue):
    old = Organisation.objects.create(code="H38.09", name="Huyện cũ", kind=OrgKind.DISTRICT,
                                      successor=orgs["commune"], succeeded_on=date(2025, 7, 1))
    catalogue[1]["steps"][2]["org"] = old.code
    report = import_catalog(actor=None, data=json_bytes(catalogue), fmt="json")
    assert where(report) == {("procedures", 2, "steps[3].org")}
    assert "H38.01.01" in report.errors[0].reason


def test_numeric_code_from_excel_is_explained(orgs, catalogue):
    tables = to_tables(catalogue[:1])
    tables["thu_tuc"][1][0] = 1.001193
    for row in tables["thanh_phan"][1:] + tables["phi_le_phi"][1:] + tables["quy_trinh"][1:]:
        row[0] = 1.001193
    report = import_catalog(actor=None, data=xlsx_bytes(tables), fmt="xlsx")
    assert where(report) == {("thu_tuc", 2, "code")}
    assert "Text" in report.errors[0].reason


# ------------------------------------------------------------------ publication failure

def test_publish_failure_rolls_back_everything(orgs, catalogue):
    assert import_catalog(actor=None, data=json_bytes(catalogue[:1]), fmt="json").ok
    before = counts()
    incomplete = catalogue[2] | {"subjects": "", "method": ""}  # two of the seven public components
    catalogue[2] = incomplete
    tables = to_tables(catalogue)
    report = import_catalog(actor=None, data=xlsx_bytes(tables), fmt="xlsx")
    assert not report.ok and report.created == 0
    assert counts() == before  # the two sound procedures written before it are gone too
    assert ProcedureVersion.objects.get().version == 1
    [error] = report.errors
    assert (error.sheet, error.row, error.field) == ("thu_tuc", 4, "status")
    assert "đối tượng thực hiện" in error.reason and "cách thức thực hiện" in error.reason


def test_publish_failure_is_reported_with_other_errors(orgs, catalogue):
    catalogue[2] |= {"subjects": ""}
    catalogue[0]["processing_unit"] = "ngay"
    report = import_catalog(actor=None, data=json_bytes(catalogue), fmt="json")
    assert where(report) == {("procedures", 1, "processing_unit"), ("procedures", 3, "status")}
    assert counts() == (0, 0, 0, 0, 0)


def test_any_refusal_of_the_service_rolls_back(orgs, catalogue, monkeypatch):
    real = services.publish

    def refuse_last(*, actor, version_id, **kw):
        if ProcedureVersion.objects.get(pk=version_id).procedure.code == "2.001009":
            raise services.ValidationFailed("Từ chối thử.")
        return real(actor=actor, version_id=version_id, **kw)

    monkeypatch.setattr(services, "publish", refuse_last)
    report = import_catalog(actor=None, data=json_bytes(catalogue), fmt="json")
    assert [e.message for e in report.errors] == [
        "Danh sách procedures, mục 3, trường status: không công bố được: Từ chối thử."]
    assert counts() == (0, 0, 0, 0, 0)


# ------------------------------------------------------------------ not what it claims

def _xlsx_without_main_sheet() -> bytes:
    return xlsx_bytes({"Sheet1": [["a", "b"], [1, 2]]})


@pytest.mark.parametrize("fmt, data, says", [
    ("json", b"\x89PNG\r\n\x1a\n\x00\x00garbage", "không phải văn bản JSON"),
    ("json", b"{\"procedures\": [", "không phải JSON hợp lệ"),
    ("json", b"[1, 2, 3]", "'procedures'"),
    ("json", b"", "Tệp rỗng"),
    ("xlsx", b"\x00\x01\x02 not a workbook", "không phải sổ tính XLSX"),
    ("xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, ".xls"),
    ("xlsx", "csv-zip", "ZIP chứa CSV"),
    ("xlsx", "xlsx-no-main", "không có sheet 'thu_tuc'"),
    ("csv", b"code,name\n1.001193,Khai sinh\n", "tệp CSV đơn lẻ"),
    ("csv", "xlsx", "có vẻ là sổ tính XLSX"),
    ("csv", "zip-other", "không có tệp thu_tuc.csv"),
    ("csv", "csv-latin1", "không mã hóa UTF-8"),
    ("yaml", b"procedures: []", "không hỗ trợ"),
])
def test_a_file_that_is_not_what_it_claims_gives_a_clean_error(orgs, catalogue, fmt, data, says):
    built = {
        "csv-zip": lambda: csv_zip_bytes(to_tables(catalogue)),
        "xlsx-no-main": _xlsx_without_main_sheet,
        "xlsx": lambda: xlsx_bytes(to_tables(catalogue)),
        "zip-other": lambda: _zip({"readme.txt": b"hello"}),
        "csv-latin1": lambda: _zip({"thu_tuc.csv": "code,name\n1,Đăng".encode("cp1258")}),
    }
    payload = built[data]() if isinstance(data, str) else data
    report = import_catalog(actor=None, data=payload, fmt=fmt)
    assert not report.ok and counts() == (0, 0, 0, 0, 0)
    assert len(report.errors) == 1, [e.message for e in report.errors]
    assert says in report.errors[0].message


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def test_empty_catalogue_is_an_error(orgs):
    report = import_catalog(actor=None, data=json_bytes([]), fmt="json")
    assert not report.ok and "không có thủ tục nào" in report.errors[0].reason


# ------------------------------------------------------------------ management commands

def test_commands_export_and_import(orgs, catalogue, tmp_path, django_user_model):
    django_user_model.objects.create_user(username="cchc_admin", password="x")
    assert import_catalog(actor=None, data=json_bytes(catalogue), fmt="json").ok
    path = tmp_path / "danh_muc.xlsx"
    call_command("export_catalog", str(path), stdout=io.StringIO())
    first = path.read_bytes()
    wipe()
    out = io.StringIO()
    call_command("import_catalog", str(path), "--as-user", "cchc_admin", stdout=out, stderr=io.StringIO())
    assert "3 phiên bản" in out.getvalue()
    call_command("export_catalog", str(tmp_path / "again.bin"), "--format", "xlsx", stdout=io.StringIO())
    assert (tmp_path / "again.bin").read_bytes() == first


def test_import_command_prints_errors_and_exits_1(orgs, catalogue, tmp_path):
    catalogue[0]["processing_unit"] = "ngay"
    path = tmp_path / "loi.json"
    path.write_bytes(json_bytes(catalogue))
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_catalog", str(path), stdout=io.StringIO(), stderr=err)
    assert exc.value.returncode == 1
    assert "mục 1, trường processing_unit: giá trị 'ngay' không hợp lệ" in err.getvalue()
    assert counts() == (0, 0, 0, 0, 0)


def test_import_command_refuses_unknown_user(orgs, tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(b"{}")
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("import_catalog", str(path), "--as-user", "ai_do")
