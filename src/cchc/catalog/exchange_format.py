"""The catalogue exchange format itself (docs/catalog-format.md): tables, columns, value rules.

No database and no file handling here: this module says which fields exist, which are
required, what each value may be, and turns raw values (JSON values or spreadsheet cells)
into Python values — or into an ``Issue`` naming the sheet, row, field and reason in
Vietnamese. ``clean_catalog`` applies the rules to a whole file's raw procedures and checks
what one file must agree on internally (unique codes, unique orders, shares adding to 100).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from cchc.org.models import Organisation

from .models import Component, ComponentForm, Fee, Level, OnlineLevel, Procedure, ProcedureVersion, Step, TimeUnit

FORMAT_NAME = "cchc-catalog"
FORMAT_VERSION = 1
FORMATS = ("json", "xlsx", "csv")

# Where an issue sits in a JSON document: "procedures", item n, field "steps[2].share".
JSON_LIST = "procedures"


# --------------------------------------------------------------------------- issues

@dataclass(frozen=True)
class Issue:
    """One problem in an imported file. ``row`` counts like the spreadsheet (header = 1) or,
    in JSON, the 1-based position in ``procedures``. ``sheet``/``row``/``field`` are None for
    problems of the whole file."""

    sheet: str | None
    row: int | None
    field: str | None
    reason: str

    @property
    def message(self) -> str:
        """"Bảng thu_tuc, dòng 7, cột processing_unit: …" (JSON: "Danh sách procedures, mục 2, trường …")."""
        in_json = self.sheet == JSON_LIST
        parts = []
        if self.sheet:
            parts.append(("Danh sách " if in_json else "Bảng ") + self.sheet)
        if self.row is not None:
            parts.append(("mục " if in_json else "dòng ") + str(self.row))
        if self.field:
            label = "khóa " if self.sheet is None else "trường " if in_json else "cột "
            parts.append(label + self.field)
        text = (", ".join(parts) + ": " if parts else "") + self.reason
        return text[:1].upper() + text[1:]

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "field": self.field, "reason": self.reason,
                "message": self.message}

    def __str__(self) -> str:
        return self.message


Loc = tuple  # (sheet, row, field)


def issue_at(loc: Loc, reason: str) -> Issue:
    return Issue(loc[0], loc[1], loc[2], reason)


# --------------------------------------------------------------------------- fields

@dataclass(frozen=True)
class Field:
    key: str
    kind: str  # text | code | enum | int | bool | time | date | share
    required: bool = False
    default: object = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    max_value: int | None = None


def _len(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _text(key, model=ProcedureVersion, name=None, **kw) -> Field:
    """A short text field, as long as the model column allows."""
    return Field(key, "text", default="", max_length=_len(model, name or key), **kw)


def _long_text(key) -> Field:
    return Field(key, "text", default="")


SMALL_INT = 32767
INT = 2147483647
BIG_INT = 9223372036854775807
ORG_CODE = _len(Organisation, "code")
STEP_ROLES = ("desk", "specialist", "leader", "clerk")
STATUSES = ("draft", "published")
FEE_KINDS = tuple(k for k, _ in Fee._meta.get_field("kind").choices)

PROCEDURE_FIELDS: tuple[Field, ...] = (
    Field("code", "code", required=True, max_length=_len(Procedure, "code")),
    _text("name", required=True),
    _text("field", required=True),
    Field("level", "enum", required=True, choices=tuple(Level.values)),
    Field("competent_org", "code", max_length=ORG_CODE),
    _long_text("legal_basis"),
    _long_text("subjects"),
    _long_text("sequence"),
    _long_text("method"),
    _long_text("requirements"),
    _long_text("keywords"),
    Field("processing_amount", "int", required=True, max_value=INT),
    Field("processing_unit", "enum", required=True, choices=tuple(TimeUnit.values)),
    Field("cutoff", "time"),
    _text("result_type"),
    Field("online_level", "enum", default=OnlineLevel.NONE.value, choices=tuple(OnlineLevel.values)),
    Field("four_on_spot", "bool", default=False),
    Field("status", "enum", default="draft", choices=STATUSES),
    Field("valid_from", "date"),
    _text("publication_decision"),
)
# ``order`` defaults to the item's position among its procedure's items.
COMPONENT_FIELDS: tuple[Field, ...] = (
    Field("order", "int", max_value=SMALL_INT),
    _text("name", Component, required=True),
    Field("form", "enum", default=ComponentForm.ORIGINAL.value, choices=tuple(ComponentForm.values)),
    Field("quantity", "int", default=1, max_value=SMALL_INT),
    Field("required", "bool", default=True),
    _text("document_type", Component),
)
FEE_FIELDS: tuple[Field, ...] = (
    Field("kind", "enum", default="charge", choices=FEE_KINDS),
    _text("name", Fee, required=True),
    Field("amount", "int", required=True, max_value=BIG_INT),
    _text("note", Fee),
)
STEP_FIELDS: tuple[Field, ...] = (
    Field("order", "int", max_value=SMALL_INT),
    _text("name", Step, required=True),
    Field("org", "code", max_length=ORG_CODE),
    _text("unit", Step, "unit_name"),
    Field("role", "enum", required=True, choices=STEP_ROLES),
    Field("share", "share", required=True),
)

CHILDREN: dict[str, tuple[Field, ...]] = {"components": COMPONENT_FIELDS, "fees": FEE_FIELDS, "steps": STEP_FIELDS}
PROCEDURE_CODE = Field("procedure_code", "code", required=True, max_length=_len(Procedure, "code"))

# Tables of XLSX and CSV, in file order: name -> (list key in JSON or None, columns).
MAIN_TABLE = "thu_tuc"
TABLES: dict[str, tuple[str | None, tuple[Field, ...]]] = {
    "thu_tuc": (None, PROCEDURE_FIELDS),
    "thanh_phan": ("components", (PROCEDURE_CODE, *COMPONENT_FIELDS)),
    "phi_le_phi": ("fees", (PROCEDURE_CODE, *FEE_FIELDS)),
    "quy_trinh": ("steps", (PROCEDURE_CODE, *STEP_FIELDS)),
}


# --------------------------------------------------------------------------- raw input

@dataclass
class RawItem:
    """One row of a table, or one object of the JSON document, before any conversion."""

    values: dict
    sheet: str
    row: int
    prefix: str = ""  # JSON children: "steps[2]."
    silent: frozenset = frozenset()  # fields whose absence is already reported (missing column)

    def loc(self, key: str | None) -> Loc:
        if key is None:
            return (self.sheet, self.row, self.prefix.rstrip(".") or None)
        return (self.sheet, self.row, self.prefix + key)


@dataclass
class RawProcedure:
    item: RawItem
    children: dict[str, list[RawItem]] = field(default_factory=lambda: {k: [] for k in CHILDREN})

    @property
    def from_json(self) -> bool:
        return self.item.sheet == JSON_LIST

    def group_loc(self, kind: str, key: str) -> Loc:
        """Where to report a problem of all the procedure's ``kind`` items together."""
        if self.from_json or not self.children[kind]:
            return self.item.loc(kind)
        return self.children[kind][0].loc(key)

    def rows_of(self, kind: str) -> str:
        return ", ".join(str(c.row) for c in self.children[kind])


