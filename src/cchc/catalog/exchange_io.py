"""Containers of the catalogue exchange format: JSON, XLSX workbook, ZIP of CSV files.

Readers turn bytes into ``RawProcedure`` objects (raw values with their sheet and row) and
report a file that is not what it claims as an ``Issue``, never as a traceback. Writers turn
cleaned procedure dicts (the JSON shape, Python values) into bytes, deterministically: the
same catalogue always gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import unicodedata
import warnings
import zipfile
from datetime import date, datetime, time
from decimal import Decimal

from .exchange_format import (
    CHILDREN,
    FORMAT_NAME,
    FORMAT_VERSION,
    JSON_LIST,
    MAIN_TABLE,
    PROCEDURE_FIELDS,
    TABLES,
    Issue,
    RawItem,
    RawProcedure,
    is_blank,
)

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_ENTRY = 200 * 1024 * 1024  # uncompressed bytes of one CSV inside the ZIP
_PROCEDURE_KEYS = tuple(f.key for f in PROCEDURE_FIELDS)


# =========================================================================== reading

def _file_issue(reason: str) -> Issue:
    return Issue(None, None, None, reason)


def _kind_hint(data: bytes, own: str) -> str:
    """What the bytes look like, to tell the user which format to choose instead of ``own``."""
    head = data[:8]
    guess, hint = None, ""
    if head.startswith(b"PK"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            names = []
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            guess, hint = "xlsx", " Tệp có vẻ là sổ tính XLSX: hãy chọn định dạng xlsx."
        elif any(n.lower().endswith(".csv") for n in names):
            guess, hint = "csv", " Tệp có vẻ là ZIP chứa CSV: hãy chọn định dạng csv."
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        guess, hint = "xls", " Tệp có vẻ là Excel 97–2003 (.xls): hãy lưu lại dưới dạng .xlsx."
    else:
        stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped[:1] in (b"{", b"["):
            guess, hint = "json", " Tệp có vẻ là JSON: hãy chọn định dạng json."
        elif stripped[:5].lower().startswith(b"code") or stripped[:15].lower().startswith(b"procedure_code"):
            guess, hint = "csv1", " Tệp có vẻ là một tệp CSV đơn lẻ: định dạng csv là một tệp ZIP chứa 4 tệp CSV."
    return "" if guess == own else hint


# --------------------------------------------------------------------------- JSON

def read_json(data: bytes, issues: list[Issue]) -> list[RawProcedure]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        issues.append(_file_issue("Tệp không phải văn bản JSON mã hóa UTF-8." + _kind_hint(data, "json")))
        return []
    try:
        doc = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as e:
        issues.append(_file_issue(f"Tệp không phải JSON hợp lệ (dòng {e.lineno}, cột {e.colno}: {e.msg})."
                                  + _kind_hint(data, "json")))
        return []
    except (ValueError, RecursionError):
        issues.append(_file_issue("Tệp không phải JSON hợp lệ."))
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("procedures"), list):
        issues.append(_file_issue("Tệp JSON phải là một đối tượng có khóa 'procedures' là một danh sách "
                                  "(xem docs/catalog-format.md)."))
        return []
    if doc.get("format", FORMAT_NAME) != FORMAT_NAME:
        issues.append(Issue(None, None, "format", f"phải là '{FORMAT_NAME}', không phải '{doc.get('format')}'"))
    if doc.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
        issues.append(Issue(None, None, "format_version",
                            f"chỉ hỗ trợ phiên bản {FORMAT_VERSION}, không phải '{doc.get('format_version')}'"))
    for key in sorted(doc.keys() - {"format", "format_version", "procedures"}):
        issues.append(Issue(None, None, key, "không thuộc định dạng"))

    raws = []
    for i, obj in enumerate(doc["procedures"], start=1):
        if not isinstance(obj, dict):
            issues.append(Issue(JSON_LIST, i, None, "mỗi thủ tục phải là một đối tượng JSON"))
            continue
        for key in sorted(obj.keys() - set(_PROCEDURE_KEYS) - set(CHILDREN)):
            issues.append(Issue(JSON_LIST, i, key, "trường không thuộc định dạng"))
        raw = RawProcedure(RawItem({k: obj[k] for k in _PROCEDURE_KEYS if k in obj}, JSON_LIST, i))
        for kind, fields in CHILDREN.items():
            items = obj.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                issues.append(Issue(JSON_LIST, i, kind, "phải là một danh sách"))
                continue
            keys = {f.key for f in fields}
            for j, child in enumerate(items, start=1):
                prefix = f"{kind}[{j}]."
                if not isinstance(child, dict):
                    issues.append(Issue(JSON_LIST, i, prefix[:-1], "phải là một đối tượng JSON"))
                    continue
                for key in sorted(child.keys() - keys):
                    issues.append(Issue(JSON_LIST, i, prefix + key, "trường không thuộc định dạng"))
                raw.children[kind].append(RawItem({k: child[k] for k in keys if k in child}, JSON_LIST, i, prefix))
        raws.append(raw)
    return raws


# --------------------------------------------------------------------------- tables (XLSX, CSV)

def _header_name(value) -> str:
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value)).strip().lower()


def _link_key(value) -> str | None:
    """The procedure code as written, to join child rows to their procedure row."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return str(value)


