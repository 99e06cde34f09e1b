"""Criteria tree from XLSX: a good file, and a malformed one reported row by row with nothing imported."""
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.appraisal.par_fixture import TREE_ROWS, xlsx

from cchc.appraisal import criteria_xlsx, services
from cchc.appraisal.models import CriteriaTree, Criterion
from cchc.core.errors import Conflict, PermissionDenied


def test_the_tree_is_imported_with_levels_parents_and_survey_parts(par):
    nodes = {c.code: c for c in Criterion.objects.filter(tree_id=par.tree_id)}
    assert len(nodes) == 21
    assert sorted(c for c, n in nodes.items() if n.is_leaf) == [
        "1.1", "1.2", "2.1", "2.2", "3.1.1", "3.1.2", "3.2", "4.1", "5.1", "6.1", "7.1", "7.2", "7.3"]
    assert sum(n.max_points for n in nodes.values() if n.level == 1) == Decimal(100)
    assert nodes["3.1.2"].parent.code == "3.1" and nodes["3.1.2"].level == 3
    assert [c for c, n in nodes.items() if n.is_survey and n.is_leaf] == ["7.1", "7.2", "7.3"]  # 7 flags its children
    assert (nodes["7.1"].sipas_aspect, nodes["7.2"].sipas_aspect, nodes["7.3"].sipas_aspect) == (
        "", "procedure", "officials")
    assert nodes["1.1"].guidance == "Ban hành đúng hạn: 10"
    assert nodes["1.1"].evidence_required == "Quyết định ban hành kế hoạch"


BAD_ROWS = [
    ["1", "Chỉ đạo điều hành", 20, "", "", "", ""],        # row 2: fine
    ["1.1", "Kế hoạch", "mười", "", "", "", ""],             # row 3: points not a number
    ["1.1", "Lặp mã", 5, "", "", "", ""],                    # row 4: code repeated (even of a bad row)
    ["", "Không có mã", 5, "", "", "", ""],                  # row 5: code empty
    ["1.a", "Mã sai", 5, "", "", "", ""],                    # row 6: code malformed
    ["9.1", "Không có cha", 5, "", "", "", ""],              # row 7: parent 9 missing
    ["1.2", "", 5, "", "", "", ""],                          # row 8: name empty
    ["1.3", "Âm điểm", -1, "", "", "", ""],                  # row 9: points ≤ 0
    ["1.4", "Ba chữ số thập phân", 1.125, "", "", "", ""],   # row 10: three decimals
    ["1.5", "Cờ lạ", 2, "", "", "có lẽ", ""],                # row 11: survey flag not x
    ["1.6", "Khía cạnh lạ", 2, "", "", "x", "thời tiết"],    # row 12: unknown SIPAS aspect
    [],                                                      # row 13: blank, skipped
    ["1.7", "Khía cạnh ở tiêu chí không điều tra", 2, "", "", "", "result"],  # row 14
]


def test_a_malformed_workbook_reports_every_bad_row_and_imports_nothing(par):
    before = (CriteriaTree.objects.count(), Criterion.objects.count())
    report = services.import_criteria(actor=par.appraiser, year=2027, org_type="agency", data=xlsx(BAD_ROWS))
    assert not report.ok
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [
        ("Tiêu chí", 3, "Điểm tối đa"),
        ("Tiêu chí", 4, "Mã"),
        ("Tiêu chí", 5, "Mã"),
        ("Tiêu chí", 6, "Mã"),
        ("Tiêu chí", 8, "Tên"),
        ("Tiêu chí", 9, "Điểm tối đa"),
        ("Tiêu chí", 10, "Điểm tối đa"),
        ("Tiêu chí", 11, "Điều tra XHH"),
        ("Tiêu chí", 12, "Khía cạnh SIPAS"),
        ("Tiêu chí", 7, "Mã"),    # the tree is checked once every row is read:
        ("Tiêu chí", 2, "Điểm tối đa"),  # area 1 (20) has only 1.7 (2) left: unreachable
        ("Tiêu chí", 14, "Khía cạnh SIPAS"),
    ]
    reasons = [e.reason for e in report.errors]
    assert "'mười' không phải là số" in reasons[0]
    assert reasons[1] == "mã '1.1' bị lặp (đã có ở dòng 3)"
    assert "không có tiêu chí cha '9'" in reasons[9]
    assert report.errors[0].message.startswith("Bảng 'Tiêu chí', dòng 3, cột 'Điểm tối đa': ")
    assert (CriteriaTree.objects.count(), Criterion.objects.count()) == before