@dataclass
class Entry:
    """A procedure of the file: its cleaned dict (JSON shape, Python values), where it came
    from, and whether it is free of problems."""

    data: dict
    source: RawProcedure
    ok: bool = True


# --------------------------------------------------------------------------- value rules

class Bad(ValueError):
    pass


def text_of(value) -> str:
    return unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


_EXCEL_DATE = "Excel đã đổi ô thành ngày tháng; hãy định dạng ô là Text (văn bản)"


def _clean_text(f: Field, v):
    if isinstance(v, bool):
        raise Bad(f"giá trị '{v}' phải là văn bản")
    if isinstance(v, (datetime, date, time)):
        raise Bad(f"giá trị '{_show(v)}' không phải văn bản ({_EXCEL_DATE})")
    if isinstance(v, float):
        v = str(int(v)) if v.is_integer() else repr(v)
    elif isinstance(v, (int, Decimal)):
        v = str(v)
    elif not isinstance(v, str):
        raise Bad("phải là văn bản")
    s = text_of(v)
    if f.max_length and len(s) > f.max_length:
        raise Bad(f"dài {len(s)} ký tự, tối đa {f.max_length}")
    return s


def _clean_code(f: Field, v):
    if isinstance(v, bool) or not isinstance(v, (str, int)):
        if isinstance(v, float):
            raise Bad(f"mã '{v}' đã bị Excel đổi thành số (có thể mất chữ số 0 cuối); hãy định dạng ô là Text")
        if isinstance(v, (datetime, date)):
            raise Bad(f"mã '{_show(v)}' {_EXCEL_DATE}")
        raise Bad("mã phải là chuỗi văn bản")
    s = text_of(str(v))
    if any(ch.isspace() for ch in s):
        raise Bad(f"mã '{s}' không được chứa khoảng trắng")
    if f.max_length and len(s) > f.max_length:
        raise Bad(f"mã dài {len(s)} ký tự, tối đa {f.max_length}")
    return s


