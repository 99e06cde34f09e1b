"""The periodic report as a Word document laid out like an administrative report (ND 30/2020):
heading, title, targets against live values, task progress with a chart, late tasks, budgets,
the province's roll-up of agency reports, the narrative, and the task list as an appendix."""
from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .. import status as rules
from ..reports import SECTIONS, STATUS_ORDER
from . import chart
from .fmt import day, money, number, threshold


def _table(doc, header: list[str], rows: list[list[str]], widths: list[float] | None = None):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    if widths:
        for row in t.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = Cm(w)
    return t


def _heading(doc, text: str):
    p = doc.add_paragraph()
    p.add_run(text).bold = True
    return p


def render(report, figures: dict, *, today: date) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    for section in doc.sections:
        section.left_margin, section.right_margin = Cm(3), Cm(2)
    org = report.org
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = (org.parent.name.upper() + "\n") if org.parent else ""
    left.paragraphs[0].add_run(org.name.upper()).bold = True
    right.text = ""
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph(f"ngày {today.day:02d} tháng {today.month:02d} năm {today.year}").runs[0].italic = True
    for cell in (left, right):
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.status != "submitted":
        doc.add_paragraph().add_run("DỰ THẢO").bold = True
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("BÁO CÁO\n").bold = True
    title.add_run(f"Kết quả thực hiện công tác cải cách hành chính {figures['label'][0].lower()}"
                  f"{figures['label'][1:]}").bold = True
    doc.add_paragraph(f"Kỳ báo cáo từ ngày {day(figures['start'])} đến ngày {day(figures['end'])}; "
                      f"số liệu tính đến hết ngày {day(figures['as_of'])}, "
                      f"lấy từ hệ thống lúc {day(figures['computed_at'])}.").runs[0].italic = True

    _heading(doc, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    targets = figures["targets"]
    met = sum(1 for t in targets if t["status"] == rules.MET)
    doc.add_paragraph(f"Đạt {met}/{len(targets)} chỉ tiêu." if targets else "Không có chỉ tiêu định lượng trong kỳ.")
    if targets:
        _table(doc, ["TT", "Chỉ tiêu", "Chỉ tiêu đề ra", "Kết quả", "Đánh giá", "Nguồn số liệu"], [
            [str(i), t["text"], threshold(t), number(t["value"], t["unit"])
             + (f" ({t['numerator']}/{t['denominator']})" if t["denominator"] else ""), t["status_label"],
             (t["measure_label"] or t["measure"]) if t["source"] == "measure" else "Báo cáo kèm minh chứng"]
            for i, t in enumerate(targets, 1)], [1, 6, 2.2, 2.6, 2, 3.2])

    _heading(doc, "II. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ")
    counts, total = figures["counts"], len(figures["tasks"])
    doc.add_paragraph(f"Tổng số {total} nhiệm vụ: " + "; ".join(
        f"{rules.TASK_LABELS[s].lower()} {counts[s]}" for s in STATUS_ORDER) + ".")
    png = chart.bar_chart("Nhiệm vụ theo trạng thái", [(rules.TASK_LABELS[s], counts[s], chart.COLOURS[s])
                                                       for s in STATUS_ORDER])
    doc.add_picture(io.BytesIO(png), width=Cm(15))
    late = figures["late"]
    _heading(doc, f"Nhiệm vụ quá hạn ({len(late)})")
    if late:
        _table(doc, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Tiến độ"], [
            [str(i), t["task"], t["lead"], day(t["due_on"]), f"{t['percent']}%"] for i, t in enumerate(late, 1)])
    else:
        doc.add_paragraph("Không có nhiệm vụ quá hạn.")

    _heading(doc, "III. KINH PHÍ THỰC HIỆN")
    if figures["budget"]:
        _table(doc, ["Nguồn kinh phí", "Số nhiệm vụ", "Kinh phí (đồng)"],
               [[b["source"], str(b["tasks"]), money(b["amount"])] for b in figures["budget"]]
               + [["Tổng cộng", str(sum(b["tasks"] for b in figures["budget"])), money(figures["budget_total"])]])
    else:
        doc.add_paragraph("Các nhiệm vụ trong kỳ không ghi kinh phí riêng.")

    n = 4
    if "units" in figures:
        _heading(doc, "IV. TỔNG HỢP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ")
        units = figures["units"]
        doc.add_paragraph(f"Đã nhận {len(units)}/{figures['expected']} báo cáo.")
        if units:
            _table(doc, ["TT", "Cơ quan, đơn vị", "Nhiệm vụ", "Hoàn thành", "Quá hạn", "Chỉ tiêu đạt", "Ngày gửi"], [
                [str(i), u["org"], str(u["tasks"]), str(u["counts"].get("done", 0) + u["counts"].get("done_late", 0)),
                 str(u["late"]), f"{u['targets_met']}/{u['targets']}", day(u["submitted_at"])]
                for i, u in enumerate(units, 1)])
        if figures["missing"]:
            doc.add_paragraph("Chưa gửi báo cáo: " + ", ".join(figures["missing"]) + ".")
        asks = [u for u in units if u["kien_nghi"]]
        for u in asks:
            doc.add_paragraph(f"{u['org']} kiến nghị: {u['kien_nghi']}")
        n = 5
    for key, label in SECTIONS.items():
        _heading(doc, f"{_roman(n)}. {label.upper()}")
        text = (report.narrative or {}).get(key, "").strip()
        for para in (text.split("\n") if text else ["(Chưa nhập nội dung.)"]):
            doc.add_paragraph(para)
        n += 1

    doc.add_page_break()
    _heading(doc, "PHỤ LỤC. DANH MỤC NHIỆM VỤ VÀ TIẾN ĐỘ")
    _table(doc, ["TT", "Kế hoạch", "Nhiệm vụ", "Chủ trì", "Thời gian", "Tiến độ", "Trạng thái", "Kinh phí (đồng)"], [
        [t["number"] or str(i), t["plan"], t["task"], t["lead"], day(t["due_on"]) or t["time_text"],
         f"{t['percent']}%", t["status_label"], money(t["budget_amount"])] for i, t in enumerate(figures["tasks"], 1)])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n]
