"""The hand-written catalogue of the exchange tests, and builders of files the way a person
would make them (openpyxl, csv, zipfile — independent of the exporter under test)."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl

PROVINCE, JUSTICE, POLICE, COMMUNE = "H38", "000.00.10.H38", "000.00.20.H38", "H38.01.01"

# Three procedures written by hand in the JSON shape (docs/catalog-format.md):
# a province-level one with an inter-agency step, a commune-level one, one counted in hours.
CATALOGUE = [
    {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "commune",
        "competent_org": None,
        "legal_basis": "- Luật Hộ tịch 2014;\n- Nghị định 123/2015/NĐ-CP",
        "subjects": "Công dân Việt Nam",
        "sequence": "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
        "method": "Trực tiếp; trực tuyến; qua dịch vụ bưu chính công ích",
        "requirements": "",
        "keywords": "con mới sinh; làm giấy khai sinh",
        "processing_amount": 1,
        "processing_unit": "working_days",
        "cutoff": "15:00",
        "result_type": "Giấy khai sinh",
        "online_level": "full",
        "four_on_spot": False,
        "status": "published",
        "valid_from": "2025-07-01",
        "publication_decision": "Quyết định số 1234/QĐ-UBND",
        "components": [
            {"order": 1, "name": "Tờ khai đăng ký khai sinh theo mẫu", "form": "original", "quantity": 1,
             "required": True, "document_type": "to_khai_khai_sinh"},
            {"order": 2, "name": "Giấy chứng sinh", "form": "original_or_copy", "quantity": 1,
             "required": True, "document_type": ""},
        ],
        "fees": [{"kind": "charge", "name": "Lệ phí đăng ký khai sinh", "amount": 0,
                  "note": "=Miễn lệ phí (không phải công thức)"}],
        "steps": [
            {"order": 1, "name": "Tiếp nhận, kiểm tra hồ sơ", "org": None, "unit": "Bộ phận Một cửa",
             "role": "desk", "share": 10},
            {"order": 2, "name": "Thẩm định hồ sơ", "org": None, "unit": "Công chức Tư pháp - Hộ tịch",
             "role": "specialist", "share": 50},
            {"order": 3, "name": "Phê duyệt", "org": None, "unit": "Lãnh đạo UBND xã", "role": "leader",
             "share": 30},
            {"order": 4, "name": "Trả kết quả", "org": None, "unit": "Bộ phận Một cửa", "role": "desk",
             "share": 10},
        ],
    },
    {
        "code": "2.000488.000.00.00.H38",
        "name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "field": "Lý lịch tư pháp",
        "level": "province",
        "competent_org": JUSTICE,
        "legal_basis": "Luật Lý lịch tư pháp 2009",
        "subjects": "Công dân Việt Nam; người nước ngoài đã cư trú tại Việt Nam",
        "sequence": "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh",
        "method": "Trực tiếp; trực tuyến",
        "requirements": "Không",
        "keywords": "",
        "processing_amount": 10,
        "processing_unit": "working_days",
        "cutoff": "16:30",
        "result_type": "Phiếu lý lịch tư pháp",
        "online_level": "partial",
        "four_on_spot": False,
        "status": "published",
        "valid_from": "2025-07-01",
        "publication_decision": "Quyết định số 1500/QĐ-UBND",
        "components": [
            {"order": 1, "name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "form": "original", "quantity": 1,
             "required": True, "document_type": "to_khai_lltp"},
            {"order": 2, "name": "Căn cước công dân", "form": "copy", "quantity": 1, "required": False,
             "document_type": "can_cuoc"},
        ],
        "fees": [
            {"kind": "fee", "name": "Phí cung cấp thông tin lý lịch tư pháp", "amount": 200000, "note": ""},
            {"kind": "fee", "name": "Phí cấp cho sinh viên, người có công", "amount": 100000, "note": "Giảm 50%"},
        ],
        "steps": [
            {"order": 1, "name": "Tiếp nhận hồ sơ", "org": None, "unit": "Trung tâm PVHCC", "role": "desk",
             "share": 10},
            {"order": 2, "name": "Thẩm định, tra cứu", "org": JUSTICE, "unit": "Phòng Hành chính tư pháp",
             "role": "specialist", "share": 40},
            {"order": 3, "name": "Xác minh nhân thân (liên thông)", "org": POLICE, "unit": "Phòng PV06",
             "role": "specialist", "share": 25},
            {"order": 4, "name": "Ký Phiếu", "org": JUSTICE, "unit": "Lãnh đạo Sở", "role": "leader", "share": 15},
            {"order": 5, "name": "Trả kết quả", "org": None, "unit": "Trung tâm PVHCC", "role": "desk",
             "share": 10},
        ],
    },
    {
        "code": "2.001009",
        "name": "Cấp lại Giấy xác nhận thông tin cư trú",
        "field": "Cư trú",
        "level": "central",
        "competent_org": POLICE,
        "legal_basis": "Luật Cư trú 2020",
        "subjects": "Công dân",
        "sequence": "Nộp yêu cầu, nhận kết quả",
        "method": "Trực tuyến",
        "requirements": "",
        "keywords": "",
        "processing_amount": 8,
        "processing_unit": "hours",
        "cutoff": None,
        "result_type": "Giấy xác nhận thông tin về cư trú",
        "online_level": "full",
        "four_on_spot": True,
        "status": "published",
        "valid_from": "2025-08-15",
        "publication_decision": "",
        "components": [
            {"order": 1, "name": "Tờ khai thay đổi thông tin cư trú", "form": "original", "quantity": 1,
             "required": True, "document_type": ""},
        ],
        "fees": [],
        "steps": [
            {"order": 1, "name": "Tiếp nhận, xử lý", "org": None, "unit": "", "role": "specialist", "share": 87.5},
            {"order": 2, "name": "Trả kết quả", "org": None, "unit": "", "role": "clerk", "share": 12.5},
        ],
    },
]


# --------------------------------------------------------------- building files by hand

TABLE_KEYS = {
    "thu_tuc": ["code", "name", "field", "level", "competent_org", "legal_basis", "subjects", "sequence", "method",
                "requirements", "keywords", "processing_amount", "processing_unit", "cutoff", "result_type",
                "online_level", "four_on_spot", "status", "valid_from", "publication_decision"],
    "thanh_phan": ["procedure_code", "order", "name", "form", "quantity", "required", "document_type"],
    "phi_le_phi": ["procedure_code", "kind", "name", "amount", "note"],
    "quy_trinh": ["procedure_code", "order", "name", "org", "unit", "role", "share"],
}
CHILD = {"thanh_phan": "components", "phi_le_phi": "fees", "quy_trinh": "steps"}


def to_tables(procedures: list[dict]) -> dict[str, list[list]]:
    """The four tables of a catalogue, header first, values as in the JSON shape."""
    out = {}
    for name, keys in TABLE_KEYS.items():
        if name == "thu_tuc":
            rows = [[p.get(k) for k in keys] for p in procedures]
        else:
            rows = [[p["code"]] + [c.get(k) for k in keys[1:]] for p in procedures for c in p[CHILD[name]]]
        out[name] = [list(keys)] + rows
    return out


def json_bytes(procedures: list[dict], **top) -> bytes:
    return json.dumps({"format": "cchc-catalog", "format_version": 1, **top, "procedures": procedures},
                      ensure_ascii=False).encode()


def xlsx_bytes(tables: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in tables.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text typed by a user, not a formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_zip_bytes(tables: dict[str, list[list]], *, bom=True, delimiter=",", folder="") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, rows in tables.items():
            out = io.StringIO()
            w = csv.writer(out, delimiter=delimiter)
            for row in rows:
                w.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v)
                            for v in row])
            zf.writestr(f"{folder}{name}.csv", out.getvalue().encode("utf-8-sig" if bom else "utf-8"))
    return buf.getvalue()
