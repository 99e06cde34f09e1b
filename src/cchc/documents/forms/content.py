"""What each official form says (TT 03/2025, Phụ lục I; DOMAIN.md §2), built from dossier data.

One function per form returns a ``FormDoc``; the renderers only lay it out.
"""
from __future__ import annotations

from datetime import date, datetime, time

from django.conf import settings
from django.utils import timezone

from cchc.catalog.models import ComponentForm, TimeUnit
from cchc.core import clock
from cchc.core.errors import Conflict
from cchc.dossiers.models import Apology, AuditRecord, Dossier, Handover, Status, SupplementRequest
from cchc.org.models import Organisation, OrgKind
from cchc.org.selectors import org_by_id

from .. import style
from .layout import FormDoc, Para, Signature, Table

TITLES = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "04": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    "05": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "06": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    "07": "SỔ THEO DÕI HỒ SƠ",
}
SYMBOLS = {"01": "TNHS", "02": "YCBS", "03": "TCTN", "04": "XLHL", "05": "DGQ", "06": "KSQT", "07": "STD"}
DOSSIER_FORMS = ("01", "02", "03", "04", "05", "06")


def _name(user) -> str:
    """Vietnamese order: family name (Django's last_name) first, then the given names."""
    if user is None:
        return ""
    full = f"{user.last_name} {user.first_name}".strip()
    return full or user.get_username()


def _local(at: datetime) -> datetime:
    return timezone.localtime(at)


def _wall(at: datetime | None) -> datetime | None:
    return _local(at).replace(tzinfo=None) if at else None


def place_of(org: Organisation) -> str:
    """Địa danh: the commune for a commune, otherwise the province (``CCHC_DOCUMENT_PLACE`` overrides)."""
    override = getattr(settings, "CCHC_DOCUMENT_PLACE", "")
    if override:
        return override
    o = org
    if o.kind == OrgKind.COMMUNE:
        return style.place_name(o.name)
    while o.parent_id and o.kind != OrgKind.PROVINCE:
        o = org_by_id(o.parent_id) or o
        if o.parent_id is None:
            break
    return style.place_name(o.name)


def _frame(code: str, org: Organisation, number: str, on: date, **kw) -> FormDoc:
    parent = org_by_id(org.parent_id) if org.parent_id else None
    return FormDoc(code=code, parent_org=parent.name if parent else "", org=org.name, number=number,
                   place_date=style.place_date(place_of(org), on), title=TITLES[code], **kw)


def _number(code: str, d: Dossier) -> str:
    return f"Số: {d.code}/{SYMBOLS[code]}"


def _addressee(d: Dossier) -> str:
    return f"Kính gửi: {d.applicant_name}"


def _procedure(d: Dossier) -> str:
    return d.version.name


def build(code: str, d: Dossier) -> FormDoc:
    if code not in DOSSIER_FORMS:
        raise Conflict("Mẫu không lập theo từng hồ sơ.", code="bieu_mau_khong_hop_le")
    doc = {"01": form01, "02": form02, "03": form03, "04": form04, "05": form05, "06": form06}[code](d)
    doc.filename = f"mau-{code}-{d.code}"
    return doc


def _missing(code: str, what: str) -> Conflict:
    return Conflict(f"Chưa lập được mẫu {code}: {what}", code="bieu_mau_chua_co", details={"form": code})


def form01(d: Dossier) -> FormDoc:
    if d.received_at is None:
        raise _missing("01", "hồ sơ chưa được tiếp nhận.")
    received = _local(d.received_at)
    receiver = (AuditRecord.objects.select_related("actor")
                .filter(dossier=d, action__in=("receive", "receive_at_desk")).order_by("at").first())
    year_start = timezone.make_aware(datetime.combine(date(received.year, 1, 1), time.min))
    seq = Dossier.objects.filter(org_id=d.org_id, received_at__gte=year_start, received_at__lte=d.received_at).count()
    forms = dict(ComponentForm.choices)
    rows = [[str(i), c.name, forms.get(c.form, c.form or ""), str(c.quantity)]
            for i, c in enumerate(d.components.order_by("id"), start=1)]
    v = d.version
    org = d.org
    doc = _frame("01", org, _number("01", d), received.date())
    doc.body = [
        Para(f"Mã hồ sơ: {d.code}", bold=True, align="center", indent=False),
        Para(f"{org.name} tiếp nhận hồ sơ của:"),
        Para(f"Ông/bà/tổ chức: {d.applicant_name}"),
        Para(f"Địa chỉ: {d.applicant_address}"),
        Para(f"Số điện thoại: {d.applicant_phone}    Thư điện tử: {d.applicant_email}"),
        Para(f"Nội dung yêu cầu giải quyết: {_procedure(d)}" + (f". {d.request}" if d.request else "")),
        Para("1. Thành phần hồ sơ nộp gồm:"),
        Table(["TT", "Tên giấy tờ", "Hình thức", "Số lượng"], rows, [1, 9, 3, 2]),
        Para("2. Số lượng hồ sơ: 01 (bộ)"),
        Para(f"3. Thời gian giải quyết hồ sơ theo quy định là: {v.processing_amount} "
             f"{TimeUnit(v.processing_unit).label}"),
        Para(f"4. Thời gian nhận hồ sơ: {style.clock_time(received)}"),
        Para(f"5. Thời gian trả kết quả giải quyết hồ sơ: {style.clock_time(_local(d.due_at))}" if d.due_at
             else "5. Thời gian trả kết quả giải quyết hồ sơ: theo quy định"),
        Para(f"6. Đăng ký nhận kết quả tại: Bộ phận Một cửa — {org.name}"
             + (f", {org.address}" if org.address else "")),
        Para(f"7. Phí, lệ phí: {style.money(d.fee_amount)}"),
        Para(f"Vào Sổ theo dõi hồ sơ, Quyển số: {received.year}, Số thứ tự: {seq}", italic=True),
    ]
    doc.signatures = [Signature("NGƯỜI NỘP HỒ SƠ", name=d.applicant_name),
                      Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=_name(receiver.actor) if receiver else "")]
    return doc


