"""The register book (sổ theo dõi hồ sơ, form 07) of a period as an XLSX workbook.

The content is cchc.documents' form 07 (title, columns, notes); only the layout is a spreadsheet,
with real date cells shown dd/mm/yyyy so the book can be sorted and filtered. The book stays in
Vietnamese whatever the screen language: it is an official form.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from cchc.core.errors import PermissionDenied, ValidationFailed
from cchc.documents.forms import content
from cchc.documents.forms.layout import MOTTO, NATION, Table
from cchc.documents.selectors import MAX_REGISTER_DAYS
from cchc.dossiers.models import Dossier, PersonalDataAccess
from cchc.org.models import Organisation
from cchc.org.selectors import memberships, org_by_id, user_org_ids

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE, DATETIME = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
# columns of form 07 that hold a moment (index in the table) -> cell format
DATE_COLUMNS = {4: DATETIME, 5: DATE, 6: DATE, 7: DATE}
HEADER_ROW = 8
_thin = Side(style="thin", color="7B8794")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


@dataclass
class Workbook07:
    filename: str
    data: bytes
    rows: int


def register_orgs(user) -> list[Organisation]:
    """Organisations whose register the user may export: those they work for."""
    if user.is_superuser:
        return list(Organisation.objects.order_by("name"))
    ids = {o for o, _ in memberships(user)}
    return sorted((o for o in map(org_by_id, ids) if o is not None), key=lambda o: o.name)


def register_dossiers(user, org: Organisation, start: date, end: date) -> list[Dossier]:
    """Dossiers the organisation received in [start, end], in order of receipt; the view is logged.

    Same rules as the PDF/DOCX register in cchc.documents.selectors.register.
    """
    if not user.is_superuser and org.id not in user_org_ids(user):
        raise PermissionDenied("Chỉ cán bộ của đơn vị mới xem được sổ theo dõi hồ sơ.", code="ngoai_pham_vi_don_vi")
    if end < start or (end - start).days > MAX_REGISTER_DAYS:
        raise ValidationFailed("Khoảng thời gian không hợp lệ (tối đa một năm, ngày đầu trước ngày cuối).",
                               code="khoang_thoi_gian_khong_hop_le")
    lo = timezone.make_aware(datetime.combine(start, time.min))
    hi = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    dossiers = list(Dossier.objects.select_related("version").filter(org_id=org.id, received_at__gte=lo,
                                                                     received_at__lt=hi)
                    .order_by("received_at", "id"))
    PersonalDataAccess.objects.bulk_create(
        [PersonalDataAccess(dossier=d, viewer=user, purpose="so_theo_doi") for d in dossiers])
    return dossiers


def _naive(at: datetime | None) -> datetime | None:
    # spreadsheets have no time zones: write the Vietnam wall-clock time
    return timezone.localtime(at).replace(tzinfo=None) if at else None


def export(user, org: Organisation, start: date, end: date) -> Workbook07:
    dossiers = register_dossiers(user, org, start, end)
    doc = content.form07(org, start, end, dossiers)
    table = next(b for b in doc.body if isinstance(b, Table))
    moments = [(d.received_at, d.due_at, d.finished_at, d.returned_at) for d in dossiers]

    wb = Workbook()
    ws = wb.active
    ws.title = f"Sổ {start:%d.%m.%Y}-{end:%d.%m.%Y}"
    ncol = len(table.header)
    half = ncol // 2
    ws.cell(1, 1, doc.parent_org.upper())
    ws.cell(2, 1, doc.org.upper()).font = Font(bold=True)
    ws.cell(3, 1, doc.number)
    ws.cell(1, half + 1, NATION).font = Font(bold=True)
    ws.cell(2, half + 1, MOTTO).font = Font(bold=True)
    ws.cell(3, half + 1, doc.place_date).font = Font(italic=True)
    for row, text, font in ((5, doc.title, Font(bold=True, size=14)), (6, doc.subtitle, Font(italic=True))):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncol)
        c = ws.cell(row, 1, text)
        c.font, c.alignment = font, Alignment(horizontal="center")

    for col, name in enumerate(table.header, start=1):
        c = ws.cell(HEADER_ROW, col, name)
        c.font, c.border = Font(bold=True), BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, (cells, at) in enumerate(zip(table.rows, moments, strict=True)):
        r = HEADER_ROW + 1 + i
        for col, text in enumerate(cells):
            value = int(text) if col == 0 else text
            if col in DATE_COLUMNS:
                moment = _naive(at[col - 4])
                value = moment if DATE_COLUMNS[col] == DATETIME else (moment.date() if moment else None)
            c = ws.cell(r, col + 1, value)
            c.border = BORDER
            c.alignment = Alignment(vertical="top", wrap_text=True)
            if col in DATE_COLUMNS:
                c.number_format = DATE_COLUMNS[col]
    last = HEADER_ROW + len(table.rows)
    ws.cell(last + 2, 1, f"Tổng số hồ sơ: {len(table.rows)}").font = Font(bold=True)
    for s in doc.signatures:
        ws.cell(last + 4, ncol - 2, s.title).font = Font(bold=True)
        ws.cell(last + 5, ncol - 2, s.note).font = Font(italic=True)

    total = sum(table.widths)
    for col, w in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(6, round(110 * w / total))
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncol)}{max(last, HEADER_ROW)}"
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    buf = BytesIO()
    wb.save(buf)
    return Workbook07(f"{doc.filename}.xlsx", buf.getvalue(), len(table.rows))
