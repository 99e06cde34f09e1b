"""XLSX export of a year's PAR Index results: the ranking, then every organisation's points per criterion."""
from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from . import selectors
from .models import Assessment, CriteriaTree, Score


def export(tree: CriteriaTree, *, published_only: bool) -> bytes:
    ranked = selectors.ranking(tree, published_only=published_only)
    wb = Workbook()
    ws = wb.active
    ws.title = "Xếp hạng"
    ws.append([f"{tree.title} — {tree.get_org_type_display()}"])
    ws["A1"].font = Font(bold=True)
    ws.append(["Hạng", "Mã đơn vị", "Đơn vị", "Điểm tự đánh giá", "Điểm cuối cùng"])
    for r in ranked:
        ws.append([r["rank"], r["org_code"], r["org_name"], _num(r["self_total"]), _num(r["final_score"])])
    for col, width in zip("ABCDE", (8, 16, 50, 18, 16), strict=True):
        ws.column_dimensions[col].width = width

    detail = wb.create_sheet("Chi tiết")
    nodes = selectors.criteria(tree.id)
    codes = [r["org_code"] for r in ranked]
    assessments = {a.org.code: a for a in Assessment.objects.filter(tree=tree, org__code__in=codes)
                   .select_related("org")}
    detail.append(["Mã", "Tiêu chí", "Điểm tối đa"] + [assessments[c].org.name for c in codes])
    per_org = {}
    for code in codes:
        scores = {s.criterion_id: s for s in Score.objects.filter(assessment=assessments[code])}
        per_org[code] = selectors.totals(nodes, {cid: selectors.final_value(s) for cid, s in scores.items()})
    for n in nodes:
        detail.append([n.code, n.name, _num(n.max_points)] + [_num(per_org[c].get(n.id)) for c in codes])
    detail.column_dimensions["B"].width = 60
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _num(v: Decimal | None):
    return None if v is None else float(v)