def form02(d: Dossier) -> FormDoc:
    req = SupplementRequest.objects.select_related("requested_by").filter(dossier=d).order_by("-requested_at").first()
    if req is None:
        raise _missing("02", "hồ sơ chưa có yêu cầu bổ sung.")
    at = _local(req.requested_at)
    doc = _frame("02", d.org, _number("02", d), at.date())
    received = f"Ngày {style.short_date(_local(d.received_at))}, " if d.received_at else ""
    doc.body = [
        Para(_addressee(d), align="center", indent=False),
        Para(f"{received}{d.org.name} tiếp nhận hồ sơ của Ông/bà/tổ chức {d.applicant_name} đề nghị giải quyết "
             f"thủ tục hành chính: {_procedure(d)}; mã hồ sơ {d.code}."),
        Para("Sau khi xem xét, đề nghị Ông/bà/tổ chức bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
        *[Para(f"{i}. {item}") for i, item in enumerate(req.items, start=1)],
        Para(f"Lý do: {req.reason}"),
        Para("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/bà/tổ chức liên hệ "
             f"{d.org.name}" + (f", số điện thoại {d.org.phone}" if d.org.phone else "") + " để được hướng dẫn."),
    ]
    doc.signatures = [Signature("NGƯỜI HƯỚNG DẪN", name=_name(req.requested_by))]
    return doc


def _ended(code: str, d: Dossier, status: int, what: str) -> tuple[FormDoc, datetime]:
    if d.status != status or d.finished_at is None:
        raise _missing(code, what)
    at = _local(d.finished_at)
    org = d.org if code == "03" else d.current_org
    return _frame(code, org, _number(code, d), at.date()), at


def form03(d: Dossier) -> FormDoc:
    doc, _ = _ended("03", d, Status.REFUSED, "hồ sơ không ở trạng thái từ chối tiếp nhận.")
    doc.body = [
        Para(_addressee(d), align="center", indent=False),
        Para(f"{d.org.name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính: {_procedure(d)}; "
             f"mã hồ sơ {d.code}."),
        Para("Qua nghiên cứu, xem xét, cơ quan thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể "
             "như sau:"),
        Para(d.end_reason),
        Para("Xin thông báo để Ông/bà/tổ chức được biết và thực hiện./."),
    ]
    doc.signatures = [Signature("NGƯỜI TIẾP NHẬN HỒ SƠ")]
    return doc


def form04(d: Dossier) -> FormDoc:
    apology = Apology.objects.select_related("issued_by").filter(dossier=d).order_by("-issued_at").first()
    if apology is None:
        raise _missing("04", "hồ sơ chưa có văn bản xin lỗi.")
    at = _local(apology.issued_at)
    org = d.current_org
    doc = _frame("04", org, _number("04", d), at.date())
    received = style.short_date(_local(d.received_at)) if d.received_at else ""
    due = style.short_date(_local(d.original_due_at or d.due_at)) if (d.original_due_at or d.due_at) else ""
    doc.body = [
        Para(_addressee(d), align="center", indent=False),
        Para(f"Ngày {received}, {d.org.name} tiếp nhận giải quyết hồ sơ của Ông/bà/tổ chức {d.applicant_name} "
             f"đề nghị giải quyết thủ tục hành chính: {_procedure(d)}; mã hồ sơ {d.code}; hẹn trả kết quả "
             f"ngày {due}."),
        Para(f"Tuy nhiên đến nay, {org.name} chưa trả kết quả giải quyết hồ sơ cho Ông/bà/tổ chức đúng hạn như "
             f"đã hẹn. Lý do: {apology.reason}"),
        Para(f"Sự chậm trễ này đã gây phiền hà cho Ông/bà/tổ chức. {org.name} xin lỗi Ông/bà/tổ chức và hẹn "
             f"trả kết quả vào ngày {style.short_date(_local(apology.new_due_at))}."),
        Para("Xin trân trọng cảm ơn sự hợp tác của Ông/bà/tổ chức./."),
    ]
    doc.signatures = [Signature("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", _name(apology.issued_by))]
    return doc


def form05(d: Dossier) -> FormDoc:
    doc, at = _ended("05", d, Status.STOPPED, "hồ sơ không ở trạng thái dừng xử lý.")
    doc.body = [
        Para(_addressee(d), align="center", indent=False),
        Para(f"Ngày {style.short_date(_local(d.received_at)) if d.received_at else ''}, {d.org.name} tiếp nhận "
             f"hồ sơ của Ông/bà/tổ chức {d.applicant_name} đề nghị giải quyết thủ tục hành chính: {_procedure(d)}; "
             f"mã hồ sơ {d.code}."),
        Para(f"{doc.org} thông báo dừng giải quyết hồ sơ từ ngày {style.short_date(at)} với lý do như sau:"),
        Para(d.end_reason),
        Para("Xin thông báo để Ông/bà/tổ chức được biết./."),
    ]
    doc.signatures = [Signature("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)")]
    return doc


def form06(d: Dossier) -> FormDoc:
    if d.received_at is None:
        raise _missing("06", "hồ sơ chưa được tiếp nhận.")
    rows = []
    results = dict(Handover.Result.choices)
    for i, h in enumerate(d.handovers.select_related("from_org", "to_org", "from_user", "to_user"), start=1):
        rows.append([
            str(i), f"Giao: {h.from_org.name}\nNhận: {h.to_org.name}", style.clock_time(_local(h.at)),
            f"Người giao: {_name(h.from_user)}\nNgười nhận: {_name(h.to_user)}", results[h.result], h.note,
        ])
    doc = _frame("06", d.org, _number("06", d), _local(clock.now()).date())
    doc.body = [
        Para(f"Mã hồ sơ: {d.code}", bold=True, align="center", indent=False),
        Para(f"Thủ tục hành chính: {_procedure(d)}", indent=False),
        Para(f"Người nộp: {d.applicant_name}", indent=False),
        Para(f"Tiếp nhận: {style.clock_time(_local(d.received_at))}; hẹn trả: "
             f"{style.clock_time(_local(d.due_at)) if d.due_at else ''}", indent=False),
        Table(["TT", "Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Người giao, người nhận",
               "Kết quả giải quyết hồ sơ (trước hạn / đúng hạn / quá hạn)", "Ghi chú"], rows, [1, 6, 5, 5, 4, 3]),
    ]
    if not rows:
        doc.body.append(Para("Hồ sơ chưa có lượt giao, nhận nào.", italic=True))
    return doc


def form07(org: Organisation, start: date, end: date, dossiers: list[Dossier]) -> FormDoc:
    statuses = dict(Status.choices)
    rows, values = [], []
    for i, d in enumerate(dossiers, start=1):
        note = [statuses[d.status]]
        if d.is_late:
            note.append("trễ hạn")
        if d.apology_count:
            note.append("đã xin lỗi")
        contact = ", ".join(x for x in (d.applicant_address, d.applicant_phone) if x)
        rows.append([
            str(i), d.code, d.version.name, f"{d.applicant_name}\n{contact}".strip(),
            style.clock_time(_local(d.received_at)) if d.received_at else "",
            style.short_date(_local(d.due_at)) if d.due_at else "",
            style.short_date(_local(d.finished_at)) if d.finished_at else "",
            style.short_date(_local(d.returned_at)) if d.returned_at else "", "; ".join(note),
        ])
        # spreadsheets have no time zones: the Vietnam wall-clock time; the receipt with its hour
        moments = [_wall(d.received_at)] + [_wall(at) and _wall(at).date()
                                            for at in (d.due_at, d.finished_at, d.returned_at)]
        values.append([i, *rows[-1][1:4], *moments, rows[-1][8]])
    doc = _frame("07", org, f"Quyển số: {start.year}/{SYMBOLS['07']}", _local(clock.now()).date(), landscape=True,
                 subtitle=f"Từ ngày {style.short_date(start)} đến ngày {style.short_date(end)}")
    doc.body = [Table(["TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức; địa chỉ, điện thoại",
                       "Nhận hồ sơ", "Hẹn trả kết quả", "Ngày có kết quả", "Trả kết quả", "Ghi chú"],
                      rows, [1.4, 5.6, 5.4, 6, 4.2, 3.3, 3.3, 3.3, 3.5], values),
                Para(f"Tổng số hồ sơ: {len(rows)}", bold=True, indent=False)]
    doc.signatures = [Signature("NGƯỜI LẬP SỔ")]
    doc.filename = f"mau-07-{org.code}-{start:%Y%m%d}-{end:%Y%m%d}"
    doc.sheet = f"Sổ {start:%d.%m.%Y}-{end:%d.%m.%Y}"
    return doc
