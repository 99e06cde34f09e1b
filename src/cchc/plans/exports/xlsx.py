"""The periodic report as an Excel workbook: one sheet per part, numbers as numbers (so the
Department of Home Affairs can add them up), and native Excel charts bound to the cells."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .. import status as rules
from ..reports import SECTIONS, STATUS_ORDER
from .fmt import COMPARATORS, day

BOLD = Font(bold=True)


def _sheet(wb, title: str, header: list[str], rows: list[list], widths: list[int]):
    ws = wb.create_sheet(title)
    ws.append(header)
    for c in ws[1]:
        c.font = BOLD
    for row in rows:
        ws.append(row)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    return ws


def _bar(title: str, y_title: str, *, stacked: bool = False, horizontal: bool = True) -> BarChart:
    ch = BarChart()
    ch.type = "bar" if horizontal else "col"
    ch.title, ch.y_axis.title = title, y_title
    if stacked:
        ch.grouping, ch.overlap = "stacked", 100
    ch.height, ch.width = 8, 16
    return ch


def render(report, figures: dict, *, today=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws["A1"] = f"Báo cáo kết quả thực hiện công tác cải cách hành chính {figures['label'].lower()}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["B2"] = "Cơ quan báo cáo", figures["org"]["name"]
    ws["A3"], ws["B3"] = "Kỳ báo cáo", f"{day(figures['start'])} – {day(figures['end'])}"
    ws["A4"], ws["B4"] = "Số liệu tính đến", day(figures["as_of"])
    ws["A5"], ws["B5"] = "Trạng thái báo cáo", report.get_status_display()
    ws["A7"], ws["B7"] = "Trạng thái nhiệm vụ", "Số nhiệm vụ"
    ws["A7"].font = ws["B7"].font = BOLD
    for i, s in enumerate(STATUS_ORDER, 8):
        ws.cell(i, 1, rules.TASK_LABELS[s])
        ws.cell(i, 2, figures["counts"][s])
    last = 7 + len(STATUS_ORDER)
    ws.cell(last + 1, 1, "Tổng cộng").font = BOLD
    ws.cell(last + 1, 2, len(figures["tasks"])).font = BOLD
    targets = figures["targets"]
    ws.cell(last + 3, 1, "Chỉ tiêu đạt")
    ws.cell(last + 3, 2, sum(1 for t in targets if t["status"] == rules.MET))
    ws.cell(last + 4, 1, "Tổng số chỉ tiêu")
    ws.cell(last + 4, 2, len(targets))
    ws.cell(last + 5, 1, "Tổng kinh phí (đồng)")
    ws.cell(last + 5, 2, figures["budget_total"]).number_format = "#,##0"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 30, 40
    ch = _bar("Nhiệm vụ theo trạng thái", "Số nhiệm vụ")
    ch.add_data(Reference(ws, min_col=2, min_row=7, max_row=last), titles_from_data=True)
    ch.set_categories(Reference(ws, min_col=1, min_row=8, max_row=last))
    ch.legend = None
    ws.add_chart(ch, "D7")

    tws = _sheet(wb, "Chỉ tiêu", ["TT", "Kế hoạch", "Chỉ tiêu", "Phép đo", "Phạm vi", "So sánh", "Ngưỡng", "Đơn vị",
                                   "Giá trị", "Tử số", "Mẫu số", "Đánh giá", "Thời điểm tính"],
                 [[i, t["plan"], t["text"], t["measure_label"] or t["measure"] or "Nhập tay (kèm minh chứng)",
                   t["scope"] or "Toàn tỉnh", COMPARATORS.get(t["comparator"]), t["threshold"],
                   "%" if t["unit"] == "percent" else "số lượng", t["value"], t["numerator"], t["denominator"],
                   t["status_label"], day(t["computed_at"])] for i, t in enumerate(targets, 1)],
                 [5, 16, 50, 30, 18, 8, 10, 10, 10, 8, 8, 12, 14])
    if targets:
        ch = _bar("Chỉ tiêu: ngưỡng và giá trị đạt được", "Giá trị", horizontal=False)
        ch.add_data(Reference(tws, min_col=7, min_row=1, max_row=len(targets) + 1), titles_from_data=True)
        ch.add_data(Reference(tws, min_col=9, min_row=1, max_row=len(targets) + 1), titles_from_data=True)
        ch.set_categories(Reference(tws, min_col=1, min_row=2, max_row=len(targets) + 1))
        tws.add_chart(ch, f"C{len(targets) + 4}")

    task_header = ["TT", "Kế hoạch", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Thời gian (nguyên văn)", "Tiến độ (%)",
                   "Trạng thái", "Kinh phí (đồng)", "Nguồn kinh phí"]
    widths = [6, 16, 50, 28, 12, 18, 10, 16, 16, 20]

    def task_rows(rows):
        return [[t["number"] or i, t["plan"], t["task"], t["lead"], day(t["due_on"]), t["time_text"], t["percent"],
                 t["status_label"], t["budget_amount"], t["budget_source"]] for i, t in enumerate(rows, 1)]

    for sheet in (_sheet(wb, "Nhiệm vụ", task_header, task_rows(figures["tasks"]), widths),
                  _sheet(wb, "Quá hạn", task_header, task_rows(figures["late"]), widths)):
        for c in sheet["I"][1:]:
            c.number_format = "#,##0"

    bws = _sheet(wb, "Kinh phí", ["Nguồn kinh phí", "Số nhiệm vụ", "Kinh phí (đồng)"],
                 [[b["source"], b["tasks"], b["amount"]] for b in figures["budget"]]
                 + [["Tổng cộng", sum(b["tasks"] for b in figures["budget"]), figures["budget_total"]]], [40, 12, 20])
    for c in bws["C"][1:]:
        c.number_format = "#,##0"
    if figures["budget"]:
        pie = PieChart()
        pie.title = "Kinh phí theo nguồn"
        pie.add_data(Reference(bws, min_col=3, min_row=1, max_row=len(figures["budget"]) + 1), titles_from_data=True)
        pie.set_categories(Reference(bws, min_col=1, min_row=2, max_row=len(figures["budget"]) + 1))
        bws.add_chart(pie, "E2")

    if "units" in figures:
        units = figures["units"]
        uws = _sheet(wb, "Đơn vị", ["Cơ quan, đơn vị"] + [rules.TASK_LABELS[s] for s in STATUS_ORDER]
                     + ["Tổng nhiệm vụ", "Chỉ tiêu đạt", "Tổng chỉ tiêu", "Kinh phí (đồng)", "Ngày gửi", "Kiến nghị"],
                     [[u["org"]] + [u["counts"].get(s, 0) for s in STATUS_ORDER]
                      + [u["tasks"], u["targets_met"], u["targets"], u["budget_total"], day(u["submitted_at"]),
                         u["kien_nghi"]] for u in units],
                     [34] + [12] * len(STATUS_ORDER) + [10, 10, 10, 16, 12, 40])
        row = len(units) + 3
        uws.cell(row, 1, f"Đã nhận {len(units)}/{figures['expected']} báo cáo").font = BOLD
        uws.cell(row + 1, 1, "Chưa gửi báo cáo").font = BOLD
        for i, name in enumerate(figures["missing"], row + 2):
            uws.cell(i, 1, name)
        if units:
            ch = _bar("Nhiệm vụ của các cơ quan, đơn vị theo trạng thái", "Số nhiệm vụ", stacked=True)
            ch.add_data(Reference(uws, min_col=2, max_col=1 + len(STATUS_ORDER), min_row=1, max_row=len(units) + 1),
                        titles_from_data=True)
            ch.set_categories(Reference(uws, min_col=1, min_row=2, max_row=len(units) + 1))
            uws.add_chart(ch, f"{get_column_letter(len(STATUS_ORDER) + 9)}2")

    nws = _sheet(wb, "Thuyết minh", ["Mục", "Nội dung"],
                 [[label, (report.narrative or {}).get(key, "")] for key, label in SECTIONS.items()], [36, 100])
    nws.freeze_panes = None
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