def _clean_enum(f: Field, v):
    s = text_of(v).lower() if isinstance(v, str) else None
    if s not in f.choices:
        raise Bad(f"giá trị '{_show(v)}' không hợp lệ (hợp lệ: {', '.join(f.choices)})")
    return s


def _clean_int(f: Field, v):
    n = None
    if isinstance(v, bool):
        pass
    elif isinstance(v, int):
        n = v
    elif isinstance(v, (float, Decimal)):
        try:
            n = int(v) if v == int(v) else None
        except (ValueError, OverflowError, InvalidOperation):  # nan, infinity
            n = None
    elif isinstance(v, str) and re.fullmatch(r"[+-]?\d+", v.strip()):
        n = int(v.strip())
    if n is None or n < 0:
        raise Bad(f"giá trị '{_show(v)}' phải là số nguyên ≥ 0 (không dùng dấu phân cách hàng nghìn)")
    if f.max_value is not None and n > f.max_value:
        raise Bad(f"giá trị {n} vượt quá giới hạn {f.max_value}")
    return n


_TRUE = {"true", "có", "1"}
_FALSE = {"false", "không", "0"}


def _clean_bool(f: Field, v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float, Decimal)) and v in (0, 1):
        return bool(v)
    s = text_of(v).lower() if isinstance(v, str) else None
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise Bad(f"giá trị '{_show(v)}' không hợp lệ (hợp lệ: true, false, có, không, 1, 0)")


def _clean_time(f: Field, v):
    if isinstance(v, datetime) and v.date() in (date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1)):
        v = v.time()  # Excel's time-only cells
    if isinstance(v, time):
        if v.second or v.microsecond:
            raise Bad(f"giá trị '{v.isoformat()}' phải là giờ dạng HH:MM (không có giây)")
        return v.replace(tzinfo=None)
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::00)?", v.strip()) if isinstance(v, str) else None
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise Bad(f"giá trị '{_show(v)}' không phải giờ dạng HH:MM (ví dụ 15:00)")
    return time(int(m[1]), int(m[2]))


def _clean_date(f: Field, v):
    if isinstance(v, datetime):
        if v.time() != time(0):
            raise Bad(f"giá trị '{v.isoformat()}' phải là ngày, không kèm giờ")
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
        try:
            return date.fromisoformat(v.strip())
        except ValueError:
            raise Bad(f"ngày '{v.strip()}' không tồn tại") from None
    raise Bad(f"giá trị '{_show(v)}' không phải ngày dạng YYYY-MM-DD (ví dụ 2025-07-01)")


def _clean_share(f: Field, v):
    d = None
    if isinstance(v, bool):
        pass
    elif isinstance(v, (int, Decimal)):
        d = Decimal(v)
    elif isinstance(v, float):
        d = Decimal(repr(v))
    elif isinstance(v, str):
        s = v.strip().removesuffix("%").strip()
        if "," in s and "." not in s:
            s = s.replace(",", ".")  # decimal comma, as Vietnamese Excel writes it
        if re.fullmatch(r"\d+(\.\d+)?", s):
            d = Decimal(s)
    if d is None or not d.is_finite() or d < 0 or d > 100:
        raise Bad(f"giá trị '{_show(v)}' phải là số phần trăm từ 0 đến 100")
    if d != d.quantize(Decimal("0.01"), rounding="ROUND_DOWN"):
        raise Bad(f"giá trị '{_show(v)}' có quá 2 chữ số thập phân")
    return d