def _read_table(name: str, rows: list[list], issues: list[Issue]) -> list[RawItem]:
    _, fields = TABLES[name]
    keys = [f.key for f in fields]
    if not rows:
        if name == MAIN_TABLE:
            issues.append(Issue(name, None, None, "bảng trống (dòng 1 phải là tiêu đề cột)"))
        return []
    header = [_header_name(v) for v in rows[0]]
    columns: dict[str, int] = {}
    for idx, key in enumerate(header):
        if not key:
            if any(idx < len(r) and not is_blank(r[idx]) for r in rows[1:]):
                issues.append(Issue(name, 1, None, f"cột thứ {idx + 1} có dữ liệu nhưng không có tiêu đề"))
        elif key not in keys:
            issues.append(Issue(name, 1, key, f"cột không thuộc định dạng (các cột của bảng {name}: "
                                              f"{', '.join(keys)})"))
        elif key in columns:
            issues.append(Issue(name, 1, key, f"cột bị lặp (cột thứ {columns[key] + 1} và {idx + 1})"))
        else:
            columns[key] = idx
    missing = frozenset(f.key for f in fields if f.required and f.key not in columns)
    for key in sorted(missing, key=keys.index):
        issues.append(Issue(name, 1, key, "thiếu cột bắt buộc"))
    items = []
    for rowno, row in enumerate(rows[1:], start=2):
        if all(is_blank(v) for v in row):
            continue
        values = {key: (row[idx] if idx < len(row) else None) for key, idx in columns.items()}
        items.append(RawItem(values, name, rowno, silent=missing))
    return items


def tables_to_raw(sheets: dict[str, list[list]], issues: list[Issue]) -> list[RawProcedure]:
    """Join the four tables into procedures; a row naming an unknown procedure is an issue."""
    by_code: dict[str, RawProcedure] = {}
    raws = []
    for item in _read_table(MAIN_TABLE, sheets.get(MAIN_TABLE, []), issues):
        raw = RawProcedure(item)
        raws.append(raw)
        key = _link_key(item.values.get("code"))
        if key is not None:
            by_code.setdefault(key, raw)
    for name, (kind, _) in TABLES.items():
        if kind is None or name not in sheets:
            continue
        for item in _read_table(name, sheets[name], issues):
            key = _link_key(item.values.get("procedure_code"))
            if key is None:
                if "procedure_code" not in item.silent:
                    issues.append(Issue(name, item.row, "procedure_code", "bắt buộc, không được để trống"))
            elif key not in by_code:
                issues.append(Issue(name, item.row, "procedure_code",
                                    f"không có thủ tục mã '{key}' trong bảng {MAIN_TABLE}"))
            else:
                by_code[key].children[kind].append(item)
    return raws


