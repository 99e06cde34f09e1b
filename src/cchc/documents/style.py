"""Official writing style of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP).

Pure functions, no Django: the place-and-date line, times and amounts as officials write them.
"""
from __future__ import annotations

from datetime import date, datetime

# Nghị định 30/2020, Phụ lục I, mục II.5: "ngày nhỏ hơn 10 và tháng 1, 2 thì phải ghi thêm số 0
# phía trước" — so 5 June is "ngày 05 tháng 6", 5 February is "ngày 05 tháng 02".
_PADDED_MONTHS = {1, 2}

_PLACE_PREFIXES = ("UBND tỉnh ", "UBND thành phố ", "Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ",
                   "Tỉnh ", "Thành phố ", "Xã ", "Phường ", "Đặc khu ")


def day_month(d: date) -> tuple[str, str]:
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month in _PADDED_MONTHS else str(d.month)
    return day, month


def place_date(place: str, d: date) -> str:
    """``Huế, ngày 05 tháng 6 năm 2025``."""
    day, month = day_month(d)
    return f"{place}, ngày {day} tháng {month} năm {d.year}"


def clock_time(at: datetime) -> str:
    """``10 giờ 05 phút, ngày 05/06/2025`` (form 01: received at / return at)."""
    return f"{at.hour:02d} giờ {at.minute:02d} phút, ngày {at:%d/%m/%Y}"


def short_date(d: date | datetime | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def money(amount: int) -> str:
    """``8.000 đồng`` — thousands separated by dots."""
    return f"{amount:,}".replace(",", ".") + " đồng"


def place_name(name: str) -> str:
    """The place (địa danh) from an organisation name: ``Xã Phong Điền`` → ``Phong Điền``."""
    for prefix in _PLACE_PREFIXES:
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix):].strip()
    return name.strip()