@pytest.mark.parametrize("data, expected", [
    (b"not a workbook", [("(tệp)", None, None)]),
    (xlsx(TREE_ROWS, sheet="Sheet1"), [("Tiêu chí", None, None)]),
    (xlsx(TREE_ROWS, header=["Mã", "Tên", "Ghi chú"]), [("Tiêu chí", 1, "Ghi chú"), ("Tiêu chí", 1, "Điểm tối đa")]),
    (xlsx([r for r in TREE_ROWS if r[0] not in ("7", "7.1", "7.2", "7.3")]), [("Tiêu chí", None, "Điểm tối đa")]),
    (xlsx([["1", "A", 10, "", "", "", ""], ["1.1", "B", 4, "", "", "", ""], ["1.2", "C", 4, "", "", "", ""]]
          + [[str(i), f"L{i}", 15, "", "", "", ""] for i in range(2, 8)]), [("Tiêu chí", 2, "Điểm tối đa")]),
    (xlsx([]), [("Tiêu chí", None, None)]),
])
def test_file_level_problems(par, data, expected):
    nodes, issues = criteria_xlsx.read(data)
    assert nodes == []
    assert [(e.sheet, e.row, e.column) for e in issues] == expected


def test_total_and_parent_messages_are_vietnamese(par):
    _, issues = criteria_xlsx.read(xlsx([r for r in TREE_ROWS if not r[0].startswith("7")]))
    assert issues[0].reason == "tổng điểm tối đa của các lĩnh vực là 70, phải bằng 100"


def test_export_reads_back_as_the_same_tree(par):
    nodes = [{"code": n.code, "name": n.name, "max_points": float(n.max_points), "guidance": n.guidance,
              "evidence_required": n.evidence_required, "is_survey": n.is_survey, "sipas_aspect": n.sipas_aspect}
             for n in Criterion.objects.filter(tree_id=par.tree_id).order_by("order")]
    again, issues = criteria_xlsx.read(criteria_xlsx.write(nodes))
    assert issues == []
    assert [(n.code, n.max_points, n.is_survey, n.sipas_aspect) for n in again] == [
        (n["code"], Decimal(str(n["max_points"])), n["is_survey"], n["sipas_aspect"]) for n in nodes]


def test_a_tree_already_scored_is_not_replaced(par):
    services.save_self_scores(actor=par.reform_justice, tree_id=par.tree_id, org_id=par.justice.id,
                              entries=[services.ScoreEntry("1.1", "5")])
    with pytest.raises(Conflict) as e:
        services.import_criteria(actor=par.appraiser, year=2026, org_type="agency", data=xlsx(TREE_ROWS))
    assert e.value.code == "bo_tieu_chi_da_dung"


def test_only_appraisers_import(par):
    with pytest.raises(PermissionDenied):
        services.import_criteria(actor=par.reform_justice, year=2027, org_type="agency", data=xlsx(TREE_ROWS))


def test_command_lists_every_bad_row_and_fails(par, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx(BAD_ROWS))
    with pytest.raises(CommandError) as e:
        call_command("import_par_criteria", str(bad), "--year", "2027", "--org-type", "agency")
    assert "12 lỗi" in str(e.value)
    err = capsys.readouterr().err
    assert err.count("Bảng 'Tiêu chí', dòng") == 12
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx(TREE_ROWS))
    call_command("import_par_criteria", str(good), "--year", "2027", "--org-type", "commune")
    assert CriteriaTree.objects.filter(year=2027, org_type="commune").exists()