def read_xlsx(data: bytes, issues: list[Issue]) -> list[RawProcedure]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about Excel features it does not read
            wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        issues.append(_file_issue("Tệp không phải sổ tính XLSX hợp lệ." + _kind_hint(data, "xlsx")))
        return []
    try:
        sheets: dict[str, list[list]] = {}
        for ws in wb.worksheets:
            title = _header_name(ws.title)
            if title in TABLES:
                if title in sheets:
                    issues.append(Issue(title, None, None, "có hai sheet cùng tên"))
                    continue
                sheets[title] = [list(r) for r in ws.iter_rows(values_only=True)]
    except Exception:
        issues.append(_file_issue("Không đọc được nội dung sổ tính."))
        return []
    finally:
        wb.close()
    if MAIN_TABLE not in sheets:
        have = ", ".join(wb.sheetnames) or "không có"
        issues.append(_file_issue(f"Sổ tính không có sheet '{MAIN_TABLE}' (có: {have}); "
                                  f"cần các sheet {', '.join(TABLES)}."))
        return []
    return tables_to_raw(sheets, issues)


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def read_csv_zip(data: bytes, issues: list[Issue]) -> list[RawProcedure]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        issues.append(_file_issue("Tệp không phải ZIP chứa các tệp CSV của danh mục." + _kind_hint(data, "csv")))
        return []
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        base = posixpath.basename(info.filename)
        if info.is_dir() or info.filename.startswith("__MACOSX/") or base.startswith("._"):
            continue
        stem, ext = posixpath.splitext(base.lower())
        if ext == ".csv" and stem in TABLES:
            if stem in found:
                issues.append(Issue(stem, None, None, f"ZIP có hai tệp {stem}.csv ({found[stem].filename}, "
                                                      f"{info.filename})"))
            found.setdefault(stem, info)
    if MAIN_TABLE not in found:
        names = [i.filename for i in infos if not i.is_dir()]
        names = names[:5] + (["…"] if len(names) > 5 else [])
        issues.append(_file_issue(f"ZIP không có tệp {MAIN_TABLE}.csv (có: {', '.join(names) or 'không có'}); "
                                  f"cần các tệp {', '.join(t + '.csv' for t in TABLES)}." + _kind_hint(data, "csv")))
        return []
    sheets: dict[str, list[list]] = {}
    for name in TABLES:
        info = found.get(name)
        if info is None:
            continue
        if info.file_size > _MAX_ENTRY:
            issues.append(Issue(name, None, None, f"tệp {info.filename} quá lớn ({info.file_size} byte)"))
            continue
        try:
            raw = zf.read(info)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as e:
            issues.append(Issue(name, None, None, f"không giải nén được {info.filename} ({e})"))
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            issues.append(Issue(name, None, None, f"tệp {info.filename} không mã hóa UTF-8 (byte thứ {e.start + 1}); "
                                                  "hãy lưu bằng 'CSV UTF-8'"))
            continue
        try:
            sheets[name] = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))]
        except csv.Error as e:
            issues.append(Issue(name, None, None, f"tệp {info.filename} không phải CSV hợp lệ ({e})"))
    if MAIN_TABLE not in sheets:
        return []
    return tables_to_raw(sheets, issues)


READERS = {"json": read_json, "xlsx": read_xlsx, "csv": read_csv_zip}


# =========================================================================== writing

def _share(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def json_value(v):
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, time):
        return v.strftime("%H:%M")
    if isinstance(v, Decimal):
        return _share(v)
    return v


def write_json(procedures: list[dict]) -> bytes:
    doc = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "procedures": [
        {k: ([{ck: json_value(cv) for ck, cv in c.items()} for c in v] if k in CHILDREN else json_value(v))
         for k, v in p.items()}
        for p in procedures
    ]}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def table_rows(procedures: list[dict]) -> dict[str, tuple[list[str], list[list]]]:
    """The four tables of a catalogue: name -> (header, rows of Python values)."""
    out = {}
    for name, (kind, fields) in TABLES.items():
        header = [f.key for f in fields]
        if kind is None:
            rows = [[p[k] for k in header] for p in procedures]
        else:
            rows = [[p["code"]] + [c[k] for k in header[1:]] for p in procedures for c in p[kind]]
        out[name] = (header, rows)
    return out


def _csv_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(json_value(v))


def write_csv_zip(procedures: list[dict]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, (header, rows) in table_rows(procedures).items():
            out = io.StringIO(newline="")
            w = csv.writer(out, lineterminator="\r\n")
            w.writerow(header)
            w.writerows([[_csv_cell(v) for v in row] for row in rows])
            info = zipfile.ZipInfo(f"{name}.csv", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, out.getvalue().encode("utf-8-sig"))
    return buf.getvalue()


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WIDTHS = {"code": 24, "procedure_code": 24, "name": 50, "field": 24, "legal_basis": 50, "subjects": 40,
           "sequence": 60, "method": 40, "requirements": 40, "keywords": 40, "result_type": 30,
           "publication_decision": 30, "note": 30, "unit": 30, "document_type": 24, "competent_org": 18, "org": 18}


def _xlsx_cell(v):
    if isinstance(v, str):
        return _ILLEGAL_XML.sub("", v) or None
    if isinstance(v, (date, time, Decimal)):
        return json_value(v)
    return v


def write_xlsx(procedures: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "cchc"
    wb.properties.created = datetime(2000, 1, 1)
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)
    for name, (header, rows) in table_rows(procedures).items():
        ws = wb.create_sheet(name)
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append([_xlsx_cell(v) for v in row])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, even when it starts with "=" (never a formula)
                    if "\n" in cell.value:
                        cell.alignment = top
        for idx, key in enumerate(header, start=1):
            ws.column_dimensions[get_column_letter(idx)].width = _WIDTHS.get(key, max(len(key) + 4, 10))
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows) + 1)}"
    buf = io.BytesIO()
    wb.save(buf)
    return _stable_zip(buf.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a saved workbook with fixed timestamps, so the same catalogue gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zf.writestr(fixed, content)
    return out.getvalue()


WRITERS = {"json": write_json, "xlsx": write_xlsx, "csv": write_csv_zip}