_CLEANERS = {"text": _clean_text, "code": _clean_code, "enum": _clean_enum, "int": _clean_int,
             "bool": _clean_bool, "time": _clean_time, "date": _clean_date, "share": _clean_share}


def clean_value(f: Field, value):
    """A raw value as the Python value the format means; raises ``Bad`` with the reason."""
    if is_blank(value):
        if f.required:
            raise Bad("bắt buộc, không được để trống")
        return f.default
    try:
        return _CLEANERS[f.kind](f, value)
    except (InvalidOperation, OverflowError, ValueError) as e:
        if isinstance(e, Bad):
            raise
        raise Bad(f"giá trị '{_show(value)}' không hợp lệ") from None


def clean_item(item: RawItem, fields: tuple[Field, ...], issues: list[Issue]) -> dict:
    out = {}
    for f in fields:
        raw = item.values.get(f.key)
        if raw is None and f.key in item.silent:
            out[f.key] = f.default
            continue
        try:
            out[f.key] = clean_value(f, raw)
        except Bad as e:
            issues.append(issue_at(item.loc(f.key), str(e)))
            out[f.key] = f.default
    return out


# --------------------------------------------------------------------------- whole file

def _unique_orders(raw: RawProcedure, kind: str, items: list[dict], issues: list[Issue]) -> None:
    seen: dict[int, RawItem] = {}
    for position, (item, src) in enumerate(zip(items, raw.children[kind], strict=True), start=1):
        if item["order"] is None:
            item["order"] = position
        first = seen.setdefault(item["order"], src)
        if first is not src:
            where = first.loc(None)[2] if raw.from_json else f"dòng {first.row}"
            what = "bước" if kind == "steps" else "thứ tự"
            issues.append(issue_at(src.loc("order"),
                                   f"{what} {item['order']} bị trùng với {where} của cùng thủ tục"))


def clean_catalog(raws: list[RawProcedure], issues: list[Issue]) -> list[Entry]:
    """Convert every raw procedure and check what the file must agree on internally."""
    entries: list[Entry] = []
    first_row_of: dict[str, RawProcedure] = {}
    for raw in raws:
        before = len(issues)
        data = clean_item(raw.item, PROCEDURE_FIELDS, issues)
        for kind, fields in CHILDREN.items():
            data[kind] = [clean_item(c, fields, issues) for c in raw.children[kind]]
        code = data["code"]
        if code is not None:
            first = first_row_of.setdefault(code, raw)
            if first is not raw:
                where = f"mục {first.item.row}" if raw.from_json else f"dòng {first.item.row}"
                issues.append(issue_at(raw.item.loc("code"), f"mã thủ tục '{code}' bị trùng với {where}"))
        if data["level"] == Level.COMMUNE and data["competent_org"]:
            issues.append(issue_at(raw.item.loc("competent_org"),
                                   "thủ tục cấp xã để trống cơ quan có thẩm quyền (là xã nơi nộp hồ sơ)"))
        _unique_orders(raw, "components", data["components"], issues)
        _unique_orders(raw, "steps", data["steps"], issues)
        shares = [s["share"] for s in data["steps"]]
        if shares and None not in shares and sum(shares) != 100:
            total = sum(shares).normalize()
            rows = "" if raw.from_json else f" (dòng {raw.rows_of('steps')})"
            issues.append(issue_at(raw.group_loc("steps", "share"),
                                   f"tổng tỷ lệ thời gian các bước của thủ tục '{code}' là {total:f}%, "
                                   f"phải bằng 100%{rows}"))
        # a missing required column is reported once, on the header; its rows are incomplete all the same
        incomplete = bool(raw.item.silent) or any(c.silent for cs in raw.children.values() for c in cs)
        entries.append(Entry(data=data, source=raw, ok=len(issues) == before and not incomplete))
    return entries
