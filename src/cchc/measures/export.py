"""The index table as an XLSX workbook (openpyxl): one sheet of metrics, one of totals."""
from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from . import selectors
from .registry import Period

METRIC_HEADER = ["Mã đơn vị", "Đơn vị", "Chỉ tiêu", "Nội dung", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Điểm",
                 "Điểm tối đa", "Ghi chú"]
TOTAL_HEADER = ["Mã đơn vị", "Đơn vị", "Tổng điểm", "Điểm tối đa đo được", "Điểm chưa đo được"]


def index_xlsx(period: Period) -> bytes:
    table = selectors.index_table(period)
    wb = Workbook()
    totals = wb.active
    totals.title = "Tổng hợp"
    totals.append([f"Bộ chỉ số 766 — kỳ {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"])
    totals.append(TOTAL_HEADER)
    metrics = wb.create_sheet("Chỉ tiêu")
    metrics.append(METRIC_HEADER)
    for org, res in table:
        code, name = (org.code, org.name) if org else ("", "Toàn tỉnh")
        totals.append([code, name, res.total, res.measured_max, 100 - res.measured_max])
        for m in res.metrics:
            # a metric not measured stays blank: an empty cell, never a 0 someone could add up
            metrics.append([code, name, m.code, m.label, m.numerator, m.denominator,
                            None if m.ratio is None else round(100 * m.ratio, 2),
                            None if m.score is None else round(m.score, 2), m.max,
                            m.note if not m.measured or m.ratio is None else ""])
    for row in (totals[2], metrics[1]):
        for cell in row:
            cell.font = Font(bold=True)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
