"""Write the demo province's reference data: ``organisations.json`` and ``catalog.json``.

    python src/cchc/demo/data/build_demo_data.py        # rewrites both files next to this script

The province is fictional ("Tỉnh Sông Hương", identifier H99); names of agencies follow the
2025 reorganisation (two-level local government, merged departments). The catalogue is in the
exchange format of docs/catalog-format.md. Everything here is deterministic: the same script
always writes the same bytes (tests/demo/test_data_files.py checks the files are up to date).

Codes of organisations:
    H99            UBND tỉnh
    H99.01-H99.19  sở, ban, ngành (kind agency); H99.ag.nn their units (kind unit)
    H99.50         Trung tâm Phục vụ hành chính công tỉnh (kind centre)
    H99.6a.nn      xã, phường, đặc khu; ``a`` is the area (61 urban wards, 62-65 the areas of the
                   four former districts, 66 the island); nn >= 91 are former communes merged in 2025
    H99.62-H99.65  the four former districts (kind district), succeeded on 2025-07-01
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROVINCE = "H99"
PROVINCE_NAME = "tỉnh Sông Hương"
REFORM_DATE = "2025-07-01"
AREA_CODE = "0234"


def nfc(value):
    """NFC-normalise every string inside ``value`` (dicts, lists, scalars)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


def stable_int(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


# =========================================================================== organisations

# code suffix, name, short name, address (street, ward), units (phòng, đơn vị trực thuộc)
AGENCIES = [
    ("01", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", "16 Lê Lợi, phường Thuận Hóa", []),
    ("02", "Sở Nội vụ", "Sở NV", "22 Tôn Đức Thắng, phường Phú Xuân", []),
    ("03", "Sở Tư pháp", "Sở TP", "11 Lý Thường Kiệt, phường Thuận Hóa",
     ["Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp"]),
    ("04", "Sở Tài chính", "Sở TC", "7 Tố Hữu, phường Vỹ Dạ",
     ["Phòng Đăng ký kinh doanh", "Phòng Quản lý đầu tư", "Phòng Quản lý giá và công sản"]),
    ("05", "Sở Công Thương", "Sở CT", "9 Nguyễn Huệ, phường Thuận Hóa", []),
    ("06", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", "15 Hùng Vương, phường An Cựu",
     ["Văn phòng Đăng ký đất đai", "Phòng Quản lý đất đai", "Chi cục Bảo vệ môi trường"]),
    ("07", "Sở Xây dựng", "Sở XD", "2 Trần Hưng Đạo, phường Phú Xuân",
     ["Phòng Quản lý hoạt động xây dựng", "Phòng Quản lý vận tải, phương tiện và người lái"]),
    ("08", "Sở Khoa học và Công nghệ", "Sở KH&CN", "6 Phạm Văn Đồng, phường Vỹ Dạ", []),
    ("09", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "22 Lê Quý Đôn, phường Thuận Hóa", []),
    ("10", "Sở Y tế", "Sở YT", "28 Lê Lợi, phường Thuận Hóa", []),
    ("11", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "26 Đống Đa, phường Thuận Hóa", []),
    ("12", "Sở Dân tộc và Tôn giáo", "Sở DT&TG", "4 Ngô Quyền, phường Thuận Hóa", []),
    ("13", "Sở Ngoại vụ", "Sở NgV", "3 Lê Lợi, phường Thuận Hóa", []),
    ("14", "Thanh tra tỉnh", "TTr tỉnh", "1 Đống Đa, phường Thuận Hóa", []),
    ("15", "Ban Quản lý các khu công nghiệp tỉnh", "BQL KCN", "18 Võ Văn Kiệt, phường An Đông", []),
    ("16", "Công an tỉnh", "CA tỉnh", "50 Hà Nội, phường Thuận Hóa", []),
    ("17", "Bộ Chỉ huy Quân sự tỉnh", "BCHQS tỉnh", "8 Trường Chinh, phường An Đông", []),
    ("18", "Thuế tỉnh Sông Hương", "Thuế tỉnh", "47 Phan Đình Phùng, phường Thuận Hóa", []),
    ("19", "Bảo hiểm xã hội tỉnh Sông Hương", "BHXH tỉnh", "64 Điện Biên Phủ, phường Thủy Xuân", []),
]
CENTRE = "H99.50"
HOME_AFFAIRS, JUSTICE, FINANCE, INDUSTRY, AGRI_ENV, CONSTRUCTION, SCIENCE, EDUCATION, HEALTH, CULTURE, \
    ETHNIC_RELIGION, FOREIGN, INSPECTORATE, IZ_BOARD, POLICE, MILITARY, TAX, SOCIAL_INSURANCE = (
        f"{PROVINCE}.{n:02d}" for n in range(2, 20))
OFFICE = f"{PROVINCE}.01"  # Văn phòng UBND tỉnh: submits to the Chairman the decisions of UBND tỉnh

STREETS = ["Lê Lợi", "Hùng Vương", "Trần Hưng Đạo", "Nguyễn Huệ", "Bà Triệu", "Phạm Văn Đồng", "Nguyễn Trãi",
           "Điện Biên Phủ", "Lê Duẩn", "Tăng Bạt Hổ", "Nguyễn Sinh Cung", "Phan Bội Châu", "Ngự Bình",
           "Kim Long", "Chi Lăng", "Hải Triều", "Bùi Thị Xuân", "Trưng Nữ Vương", "Minh Mạng", "Tự Đức"]
VILLAGES = ["thôn An Lại", "thôn Phước Tích", "thôn Thanh Hà", "thôn Lương Điền", "thôn Mỹ Xuyên", "thôn Đông Lâm",
            "thôn Trung Thạnh", "thôn Bàu Vá", "thôn Phú Ốc", "thôn Vân Thê", "thôn La Chữ", "thôn Dương Xuân",
            "thôn Hòa Bình", "thôn Đồng Di", "thôn Khe Su", "thôn Tân Lập", "thôn Cổ Bi"]

# Areas of communes (a = 61..66). Each list: names in force since 2025-07-01.
COMMUNES = {
    "61": ["Phường Thuận Hóa", "Phường Phú Xuân", "Phường Kim Long", "Phường Vỹ Dạ", "Phường An Cựu",
           "Phường Thủy Xuân", "Phường Hương Long", "Phường Đông Ba", "Phường Tây Lộc", "Phường Xuân Phú",
           "Phường Thuận An", "Phường Hóa Châu", "Phường Dương Nỗ", "Phường An Đông", "Phường Hương Trà",
           "Phường Kim Trà", "Phường Hương Thủy", "Phường Phú Bài", "Phường Thanh Thủy"],
    "62": ["Xã Phong Điền", "Xã Phong Hiền", "Xã Phong An", "Xã Phong Sơn", "Xã Phong Xuân", "Xã Phong Thạnh",
           "Xã Phong Hòa", "Xã Phong Bình", "Xã Phong Chương", "Xã Điền Hương", "Xã Điền Môn", "Xã Điền Lộc",
           "Xã Điền Hải", "Xã Phong Mỹ"],
    "63": ["Xã Tam Giang", "Xã Đan Điền", "Xã Quảng An", "Xã Quảng Phước", "Xã Quảng Lợi", "Xã Quảng Vinh",
           "Xã Quảng Thái", "Xã Quảng Ngạn", "Xã Quảng Công", "Xã Hải Dương", "Xã Hương Phong", "Xã Phú Thuận",
           "Xã Phú Diên", "Xã Vinh Thanh", "Xã Vinh An"],
    "64": ["Xã Hương Sơn", "Xã Bình Điền", "Xã Hương Bình", "Xã Hương Thọ", "Xã Dương Hòa", "Xã Thủy Bằng",
           "Xã Thủy Vân", "Xã Hương Xuân", "Xã Hương Toàn", "Xã Hương Vân", "Xã Bình Thành", "Xã Hồng Tiến"],
    "65": ["Xã Bạch Mã", "Xã Lộc An", "Xã Lộc Sơn", "Xã Lộc Điền", "Xã Lộc Bổn", "Xã Lộc Trì", "Xã Lộc Vĩnh",
           "Xã Chân Mây", "Xã Lăng Cô", "Xã Vinh Hiền", "Xã Vinh Mỹ", "Xã Khe Tre", "Xã Thượng Long",
           "Xã Hương Hữu", "Xã A Roàng", "Xã Hồng Thủy", "Xã Trung Sơn"],
    "66": ["Đặc khu Sơn Chà"],
}
# Former districts: area code (= their own code suffix), name, the commune that succeeds them.
FORMER_DISTRICTS = [
    ("62", "Huyện Phong Điền (cũ)", "Xã Phong Điền", "Thị trấn Phong Điền"),
    ("63", "Huyện Tam Giang (cũ)", "Xã Tam Giang", "Thị trấn Sịa"),
    ("64", "Huyện Hương Sơn (cũ)", "Xã Hương Sơn", "Thị trấn Bình Điền"),
    ("65", "Huyện Bạch Mã (cũ)", "Xã Bạch Mã", "Thị trấn Phú Lộc"),
]
# Former communes merged into one new commune from 2025-07-01.
FORMER_COMMUNES = ("63", ["Xã Quảng Phú (cũ)", "Xã Quảng Thọ (cũ)", "Xã Quảng Thành (cũ)"], "Xã Đan Điền")


def _phone(block: str, n: int) -> str:
    return f"{AREA_CODE} {block}{n // 1000 % 10}{n // 100 % 10} {n % 1000:03d}"


def _short(name: str) -> str:
    for prefix, short in (("Phường ", "P. "), ("Xã ", "X. "), ("Đặc khu ", "ĐK "), ("Huyện ", "H. ")):
        if name.startswith(prefix):
            return short + name[len(prefix):]
    return name


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:]


def organisations() -> list[dict]:
    def org(code, name, short, kind, parent=None, address="", phone="", successor=None, on=None):
        return {"code": code, "name": name, "short_name": short, "kind": kind, "parent": parent,
                "address": address, "phone": phone, "successor": successor, "succeeded_on": on}

    rows = [org(PROVINCE, "Ủy ban nhân dân tỉnh Sông Hương", "UBND tỉnh", "province", None,
                f"Số 16 Lê Lợi, phường Thuận Hóa, {PROVINCE_NAME}", _phone("38", 22555))]
    units = []
    for i, (suffix, name, short, address, unit_names) in enumerate(AGENCIES):
        code = f"{PROVINCE}.{suffix}"
        rows.append(org(code, name, short, "agency", PROVINCE, f"Số {address}, {PROVINCE_NAME}",
                        _phone("38", 22100 + 37 * i)))
        for j, unit in enumerate(unit_names, start=1):
            units.append(org(f"{code}.{j:02d}", unit, f"{unit} ({short})", "unit", code,
                             f"Số {address}, {PROVINCE_NAME}", _phone("38", 22100 + 37 * i + j)))
    rows += units
    rows.append(org(CENTRE, "Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC tỉnh", "centre",
                    f"{PROVINCE}.01", f"Số 1 Lê Lai, phường Thuận Hóa, {PROVINCE_NAME}", _phone("38", 99000)))

    code_of = {}
    n = 0
    for area, names in COMMUNES.items():
        for j, name in enumerate(names, start=1):
            code = f"{PROVINCE}.{area}.{j:02d}"
            code_of[name] = code
            local = _lower_first(name)
            if name.startswith("Phường"):
                address = f"Số {3 + (n * 7) % 90} {STREETS[n % len(STREETS)]}, {local}, {PROVINCE_NAME}"
            elif name.startswith("Đặc khu"):
                address = f"Khu dân cư số 1, {local}, {PROVINCE_NAME}"
            else:
                address = f"{VILLAGES[n % len(VILLAGES)].capitalize()}, {local}, {PROVINCE_NAME}"
            rows.append(org(code, name, _short(name), "commune", PROVINCE, address, _phone("35", 10000 + 113 * n)))
            n += 1

    for area, name, successor, seat in FORMER_DISTRICTS:
        rows.append(org(f"{PROVINCE}.{area}", name, _short(name), "district", PROVINCE,
                        f"{seat}, {_lower_first(name.removesuffix(' (cũ)'))}, {PROVINCE_NAME}", "",
                        code_of[successor], REFORM_DATE))
    area, names, successor = FORMER_COMMUNES
    for j, name in enumerate(names, start=91):
        rows.append(org(f"{PROVINCE}.{area}.{j}", name, _short(name), "commune", PROVINCE, "", "",
                        code_of[successor], REFORM_DATE))
    return nfc(rows)


AGENCY_NAME = {f"{PROVINCE}.{a[0]}": a[1] for a in AGENCIES}


# =========================================================================== catalogue: building blocks

DESK_PROVINCE = "Trung tâm Phục vụ hành chính công tỉnh"
DESK_COMMUNE = "Trung tâm Phục vụ hành chính công xã"
LEADER_COMMUNE = "Lãnh đạo UBND xã"
PORTAL = "Cổng Dịch vụ công quốc gia"

# Units of a commune (Nghị định 150/2025/NĐ-CP) and of the usual commune civil servants.
UX_TP = "Công chức Tư pháp - Hộ tịch"
UX_KT = "Phòng Kinh tế"
UX_VHXH = "Phòng Văn hóa - Xã hội"
UX_VP = "Văn phòng HĐND và UBND"
UX_QS = "Ban Chỉ huy quân sự xã"


def wd(n):
    return (n, "working_days")


def hr(n):
    return (n, "hours")


def dy(n):
    return (n, "days")


def mo(n):
    return (n, "months")


def lp(name, amount, note=""):
    """Lệ phí (charge)."""
    return {"kind": "charge", "name": name, "amount": amount, "note": note}


def ph(name, amount, note=""):
    """Phí (fee)."""
    return {"kind": "fee", "name": name, "amount": amount, "note": note}


def mien(name):
    return lp(name, 0, "Miễn lệ phí")


# Common papers a citizen hands in again and again: reusable once digitised (document_type).
DOCS = {
    "cccd": ("Căn cước hoặc Căn cước công dân của người nộp hồ sơ (xuất trình hoặc khai thác từ Cơ sở dữ liệu "
             "quốc gia về dân cư)", "original", 1),
    "giay_uy_quyen": ("Văn bản ủy quyền theo quy định của pháp luật (trường hợp nộp hồ sơ thay)",
                      "original_or_copy", 1),
    "giay_chung_sinh": ("Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh", "original", 1),
    "giay_khai_sinh": ("Giấy khai sinh", "copy", 1),
    "giay_bao_tu": ("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "original", 1),
    "trich_luc_khai_tu": ("Trích lục khai tử hoặc Giấy chứng tử", "copy", 1),
    "giay_xac_nhan_tthn": ("Giấy xác nhận tình trạng hôn nhân", "original", 1),
    "giay_chung_nhan_ket_hon": ("Giấy chứng nhận kết hôn", "copy", 1),
    "ho_chieu": ("Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu", "copy", 1),
    "so_do": ("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất đã cấp",
              "original", 1),
    "hop_dong_chuyen_quyen": ("Hợp đồng, văn bản về chuyển quyền sử dụng đất, tài sản gắn liền với đất đã được "
                              "công chứng hoặc chứng thực", "original", 1),
    "to_khai_le_phi_truoc_ba": ("Tờ khai lệ phí trước bạ nhà, đất", "original", 1),
    "to_khai_thue_tncn": ("Tờ khai thuế thu nhập cá nhân đối với thu nhập từ chuyển nhượng bất động sản",
                          "original", 1),
    "ban_ve_thiet_ke": ("Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng và đấu nối hạ tầng kỹ thuật)",
                        "original", 2),
    "giay_phep_xay_dung": ("Giấy phép xây dựng đã được cấp", "original", 1),
    "giay_chung_nhan_dkdn": ("Giấy chứng nhận đăng ký doanh nghiệp", "copy", 1),
    "giay_chung_nhan_dkhkd": ("Giấy chứng nhận đăng ký hộ kinh doanh", "original", 1),
    "giay_chung_nhan_dkdt": ("Giấy chứng nhận đăng ký đầu tư", "copy", 1),
    "van_bang": ("Văn bằng, chứng chỉ chuyên môn phù hợp", "certified_copy", 1),
    "giay_kham_suc_khoe": ("Giấy chứng nhận sức khỏe do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp trong thời hạn "
                           "12 tháng", "original", 1),
    "ly_lich_tu_phap": ("Phiếu lý lịch tư pháp", "original", 1),
    "anh_4x6": ("Ảnh màu cỡ 4 cm x 6 cm, nền trắng, chụp không quá 06 tháng", "original", 2),
    "giay_phep_lai_xe": ("Giấy phép lái xe", "copy", 1),
    "giay_xac_nhan_khuyet_tat": ("Giấy xác nhận khuyết tật", "copy", 1),
    "so_bhxh": ("Sổ bảo hiểm xã hội", "original", 1),
    "giay_chung_nhan_nguoi_co_cong": ("Giấy chứng nhận người có công hoặc quyết định hưởng trợ cấp ưu đãi", "copy", 1),
    "quyet_dinh_thanh_lap": ("Quyết định thành lập hoặc giấy tờ chứng minh tư cách pháp lý của tổ chức", "copy", 1),
    "bao_cao_tai_chinh": ("Báo cáo tài chính 02 năm gần nhất của nhà đầu tư", "copy", 1),
    "giay_to_dia_diem": ("Giấy tờ chứng minh quyền sử dụng hợp pháp địa điểm (hợp đồng thuê, mượn hoặc Giấy chứng "
                         "nhận quyền sử dụng đất)", "copy", 1),
}


def d(slug, form=None, q=None, req=None, name=None):
    """A common paper from DOCS (reusable, so it carries its document_type)."""
    default_name, default_form, default_q = DOCS[slug]
    if req is None:
        req = slug != "giay_uy_quyen"
    return {"name": name or default_name, "form": form or default_form, "quantity": q or default_q,
            "required": req, "document_type": slug}


def c(name, form="original", q=1, req=True):
    """A paper specific to the procedure (a form, a plan, a report...)."""
    return {"name": name, "form": form, "quantity": q, "required": req, "document_type": ""}


PROCEDURES: list[dict] = []
FIELDS: list[str] = []


class Field:
    """A field (lĩnh vực) with what its procedures share; calling it adds a procedure."""

    def __init__(self, name, level, *, org=None, unit="", legal="", subjects="Tổ chức, cá nhân", steps=None,
                 cutoff="15:00"):
        self.name, self.level, self.org, self.unit, self.legal, self.subjects = name, level, org, unit, legal, subjects
        self.steps, self.cutoff = steps, cutoff
        if name not in FIELDS:
            FIELDS.append(name)

    def __call__(self, name, time, fees, components, result, online, *, code=None, four=False, flow=None,
                 level=None, org=None, unit=None, legal=None, subjects=None, requirements="", steps=None,
                 cutoff="default"):
        level = level or self.level
        amount, time_unit = time
        if cutoff == "default":
            cutoff = None if time_unit in ("days", "months") else self.cutoff
        PROCEDURES.append({
            "code": code, "name": name, "field": self.name, "level": level,
            "competent_org": (org or self.org) if level == "province" else None,
            "legal_basis": legal or self.legal, "subjects": subjects or self.subjects,
            "processing_amount": amount, "processing_unit": time_unit, "cutoff": cutoff,
            "result_type": result, "online_level": online, "four_on_spot": four,
            "requirements": requirements, "fees": fees, "components": components,
            "_unit": unit or self.unit, "_flow": flow, "_steps": steps or self.steps,
        })


# =========================================================================== catalogue: procedures

def define_procedures() -> None:  # noqa: C901 - a long table, one procedure a line
    # ------------------------------------------------------------------ Hộ tịch (cấp xã)
    f = Field("Hộ tịch", "commune", unit=UX_TP, subjects="Công dân Việt Nam", steps="commune5",
              legal="Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; Thông tư 85/2019/TT-BTC")
    yt = "Công dân Việt Nam; người nước ngoài, người không quốc tịch cư trú tại Việt Nam"
    f("Đăng ký khai sinh", wd(1), [lp("Lệ phí đăng ký khai sinh", 0, "Miễn lệ phí đăng ký khai sinh đúng hạn")],
      [c("Tờ khai đăng ký khai sinh theo mẫu"), d("giay_chung_sinh"), d("cccd"), d("giay_uy_quyen")],
      "Giấy khai sinh (bản chính)", "full", code="1.001193")
    f("Đăng ký kết hôn", wd(1), [mien("Lệ phí đăng ký kết hôn")],
      [c("Tờ khai đăng ký kết hôn theo mẫu"), d("cccd", q=2, name="Căn cước của hai bên nam, nữ (xuất trình)"),
       d("giay_xac_nhan_tthn", req=False, name="Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại xã không "
                                               "phải nơi thường trú)")],
      "Giấy chứng nhận kết hôn", "partial",
      requirements="Hai bên nam, nữ có mặt khi đăng ký kết hôn; đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình.")
    f("Đăng ký khai tử", wd(1), [mien("Lệ phí đăng ký khai tử")],
      [c("Tờ khai đăng ký khai tử theo mẫu"), d("giay_bao_tu"), d("cccd")], "Trích lục khai tử", "full")
    f("Đăng ký nhận cha, mẹ, con", wd(3), [lp("Lệ phí đăng ký nhận cha, mẹ, con", 15000,
                                              "Miễn đối với người thuộc hộ nghèo, người khuyết tật")],
      [c("Tờ khai đăng ký nhận cha, mẹ, con theo mẫu"),
       c("Văn bản của cơ quan y tế, cơ quan giám định hoặc chứng cứ chứng minh quan hệ cha, mẹ, con",
         "original_or_copy"), d("cccd")], "Trích lục đăng ký nhận cha, mẹ, con", "partial")
    f("Đăng ký khai sinh kết hợp nhận cha, mẹ, con", wd(3), [lp("Lệ phí đăng ký nhận cha, mẹ, con", 15000)],
      [c("Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con theo mẫu"), d("giay_chung_sinh"),
       c("Chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con", "original_or_copy"), d("cccd")],
      "Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con", "partial")
    f("Đăng ký lại khai sinh", wd(5), [lp("Lệ phí đăng ký lại khai sinh", 5000)],
      [c("Tờ khai đăng ký lại khai sinh theo mẫu"), c("Bản sao giấy tờ, tài liệu có nội dung liên quan đến việc khai "
                                                      "sinh", "copy"), d("cccd")], "Giấy khai sinh (bản chính)",
      "full")
    f("Đăng ký lại kết hôn", wd(5), [mien("Lệ phí đăng ký lại kết hôn")],
      [c("Tờ khai đăng ký lại kết hôn theo mẫu"), c("Bản sao Giấy chứng nhận kết hôn được cấp trước đây (nếu có)",
                                                    "copy", req=False), d("cccd", q=2)],
      "Giấy chứng nhận kết hôn", "partial")
    f("Đăng ký lại khai tử", wd(5), [mien("Lệ phí đăng ký lại khai tử")],
      [c("Tờ khai đăng ký lại khai tử theo mẫu"), c("Bản sao Giấy chứng tử trước đây hoặc giấy tờ liên quan",
                                                    "copy"), d("cccd")], "Trích lục khai tử", "partial")
    f("Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân", wd(3), [lp("Lệ phí đăng ký khai sinh", 5000)],
      [c("Tờ khai đăng ký khai sinh theo mẫu"), c("Bản sao giấy tờ, hồ sơ cá nhân có thông tin về họ, chữ đệm, tên, "
                                                  "ngày sinh, quê quán", "copy"), d("cccd")],
      "Giấy khai sinh (bản chính)", "partial")
    f("Đăng ký giám hộ", wd(3), [mien("Lệ phí đăng ký giám hộ")],
      [c("Tờ khai đăng ký giám hộ theo mẫu"), c("Văn bản cử người giám hộ"), d("cccd")],
      "Trích lục đăng ký giám hộ", "partial")
    f("Đăng ký chấm dứt giám hộ", wd(2), [mien("Lệ phí đăng ký chấm dứt giám hộ")],
      [c("Tờ khai đăng ký chấm dứt giám hộ theo mẫu"), c("Giấy tờ làm căn cứ chấm dứt giám hộ", "copy")],
      "Trích lục đăng ký chấm dứt giám hộ", "none")
    f("Đăng ký giám hộ có yếu tố nước ngoài", wd(5), [lp("Lệ phí đăng ký giám hộ có yếu tố nước ngoài", 50000)],
      [c("Tờ khai đăng ký giám hộ theo mẫu"), c("Văn bản cử người giám hộ"), d("ho_chieu"), d("cccd")],
      "Trích lục đăng ký giám hộ", "none", subjects=yt)
    f("Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", wd(3),
      [lp("Lệ phí đăng ký thay đổi, cải chính hộ tịch", 15000)],
      [c("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu"),
       d("giay_khai_sinh", form="original", name="Bản chính Giấy khai sinh của người cần thay đổi, cải chính"),
       c("Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch", "copy"), d("cccd")],
      "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch", "full")
    f("Xác nhận tình trạng hôn nhân", wd(3),
      [lp("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", 3000, "Miễn đối với người thuộc hộ nghèo, người khuyết tật")],
      [c("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu"), d("cccd"),
       c("Bản án, quyết định của Tòa án về việc ly hôn đã có hiệu lực (trường hợp đã ly hôn)", "copy", req=False)],
      "Giấy xác nhận tình trạng hôn nhân", "full")
    f("Cấp bản sao trích lục hộ tịch", hr(4), [ph("Phí cấp bản sao trích lục hộ tịch", 8000, "đồng/bản sao")],
      [c("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu"), d("cccd")], "Bản sao trích lục hộ tịch", "full")
    f("Đăng ký khai sinh có yếu tố nước ngoài", wd(3), [lp("Lệ phí đăng ký khai sinh có yếu tố nước ngoài", 75000)],
      [c("Tờ khai đăng ký khai sinh theo mẫu"), d("giay_chung_sinh"),
       c("Văn bản thỏa thuận của cha, mẹ về việc lựa chọn quốc tịch cho con"), d("ho_chieu"), d("cccd")],
      "Giấy khai sinh (bản chính)", "full", subjects=yt)
    f("Đăng ký kết hôn có yếu tố nước ngoài", wd(10), [lp("Lệ phí đăng ký kết hôn có yếu tố nước ngoài", 1000000)],
      [c("Tờ khai đăng ký kết hôn theo mẫu"),
       d("giay_xac_nhan_tthn", name="Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm "
                                    "quyền nước ngoài cấp, đã hợp pháp hóa lãnh sự"),
       c("Giấy xác nhận của tổ chức y tế về việc không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận "
         "thức, làm chủ được hành vi của mình"), d("ho_chieu"), d("cccd")],
      "Giấy chứng nhận kết hôn", "partial", subjects=yt)
    f("Đăng ký khai tử có yếu tố nước ngoài", wd(3), [lp("Lệ phí đăng ký khai tử có yếu tố nước ngoài", 75000)],
      [c("Tờ khai đăng ký khai tử theo mẫu"), d("giay_bao_tu"), d("cccd")], "Trích lục khai tử", "full",
      subjects=yt)
    f("Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", wd(10),
      [lp("Lệ phí đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", 1500000)],
      [c("Tờ khai đăng ký nhận cha, mẹ, con theo mẫu"),
       c("Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha, mẹ, con", "original_or_copy"),
       d("ho_chieu"), d("cccd")], "Trích lục đăng ký nhận cha, mẹ, con", "partial", subjects=yt)
    f("Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước "
      "ngoài", wd(5), [lp("Lệ phí ghi vào Sổ hộ tịch việc kết hôn", 75000)],
      [c("Tờ khai ghi vào Sổ hộ tịch việc kết hôn theo mẫu"),
       c("Giấy tờ chứng nhận việc kết hôn do cơ quan có thẩm quyền nước ngoài cấp, đã hợp pháp hóa lãnh sự", "copy"),
       d("cccd")], "Trích lục ghi chú kết hôn", "none")
    f("Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm "
      "quyền của nước ngoài", wd(12), [lp("Lệ phí ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn", 75000)],
      [c("Tờ khai ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn theo mẫu"),
       c("Bản án, quyết định ly hôn, hủy việc kết hôn của cơ quan có thẩm quyền nước ngoài, đã hợp pháp hóa lãnh sự",
         "copy"), d("cccd")], "Trích lục ghi chú ly hôn", "none")
    f("Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới "
      "6 tuổi", wd(7), [lp("Lệ phí đăng ký khai sinh, đăng ký thường trú", 0,
                           "Miễn lệ phí; thẻ bảo hiểm y tế của trẻ em dưới 6 tuổi do ngân sách nhà nước đóng")],
      [c("Tờ khai đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế theo mẫu liên thông"),
       d("giay_chung_sinh"), d("cccd"),
       c("Giấy tờ chứng minh chỗ ở hợp pháp (trường hợp chưa có trong Cơ sở dữ liệu về cư trú)", "copy", req=False)],
      "Giấy khai sinh; thông tin đăng ký thường trú; thẻ bảo hiểm y tế", "full", flow="birth",
      legal="Luật Hộ tịch 2014; Luật Cư trú 2020; Luật Bảo hiểm y tế; Nghị định 63/2024/NĐ-CP")
    f("Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, trợ cấp mai "
      "táng", wd(10), [mien("Lệ phí đăng ký khai tử")],
      [c("Tờ khai đăng ký khai tử theo mẫu liên thông"), d("giay_bao_tu"), d("cccd"),
       c("Tờ khai của thân nhân đề nghị giải quyết chế độ tử tuất, trợ cấp mai táng"),
       d("so_bhxh", req=False, name="Sổ bảo hiểm xã hội của người chết (nếu có)")],
      "Trích lục khai tử; xóa đăng ký thường trú; quyết định hưởng chế độ tử tuất, trợ cấp mai táng", "full",
      flow="death", legal="Luật Hộ tịch 2014; Luật Cư trú 2020; Luật Bảo hiểm xã hội 2024; Nghị định 63/2024/NĐ-CP")

    # ------------------------------------------------------------------ Chứng thực (cấp xã)
    f = Field("Chứng thực", "commune", unit=UX_TP, subjects="Cá nhân, tổ chức", steps="certify",
              legal="Nghị định 23/2015/NĐ-CP; Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC")
    page = "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản"
    f("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc "
      "chứng nhận", hr(4), [ph("Phí chứng thực bản sao từ bản chính", 2000, page)],
      [c("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"), c("Bản sao cần chứng thực", "copy")],
      "Bản sao được chứng thực từ bản chính", "partial")
    f("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc "
      "chứng nhận", hr(8), [ph("Phí chứng thực bản sao từ bản chính", 2000, page)],
      [c("Bản chính giấy tờ, văn bản đã được hợp pháp hóa lãnh sự"), c("Bản sao cần chứng thực", "copy")],
      "Bản sao được chứng thực từ bản chính", "partial")
    f("Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ)", hr(4),
      [ph("Phí chứng thực chữ ký", 10000, "đồng/trường hợp")],
      [d("cccd"), c("Giấy tờ, văn bản cần chứng thực chữ ký")], "Giấy tờ, văn bản được chứng thực chữ ký", "none")
    f("Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật", hr(8),
      [ph("Phí chứng thực chữ ký người dịch", 10000, "đồng/trường hợp")],
      [c("Bản dịch kèm bản gốc giấy tờ, văn bản cần dịch"), d("cccd", name="Căn cước của người dịch (xuất trình)")],
      "Bản dịch được chứng thực chữ ký người dịch", "none")
    f("Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", wd(2),
      [ph("Phí chứng thực hợp đồng, giao dịch", 50000, "đồng/hợp đồng, giao dịch")],
      [c("Dự thảo hợp đồng, giao dịch"), d("cccd", q=2, name="Căn cước của các bên tham gia hợp đồng, giao dịch"),
       d("so_do", form="copy")], "Hợp đồng, giao dịch được chứng thực", "none")
    f("Chứng thực di chúc", wd(2), [ph("Phí chứng thực di chúc", 50000, "đồng/di chúc")],
      [c("Dự thảo di chúc"), d("cccd"), c("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (nếu di chúc có tài "
                                          "sản phải đăng ký)", "copy", req=False)], "Di chúc được chứng thực", "none")
    f("Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", wd(3),
      [ph("Phí chứng thực văn bản thỏa thuận phân chia di sản", 50000)],
      [c("Dự thảo văn bản thỏa thuận phân chia di sản"), d("cccd", q=2), d("trich_luc_khai_tu"),
       d("so_do", form="copy")], "Văn bản thỏa thuận phân chia di sản được chứng thực", "none")
    f("Chứng thực văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", wd(3),
      [ph("Phí chứng thực văn bản khai nhận di sản", 50000)],
      [c("Dự thảo văn bản khai nhận di sản"), d("cccd"), d("trich_luc_khai_tu"), d("so_do", form="copy")],
      "Văn bản khai nhận di sản được chứng thực", "none")
    f("Chứng thực văn bản từ chối nhận di sản", wd(1), [ph("Phí chứng thực văn bản từ chối nhận di sản", 50000)],
      [c("Dự thảo văn bản từ chối nhận di sản"), d("cccd")], "Văn bản từ chối nhận di sản được chứng thực", "none")
    f("Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", wd(2),
      [ph("Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 30000)],
      [c("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"), c("Hợp đồng, giao dịch đã được chứng thực"),
       d("cccd")], "Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch được chứng thực", "none")
    f("Sửa lỗi sai sót trong hợp đồng, giao dịch", wd(1), [ph("Phí sửa lỗi sai sót trong hợp đồng, giao dịch", 25000)],
      [c("Hợp đồng, giao dịch đã được chứng thực có sai sót"), d("cccd")], "Hợp đồng, giao dịch đã được sửa lỗi",
      "none")
    f("Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", hr(8),
      [ph("Phí cấp bản sao có chứng thực", 5000, "đồng/trang")], [c("Phiếu yêu cầu cấp bản sao"), d("cccd")],
      "Bản sao có chứng thực hợp đồng, giao dịch", "partial")

    # ------------------------------------------------------------------ Nuôi con nuôi, hòa giải
    f = Field("Nuôi con nuôi", "commune", unit=UX_TP, subjects="Công dân Việt Nam", steps="commune5",
              legal="Luật Nuôi con nuôi 2010; Nghị định 19/2011/NĐ-CP; Nghị định 24/2019/NĐ-CP")
    f("Đăng ký việc nuôi con nuôi trong nước", dy(30), [lp("Lệ phí đăng ký nuôi con nuôi trong nước", 400000)],
      [c("Đơn xin nhận con nuôi theo mẫu"), d("ly_lich_tu_phap"), d("giay_xac_nhan_tthn", req=False),
       d("giay_kham_suc_khoe"), d("giay_khai_sinh", name="Giấy khai sinh của trẻ em được nhận làm con nuôi"),
       c("Ảnh của trẻ em được nhận làm con nuôi", q=2)], "Giấy chứng nhận nuôi con nuôi", "none")
    f("Đăng ký lại việc nuôi con nuôi trong nước", wd(5), [mien("Lệ phí đăng ký lại việc nuôi con nuôi")],
      [c("Tờ khai đăng ký lại việc nuôi con nuôi theo mẫu"), c("Bản sao giấy tờ về việc nuôi con nuôi đã cấp", "copy",
                                                               req=False), d("cccd")],
      "Trích lục đăng ký lại việc nuôi con nuôi", "full")
    f("Giải quyết việc người nước ngoài thường trú ở nước ngoài nhận trẻ em Việt Nam làm con nuôi", mo(3),
      [lp("Lệ phí đăng ký nuôi con nuôi nước ngoài", 9000000)],
      [c("Đơn xin nhận con nuôi theo mẫu"), d("ho_chieu"),
       c("Văn bản cho phép được nhận con nuôi ở Việt Nam của cơ quan có thẩm quyền nước nơi người nhận thường trú",
         "copy"), c("Bản điều tra về tâm lý, gia đình của người nhận con nuôi"), d("giay_kham_suc_khoe"),
       d("ly_lich_tu_phap")], "Quyết định cho người nước ngoài nhận trẻ em Việt Nam làm con nuôi", "none",
      level="province", org=JUSTICE, unit="Phòng Hành chính tư pháp",
      subjects="Người nước ngoài thường trú ở nước ngoài")

    f = Field("Hòa giải cơ sở", "commune", unit=UX_TP, subjects="Hòa giải viên, tổ hòa giải",
              legal="Luật Hòa giải ở cơ sở 2013; Nghị định 15/2014/NĐ-CP")
    f("Thủ tục thanh toán thù lao cho hòa giải viên", wd(5), [],
      [c("Giấy đề nghị thanh toán thù lao theo mẫu"),
       c("Văn bản xác nhận vụ, việc hòa giải của tổ trưởng tổ hòa giải")],
      "Quyết định thanh toán thù lao cho hòa giải viên", "none")

    # ------------------------------------------------------------------ Tư pháp (cấp tỉnh)
    f = Field("Lý lịch tư pháp", "province", org=JUSTICE, unit="Phòng Hành chính tư pháp",
              subjects="Công dân Việt Nam; người nước ngoài đã hoặc đang cư trú tại Việt Nam",
              legal="Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC")
    f("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", wd(10),
      [ph("Phí cung cấp thông tin lý lịch tư pháp", 200000,
          "Sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng/lần; trẻ em, người cao tuổi, "
          "người khuyết tật, hộ nghèo được miễn"),
       ph("Phí cấp từ Phiếu lý lịch tư pháp thứ 3 trở đi", 5000, "đồng/Phiếu")],
      [c("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu"), d("cccd", form="copy"), d("giay_uy_quyen")],
      "Phiếu lý lịch tư pháp", "full")

    f = Field("Quốc tịch", "province", org=JUSTICE, unit="Phòng Hành chính tư pháp",
              subjects="Công dân Việt Nam; người gốc Việt Nam",
              legal="Luật Quốc tịch Việt Nam 2008 (sửa đổi 2025); Nghị định 16/2020/NĐ-CP; Thông tư 281/2016/TT-BTC")
    f("Thủ tục xác nhận có quốc tịch Việt Nam", wd(20), [lp("Lệ phí xác nhận có quốc tịch Việt Nam", 100000)],
      [c("Tờ khai đề nghị xác nhận có quốc tịch Việt Nam theo mẫu"), d("ho_chieu"),
       c("Giấy tờ chứng minh đã từng có quốc tịch Việt Nam", "copy"), d("anh_4x6")],
      "Giấy xác nhận có quốc tịch Việt Nam", "partial")
    f("Thủ tục cấp Giấy xác nhận là người gốc Việt Nam", wd(20), [lp("Lệ phí cấp Giấy xác nhận là người gốc Việt Nam",
                                                                      100000)],
      [c("Tờ khai đề nghị xác nhận là người gốc Việt Nam theo mẫu"), d("ho_chieu"),
       c("Giấy tờ chứng minh cha đẻ, mẹ đẻ hoặc ông bà nội, ngoại đã từng có quốc tịch Việt Nam", "copy"),
       d("anh_4x6")], "Giấy xác nhận là người gốc Việt Nam", "partial")

    f = Field("Công chứng", "province", org=JUSTICE, unit="Phòng Bổ trợ tư pháp", subjects="Công chứng viên, tổ chức "
              "hành nghề công chứng", legal="Luật Công chứng 2024; Nghị định 104/2025/NĐ-CP; Thông tư 257/2016/TT-BTC")
    f("Thành lập Văn phòng công chứng", wd(20), [ph("Phí thẩm định điều kiện thành lập Văn phòng công chứng", 1000000)],
      [c("Đơn đề nghị thành lập Văn phòng công chứng theo mẫu"), c("Đề án thành lập Văn phòng công chứng"),
       c("Quyết định bổ nhiệm công chứng viên", "copy")], "Quyết định cho phép thành lập Văn phòng công chứng", "none")
    f("Đăng ký hoạt động Văn phòng công chứng", wd(10), [ph("Phí thẩm định điều kiện hoạt động Văn phòng công chứng",
                                                            1000000)],
      [c("Đơn đăng ký hoạt động theo mẫu"), c("Giấy tờ chứng minh về trụ sở của Văn phòng công chứng", "copy")],
      "Giấy đăng ký hoạt động Văn phòng công chứng", "partial")
    f("Đăng ký hành nghề và cấp Thẻ công chứng viên", wd(10), [ph("Phí thẩm định tiêu chuẩn, điều kiện hành nghề "
                                                                  "công chứng", 1000000)],
      [c("Đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên theo mẫu"), c("Quyết định bổ nhiệm công chứng viên",
                                                                             "copy"), d("anh_4x6", q=1)],
      "Thẻ công chứng viên", "partial")

    f = Field("Luật sư", "province", org=JUSTICE, unit="Phòng Bổ trợ tư pháp", subjects="Luật sư, tổ chức hành nghề "
              "luật sư", legal="Luật Luật sư 2006 (sửa đổi 2012); Nghị định 123/2013/NĐ-CP")
    f("Đăng ký hoạt động của tổ chức hành nghề luật sư", wd(10), [lp("Lệ phí đăng ký hoạt động", 100000)],
      [c("Giấy đề nghị đăng ký hoạt động theo mẫu"),
       c("Dự thảo Điều lệ công ty luật (đối với công ty luật)", req=False),
       c("Chứng chỉ hành nghề luật sư, Thẻ luật sư của luật sư thành lập", "copy"), d("giay_to_dia_diem")],
      "Giấy đăng ký hoạt động của tổ chức hành nghề luật sư", "partial")
    f("Đăng ký hành nghề luật sư với tư cách cá nhân", wd(7), [lp("Lệ phí đăng ký hành nghề luật sư", 100000)],
      [c("Giấy đề nghị đăng ký hành nghề luật sư với tư cách cá nhân theo mẫu"), c("Thẻ luật sư", "copy"),
       c("Hợp đồng lao động ký với cơ quan, tổ chức", "copy")], "Giấy đăng ký hành nghề luật sư", "full")

    f = Field("Đấu giá tài sản", "province", org=JUSTICE, unit="Phòng Bổ trợ tư pháp", subjects="Doanh nghiệp đấu "
              "giá tài sản", legal="Luật Đấu giá tài sản 2016 (sửa đổi 2024); Nghị định 172/2024/NĐ-CP")
    f("Đăng ký hoạt động của doanh nghiệp đấu giá tài sản", wd(7), [ph("Phí thẩm định điều kiện hoạt động", 1000000)],
      [c("Đơn đăng ký hoạt động theo mẫu"), c("Điều lệ doanh nghiệp đấu giá tài sản"),
       c("Chứng chỉ hành nghề đấu giá của đấu giá viên", "certified_copy")],
      "Giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản", "full")

    f = Field("Trợ giúp pháp lý", "province", org=JUSTICE, unit="Trung tâm Trợ giúp pháp lý nhà nước",
              subjects="Người được trợ giúp pháp lý", legal="Luật Trợ giúp pháp lý 2017; Thông tư 12/2018/TT-BTP")
    f("Thủ tục yêu cầu trợ giúp pháp lý", wd(2), [],
      [c("Đơn yêu cầu trợ giúp pháp lý theo mẫu"),
       c("Giấy tờ chứng minh thuộc diện người được trợ giúp pháp lý", "copy"),
       c("Các giấy tờ liên quan đến vụ việc", "copy", req=False)],
      "Văn bản thụ lý yêu cầu trợ giúp pháp lý", "full", four=True)

    # ------------------------------------------------------------------ Đất đai
    land = ("Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP; Nghị quyết của HĐND tỉnh về "
            "phí, lệ phí")
    f = Field("Đất đai", "province", org=AGRI_ENV, unit="Văn phòng Đăng ký đất đai", legal=land,
              subjects="Tổ chức, cá nhân, hộ gia đình, cộng đồng dân cư", steps="province5")
    gcn = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
    f("Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn "
      "liền với đất lần đầu đối với cá nhân, hộ gia đình, cộng đồng dân cư", wd(20),
      [lp("Lệ phí cấp Giấy chứng nhận", 100000, "Tại phường; tại xã: 50.000 đồng"),
       ph("Phí thẩm định hồ sơ cấp Giấy chứng nhận", 500000, "Mức thu theo diện tích và mục đích sử dụng đất")],
      [c("Đơn đăng ký đất đai, tài sản gắn liền với đất theo Mẫu số 04/ĐK"),
       c("Giấy tờ về quyền sử dụng đất quy định tại Điều 137 Luật Đất đai (nếu có)", "copy", req=False),
       c("Mảnh trích đo bản đồ địa chính thửa đất (nếu có)", req=False), d("cccd", form="copy"),
       c("Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ về miễn, giảm nghĩa vụ tài chính", "copy", req=False)],
      gcn, "partial", level="commune", unit=UX_KT, flow="land_first")
    f("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa "
      "kế", wd(10),
      [lp("Lệ phí cấp Giấy chứng nhận", 50000), ph("Phí thẩm định hồ sơ đăng ký biến động", 300000)],
      [c("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 11/ĐK"), d("hop_dong_chuyen_quyen"),
       d("so_do"), d("to_khai_thue_tncn"), d("to_khai_le_phi_truoc_ba")], gcn, "partial", flow="tax")
    f("Đăng ký biến động đất đai trong trường hợp thay đổi thông tin về người được cấp Giấy chứng nhận (đổi tên, giấy "
      "tờ nhân thân, địa chỉ)", wd(5), [lp("Lệ phí xác nhận thay đổi trên Giấy chứng nhận", 28000)],
      [c("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 11/ĐK"), d("so_do"),
       c("Giấy tờ chứng minh việc thay đổi thông tin", "copy")], gcn + " (đã xác nhận thay đổi)", "full", four=True)
    f("Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", wd(7),
      [lp("Lệ phí cấp đổi Giấy chứng nhận", 50000)],
      [c("Đơn đề nghị cấp đổi Giấy chứng nhận theo Mẫu số 11/ĐK"), d("so_do")], gcn, "partial")
    f("Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất", wd(10),
      [lp("Lệ phí cấp lại Giấy chứng nhận", 50000)],
      [c("Đơn đề nghị cấp lại Giấy chứng nhận theo Mẫu số 11/ĐK"),
       c("Giấy tờ chứng minh đã niêm yết, đăng tin việc mất Giấy chứng nhận")], gcn, "partial")
    f("Tách thửa hoặc hợp thửa đất", wd(15),
      [ph("Phí thẩm định hồ sơ tách thửa, hợp thửa", 200000), lp("Lệ phí cấp Giấy chứng nhận", 50000)],
      [c("Đơn đề nghị tách thửa đất, hợp thửa đất theo Mẫu số 11/ĐK"), d("so_do"),
       c("Bản vẽ tách thửa đất, hợp thửa đất")], gcn, "partial")
    f("Cung cấp thông tin, dữ liệu đất đai", wd(2), [ph("Phí khai thác và sử dụng tài liệu đất đai", 150000,
                                                         "đồng/hồ sơ, thửa đất")],
      [c("Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai theo mẫu"), d("cccd")],
      "Thông tin, dữ liệu đất đai được cung cấp", "full", four=True)
    f("Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu đối với tổ chức", wd(20),
      [lp("Lệ phí cấp Giấy chứng nhận", 500000), ph("Phí thẩm định hồ sơ cấp Giấy chứng nhận", 2000000)],
      [c("Đơn đăng ký đất đai, tài sản gắn liền với đất theo Mẫu số 04/ĐK"), d("quyet_dinh_thanh_lap"),
       c("Giấy tờ về quyền sử dụng đất", "copy"), c("Trích đo bản đồ địa chính thửa đất")],
      gcn, "none", flow="tax", subjects="Tổ chức")
    f("Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất đối với tổ chức", wd(20), [],
      [c("Đơn xin giao đất, cho thuê đất theo Mẫu số 02a"), d("giay_chung_nhan_dkdt", req=False),
       c("Văn bản chấp thuận chủ trương đầu tư hoặc quyết định phê duyệt dự án", "copy"),
       c("Trích lục bản đồ địa chính hoặc trích đo bản đồ địa chính thửa đất")],
      "Quyết định giao đất, cho thuê đất; hợp đồng thuê đất", "none", flow="land_allocation", subjects="Tổ chức",
      unit="Phòng Quản lý đất đai")
    f("Cho phép chuyển mục đích sử dụng đất đối với tổ chức", wd(15), [],
      [c("Đơn xin chuyển mục đích sử dụng đất theo Mẫu số 02c"), d("so_do")],
      "Quyết định cho phép chuyển mục đích sử dụng đất", "none", flow="tax", subjects="Tổ chức",
      unit="Phòng Quản lý đất đai")
    f("Chuyển mục đích sử dụng đất đối với cá nhân", wd(15), [ph("Phí thẩm định hồ sơ", 300000)],
      [c("Đơn xin chuyển mục đích sử dụng đất theo Mẫu số 02c"), d("so_do")],
      "Quyết định cho phép chuyển mục đích sử dụng đất", "partial", level="commune", unit=UX_KT, flow="land_tax",
      subjects="Cá nhân, hộ gia đình")
    f("Hòa giải tranh chấp đất đai", dy(30), [],
      [c("Đơn yêu cầu hòa giải tranh chấp đất đai"), c("Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp", "copy",
                                                       req=False)],
      "Biên bản hòa giải tranh chấp đất đai", "none", level="commune", unit=UX_KT, subjects="Cá nhân, hộ gia đình")
    f("Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã", dy(45), [],
      [c("Đơn yêu cầu giải quyết tranh chấp đất đai"), c("Biên bản hòa giải không thành", "copy"),
       c("Giấy tờ, chứng cứ liên quan", "copy", req=False)], "Quyết định giải quyết tranh chấp đất đai", "none",
      level="commune", unit=UX_KT, subjects="Cá nhân, hộ gia đình, cộng đồng dân cư")
    f("Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý", wd(15), [],
      [c("Đơn đăng ký đất đai theo Mẫu số 04/ĐK"), c("Văn bản của cơ quan có thẩm quyền giao đất để quản lý", "copy")],
      "Xác nhận đăng ký vào Sổ địa chính", "partial", level="commune", unit=UX_KT, subjects="Tổ chức, cộng đồng dân cư")

    f = Field("Đăng ký biện pháp bảo đảm", "province", org=AGRI_ENV, unit="Văn phòng Đăng ký đất đai",
              subjects="Tổ chức, cá nhân",
              legal="Bộ luật Dân sự 2015; Nghị định 99/2022/NĐ-CP; Thông tư 202/2016/TT-BTC")
    f("Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", wd(1), [lp("Lệ phí đăng ký thế chấp", 80000)],
      [c("Phiếu yêu cầu đăng ký thế chấp theo mẫu"), c("Hợp đồng thế chấp đã được công chứng, chứng thực"), d("so_do")],
      "Giấy chứng nhận đã được chứng nhận đăng ký thế chấp", "partial", four=True)
    f("Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", wd(1), [lp("Lệ phí xóa đăng ký thế chấp",
                                                                                      20000)],
      [c("Phiếu yêu cầu xóa đăng ký thế chấp theo mẫu"), d("so_do"),
       c("Văn bản đồng ý xóa đăng ký thế chấp của bên nhận thế chấp")], "Giấy chứng nhận đã xóa đăng ký thế chấp",
      "full", four=True)

    # ------------------------------------------------------------------ Xây dựng
    f = Field("Xây dựng", "commune", unit=UX_KT, subjects="Cá nhân, hộ gia đình", steps="commune5",
              legal="Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP; Nghị quyết của HĐND tỉnh về lệ phí "
                    "cấp giấy phép xây dựng")
    gp = [c("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"), d("so_do", form="copy", name="Giấy tờ hợp pháp về quyền "
                                                                                       "sử dụng đất"),
          d("ban_ve_thiet_ke")]
    f("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", dy(15), [lp("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ",
                                                                       75000)],
      gp + [c("Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế (trường hợp tự thiết kế)",
              req=False)], "Giấy phép xây dựng", "partial")
    f("Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", dy(15), [lp("Lệ phí cấp giấy phép xây dựng", 75000)],
      gp + [c("Ảnh chụp hiện trạng công trình đề nghị sửa chữa, cải tạo")], "Giấy phép sửa chữa, cải tạo", "partial")
    f("Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ", dy(15), [lp("Lệ phí cấp giấy phép xây dựng", 75000)],
      gp, "Giấy phép xây dựng có thời hạn", "partial")
    f("Cấp giấy phép di dời đối với nhà ở riêng lẻ", dy(15), [lp("Lệ phí cấp giấy phép xây dựng", 75000)],
      [c("Đơn đề nghị cấp giấy phép di dời theo mẫu"), d("so_do", form="copy"),
       c("Bản vẽ hoàn công hoặc bản vẽ thiết kế mô tả thực trạng công trình"), c("Phương án di dời")],
      "Giấy phép di dời công trình", "partial")
    f("Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ", dy(15), [lp("Lệ phí điều chỉnh giấy phép xây dựng",
                                                                          15000)],
      [c("Đơn đề nghị điều chỉnh giấy phép xây dựng theo mẫu"), d("giay_phep_xay_dung"), d("ban_ve_thiet_ke")],
      "Giấy phép xây dựng điều chỉnh", "partial")
    f("Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ", wd(5), [lp("Lệ phí gia hạn giấy phép xây dựng", 15000)],
      [c("Đơn đề nghị gia hạn giấy phép xây dựng theo mẫu"), d("giay_phep_xay_dung")], "Giấy phép xây dựng được gia "
                                                                                        "hạn", "full")
    f("Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ", wd(5), [lp("Lệ phí cấp lại giấy phép xây dựng", 15000)],
      [c("Đơn đề nghị cấp lại giấy phép xây dựng theo mẫu"), d("giay_phep_xay_dung", req=False,
                                                               name="Giấy phép xây dựng đã cấp (trường hợp bị rách, "
                                                                    "nát)")], "Giấy phép xây dựng cấp lại", "full")
    f("Xác nhận đối tượng được hưởng chính sách hỗ trợ về nhà ở xã hội", wd(7), [],
      [c("Đơn đề nghị xác nhận đối tượng, điều kiện về thu nhập theo mẫu"), d("cccd")],
      "Giấy xác nhận đối tượng được hưởng chính sách nhà ở xã hội", "partial",
      legal="Luật Nhà ở 2023; Nghị định 100/2024/NĐ-CP")

    f = Field("Xây dựng", "province", org=CONSTRUCTION, unit="Phòng Quản lý hoạt động xây dựng",
              subjects="Tổ chức, cá nhân là chủ đầu tư",
              legal="Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP; Thông tư 38/2022/TT-BTC")
    f("Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III", dy(20),
      [lp("Lệ phí cấp giấy phép xây dựng công trình", 150000)],
      [c("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"), d("so_do", form="copy", name="Giấy tờ hợp pháp về quyền sử "
                                                                                     "dụng đất"),
       c("Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định", "copy"), d("ban_ve_thiet_ke")],
      "Giấy phép xây dựng", "partial")
    f("Cấp giấy phép sửa chữa, cải tạo đối với công trình", dy(20), [lp("Lệ phí cấp giấy phép xây dựng công trình",
                                                                         150000)],
      [c("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo theo mẫu"), d("so_do", form="copy"), d("ban_ve_thiet_ke"),
       c("Ảnh chụp hiện trạng công trình")], "Giấy phép sửa chữa, cải tạo", "partial")
    f("Gia hạn giấy phép xây dựng đối với công trình", wd(5), [lp("Lệ phí gia hạn giấy phép xây dựng", 15000)],
      [c("Đơn đề nghị gia hạn giấy phép xây dựng theo mẫu"), d("giay_phep_xay_dung")], "Giấy phép xây dựng được gia "
                                                                                        "hạn", "full", four=True)
    f("Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng, điều chỉnh Báo cáo nghiên cứu khả thi đầu tư xây dựng",
      dy(35), [ph("Phí thẩm định dự án đầu tư xây dựng", 0, "Tính theo tỷ lệ % trên tổng mức đầu tư theo Thông tư "
                                                             "28/2023/TT-BTC")],
      [c("Tờ trình thẩm định dự án theo mẫu"), c("Hồ sơ Báo cáo nghiên cứu khả thi đầu tư xây dựng"),
       c("Văn bản chấp thuận chủ trương đầu tư", "copy"), c("Hồ sơ khảo sát xây dựng")],
      "Văn bản thông báo kết quả thẩm định Báo cáo nghiên cứu khả thi", "partial", flow="fire")
    f("Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở, điều chỉnh thiết kế xây dựng triển khai sau thiết "
      "kế cơ sở", dy(20), [ph("Phí thẩm định thiết kế xây dựng", 0, "Tính theo tỷ lệ % trên chi phí xây dựng theo "
                                                                     "Thông tư 27/2023/TT-BTC")],
      [c("Tờ trình thẩm định thiết kế xây dựng theo mẫu"), c("Hồ sơ thiết kế xây dựng triển khai sau thiết kế cơ sở"),
       c("Quyết định phê duyệt dự án", "copy")], "Văn bản thông báo kết quả thẩm định thiết kế", "partial", flow="fire")
    f("Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", wd(20),
      [lp("Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng", 150000)],
      [c("Đơn đề nghị cấp chứng chỉ hành nghề theo mẫu"), d("anh_4x6", q=1), d("van_bang"),
       c("Bản khai kinh nghiệm thực hiện công việc theo mẫu")], "Chứng chỉ hành nghề hoạt động xây dựng", "full",
      subjects="Cá nhân hoạt động xây dựng")
    f("Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", wd(20),
      [lp("Lệ phí cấp chứng chỉ năng lực hoạt động xây dựng", 1000000)],
      [c("Đơn đề nghị cấp chứng chỉ năng lực theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Danh sách và chứng chỉ hành nghề của cá nhân chủ chốt", "copy"),
       c("Hợp đồng và biên bản nghiệm thu công việc đã thực hiện", "copy")],
      "Chứng chỉ năng lực hoạt động xây dựng", "full", subjects="Tổ chức hoạt động xây dựng")

    f = Field("Kinh doanh bất động sản", "province", org=CONSTRUCTION, unit="Phòng Quản lý nhà và thị trường bất động "
              "sản", subjects="Tổ chức, cá nhân kinh doanh bất động sản",
              legal="Luật Kinh doanh bất động sản 2023; Nghị định 96/2024/NĐ-CP")
    f("Cấp chứng chỉ hành nghề môi giới bất động sản", wd(10), [lp("Lệ phí cấp chứng chỉ hành nghề", 200000)],
      [c("Đơn đề nghị cấp chứng chỉ hành nghề môi giới bất động sản theo mẫu"), d("anh_4x6"),
       c("Giấy chứng nhận kết quả sát hạch đạt yêu cầu", "copy")], "Chứng chỉ hành nghề môi giới bất động sản",
      "full", subjects="Cá nhân")

    # ------------------------------------------------------------------ Giao thông vận tải
    f = Field("Giao thông vận tải", "province", org=CONSTRUCTION,
              unit="Phòng Quản lý vận tải, phương tiện và người lái", subjects="Tổ chức, cá nhân kinh doanh vận tải",
              legal="Luật Đường bộ 2024; Luật Trật tự, an toàn giao thông đường bộ 2024; Nghị định 158/2024/NĐ-CP")
    f("Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", wd(5), [lp("Lệ phí cấp Giấy phép kinh doanh vận tải", 200000)],
      [c("Giấy đề nghị cấp Giấy phép kinh doanh vận tải theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải", "copy"),
       c("Phương án kinh doanh vận tải bằng xe ô tô")], "Giấy phép kinh doanh vận tải bằng xe ô tô", "full", four=True)
    f("Cấp phù hiệu xe ô tô kinh doanh vận tải (xe taxi, xe hợp đồng, xe tải, xe công-ten-nơ)", wd(2), [],
      [c("Giấy đề nghị cấp phù hiệu theo mẫu"), c("Giấy đăng ký xe ô tô hoặc giấy hẹn cấp giấy đăng ký xe", "copy")],
      "Phù hiệu xe", "full", four=True)
    f("Đăng ký xe máy chuyên dùng lần đầu", wd(3), [lp("Lệ phí cấp giấy đăng ký kèm biển số xe máy chuyên dùng",
                                                        200000)],
      [c("Tờ khai đăng ký xe máy chuyên dùng theo mẫu"), c("Giấy tờ xác định quyền sở hữu xe máy chuyên dùng"),
       c("Giấy tờ xác định nguồn gốc xe máy chuyên dùng", "copy"), d("cccd")],
      "Giấy chứng nhận đăng ký và biển số xe máy chuyên dùng", "partial", four=True)
    f("Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích trên đường bộ", wd(2), [],
      [c("Đơn đề nghị cấp giấy phép lưu hành xe theo mẫu"), c("Giấy đăng ký xe", "copy"),
       c("Giấy chứng nhận kiểm định an toàn kỹ thuật và bảo vệ môi trường", "copy")],
      "Giấy phép lưu hành xe", "full", four=True)
    f("Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ của đường "
      "bộ đang khai thác", wd(7), [],
      [c("Đơn đề nghị chấp thuận xây dựng công trình thiết yếu theo mẫu"), c("Hồ sơ thiết kế công trình thiết yếu")],
      "Văn bản chấp thuận xây dựng công trình thiết yếu", "partial", unit="Phòng Quản lý kết cấu hạ tầng giao thông")
    f("Đăng ký phương tiện thủy nội địa lần đầu", wd(3), [lp("Lệ phí cấp Giấy chứng nhận đăng ký phương tiện", 70000)],
      [c("Đơn đề nghị đăng ký phương tiện thủy nội địa theo mẫu"), c("Giấy chứng nhận an toàn kỹ thuật và bảo vệ môi "
                                                                       "trường của phương tiện", "copy"),
       c("Giấy tờ chứng minh quyền sở hữu phương tiện"), d("cccd")], "Giấy chứng nhận đăng ký phương tiện thủy nội "
                                                                      "địa", "partial",
      legal="Luật Giao thông đường thủy nội địa 2004 (sửa đổi 2014); Thông tư 75/2014/TT-BGTVT")
    f("Cấp giấy phép hoạt động bến khách ngang sông", wd(5), [],
      [c("Đơn đề nghị cấp giấy phép hoạt động bến theo mẫu"), c("Sơ đồ vùng nước của bến"),
       c("Giấy chứng nhận đăng ký phương tiện chở khách ngang sông", "copy")], "Giấy phép hoạt động bến khách ngang "
                                                                               "sông", "none", level="commune",
      unit=UX_KT, legal="Luật Giao thông đường thủy nội địa 2004 (sửa đổi 2014); Thông tư 50/2014/TT-BGTVT")
    gplx = [c("Đơn đề nghị đổi, cấp lại giấy phép lái xe theo mẫu"), d("giay_kham_suc_khoe",
                                                                        name="Giấy khám sức khỏe của người lái xe do "
                                                                             "cơ sở y tế có thẩm quyền cấp"),
            d("giay_phep_lai_xe"), d("cccd")]
    pol = dict(org=POLICE, unit="Phòng Cảnh sát giao thông", subjects="Công dân Việt Nam; người nước ngoài cư trú tại "
               "Việt Nam", legal="Luật Trật tự, an toàn giao thông đường bộ 2024; Thông tư 35/2024/TT-BCA; Thông tư "
                                 "37/2023/TT-BTC")
    f("Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", wd(5), [lp("Lệ phí cấp giấy phép lái xe", 135000)],
      gplx, "Giấy phép lái xe", "full", four=True, **pol)
    f("Cấp lại giấy phép lái xe", wd(5), [lp("Lệ phí cấp giấy phép lái xe", 135000)], gplx, "Giấy phép lái xe",
      "full", **pol)
    f("Cấp giấy phép lái xe quốc tế", wd(5), [lp("Lệ phí cấp giấy phép lái xe quốc tế", 135000)],
      [c("Tờ khai đề nghị cấp giấy phép lái xe quốc tế theo mẫu"), d("giay_phep_lai_xe"), d("ho_chieu")],
      "Giấy phép lái xe quốc tế", "full", four=True, **pol)

    # ------------------------------------------------------------------ Đăng ký kinh doanh (hộ kinh doanh, hợp tác xã)
    f = Field("Đăng ký kinh doanh", "commune", unit=UX_KT, subjects="Cá nhân, thành viên hộ gia đình",
              legal="Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP; Nghị quyết của HĐND tỉnh về lệ phí đăng ký hộ "
                    "kinh doanh")
    f("Đăng ký thành lập hộ kinh doanh", wd(3), [lp("Lệ phí đăng ký hộ kinh doanh", 100000, "Miễn khi đăng ký qua "
                                                                                           "mạng điện tử")],
      [c("Giấy đề nghị đăng ký hộ kinh doanh theo mẫu"), d("cccd", form="copy", name="Giấy tờ pháp lý của cá nhân "
                                                                                    "đối với chủ hộ kinh doanh"),
       c("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình "
         "đăng ký)", "copy", req=False), d("giay_uy_quyen")], "Giấy chứng nhận đăng ký hộ kinh doanh", "full")
    f("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", wd(3), [lp("Lệ phí đăng ký hộ kinh doanh", 50000)],
      [c("Thông báo thay đổi nội dung đăng ký hộ kinh doanh theo mẫu"), d("giay_chung_nhan_dkhkd")],
      "Giấy chứng nhận đăng ký hộ kinh doanh", "full")
    f("Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", wd(3), [],
      [c("Thông báo về việc tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn theo mẫu")],
      "Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh", "full")
    f("Chấm dứt hoạt động hộ kinh doanh", wd(3), [],
      [c("Thông báo về việc chấm dứt hoạt động hộ kinh doanh theo mẫu"), d("giay_chung_nhan_dkhkd"),
       c("Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế", "copy")],
      "Thông báo về việc chấm dứt hoạt động hộ kinh doanh", "full")
    f("Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", wd(3), [lp("Lệ phí đăng ký hộ kinh doanh", 50000)],
      [c("Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh theo mẫu")],
      "Giấy chứng nhận đăng ký hộ kinh doanh", "full")

    f = Field("Thành lập và hoạt động của hợp tác xã", "commune", unit=UX_KT, subjects="Hợp tác xã, liên hiệp hợp tác "
              "xã, tổ hợp tác", legal="Luật Hợp tác xã 2023; Nghị định 92/2024/NĐ-CP")
    f("Đăng ký thành lập hợp tác xã", wd(3), [lp("Lệ phí đăng ký hợp tác xã", 100000)],
      [c("Giấy đề nghị đăng ký hợp tác xã theo mẫu"), c("Điều lệ hợp tác xã"), c("Phương án sản xuất, kinh doanh"),
       c("Danh sách thành viên, người đại diện theo pháp luật"), c("Nghị quyết hội nghị thành lập hợp tác xã")],
      "Giấy chứng nhận đăng ký hợp tác xã", "full")
    f("Đăng ký thay đổi tên, địa chỉ trụ sở chính, ngành, nghề kinh doanh, vốn điều lệ của hợp tác xã", wd(3),
      [lp("Lệ phí đăng ký thay đổi", 50000)],
      [c("Giấy đề nghị đăng ký thay đổi theo mẫu"), c("Nghị quyết của đại hội thành viên về việc thay đổi")],
      "Giấy chứng nhận đăng ký hợp tác xã", "full")
    f("Thông báo thành lập tổ hợp tác", wd(3), [],
      [c("Thông báo thành lập tổ hợp tác theo mẫu"), c("Hợp đồng hợp tác", "copy")],
      "Giấy xác nhận thông báo thành lập tổ hợp tác", "full")

    # ------------------------------------------------------------------ Doanh nghiệp, đầu tư, tài chính (Sở Tài chính)
    f = Field("Thành lập và hoạt động doanh nghiệp", "province", org=FINANCE, unit="Phòng Đăng ký kinh doanh",
              subjects="Tổ chức, cá nhân thành lập doanh nghiệp; doanh nghiệp",
              legal="Luật Doanh nghiệp 2020 (sửa đổi 2025); Nghị định 168/2025/NĐ-CP; Thông tư 47/2019/TT-BTC")
    dkdn = [lp("Lệ phí đăng ký doanh nghiệp", 50000, "Miễn lệ phí khi đăng ký qua mạng thông tin điện tử"),
            ph("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]
    gd = c("Giấy đề nghị đăng ký doanh nghiệp theo mẫu")
    owner = d("cccd", form="copy", name="Giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật, thành viên,"
                                        " cổ đông là cá nhân")
    f("Đăng ký thành lập doanh nghiệp tư nhân", wd(3), dkdn, [gd, owner], "Giấy chứng nhận đăng ký doanh nghiệp",
      "full")
    f("Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", wd(3), dkdn,
      [gd, c("Điều lệ công ty"), owner, d("quyet_dinh_thanh_lap", req=False)], "Giấy chứng nhận đăng ký doanh "
                                                                                "nghiệp", "full")
    f("Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", wd(3), dkdn,
      [gd, c("Điều lệ công ty"), c("Danh sách thành viên"), owner], "Giấy chứng nhận đăng ký doanh nghiệp", "full")
    f("Đăng ký thành lập công ty cổ phần", wd(3), dkdn,
      [gd, c("Điều lệ công ty"), c("Danh sách cổ đông sáng lập; danh sách cổ đông là nhà đầu tư nước ngoài"), owner],
      "Giấy chứng nhận đăng ký doanh nghiệp", "full")
    f("Đăng ký thay đổi người đại diện theo pháp luật của công ty", wd(3), dkdn,
      [c("Thông báo thay đổi nội dung đăng ký doanh nghiệp theo mẫu"), c("Nghị quyết, quyết định của chủ sở hữu, "
                                                                         "Hội đồng thành viên hoặc Đại hội đồng cổ "
                                                                         "đông"), owner],
      "Giấy chứng nhận đăng ký doanh nghiệp", "full", four=True)
    f("Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp", wd(3), dkdn,
      [c("Thông báo thay đổi địa chỉ trụ sở chính theo mẫu"), c("Nghị quyết, quyết định về việc thay đổi địa chỉ trụ "
                                                                "sở chính")], "Giấy chứng nhận đăng ký doanh nghiệp",
      "full", four=True)
    f("Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của doanh nghiệp, chi nhánh, "
      "văn phòng đại diện, địa điểm kinh doanh", wd(3), [],
      [c("Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn theo mẫu")],
      "Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh", "full", four=True)
    f("Giải thể doanh nghiệp", wd(5), [],
      [c("Thông báo về việc giải thể doanh nghiệp theo mẫu"), c("Báo cáo thanh lý tài sản doanh nghiệp; danh sách "
                                                                "chủ nợ và số nợ đã thanh toán"),
       c("Văn bản của cơ quan thuế xác nhận hoàn thành nghĩa vụ thuế", "copy")],
      "Thông báo về việc giải thể doanh nghiệp trên Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "full")

    f = Field("Đầu tư tại Việt Nam", "province", org=FINANCE, unit="Phòng Quản lý đầu tư", subjects="Nhà đầu tư",
              legal="Luật Đầu tư 2020 (sửa đổi 2025); Nghị định 31/2021/NĐ-CP; Nghị định 239/2025/NĐ-CP")
    f("Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh", dy(35), [],
      [c("Văn bản đề nghị thực hiện dự án đầu tư theo mẫu"), c("Đề xuất dự án đầu tư"),
       d("quyet_dinh_thanh_lap", name="Tài liệu về tư cách pháp lý của nhà đầu tư"), d("bao_cao_tai_chinh"),
       c("Đề xuất nhu cầu sử dụng đất")], "Quyết định chấp thuận chủ trương đầu tư", "partial", flow="investment")
    f("Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", dy(15), [],
      [c("Văn bản đề nghị cấp Giấy chứng nhận đăng ký đầu tư theo mẫu"), c("Đề xuất dự án đầu tư"),
       d("quyet_dinh_thanh_lap", name="Tài liệu về tư cách pháp lý của nhà đầu tư"), d("bao_cao_tai_chinh")],
      "Giấy chứng nhận đăng ký đầu tư", "full")
    f("Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận điều chỉnh chủ trương đầu "
      "tư", dy(10), [], [c("Văn bản đề nghị điều chỉnh dự án đầu tư theo mẫu"), d("giay_chung_nhan_dkdt"),
                         c("Báo cáo tình hình triển khai dự án đầu tư")], "Giấy chứng nhận đăng ký đầu tư điều chỉnh",
      "full")
    f("Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp", dy(15), [],
      [c("Văn bản đề nghị cấp Giấy chứng nhận đăng ký đầu tư theo mẫu"), c("Đề xuất dự án đầu tư"),
       d("quyet_dinh_thanh_lap", name="Tài liệu về tư cách pháp lý của nhà đầu tư"), d("bao_cao_tai_chinh"),
       c("Hợp đồng nguyên tắc thuê lại đất trong khu công nghiệp", "copy")], "Giấy chứng nhận đăng ký đầu tư",
      "full", org=IZ_BOARD, unit="Phòng Quản lý đầu tư")
    f("Chấp thuận chủ trương đầu tư của Ban Quản lý các khu công nghiệp", dy(35), [],
      [c("Văn bản đề nghị thực hiện dự án đầu tư theo mẫu"), c("Đề xuất dự án đầu tư"),
       d("quyet_dinh_thanh_lap", name="Tài liệu về tư cách pháp lý của nhà đầu tư"), d("bao_cao_tai_chinh")],
      "Quyết định chấp thuận chủ trương đầu tư", "none", org=IZ_BOARD, unit="Phòng Quản lý đầu tư",
      flow="investment_iz")

    f = Field("Quản lý ngân sách nhà nước", "province", org=FINANCE, unit="Phòng Quản lý ngân sách",
              subjects="Đơn vị dự toán, đơn vị sử dụng ngân sách, chủ đầu tư",
              legal="Luật Ngân sách nhà nước 2025; Thông tư 185/2015/TT-BTC")
    f("Đăng ký mã số đơn vị có quan hệ với ngân sách", wd(2), [],
      [c("Tờ khai đăng ký mã số đơn vị có quan hệ với ngân sách theo mẫu"), d("quyet_dinh_thanh_lap")],
      "Giấy chứng nhận mã số đơn vị có quan hệ với ngân sách", "full", four=True)

    # ------------------------------------------------------------------ Công Thương
    f = Field("Lưu thông hàng hóa trong nước", "province", org=INDUSTRY, unit="Phòng Quản lý thương mại",
              subjects="Thương nhân", legal="Luật Thương mại 2005; Nghị định 105/2017/NĐ-CP; Nghị định 17/2020/NĐ-CP; "
                                            "Thông tư 168/2016/TT-BTC")
    f("Cấp Giấy phép bán buôn rượu", wd(10), [ph("Phí thẩm định cấp giấy phép kinh doanh bán buôn rượu", 2200000,
                                                 "Tại phường; tại xã: 1.100.000 đồng")],
      [c("Đơn đề nghị cấp Giấy phép bán buôn rượu theo mẫu"), d("giay_chung_nhan_dkdn"), d("giay_to_dia_diem"),
       c("Hợp đồng nguyên tắc với thương nhân sản xuất, phân phối rượu", "copy")], "Giấy phép bán buôn rượu", "partial")
    f("Cấp Giấy phép bán lẻ rượu", wd(10), [ph("Phí thẩm định cấp giấy phép kinh doanh bán lẻ rượu", 1200000,
                                               "Tại phường; tại xã: 600.000 đồng")],
      [c("Đơn đề nghị cấp Giấy phép bán lẻ rượu theo mẫu"), d("giay_chung_nhan_dkhkd", form="copy"),
       d("giay_to_dia_diem")], "Giấy phép bán lẻ rượu", "partial", level="commune", unit=UX_KT)
    f("Cấp Giấy phép bán lẻ sản phẩm thuốc lá", wd(10), [ph("Phí thẩm định cấp giấy phép bán lẻ sản phẩm thuốc lá",
                                                            1200000, "Tại phường; tại xã: 600.000 đồng")],
      [c("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá theo mẫu"), d("giay_chung_nhan_dkhkd", form="copy"),
       d("giay_to_dia_diem")], "Giấy phép bán lẻ sản phẩm thuốc lá", "partial", level="commune", unit=UX_KT)
    f("Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", wd(10),
      [ph("Phí thẩm định cấp giấy phép sản xuất rượu thủ công", 600000, "Tại xã; tại phường: 1.200.000 đồng")],
      [c("Đơn đề nghị cấp Giấy phép sản xuất rượu thủ công theo mẫu"), d("giay_chung_nhan_dkhkd", form="copy"),
       c("Bản công bố sản phẩm rượu hoặc giấy tiếp nhận bản công bố", "copy"),
       c("Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm", "copy")],
      "Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", "none", level="commune", unit=UX_KT)
    f("Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", wd(15),
      [ph("Phí thẩm định điều kiện kinh doanh xăng dầu", 1200000)],
      [c("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Giấy tờ chứng minh cửa hàng đáp ứng quy chuẩn kỹ thuật, phòng cháy chữa cháy, bảo vệ môi trường", "copy")],
      "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "partial", legal="Nghị định 83/2014/NĐ-CP; Nghị định "
                                                                                 "80/2023/NĐ-CP")

    f = Field("Xúc tiến thương mại", "province", org=INDUSTRY, unit="Phòng Quản lý thương mại", subjects="Thương nhân",
              legal="Luật Thương mại 2005; Nghị định 81/2018/NĐ-CP; Nghị định 128/2024/NĐ-CP")
    f("Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi thực hiện trên địa bàn một tỉnh", wd(5), [],
      [c("Đăng ký thực hiện khuyến mại theo mẫu"), c("Thể lệ chương trình khuyến mại"),
       c("Mẫu vé số dự thưởng (nếu có)", req=False)], "Văn bản xác nhận đăng ký thực hiện khuyến mại", "full")
    f("Đăng ký tổ chức hội chợ, triển lãm thương mại tại Việt Nam", wd(5), [],
      [c("Văn bản đăng ký tổ chức hội chợ, triển lãm thương mại theo mẫu")],
      "Văn bản xác nhận đăng ký tổ chức hội chợ, triển lãm thương mại", "full")

    f = Field("Điện", "province", org=INDUSTRY, unit="Phòng Quản lý năng lượng", subjects="Tổ chức, cá nhân hoạt động "
              "điện lực", legal="Luật Điện lực 2024; Nghị định 146/2025/NĐ-CP; Thông tư 106/2024/TT-BTC")
    f("Cấp giấy phép hoạt động điện lực trong lĩnh vực phân phối và bán lẻ điện tại địa phương", wd(15),
      [ph("Phí thẩm định cấp giấy phép hoạt động điện lực", 800000)],
      [c("Văn bản đề nghị cấp giấy phép hoạt động điện lực theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Danh sách trích ngang người quản lý kỹ thuật, trưởng ca vận hành"), c("Hồ sơ về lưới điện phân phối")],
      "Giấy phép hoạt động điện lực", "partial")

    f = Field("Thương mại quốc tế", "province", org=INDUSTRY, unit="Phòng Quản lý thương mại",
              subjects="Thương nhân nước ngoài", legal="Luật Thương mại 2005; Nghị định 07/2016/NĐ-CP; Thông tư "
                                                       "143/2016/TT-BTC")
    f("Cấp Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài tại Việt Nam", wd(7),
      [lp("Lệ phí cấp Giấy phép thành lập Văn phòng đại diện", 3000000)],
      [c("Đơn đề nghị cấp Giấy phép thành lập Văn phòng đại diện theo mẫu"),
       c("Giấy đăng ký kinh doanh của thương nhân nước ngoài, đã hợp pháp hóa lãnh sự", "certified_copy"),
       c("Văn bản bổ nhiệm người đứng đầu Văn phòng đại diện"), d("ho_chieu")],
      "Giấy phép thành lập Văn phòng đại diện", "partial")

    # ------------------------------------------------------------------ Y tế
    f = Field("Khám bệnh, chữa bệnh", "province", org=HEALTH, unit="Phòng Nghiệp vụ Y",
              subjects="Người hành nghề, cơ sở khám bệnh, chữa bệnh",
              legal="Luật Khám bệnh, chữa bệnh 2023; Nghị định 96/2023/NĐ-CP; Thông tư 59/2023/TT-BTC")
    f("Cấp mới giấy phép hành nghề đối với chức danh bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y", wd(20),
      [ph("Phí thẩm định cấp mới giấy phép hành nghề", 360000)],
      [c("Đơn đề nghị cấp mới giấy phép hành nghề theo mẫu"), d("van_bang"), d("giay_kham_suc_khoe"),
       d("ly_lich_tu_phap"), c("Giấy xác nhận hoàn thành thực hành", "copy"), d("anh_4x6", q=1)],
      "Giấy phép hành nghề khám bệnh, chữa bệnh", "partial")
    f("Gia hạn giấy phép hành nghề khám bệnh, chữa bệnh", wd(10), [ph("Phí thẩm định gia hạn giấy phép hành nghề",
                                                                       120000)],
      [c("Đơn đề nghị gia hạn giấy phép hành nghề theo mẫu"), d("giay_kham_suc_khoe"),
       c("Giấy tờ chứng minh đã cập nhật kiến thức y khoa liên tục", "copy")],
      "Giấy phép hành nghề khám bệnh, chữa bệnh (gia hạn)", "full", four=True)
    f("Cấp mới giấy phép hoạt động đối với phòng khám chuyên khoa", wd(30),
      [ph("Phí thẩm định cấp giấy phép hoạt động cơ sở khám bệnh, chữa bệnh", 5700000)],
      [c("Đơn đề nghị cấp giấy phép hoạt động theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Danh sách người hành nghề, người làm việc; bản kê khai cơ sở vật chất, thiết bị y tế"),
       c("Giấy phép hành nghề của người chịu trách nhiệm chuyên môn kỹ thuật", "copy")],
      "Giấy phép hoạt động khám bệnh, chữa bệnh", "none")

    f = Field("Dược phẩm", "province", org=HEALTH, unit="Phòng Nghiệp vụ Dược", subjects="Cá nhân, cơ sở kinh doanh "
              "dược", legal="Luật Dược 2016 (sửa đổi 2024); Nghị định 54/2017/NĐ-CP; Thông tư 277/2016/TT-BTC")
    f("Cấp Chứng chỉ hành nghề dược", wd(20), [ph("Phí thẩm định cấp Chứng chỉ hành nghề dược", 500000)],
      [c("Đơn đề nghị cấp Chứng chỉ hành nghề dược theo mẫu"), d("van_bang"), d("giay_kham_suc_khoe"), d("anh_4x6"),
       c("Giấy xác nhận thời gian thực hành chuyên môn", "copy")], "Chứng chỉ hành nghề dược", "full")
    f("Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc (nhà thuốc, quầy thuốc)", wd(20),
      [ph("Phí thẩm định điều kiện kinh doanh thuốc", 1000000, "Vùng đặc biệt khó khăn: 500.000 đồng")],
      [c("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược theo mẫu"),
       c("Tài liệu kỹ thuật về địa điểm, khu vực bảo quản, trang thiết bị"), c("Chứng chỉ hành nghề dược", "copy"),
       d("giay_chung_nhan_dkhkd", form="copy", req=False)], "Giấy chứng nhận đủ điều kiện kinh doanh dược",
      "partial")

    f = Field("An toàn thực phẩm", "province", org=HEALTH, unit="Chi cục An toàn vệ sinh thực phẩm",
              subjects="Cơ sở sản xuất, kinh doanh thực phẩm", legal="Luật An toàn thực phẩm 2010; Nghị định "
                                                                     "15/2018/NĐ-CP; Thông tư 67/2021/TT-BTC")
    attp = [c("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm theo mẫu"),
            c("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm an toàn thực phẩm"),
            c("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm", "copy"),
            c("Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm", "copy")]
    f("Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", wd(20),
      [ph("Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 700000,
          "Phục vụ dưới 200 suất ăn; từ 200 suất ăn trở lên: 1.000.000 đồng")], attp,
      "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "partial")
    f("Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm thuộc "
      "thẩm quyền của Sở Công Thương", wd(20),
      [ph("Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 2500000,
          "Cơ sở sản xuất; cơ sở kinh doanh: 1.000.000 đồng/lần")], attp + [d("giay_chung_nhan_dkdn")],
      "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "partial", org=INDUSTRY,
      unit="Phòng Kỹ thuật an toàn và môi trường")
    f("Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, "
      "lâm, thủy sản", wd(15),
      [ph("Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 700000, "Cơ sở sản xuất; cơ sở "
                                                                                          "kinh doanh: 500.000 "
                                                                                          "đồng")], attp,
      "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "partial", org=AGRI_ENV,
      unit="Chi cục Quản lý chất lượng nông lâm sản và thủy sản")
    f("Cấp giấy xác nhận nội dung quảng cáo đối với thực phẩm bảo vệ sức khỏe, thực phẩm dinh dưỡng y học", wd(10),
      [ph("Phí thẩm định hồ sơ xác nhận nội dung quảng cáo", 1100000)],
      [c("Đơn đề nghị xác nhận nội dung quảng cáo theo mẫu"), c("Giấy tiếp nhận đăng ký bản công bố sản phẩm", "copy"),
       c("Mẫu nội dung dự kiến quảng cáo")], "Giấy xác nhận nội dung quảng cáo", "full")

    # ------------------------------------------------------------------ Bảo trợ xã hội, trẻ em (cấp xã; Sở Y tế)
    f = Field("Bảo trợ xã hội", "commune", unit=UX_VHXH, subjects="Đối tượng bảo trợ xã hội và gia đình",
              legal="Nghị định 20/2021/NĐ-CP; Nghị định 76/2024/NĐ-CP; Luật Người khuyết tật 2010")
    f("Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
      wd(15), [], [c("Tờ khai đề nghị trợ giúp xã hội theo mẫu"), d("cccd", form="copy"),
                   d("giay_xac_nhan_khuyet_tat", req=False)], "Quyết định trợ cấp xã hội hằng tháng", "full")
    f("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", wd(3), [],
      [c("Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu"), d("trich_luc_khai_tu")],
      "Quyết định hỗ trợ chi phí mai táng", "full")
    f("Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở", wd(10), [],
      [c("Tờ khai đề nghị hỗ trợ về nhà ở theo mẫu")], "Quyết định hỗ trợ làm nhà ở, sửa chữa nhà ở", "none")
    f("Hỗ trợ kinh phí nhận chăm sóc, nuôi dưỡng đối tượng cần bảo vệ khẩn cấp", wd(5), [],
      [c("Tờ khai nhận chăm sóc, nuôi dưỡng theo mẫu"), c("Văn bản xác nhận của cơ quan có thẩm quyền về đối tượng "
                                                           "cần bảo vệ khẩn cấp", "copy")],
      "Quyết định hỗ trợ kinh phí chăm sóc, nuôi dưỡng", "partial")
    f("Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", wd(25), [],
      [c("Đơn đề nghị xác định mức độ khuyết tật theo mẫu"), c("Kết luận của Hội đồng giám định y khoa (nếu có)",
                                                               "copy", req=False), d("cccd", form="copy")],
      "Giấy xác nhận khuyết tật", "partial")
    f("Đổi, cấp lại Giấy xác nhận khuyết tật", wd(5), [],
      [c("Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật theo mẫu"), d("giay_xac_nhan_khuyet_tat", req=False)],
      "Giấy xác nhận khuyết tật", "full")
    f("Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh", wd(7),
      [], [c("Đơn đề nghị tiếp nhận vào cơ sở trợ giúp xã hội theo mẫu"), d("giay_khai_sinh", req=False),
           c("Văn bản đề nghị của Chủ tịch UBND xã nơi đối tượng cư trú")],
      "Quyết định tiếp nhận đối tượng vào cơ sở trợ giúp xã hội", "none", level="province", org=HEALTH,
      unit="Phòng Bảo trợ xã hội và Trẻ em")
    f("Đăng ký thành lập, thay đổi nội dung hoặc cấp lại giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội "
      "ngoài công lập", wd(10), [],
      [c("Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội theo mẫu"), c("Dự thảo quy chế hoạt động của cơ sở"),
       d("giay_to_dia_diem")], "Giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội", "partial",
      level="province", org=HEALTH, unit="Phòng Bảo trợ xã hội và Trẻ em", subjects="Tổ chức, cá nhân")

    f = Field("Trẻ em", "commune", unit=UX_VHXH, subjects="Trẻ em, gia đình, người chăm sóc trẻ em",
              legal="Luật Trẻ em 2016; Nghị định 56/2017/NĐ-CP")
    f("Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại "
      "cho trẻ em", hr(12), [], [c("Thông tin, thông báo, tố giác về trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại")],
      "Quyết định tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại", "none", steps="emergency",
      cutoff=None)
    f("Đăng ký nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình nhận chăm sóc thay thế "
      "không phải là người thân thích của trẻ em", wd(15), [],
      [c("Đơn đăng ký nhận chăm sóc thay thế theo mẫu"), d("ly_lich_tu_phap"), d("giay_kham_suc_khoe")],
      "Quyết định giao, nhận trẻ em cho cá nhân, gia đình nhận chăm sóc thay thế", "none")

    f = Field("Dân số", "commune", unit=UX_VHXH, subjects="Phụ nữ người dân tộc thiểu số thuộc hộ nghèo sinh con "
              "đúng chính sách dân số", legal="Nghị định 39/2015/NĐ-CP")
    f("Xét hưởng chính sách hỗ trợ cho đối tượng sinh con đúng chính sách dân số", wd(5), [],
      [c("Tờ khai đề nghị hỗ trợ theo mẫu"), d("giay_khai_sinh", name="Giấy khai sinh của trẻ em")],
      "Quyết định hỗ trợ cho đối tượng sinh con đúng chính sách dân số", "partial")

    # ------------------------------------------------------------------ Giáo dục và Đào tạo
    f = Field("Giáo dục và Đào tạo", "province", org=EDUCATION, unit="Phòng Giáo dục trung học",
              subjects="Học sinh, cha mẹ học sinh, cơ sở giáo dục",
              legal="Luật Giáo dục 2019; Thông tư 32/2020/TT-BGDĐT; Nghị định 125/2024/NĐ-CP")
    f("Chuyển trường đối với học sinh trung học phổ thông", wd(3), [],
      [c("Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký"), c("Học bạ", "original"),
       c("Giấy giới thiệu chuyển trường do hiệu trưởng nhà trường nơi đi cấp")], "Giấy giới thiệu chuyển trường",
      "full", four=True)
    f("Xin học lại tại trường khác đối với học sinh trung học", wd(3), [],
      [c("Đơn xin học lại"), c("Học bạ", "original"), c("Giấy xác nhận của chính quyền địa phương về việc chấp hành "
                                                        "chính sách, pháp luật", req=False)],
      "Văn bản đồng ý cho học sinh học lại", "full", four=True)
    f("Cho phép trường trung học phổ thông hoạt động giáo dục", wd(20), [],
      [c("Tờ trình đề nghị cho phép hoạt động giáo dục"), c("Quyết định thành lập trường", "copy"),
       c("Danh sách cán bộ quản lý, giáo viên, nhân viên"), c("Chương trình giáo dục, tài liệu giảng dạy")],
      "Quyết định cho phép hoạt động giáo dục", "none", subjects="Tổ chức, cá nhân")
    f("Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục", wd(15), [],
      [c("Tờ trình đề nghị cho phép hoạt động giáo dục"), d("quyet_dinh_thanh_lap"),
       c("Chương trình, tài liệu dạy học; danh sách giáo viên kèm văn bằng", "copy")],
      "Quyết định cho phép hoạt động giáo dục", "partial", subjects="Tổ chức, cá nhân",
      unit="Phòng Giáo dục thường xuyên và chuyên nghiệp")
    f("Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trung tâm giáo dục nghề nghiệp", wd(10), [],
      [c("Văn bản đăng ký hoạt động giáo dục nghề nghiệp theo mẫu"), d("quyet_dinh_thanh_lap"),
       c("Báo cáo thực trạng cơ sở vật chất, thiết bị, chương trình đào tạo")],
      "Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", "partial", subjects="Tổ chức",
      unit="Phòng Giáo dục thường xuyên và chuyên nghiệp", legal="Luật Giáo dục nghề nghiệp 2014; Nghị định "
                                                                 "143/2016/NĐ-CP")
    f("Cho phép trường mầm non, trường tiểu học hoạt động giáo dục", wd(20), [],
      [c("Tờ trình đề nghị cho phép hoạt động giáo dục"), c("Quyết định thành lập trường", "copy"),
       c("Danh sách cán bộ quản lý, giáo viên, nhân viên")], "Quyết định cho phép hoạt động giáo dục", "none",
      level="commune", unit=UX_VHXH, subjects="Tổ chức, cá nhân")
    f("Thành lập nhóm trẻ, lớp mẫu giáo độc lập", wd(20), [],
      [c("Tờ trình đề nghị thành lập nhóm trẻ, lớp mẫu giáo độc lập"), c("Danh sách người chăm sóc, giáo dục trẻ kèm "
                                                                         "văn bằng", "copy"), d("giay_to_dia_diem")],
      "Quyết định thành lập nhóm trẻ, lớp mẫu giáo độc lập", "partial", level="commune", unit=UX_VHXH,
      subjects="Tổ chức, cá nhân")
    f("Chuyển trường đối với học sinh tiểu học, trung học cơ sở", wd(3), [],
      [c("Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký"), c("Học bạ", "original")],
      "Văn bản đồng ý tiếp nhận học sinh", "full", level="commune", unit=UX_VHXH)
    f("Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú đang học tại các trường tiểu học, trung học cơ sở",
      wd(10), [], [c("Đơn đề nghị hỗ trợ theo mẫu"), c("Danh sách học sinh đề nghị hỗ trợ do nhà trường lập")],
      "Quyết định phê duyệt danh sách học sinh được hỗ trợ", "none", level="commune", unit=UX_VHXH,
      legal="Nghị định 66/2025/NĐ-CP")
    f("Hỗ trợ ăn trưa đối với trẻ em mẫu giáo", wd(10), [],
      [c("Đơn đề nghị hỗ trợ ăn trưa theo mẫu"), d("giay_khai_sinh", req=False)],
      "Quyết định phê duyệt danh sách trẻ em được hỗ trợ ăn trưa", "none", level="commune", unit=UX_VHXH,
      legal="Nghị định 105/2020/NĐ-CP; Nghị định 66/2025/NĐ-CP")

    f = Field("Văn bằng, chứng chỉ", "province", org=EDUCATION, unit="Phòng Quản lý chất lượng",
              subjects="Người được cấp văn bằng, chứng chỉ", legal="Thông tư 21/2019/TT-BGDĐT")
    f("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", hr(8), [],
      [c("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc theo mẫu"), d("cccd")],
      "Bản sao văn bằng, chứng chỉ từ sổ gốc", "full", four=True)
    f("Chỉnh sửa nội dung văn bằng, chứng chỉ", wd(5), [],
      [c("Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ"), c("Văn bằng, chứng chỉ đề nghị chỉnh sửa"),
       c("Giấy tờ làm căn cứ chỉnh sửa (quyết định thay đổi, cải chính hộ tịch)", "certified_copy"), d("cccd")],
      "Quyết định chỉnh sửa văn bằng, chứng chỉ", "full", four=True)
    f("Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở giáo dục nước ngoài cấp", wd(20), [],
      [c("Đơn đề nghị công nhận văn bằng theo mẫu"), c("Văn bằng đề nghị công nhận kèm bản dịch công chứng",
                                                       "certified_copy"), c("Học bạ hoặc bảng điểm", "certified_copy")],
      "Văn bản công nhận văn bằng", "partial")

    # ------------------------------------------------------------------ Văn hóa, thể thao, du lịch
    f = Field("Văn hóa", "province", org=CULTURE, unit="Phòng Quản lý văn hóa", subjects="Tổ chức, cá nhân",
              legal="Luật Di sản văn hóa 2024; Nghị định 144/2020/NĐ-CP; Nghị định 54/2019/NĐ-CP; Thông tư "
                    "01/2021/TT-BTC")
    f("Thông báo tổ chức biểu diễn nghệ thuật, trình diễn thời trang, thi người đẹp", hr(8), [],
      [c("Văn bản thông báo tổ chức biểu diễn nghệ thuật theo mẫu"), c("Danh mục tác phẩm, chương trình biểu diễn")],
      "Văn bản tiếp nhận thông báo", "full")
    f("Cấp giấy phép triển lãm mỹ thuật", wd(7), [],
      [c("Văn bản đề nghị cấp giấy phép triển lãm theo mẫu"), c("Danh sách tác phẩm kèm ảnh tác phẩm")],
      "Giấy phép triển lãm mỹ thuật", "full")
    f("Cấp giấy phép kinh doanh dịch vụ vũ trường", wd(5), [ph("Phí thẩm định cấp giấy phép kinh doanh dịch vụ vũ "
                                                               "trường", 10000000, "Tại phường; tại xã: 5.000.000 "
                                                                                   "đồng")],
      [c("Đơn đề nghị cấp giấy phép theo mẫu"), d("giay_chung_nhan_dkdn"), d("giay_to_dia_diem")],
      "Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", "partial")
    f("Cấp giấy phép hoạt động in", wd(7), [],
      [c("Đơn đề nghị cấp giấy phép hoạt động in theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Giấy tờ chứng minh có thiết bị in và mặt bằng sản xuất", "copy")], "Giấy phép hoạt động in", "full",
      unit="Phòng Quản lý báo chí, xuất bản", legal="Luật Xuất bản 2012; Nghị định 60/2014/NĐ-CP")
    f("Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", wd(5),
      [ph("Phí thẩm định cấp giấy phép kinh doanh karaoke", 4000000, "Từ 01 đến 03 phòng tại phường; tại xã: "
                                                                     "2.000.000 đồng")],
      [c("Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke theo mẫu"),
       d("giay_chung_nhan_dkhkd", form="copy"), d("giay_to_dia_diem")],
      "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "partial", level="commune", unit=UX_VHXH)
    f("Thông báo tổ chức lễ hội cấp xã", wd(5), [],
      [c("Văn bản thông báo tổ chức lễ hội theo mẫu"), c("Chương trình, kế hoạch tổ chức lễ hội")],
      "Văn bản tiếp nhận thông báo tổ chức lễ hội", "full", level="commune", unit=UX_VHXH,
      legal="Nghị định 110/2018/NĐ-CP")
    f("Xét tặng danh hiệu Gia đình văn hóa", wd(20), [],
      [c("Bản đăng ký xây dựng danh hiệu Gia đình văn hóa"), c("Biên bản họp bình xét của thôn, tổ dân phố")],
      "Giấy khen của Chủ tịch UBND xã kèm danh hiệu Gia đình văn hóa", "none", level="commune", unit=UX_VHXH,
      legal="Nghị định 86/2023/NĐ-CP", subjects="Hộ gia đình")
    f("Xét tặng danh hiệu Thôn, Tổ dân phố văn hóa", wd(20), [],
      [c("Báo cáo thành tích của thôn, tổ dân phố"), c("Biên bản họp bình xét")],
      "Quyết định công nhận danh hiệu Thôn, Tổ dân phố văn hóa", "none", level="commune", unit=UX_VHXH,
      legal="Nghị định 86/2023/NĐ-CP", subjects="Thôn, tổ dân phố")

    f = Field("Thể dục thể thao", "province", org=CULTURE, unit="Phòng Quản lý thể dục thể thao",
              subjects="Doanh nghiệp, câu lạc bộ thể thao", legal="Luật Thể dục, thể thao 2006 (sửa đổi 2018); "
                                                                   "Nghị định 36/2019/NĐ-CP")
    f("Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", wd(7), [],
      [c("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"), c("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh"),
       d("giay_chung_nhan_dkdn")], "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "full")
    f("Công nhận câu lạc bộ thể thao cơ sở", wd(7), [],
      [c("Đơn đề nghị công nhận câu lạc bộ thể thao cơ sở"), c("Danh sách ban chủ nhiệm, hội viên"),
       c("Quy chế hoạt động của câu lạc bộ")], "Quyết định công nhận câu lạc bộ thể thao cơ sở", "full",
      level="commune", unit=UX_VHXH, subjects="Tổ chức, cá nhân")

    f = Field("Du lịch", "province", org=CULTURE, unit="Phòng Quản lý du lịch", subjects="Doanh nghiệp, cá nhân kinh "
              "doanh du lịch", legal="Luật Du lịch 2017; Nghị định 168/2017/NĐ-CP; Thông tư 33/2018/TT-BTC")
    f("Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", wd(10),
      [ph("Phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", 3000000)],
      [c("Đơn đề nghị cấp giấy phép theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành"),
       c("Quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh dịch vụ lữ hành",
         "certified_copy"), d("van_bang")], "Giấy phép kinh doanh dịch vụ lữ hành nội địa", "full")
    hdv = [c("Đơn đề nghị cấp thẻ hướng dẫn viên du lịch theo mẫu"), c("Sơ yếu lý lịch có xác nhận"),
           d("giay_kham_suc_khoe"), c("Chứng chỉ nghiệp vụ hướng dẫn du lịch", "certified_copy"), d("anh_4x6")]
    f("Cấp thẻ hướng dẫn viên du lịch nội địa", wd(10), [ph("Phí thẩm định cấp thẻ hướng dẫn viên du lịch", 650000)],
      hdv, "Thẻ hướng dẫn viên du lịch nội địa", "full", subjects="Cá nhân")
    f("Cấp thẻ hướng dẫn viên du lịch quốc tế", wd(10), [ph("Phí thẩm định cấp thẻ hướng dẫn viên du lịch", 650000)],
      hdv + [c("Giấy chứng nhận khả năng sử dụng ngoại ngữ", "certified_copy")], "Thẻ hướng dẫn viên du lịch quốc tế",
      "full", subjects="Cá nhân")
    f("Cấp đổi thẻ hướng dẫn viên du lịch", wd(10), [ph("Phí thẩm định cấp đổi thẻ hướng dẫn viên du lịch", 650000)],
      [c("Đơn đề nghị cấp đổi thẻ theo mẫu"), d("anh_4x6"), c("Giấy chứng nhận đã qua khóa cập nhật kiến thức",
                                                             "copy")], "Thẻ hướng dẫn viên du lịch", "full", four=True,
      subjects="Cá nhân")
    f("Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao đối với khách sạn, biệt thự du lịch, căn hộ du lịch",
      dy(30), [ph("Phí thẩm định công nhận hạng cơ sở lưu trú du lịch", 1500000)],
      [c("Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch theo mẫu"), c("Bản tự đánh giá chất lượng cơ sở lưu trú"),
       c("Danh sách người quản lý và nhân viên")], "Quyết định công nhận hạng cơ sở lưu trú du lịch", "partial")

    # ------------------------------------------------------------------ Khoa học và Công nghệ
    f = Field("An toàn bức xạ và hạt nhân", "province", org=SCIENCE, unit="Phòng Quản lý chuyên ngành",
              subjects="Tổ chức, cá nhân sử dụng thiết bị bức xạ", legal="Luật Năng lượng nguyên tử 2008 (sửa đổi "
                                                                         "2025); Nghị định 142/2020/NĐ-CP; Thông tư "
                                                                         "287/2016/TT-BTC")
    f("Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", wd(15),
      [ph("Phí thẩm định cấp giấy phép tiến hành công việc bức xạ", 2000000, "đồng/thiết bị")],
      [c("Đơn đề nghị cấp giấy phép theo mẫu"), c("Báo cáo đánh giá an toàn bức xạ"),
       c("Chứng chỉ nhân viên bức xạ của người phụ trách an toàn", "copy"),
       c("Biên bản kiểm định thiết bị X-quang", "copy")], "Giấy phép tiến hành công việc bức xạ", "partial")
    f("Cấp chứng chỉ nhân viên bức xạ cho người phụ trách an toàn tại cơ sở X-quang chẩn đoán trong y tế", wd(15),
      [ph("Phí thẩm định cấp chứng chỉ nhân viên bức xạ", 200000)],
      [c("Đơn đề nghị cấp chứng chỉ theo mẫu"), d("van_bang"), c("Giấy chứng nhận đào tạo an toàn bức xạ", "copy"),
       d("anh_4x6", q=1)], "Chứng chỉ nhân viên bức xạ", "full")

    f = Field("Hoạt động khoa học và công nghệ", "province", org=SCIENCE, unit="Phòng Quản lý khoa học",
              subjects="Tổ chức, cá nhân", legal="Luật Khoa học, công nghệ và đổi mới sáng tạo 2025; Nghị định "
                                                 "08/2014/NĐ-CP")
    f("Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước", wd(10), [],
      [c("Phiếu đăng ký kết quả thực hiện nhiệm vụ theo mẫu"), c("Báo cáo tổng hợp kết quả thực hiện nhiệm vụ")],
      "Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ", "full")
    f("Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", wd(7), [],
      [c("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Văn bản xác nhận quyền sở hữu, sử dụng hợp pháp kết quả khoa học và công nghệ", "copy"),
       c("Phương án sản xuất, kinh doanh")], "Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "full")

    f = Field("Tiêu chuẩn, đo lường, chất lượng", "province", org=SCIENCE, unit="Phòng Tiêu chuẩn, đo lường, "
              "chất lượng", subjects="Tổ chức, cá nhân sản xuất, nhập khẩu hàng hóa",
              legal="Luật Chất lượng sản phẩm, hàng hóa 2007 (sửa đổi 2025); Nghị định 132/2008/NĐ-CP")
    f("Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu thuộc trách nhiệm quản lý của Bộ Khoa học và Công nghệ",
      wd(1), [], [c("Bản đăng ký kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu theo mẫu"),
                  c("Hợp đồng, danh mục hàng hóa, hóa đơn, vận đơn", "copy"),
                  c("Giấy chứng nhận hợp quy hoặc chứng thư giám định", "copy")],
      "Thông báo kết quả kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", "full", four=True)
    f("Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh doanh", wd(5),
      [lp("Lệ phí cấp thông báo tiếp nhận hồ sơ công bố hợp chuẩn", 150000)],
      [c("Bản công bố hợp chuẩn theo mẫu"), c("Báo cáo tự đánh giá kèm kết quả thử nghiệm mẫu"),
       d("giay_chung_nhan_dkdn")],
      "Thông báo tiếp nhận hồ sơ công bố hợp chuẩn", "full", four=True)

    # ------------------------------------------------------------------ Nông nghiệp và môi trường
    f = Field("Thủy sản", "province", org=AGRI_ENV, unit="Chi cục Thủy sản", subjects="Chủ tàu cá, ngư dân",
              legal="Luật Thủy sản 2017; Nghị định 26/2019/NĐ-CP; Nghị định 37/2024/NĐ-CP; Thông tư 118/2018/TT-BTC")
    f("Cấp Giấy chứng nhận đăng ký tàu cá", wd(3), [lp("Lệ phí cấp Giấy chứng nhận đăng ký tàu cá", 70000,
                                                       "Tàu có chiều dài từ 12 m đến dưới 15 m; tàu dưới 12 m: 40.000 "
                                                       "đồng")],
      [c("Tờ khai đăng ký tàu cá theo mẫu"), c("Biên bản kiểm tra an toàn kỹ thuật tàu cá", "copy"),
       c("Giấy tờ chứng minh nguồn gốc tàu cá"), d("cccd")], "Giấy chứng nhận đăng ký tàu cá", "partial", four=True)
    f("Cấp, cấp lại giấy phép khai thác thủy sản", wd(6), [lp("Lệ phí cấp giấy phép khai thác thủy sản", 40000)],
      [c("Đơn đề nghị cấp giấy phép khai thác thủy sản theo mẫu"), c("Giấy chứng nhận an toàn kỹ thuật tàu cá", "copy"),
       c("Sổ danh bạ thuyền viên", "copy")], "Giấy phép khai thác thủy sản", "full", four=True)

    f = Field("Thú y", "province", org=AGRI_ENV, unit="Chi cục Chăn nuôi và Thú y", subjects="Tổ chức, cá nhân",
              legal="Luật Thú y 2015; Nghị định 35/2016/NĐ-CP; Thông tư 101/2020/TT-BTC")
    f("Cấp chứng chỉ hành nghề thú y (tiêm phòng, chữa bệnh, phẫu thuật động vật; tư vấn, dịch vụ thú y)", wd(5),
      [ph("Phí thẩm định cấp chứng chỉ hành nghề thú y", 100000)],
      [c("Đơn đăng ký cấp chứng chỉ hành nghề thú y theo mẫu"), d("van_bang"), d("anh_4x6", q=1)],
      "Chứng chỉ hành nghề thú y", "full", four=True, subjects="Cá nhân")
    f("Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật", wd(15),
      [ph("Phí thẩm định công nhận cơ sở an toàn dịch bệnh động vật", 300000)],
      [c("Đơn đăng ký chứng nhận cơ sở an toàn dịch bệnh theo mẫu"), c("Báo cáo điều kiện cơ sở, kết quả giám sát "
                                                                       "dịch bệnh")],
      "Giấy chứng nhận cơ sở an toàn dịch bệnh động vật", "none")

    f = Field("Lâm nghiệp", "province", org=AGRI_ENV, unit="Chi cục Kiểm lâm", subjects="Chủ đầu tư dự án, chủ rừng",
              legal="Luật Lâm nghiệp 2017; Nghị định 156/2018/NĐ-CP; Nghị định 91/2024/NĐ-CP")
    f("Phê duyệt hoặc điều chỉnh phương án trồng rừng thay thế", wd(15), [],
      [c("Văn bản đề nghị phê duyệt phương án trồng rừng thay thế"), c("Phương án trồng rừng thay thế"),
       c("Quyết định chuyển mục đích sử dụng rừng", "copy")], "Quyết định phê duyệt phương án trồng rừng thay thế",
      "none")

    f = Field("Thủy lợi", "commune", unit=UX_KT, subjects="Tổ chức, cá nhân", legal="Luật Thủy lợi 2017; Nghị định "
                                                                                     "67/2018/NĐ-CP; Nghị định "
                                                                                     "77/2018/NĐ-CP")
    f("Cấp giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi", wd(15), [],
      [c("Đơn đề nghị cấp giấy phép theo mẫu"), c("Bản vẽ mặt bằng, mặt cắt thể hiện phạm vi hoạt động"),
       c("Văn bản thỏa thuận của tổ chức khai thác công trình thủy lợi", "copy")],
      "Giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", "partial", level="province", org=AGRI_ENV,
      unit="Chi cục Thủy lợi")
    f("Hỗ trợ đầu tư xây dựng phát triển thủy lợi nhỏ, thủy lợi nội đồng và tưới tiên tiến, tiết kiệm nước", wd(20),
      [], [c("Đơn đề nghị hỗ trợ theo mẫu"), c("Thiết kế, dự toán công trình"), c("Biên bản nghiệm thu công trình")],
      "Quyết định hỗ trợ đầu tư", "none")

    f = Field("Phòng, chống thiên tai", "commune", unit=UX_KT, subjects="Cá nhân, hộ gia đình, tổ chức sản xuất",
              legal="Luật Phòng, chống thiên tai 2013 (sửa đổi 2020); Nghị định 9/2025/NĐ-CP")
    f("Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh", wd(10), [],
      [c("Tờ khai đề nghị hỗ trợ theo mẫu"), c("Biên bản kiểm tra, xác định mức độ thiệt hại", "copy")],
      "Quyết định hỗ trợ khôi phục sản xuất", "none")

    f = Field("Môi trường", "province", org=AGRI_ENV, unit="Chi cục Bảo vệ môi trường", subjects="Chủ dự án đầu tư, "
              "cơ sở sản xuất, kinh doanh, dịch vụ", legal="Luật Bảo vệ môi trường 2020; Nghị định 08/2022/NĐ-CP; "
                                                          "Nghị định 05/2025/NĐ-CP; Thông tư 38/2023/TT-BTC")
    f("Cấp giấy phép môi trường cấp tỉnh", dy(30), [ph("Phí thẩm định cấp giấy phép môi trường", 25000000,
                                                       "Mức thu theo Nghị quyết của HĐND tỉnh, tùy nhóm dự án")],
      [c("Văn bản đề nghị cấp giấy phép môi trường theo mẫu"), c("Báo cáo đề xuất cấp giấy phép môi trường"),
       c("Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường (nếu có)", "copy", req=False)],
      "Giấy phép môi trường", "partial", flow="ubnd")
    f("Thẩm định báo cáo đánh giá tác động môi trường", dy(30),
      [ph("Phí thẩm định báo cáo đánh giá tác động môi trường", 23000000, "Dự án có tổng vốn đầu tư từ 100 đến dưới "
                                                                          "200 tỷ đồng")],
      [c("Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường theo mẫu"),
       c("Báo cáo đánh giá tác động môi trường"), c("Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương")],
      "Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường", "partial")
    f("Đăng ký môi trường", wd(5), [], [c("Văn bản đăng ký môi trường theo mẫu")],
      "Văn bản tiếp nhận đăng ký môi trường", "full", level="commune", unit=UX_KT)
    f("Tham vấn trong đánh giá tác động môi trường", dy(15), [],
      [c("Văn bản đề nghị tham vấn kèm nội dung báo cáo đánh giá tác động môi trường")],
      "Văn bản trả lời tham vấn", "none", level="commune", unit=UX_KT)

    f = Field("Địa chất và khoáng sản", "province", org=AGRI_ENV, unit="Phòng Tài nguyên nước và khoáng sản",
              subjects="Tổ chức, cá nhân", legal="Luật Địa chất và khoáng sản 2024; Nghị định 193/2025/NĐ-CP")
    f("Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường", mo(3),
      [lp("Lệ phí cấp giấy phép khai thác khoáng sản", 15000000, "Khu vực khai thác có diện tích từ 10 ha đến 100 ha")],
      [c("Đơn đề nghị cấp giấy phép khai thác khoáng sản theo mẫu"), c("Dự án đầu tư khai thác khoáng sản"),
       c("Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường", "copy"),
       d("giay_chung_nhan_dkdn")], "Giấy phép khai thác khoáng sản", "none", flow="ubnd")

    f = Field("Tài nguyên nước", "province", org=AGRI_ENV, unit="Phòng Tài nguyên nước và khoáng sản",
              subjects="Tổ chức, cá nhân khai thác, sử dụng tài nguyên nước",
              legal="Luật Tài nguyên nước 2023; Nghị định 54/2024/NĐ-CP; Thông tư 270/2016/TT-BTC")
    f("Cấp giấy phép khai thác nước dưới đất đối với công trình có quy mô dưới 3.000 m³/ngày đêm", wd(25),
      [ph("Phí thẩm định đề án, báo cáo khai thác nước dưới đất", 1500000, "Lưu lượng từ 200 đến dưới 500 m³/ngày "
                                                                          "đêm")],
      [c("Đơn đề nghị cấp giấy phép theo mẫu"), c("Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất"),
       c("Kết quả phân tích chất lượng nguồn nước", "copy")], "Giấy phép khai thác nước dưới đất", "none")
    f("Cấp giấy phép khai thác, sử dụng nước mặt", wd(25),
      [ph("Phí thẩm định đề án khai thác, sử dụng nước mặt", 2000000)],
      [c("Đơn đề nghị cấp giấy phép theo mẫu"), c("Đề án khai thác, sử dụng nước mặt"),
       c("Kết quả phân tích chất lượng nguồn nước", "copy")], "Giấy phép khai thác, sử dụng nước mặt", "none")
    f("Đăng ký khai thác nước dưới đất", wd(10), [],
      [c("Tờ khai đăng ký công trình khai thác nước dưới đất theo mẫu")], "Tờ khai đăng ký đã được xác nhận",
      "full", level="commune", unit=UX_KT, subjects="Hộ gia đình, cá nhân, tổ chức")

    # ------------------------------------------------------------------ Sở Nội vụ: người có công, lao động, tổ chức
    f = Field("Người có công", "province", org=HOME_AFFAIRS, unit="Phòng Người có công",
              subjects="Người có công với cách mạng và thân nhân",
              legal="Pháp lệnh Ưu đãi người có công với cách mạng 2020; Nghị định 131/2021/NĐ-CP; Nghị định "
                    "55/2023/NĐ-CP")
    f("Cấp trích lục hoặc sao hồ sơ người có công với cách mạng", wd(5), [],
      [c("Đơn đề nghị cấp trích lục hoặc sao hồ sơ theo mẫu"), d("cccd", form="copy")],
      "Bản trích lục hoặc bản sao hồ sơ người có công", "full", four=True)
    f("Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú", wd(5), [],
      [c("Đơn đề nghị di chuyển hồ sơ theo mẫu"), d("giay_chung_nhan_nguoi_co_cong")],
      "Phiếu báo di chuyển hồ sơ người có công", "full")
    f("Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công", wd(20), [],
      [c("Đơn đề nghị sửa đổi, bổ sung thông tin theo mẫu"), c("Giấy tờ làm căn cứ sửa đổi thông tin", "copy")],
      "Quyết định sửa đổi, bổ sung thông tin", "partial")
    f("Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", wd(15), [],
      [c("Đơn đề nghị hưởng trợ cấp thờ cúng liệt sĩ theo mẫu"), c("Văn bản ủy quyền thờ cúng liệt sĩ (nếu có)",
                                                                   req=False),
       c("Bằng Tổ quốc ghi công", "copy")], "Quyết định trợ cấp thờ cúng liệt sĩ", "partial", level="commune",
      unit=UX_VHXH, flow="merit")
    f("Giải quyết trợ cấp một lần, mai táng phí và trợ cấp tuất hằng tháng khi người có công đang hưởng trợ cấp ưu "
      "đãi từ trần", wd(15), [],
      [c("Tờ khai của thân nhân đề nghị hưởng trợ cấp theo mẫu"), d("trich_luc_khai_tu"),
       d("giay_chung_nhan_nguoi_co_cong")], "Quyết định trợ cấp một lần, mai táng phí, trợ cấp tuất", "full",
      level="commune", unit=UX_VHXH, flow="merit")
    f("Giải quyết chế độ ưu đãi đối với thân nhân liệt sĩ", wd(15), [],
      [c("Bản khai của thân nhân liệt sĩ theo mẫu"), c("Bằng Tổ quốc ghi công", "copy"), d("cccd", form="copy")],
      "Quyết định trợ cấp ưu đãi đối với thân nhân liệt sĩ", "partial", level="commune", unit=UX_VHXH, flow="merit")
    f("Hỗ trợ thân nhân liệt sĩ thăm viếng mộ liệt sĩ", wd(5), [],
      [c("Đơn đề nghị hỗ trợ thăm viếng mộ liệt sĩ theo mẫu"), d("cccd")], "Giấy giới thiệu thăm viếng mộ liệt sĩ",
      "full", level="commune", unit=UX_VHXH)

    f = Field("Việc làm", "province", org=HOME_AFFAIRS, unit="Phòng Lao động - Việc làm",
              subjects="Người sử dụng lao động, người lao động nước ngoài",
              legal="Bộ luật Lao động 2019; Luật Việc làm 2025; Nghị định 219/2025/NĐ-CP")
    f("Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", wd(10),
      [lp("Lệ phí cấp giấy phép lao động", 600000)],
      [c("Văn bản đề nghị cấp giấy phép lao động theo mẫu"), d("giay_kham_suc_khoe"), d("ly_lich_tu_phap"),
       c("Văn bản chứng minh là nhà quản lý, chuyên gia, lao động kỹ thuật", "certified_copy"),
       d("ho_chieu", form="certified_copy"), d("anh_4x6")], "Giấy phép lao động", "full")
    f("Cấp lại giấy phép lao động cho người lao động nước ngoài", wd(5), [lp("Lệ phí cấp lại giấy phép lao động",
                                                                           450000)],
      [c("Văn bản đề nghị cấp lại giấy phép lao động theo mẫu"), c("Giấy phép lao động đã cấp (nếu còn)", req=False),
       d("anh_4x6")], "Giấy phép lao động", "full", four=True)
    f("Giải quyết hưởng trợ cấp thất nghiệp", wd(20), [],
      [c("Đề nghị hưởng trợ cấp thất nghiệp theo mẫu"), c("Quyết định thôi việc hoặc văn bản chấm dứt hợp đồng lao "
                                                          "động", "copy"), d("so_bhxh")],
      "Quyết định hưởng trợ cấp thất nghiệp", "partial", unit="Trung tâm Dịch vụ việc làm",
      subjects="Người lao động đóng bảo hiểm thất nghiệp")
    f("Đăng ký nội quy lao động của doanh nghiệp", wd(7), [],
      [c("Văn bản đề nghị đăng ký nội quy lao động"), c("Nội quy lao động"),
       c("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở")], "Thông báo về việc đăng ký nội quy lao động",
      "full", subjects="Người sử dụng lao động")

    f = Field("Tổ chức phi chính phủ", "province", org=HOME_AFFAIRS, unit="Phòng Tổ chức, biên chế và tổ chức phi "
              "chính phủ", subjects="Công dân, tổ chức Việt Nam", legal="Nghị định 126/2024/NĐ-CP; Nghị định "
                                                                        "93/2019/NĐ-CP")
    f("Thủ tục công nhận ban vận động thành lập hội có phạm vi hoạt động trong tỉnh", dy(30), [],
      [c("Đơn đề nghị công nhận ban vận động thành lập hội"), c("Danh sách và lý lịch trích ngang của những người dự "
                                                                "kiến trong ban vận động")],
      "Quyết định công nhận ban vận động thành lập hội", "none")
    f("Thủ tục thành lập hội có phạm vi hoạt động trong tỉnh", dy(30), [],
      [c("Đơn đề nghị thành lập hội"), c("Dự thảo điều lệ hội"), c("Danh sách những người trong ban vận động thành "
                                                                     "lập hội"), c("Văn bản xác nhận nơi dự kiến đặt "
                                                                                   "trụ sở của hội", "copy")],
      "Quyết định cho phép thành lập hội", "none", flow="ubnd")
    f("Thủ tục công nhận ban vận động thành lập hội có phạm vi hoạt động trong xã", dy(30), [],
      [c("Đơn đề nghị công nhận ban vận động thành lập hội"), c("Danh sách những người dự kiến trong ban vận động")],
      "Quyết định công nhận ban vận động thành lập hội", "none", level="commune", unit=UX_VP)

    f = Field("Văn thư và lưu trữ nhà nước", "province", org=HOME_AFFAIRS, unit="Trung tâm Lưu trữ lịch sử tỉnh",
              subjects="Cơ quan, tổ chức, cá nhân", legal="Luật Lưu trữ 2024; Thông tư 275/2016/TT-BTC")
    f("Thủ tục phục vụ việc sử dụng tài liệu của độc giả tại phòng đọc", hr(4),
      [ph("Phí khai thác, sử dụng tài liệu lưu trữ", 15000, "đồng/trang tài liệu được sao chụp")],
      [c("Phiếu yêu cầu khai thác tài liệu theo mẫu"), d("cccd")], "Tài liệu lưu trữ được phục vụ khai thác",
      "partial", cutoff=None)
    f("Thủ tục cấp chứng chỉ hành nghề lưu trữ", wd(15), [],
      [c("Đơn đề nghị cấp chứng chỉ hành nghề lưu trữ theo mẫu"), d("van_bang"), d("anh_4x6")],
      "Chứng chỉ hành nghề lưu trữ", "partial", subjects="Cá nhân")

    f = Field("Thi đua, khen thưởng", "province", org=HOME_AFFAIRS, unit="Phòng Thi đua, khen thưởng",
              subjects="Cá nhân, tập thể, hộ gia đình", legal="Luật Thi đua, khen thưởng 2022; Nghị định "
                                                               "98/2023/NĐ-CP; Nghị định 152/2025/NĐ-CP")
    f("Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về thành tích thực hiện nhiệm vụ chính trị", wd(20),
      [], [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo thành tích của cá nhân, tập thể"),
           c("Biên bản họp Hội đồng Thi đua - Khen thưởng cấp trình")], "Quyết định tặng Bằng khen", "none",
      flow="ubnd")
    f("Thủ tục tặng Cờ thi đua của Ủy ban nhân dân tỉnh", wd(20), [],
      [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo thành tích của tập thể"), c("Biên bản họp Hội đồng Thi đua - "
                                                                                 "Khen thưởng")],
      "Quyết định tặng Cờ thi đua", "none", flow="ubnd")
    f("Thủ tục tặng danh hiệu Chiến sĩ thi đua cấp tỉnh", wd(20), [],
      [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo thành tích của cá nhân"),
       c("Văn bản công nhận sáng kiến, đề tài khoa học", "copy")], "Quyết định tặng danh hiệu Chiến sĩ thi đua cấp "
                                                                    "tỉnh", "none")
    f("Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh về thành tích đột xuất", wd(10), [],
      [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo tóm tắt thành tích đột xuất")], "Quyết định tặng Bằng khen",
      "none")
    f("Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thực hiện nhiệm vụ chính trị", wd(20), [],
      [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo thành tích")], "Quyết định tặng Giấy khen", "none",
      level="commune", unit=UX_VP)
    f("Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích đột xuất", wd(10), [],
      [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo tóm tắt thành tích đột xuất")], "Quyết định tặng Giấy khen",
      "none", level="commune", unit=UX_VP)
    f("Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã cho gia đình", wd(20), [],
      [c("Tờ trình đề nghị khen thưởng"), c("Báo cáo thành tích đóng góp của gia đình")], "Quyết định tặng Giấy khen",
      "none", level="commune", unit=UX_VP)
    f("Thủ tục xét tặng danh hiệu Lao động tiên tiến", wd(20), [],
      [c("Tờ trình đề nghị xét tặng"), c("Biên bản họp bình xét thi đua"), c("Báo cáo thành tích của cá nhân")],
      "Quyết định công nhận danh hiệu Lao động tiên tiến", "none", level="commune", unit=UX_VP)

    # ------------------------------------------------------------------ Tôn giáo
    f = Field("Tôn giáo", "commune", unit=UX_VHXH, subjects="Tổ chức, cá nhân hoạt động tín ngưỡng, tôn giáo",
              legal="Luật Tín ngưỡng, tôn giáo 2016; Nghị định 95/2023/NĐ-CP")
    f("Thủ tục đăng ký hoạt động tín ngưỡng", dy(15), [],
      [c("Văn bản đăng ký hoạt động tín ngưỡng theo mẫu"), c("Danh mục hoạt động tín ngưỡng, thời gian, địa điểm")],
      "Văn bản chấp thuận đăng ký hoạt động tín ngưỡng", "partial")
    f("Thủ tục đăng ký sinh hoạt tôn giáo tập trung", dy(20), [],
      [c("Văn bản đăng ký sinh hoạt tôn giáo tập trung theo mẫu"), c("Văn bản tóm tắt giáo lý, giáo luật, lễ nghi"),
       c("Giấy tờ chứng minh địa điểm hợp pháp để sinh hoạt tôn giáo tập trung", "copy")],
      "Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung", "none")
    f("Thủ tục thông báo tổ chức lễ hội tín ngưỡng", wd(5), [],
      [c("Văn bản thông báo tổ chức lễ hội tín ngưỡng theo mẫu")], "Văn bản tiếp nhận thông báo", "full")
    f("Thủ tục thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động tôn giáo ở một xã", wd(5),
      [], [c("Văn bản thông báo danh mục hoạt động tôn giáo theo mẫu")], "Văn bản tiếp nhận thông báo", "full")
    rel = dict(level="province", org=ETHNIC_RELIGION, unit="Phòng Quản lý tôn giáo")
    f("Thủ tục đề nghị công nhận tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh", mo(2), [],
      [c("Văn bản đề nghị công nhận tổ chức tôn giáo theo mẫu"), c("Hiến chương của tổ chức tôn giáo"),
       c("Giấy chứng nhận đăng ký hoạt động tôn giáo", "copy")], "Quyết định công nhận tổ chức tôn giáo", "none",
      **rel)
    f("Thủ tục đăng ký người được phong phẩm hoặc suy cử làm chức sắc, người được bổ nhiệm, bầu cử, suy cử làm chức "
      "việc", dy(20), [], [c("Văn bản đăng ký theo mẫu"), c("Sơ yếu lý lịch của người được đăng ký"),
                           d("ly_lich_tu_phap")], "Văn bản chấp thuận đăng ký", "partial", **rel)
    f("Thủ tục đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô tổ chức ở một tỉnh",
      dy(15), [], [c("Văn bản đề nghị tổ chức cuộc lễ theo mẫu"), c("Chương trình, nội dung cuộc lễ")],
      "Văn bản chấp thuận tổ chức cuộc lễ", "partial", **rel)

    # ------------------------------------------------------------------ Khiếu nại, tố cáo, tiếp công dân
    f = Field("Giải quyết khiếu nại", "province", org=INSPECTORATE, unit="Phòng Giải quyết khiếu nại, tố cáo",
              subjects="Công dân, cơ quan, tổ chức", cutoff=None,
              legal="Luật Khiếu nại 2011; Nghị định 124/2020/NĐ-CP; Thông tư 05/2021/TT-TTCP")
    f("Thủ tục giải quyết khiếu nại lần đầu tại cấp tỉnh", dy(30), [],
      [c("Đơn khiếu nại hoặc bản ghi lời khiếu nại"), c("Tài liệu, chứng cứ liên quan", "copy", req=False)],
      "Quyết định giải quyết khiếu nại lần đầu", "none")
    f("Thủ tục giải quyết khiếu nại lần hai tại cấp tỉnh", dy(45), [],
      [c("Đơn khiếu nại lần hai"), c("Quyết định giải quyết khiếu nại lần đầu", "copy"),
       c("Tài liệu, chứng cứ liên quan", "copy", req=False)], "Quyết định giải quyết khiếu nại lần hai", "none",
      flow="ubnd")
    f("Thủ tục giải quyết khiếu nại lần đầu tại cấp xã", dy(30), [],
      [c("Đơn khiếu nại hoặc bản ghi lời khiếu nại"), c("Tài liệu, chứng cứ liên quan", "copy", req=False)],
      "Quyết định giải quyết khiếu nại lần đầu", "none", level="commune", unit=UX_VP)

    f = Field("Giải quyết tố cáo", "province", org=INSPECTORATE, unit="Phòng Giải quyết khiếu nại, tố cáo",
              subjects="Cá nhân", cutoff=None, legal="Luật Tố cáo 2018; Nghị định 31/2019/NĐ-CP")
    f("Thủ tục giải quyết tố cáo tại cấp tỉnh", dy(30), [],
      [c("Đơn tố cáo hoặc bản ghi lời tố cáo"), c("Thông tin, tài liệu, chứng cứ kèm theo", "copy", req=False)],
      "Kết luận nội dung tố cáo", "none")
    f("Thủ tục giải quyết tố cáo tại cấp xã", dy(30), [],
      [c("Đơn tố cáo hoặc bản ghi lời tố cáo"), c("Thông tin, tài liệu, chứng cứ kèm theo", "copy", req=False)],
      "Kết luận nội dung tố cáo", "none", level="commune", unit=UX_VP)

    f = Field("Tiếp công dân", "province", org=INSPECTORATE, unit="Ban Tiếp công dân tỉnh", subjects="Công dân",
              cutoff=None, legal="Luật Tiếp công dân 2013; Nghị định 64/2014/NĐ-CP")
    f("Thủ tục tiếp công dân tại cấp tỉnh", wd(10), [],
      [c("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh hoặc nội dung trình bày trực tiếp"), d("cccd")],
      "Văn bản trả lời, hướng dẫn hoặc chuyển đơn", "none")
    f("Thủ tục xử lý đơn tại cấp tỉnh", wd(10), [], [c("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh")],
      "Phiếu xử lý đơn, văn bản hướng dẫn hoặc chuyển đơn", "full")
    f("Thủ tục tiếp công dân tại cấp xã", wd(10), [],
      [c("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh hoặc nội dung trình bày trực tiếp"), d("cccd")],
      "Văn bản trả lời, hướng dẫn hoặc chuyển đơn", "none", level="commune", unit=UX_VP)
    f("Thủ tục xử lý đơn tại cấp xã", wd(10), [], [c("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh")],
      "Phiếu xử lý đơn, văn bản hướng dẫn hoặc chuyển đơn", "full", level="commune", unit=UX_VP)

    # ------------------------------------------------------------------ Ngoại vụ
    f = Field("Ngoại vụ", "province", org=FOREIGN, unit="Phòng Hợp tác quốc tế", subjects="Cơ quan, tổ chức, doanh "
              "nghiệp", legal="Quyết định 06/2020/QĐ-TTg; Quyết định 45/2006/QĐ-TTg (sửa đổi); Nghị định "
                              "80/2020/NĐ-CP")
    f("Cho phép tổ chức hội nghị, hội thảo quốc tế thuộc thẩm quyền cho phép của Chủ tịch Ủy ban nhân dân tỉnh",
      wd(15), [], [c("Văn bản đề nghị tổ chức hội nghị, hội thảo quốc tế"), c("Đề án tổ chức hội nghị, hội thảo"),
                   c("Danh sách đại biểu nước ngoài dự kiến tham dự")],
      "Văn bản cho phép tổ chức hội nghị, hội thảo quốc tế", "partial", flow="ubnd")
    f("Cho phép doanh nhân sử dụng thẻ đi lại của doanh nhân APEC (thẻ ABTC)", wd(10), [],
      [c("Văn bản đề nghị của doanh nghiệp theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Hợp đồng kinh tế, thương mại với đối tác các nền kinh tế thành viên APEC", "copy"), d("ho_chieu")],
      "Văn bản cho phép sử dụng thẻ ABTC", "full", subjects="Doanh nhân Việt Nam")

    # ------------------------------------------------------------------ Công an tỉnh (phòng cháy, an ninh trật tự)
    f = Field("Phòng cháy, chữa cháy", "province", org=POLICE, unit="Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, "
              "cứu hộ", subjects="Chủ đầu tư, chủ cơ sở", legal="Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ 2024; "
                                                               "Nghị định 105/2025/NĐ-CP; Thông tư 258/2016/TT-BTC")
    f("Thẩm định thiết kế về phòng cháy và chữa cháy", wd(10),
      [ph("Phí thẩm định phê duyệt thiết kế về phòng cháy và chữa cháy", 0, "Tính theo tổng mức đầu tư dự án")],
      [c("Văn bản đề nghị thẩm định thiết kế theo mẫu"), c("Hồ sơ thiết kế về phòng cháy và chữa cháy"),
       c("Văn bản chấp thuận chủ trương đầu tư hoặc quyết định đầu tư", "copy")],
      "Giấy chứng nhận thẩm định thiết kế về phòng cháy và chữa cháy", "partial")
    f("Kiểm tra kết quả nghiệm thu về phòng cháy và chữa cháy", wd(10), [],
      [c("Văn bản đề nghị kiểm tra kết quả nghiệm thu theo mẫu"), c("Hồ sơ nghiệm thu về phòng cháy và chữa cháy"),
       c("Giấy chứng nhận thẩm định thiết kế về phòng cháy và chữa cháy", "copy")],
      "Văn bản chấp thuận kết quả nghiệm thu về phòng cháy và chữa cháy", "none")

    f = Field("Quản lý ngành, nghề đầu tư kinh doanh có điều kiện về an ninh, trật tự", "province", org=POLICE,
              unit="Phòng Cảnh sát quản lý hành chính về trật tự xã hội", subjects="Cơ sở kinh doanh",
              legal="Nghị định 96/2016/NĐ-CP (sửa đổi); Thông tư 218/2016/TT-BTC")
    f("Cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự để làm ngành, nghề đầu tư kinh doanh có điều kiện",
      wd(5), [lp("Lệ phí cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự", 300000)],
      [c("Văn bản đề nghị cấp Giấy chứng nhận theo mẫu"), d("giay_chung_nhan_dkdn"),
       c("Bản khai lý lịch của người chịu trách nhiệm về an ninh, trật tự"), d("ly_lich_tu_phap")],
      "Giấy chứng nhận đủ điều kiện về an ninh, trật tự", "full")

    # ------------------------------------------------------------------ Nghĩa vụ quân sự (cấp xã)
    f = Field("Nghĩa vụ quân sự", "commune", unit=UX_QS, subjects="Công dân nam đủ 17 tuổi trở lên",
              legal="Luật Nghĩa vụ quân sự 2015; Nghị định 13/2016/NĐ-CP (sửa đổi)")
    f("Đăng ký nghĩa vụ quân sự lần đầu", wd(1), [],
      [c("Phiếu tự khai sức khỏe nghĩa vụ quân sự"), d("cccd")], "Giấy chứng nhận đăng ký nghĩa vụ quân sự",
      "full", steps="commune4")
    f("Đăng ký phục vụ trong ngạch dự bị", wd(1), [],
      [c("Quyết định xuất ngũ hoặc giấy tờ chứng nhận hoàn thành nghĩa vụ", "copy"), d("cccd")],
      "Giấy chứng nhận đăng ký phục vụ trong ngạch dự bị", "partial", steps="commune4",
      subjects="Quân nhân xuất ngũ, công dân hoàn thành nghĩa vụ")
    f("Đăng ký nghĩa vụ quân sự chuyển đến khi thay đổi nơi cư trú hoặc nơi làm việc, học tập", wd(1), [],
      [c("Giấy giới thiệu di chuyển đăng ký nghĩa vụ quân sự"), d("cccd")],
      "Xác nhận đăng ký nghĩa vụ quân sự chuyển đến", "full", steps="commune4")


# =========================================================================== catalogue: internal process

SELF = "self"  # the competent agency of a province procedure


def _commune_steps(kind, unit):
    if kind == "certify":
        return [("Tiếp nhận hồ sơ, đối chiếu bản chính với bản sao", None, DESK_COMMUNE, "desk", 20),
                ("Ký chứng thực", None, LEADER_COMMUNE, "leader", 50),
                ("Đóng dấu, ghi sổ chứng thực", None, UX_VP, "clerk", 20),
                ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)]
    if kind == "emergency":
        return [("Tiếp nhận thông tin, thông báo về trẻ em bị xâm hại", None, DESK_COMMUNE, "desk", 10),
                ("Xác minh, đánh giá nguy cơ, đề xuất biện pháp can thiệp", None, unit, "specialist", 50),
                ("Quyết định áp dụng biện pháp can thiệp khẩn cấp", None, LEADER_COMMUNE, "leader", 40)]
    if kind == "commune5":
        return [("Tiếp nhận, kiểm tra hồ sơ", None, DESK_COMMUNE, "desk", 10),
                ("Thẩm định hồ sơ, dự thảo kết quả", None, unit, "specialist", 45),
                ("Xem xét, ký duyệt kết quả", None, LEADER_COMMUNE, "leader", 25),
                ("Vào sổ, đóng dấu, phát hành kết quả", None, UX_VP, "clerk", 10),
                ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)]
    return [("Tiếp nhận, kiểm tra hồ sơ", None, DESK_COMMUNE, "desk", 10),
            ("Thẩm định hồ sơ, dự thảo kết quả", None, unit, "specialist", 50),
            ("Xem xét, ký duyệt kết quả", None, LEADER_COMMUNE, "leader", 30),
            ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)]


def _province_steps(p, unit):
    agency = AGENCY_NAME[p["competent_org"]]
    if p["four_on_spot"]:
        return [("Tiếp nhận, kiểm tra hồ sơ", None, DESK_PROVINCE, "desk", 10),
                ("Thẩm định hồ sơ tại Trung tâm (4 tại chỗ)", SELF,
                 f"{unit} (bộ phận thường trực tại Trung tâm)", "specialist", 50),
                ("Phê duyệt, ký kết quả tại Trung tâm", SELF, f"Lãnh đạo {agency} (ủy quyền tại Trung tâm)",
                 "leader", 30),
                ("Trả kết quả", None, DESK_PROVINCE, "desk", 10)]
    amount, time_unit = p["processing_amount"], p["processing_unit"]
    if time_unit == "hours" or (time_unit == "working_days" and amount <= 3):
        return [("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 10),
                ("Thẩm định hồ sơ, dự thảo kết quả", SELF, unit, "specialist", 55),
                ("Xem xét, phê duyệt kết quả", SELF, f"Lãnh đạo {agency}", "leader", 25),
                ("Trả kết quả", None, DESK_PROVINCE, "desk", 10)]
    return [("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
            ("Thẩm định hồ sơ, dự thảo kết quả", SELF, unit, "specialist", 60),
            ("Xem xét, phê duyệt kết quả", SELF, f"Lãnh đạo {agency}", "leader", 20),
            ("Vào sổ, đóng dấu, chuyển kết quả về Trung tâm", SELF, f"Văn thư {agency}", "clerk", 10),
            ("Trả kết quả", None, DESK_PROVINCE, "desk", 5)]


TAX_UNIT = "Thuế cơ sở quản lý địa bàn"
CHAIRMAN = "Lãnh đạo UBND tỉnh (Văn phòng UBND tỉnh trình)"
POLICE_COMMUNE = "Công an xã nơi đăng ký cư trú"
# Inter-agency processes (liên thông): at least one step at a second organisation.
FLOWS = {
    "tax": lambda unit, agency: [
        ("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
        ("Kiểm tra hồ sơ, cập nhật hồ sơ địa chính, chuyển thông tin xác định nghĩa vụ tài chính", SELF, unit,
         "specialist", 40),
        ("Xác định và thông báo nghĩa vụ tài chính về đất đai", TAX, TAX_UNIT, "specialist", 20),
        ("Ký Giấy chứng nhận hoặc quyết định", SELF, f"Lãnh đạo {agency}", "leader", 25),
        ("Trả kết quả", None, DESK_PROVINCE, "desk", 10)],
    "land_allocation": lambda unit, agency: [
        ("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
        ("Thẩm định nhu cầu sử dụng đất, trình UBND tỉnh", SELF, unit, "specialist", 40),
        ("Xác định tiền sử dụng đất, tiền thuê đất", TAX, TAX_UNIT, "specialist", 15),
        ("Quyết định giao đất, cho thuê đất", OFFICE, CHAIRMAN, "leader", 30),
        ("Trả kết quả", None, DESK_PROVINCE, "desk", 10)],
    "ubnd": lambda unit, agency: [
        ("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
        ("Thẩm định hồ sơ, dự thảo tờ trình", SELF, unit, "specialist", 50),
        ("Ký tờ trình UBND tỉnh", SELF, f"Lãnh đạo {agency}", "leader", 15),
        ("Xem xét, quyết định", OFFICE, CHAIRMAN, "leader", 25),
        ("Trả kết quả", None, DESK_PROVINCE, "desk", 5)],
    "investment": lambda unit, agency: [
        ("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
        ("Thẩm định đề xuất dự án đầu tư, tổng hợp ý kiến các cơ quan", SELF, unit, "specialist", 35),
        ("Góp ý về nhu cầu sử dụng đất, điều kiện giao đất, cho thuê đất", AGRI_ENV, "Phòng Quản lý đất đai",
         "specialist", 20),
        ("Xem xét, quyết định chấp thuận chủ trương đầu tư", OFFICE, CHAIRMAN, "leader", 30),
        ("Trả kết quả", None, DESK_PROVINCE, "desk", 10)],
    "investment_iz": lambda unit, agency: [
        ("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
        ("Thẩm định đề xuất dự án đầu tư", SELF, unit, "specialist", 40),
        ("Góp ý về sự phù hợp với quy hoạch, kế hoạch đầu tư công", FINANCE, "Phòng Quản lý đầu tư", "specialist", 20),
        ("Xem xét, quyết định chấp thuận chủ trương đầu tư", SELF, f"Lãnh đạo {agency}", "leader", 25),
        ("Trả kết quả", None, DESK_PROVINCE, "desk", 10)],
    "fire": lambda unit, agency: [
        ("Tiếp nhận hồ sơ, chuyển cơ quan giải quyết", None, DESK_PROVINCE, "desk", 5),
        ("Thẩm định hồ sơ, lấy ý kiến cơ quan liên quan", SELF, unit, "specialist", 50),
        ("Thẩm định về phòng cháy và chữa cháy", POLICE, "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
         "specialist", 20),
        ("Ký văn bản thông báo kết quả thẩm định", SELF, f"Lãnh đạo {agency}", "leader", 20),
        ("Trả kết quả", None, DESK_PROVINCE, "desk", 5)],
    "land_first": lambda unit, agency: [
        ("Tiếp nhận, kiểm tra hồ sơ", None, DESK_COMMUNE, "desk", 5),
        ("Kiểm tra hồ sơ, trích đo địa chính, cập nhật cơ sở dữ liệu đất đai", AGRI_ENV,
         "Chi nhánh Văn phòng Đăng ký đất đai", "specialist", 40),
        ("Xác định và thông báo nghĩa vụ tài chính về đất đai", TAX, TAX_UNIT, "specialist", 20),
        ("Ký Giấy chứng nhận", None, LEADER_COMMUNE, "leader", 25),
        ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)],
    "land_tax": lambda unit, agency: [
        ("Tiếp nhận, kiểm tra hồ sơ", None, DESK_COMMUNE, "desk", 5),
        ("Thẩm định nhu cầu chuyển mục đích, trình quyết định", None, unit, "specialist", 45),
        ("Xác định và thông báo tiền sử dụng đất", TAX, TAX_UNIT, "specialist", 20),
        ("Quyết định cho phép chuyển mục đích sử dụng đất", None, LEADER_COMMUNE, "leader", 20),
        ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)],
    "birth": lambda unit, agency: [
        ("Tiếp nhận, kiểm tra hồ sơ liên thông", None, DESK_COMMUNE, "desk", 10),
        ("Đăng ký khai sinh, trình ký Giấy khai sinh", None, unit, "specialist", 30),
        ("Đăng ký thường trú cho trẻ em", POLICE, POLICE_COMMUNE, "specialist", 25),
        ("Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", SOCIAL_INSURANCE, "Phòng Quản lý thu, sổ, thẻ",
         "specialist", 25),
        ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)],
    "death": lambda unit, agency: [
        ("Tiếp nhận, kiểm tra hồ sơ liên thông", None, DESK_COMMUNE, "desk", 10),
        ("Đăng ký khai tử, trình ký Trích lục khai tử", None, unit, "specialist", 30),
        ("Xóa đăng ký thường trú", POLICE, POLICE_COMMUNE, "specialist", 20),
        ("Giải quyết chế độ tử tuất, trợ cấp mai táng", SOCIAL_INSURANCE, "Phòng Chế độ bảo hiểm xã hội",
         "specialist", 30),
        ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)],
    "merit": lambda unit, agency: [
        ("Tiếp nhận, kiểm tra hồ sơ", None, DESK_COMMUNE, "desk", 10),
        ("Xác nhận, lập hồ sơ đề nghị", None, unit, "specialist", 30),
        ("Ký văn bản đề nghị gửi Sở Nội vụ", None, LEADER_COMMUNE, "leader", 10),
        ("Thẩm định, ban hành quyết định", HOME_AFFAIRS, "Phòng Người có công", "specialist", 40),
        ("Trả kết quả", None, DESK_COMMUNE, "desk", 10)],
}


def steps_of(p) -> list[dict]:
    unit, kind = p["_unit"], p["_steps"]
    agency = AGENCY_NAME.get(p["competent_org"], "")
    if p["_flow"]:
        rows = FLOWS[p["_flow"]](unit, agency)
    elif p["level"] == "commune":
        rows = _commune_steps(kind, unit)
    else:
        rows = _province_steps(p, unit)
    return [{"order": i, "name": name, "org": p["competent_org"] if org == SELF else org, "unit": unit_name,
             "role": role, "share": share}
            for i, (name, org, unit_name, role, share) in enumerate(rows, start=1)]


# =========================================================================== catalogue: texts and codes

def method_of(p) -> str:
    where = (f"{DESK_PROVINCE} (tiếp nhận không phụ thuộc địa giới hành chính trong tỉnh)"
             if p["level"] == "province" else "Trung tâm Phục vụ hành chính công xã, phường, đặc khu")
    return {
        "full": f"Trực tiếp tại {where}; trực tuyến toàn trình trên {PORTAL}; qua dịch vụ bưu chính công ích",
        "partial": f"Trực tiếp tại {where}; trực tuyến một phần trên {PORTAL} (xuất trình bản chính khi nhận kết "
                   f"quả); qua dịch vụ bưu chính công ích",
        "none": f"Trực tiếp tại {where} hoặc qua dịch vụ bưu chính công ích",
    }[p["online_level"]]


def sequence_of(p, steps, names) -> str:
    province = p["level"] == "province"
    where = DESK_PROVINCE if province else "Trung tâm Phục vụ hành chính công xã"
    online = p["online_level"] != "none"
    handler = f"{p['_unit']} thuộc {AGENCY_NAME[p['competent_org']]}" if province else p["_unit"]
    decider = (f"Lãnh đạo {AGENCY_NAME[p['competent_org']]}" if province else "Chủ tịch hoặc Phó Chủ tịch UBND xã")
    if any(s["org"] == OFFICE for s in steps):
        decider = "Chủ tịch UBND tỉnh"
    others = []
    for s in steps:
        if s["org"] and s["org"] not in (p["competent_org"], OFFICE) and names[s["org"]] not in others:
            others.append(names[s["org"]])
    text = [f"Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định, nộp tại {where}"
            + (f" hoặc trên {PORTAL}." if online else " hoặc qua dịch vụ bưu chính công ích."),
            "Bước 2: Công chức Bộ phận Một cửa kiểm tra hồ sơ; hồ sơ đầy đủ thì lập Giấy tiếp nhận hồ sơ và hẹn trả "
            "kết quả, chưa đầy đủ thì hướng dẫn một lần, đầy đủ để bổ sung.",
            f"Bước 3: {handler} thẩm định, trình {decider} xem xét, quyết định"
            + (f"; phối hợp liên thông với {', '.join(others)}." if others else "."),
            f"Bước 4: Trả kết quả tại {where}, qua dịch vụ bưu chính công ích"
            + (" hoặc bản điện tử vào kho dữ liệu của tổ chức, cá nhân." if online else ".")]
    return " ".join(text)


def assign_codes(procedures) -> None:
    """National-style codes, stable for a given procedure name: 1.00xxxx / 2.00xxxx, a few local variants."""
    used = {p["code"] for p in procedures if p["code"]}
    for p in procedures:
        if p["code"]:
            continue
        h = stable_int(p["name"] + "|" + p["level"])
        prefix = "2." if h % 5 == 0 else "1."
        number = 100 + (h // 7) % 13800
        local = (h // 11) % 20 == 0
        while True:
            code = f"{prefix}{number:06d}" + (f".000.00.00.{PROVINCE}" if local else "")
            if code not in used:
                break
            number += 1
        used.add(code)
        p["code"] = code


def catalog(orgs: list[dict]) -> dict:
    # How people name each procedure (code -> "phrase; phrase"), written by hand from the catalogue
    # alone, never from the assistant's evaluation questions (docs/assistant-eval.md).
    keywords = json.loads((HERE / "keywords.json").read_text(encoding="utf-8"))
    PROCEDURES.clear()
    FIELDS.clear()
    define_procedures()
    assign_codes(PROCEDURES)
    names = {o["code"]: o["name"] for o in orgs}
    out = []
    for p in PROCEDURES:
        steps = steps_of(p)
        field_no = FIELDS.index(p["field"])
        decision = (f"Quyết định số {1186 + 17 * field_no}/QĐ-UBND ngày {10 + field_no % 13}/6/2025 của Chủ tịch "
                    f"UBND tỉnh")
        out.append({
            "code": p["code"], "name": p["name"], "field": p["field"], "level": p["level"],
            "competent_org": p["competent_org"], "legal_basis": p["legal_basis"], "subjects": p["subjects"],
            "sequence": sequence_of(p, steps, names), "method": method_of(p), "requirements": p["requirements"],
            "keywords": keywords.get(p["code"], ""),
            "processing_amount": p["processing_amount"], "processing_unit": p["processing_unit"],
            "cutoff": p["cutoff"], "result_type": p["result_type"], "online_level": p["online_level"],
            "four_on_spot": p["four_on_spot"], "status": "published", "valid_from": REFORM_DATE,
            "publication_decision": decision,
            "fees": p["fees"],
            "components": [{"order": i, **comp} for i, comp in enumerate(p["components"], start=1)],
            "steps": steps,
        })
    return nfc({"format": "cchc-catalog", "format_version": 1, "procedures": out})


def render(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def build() -> dict[str, str]:
    """File name -> content, exactly as written to disk."""
    orgs = organisations()
    return {"organisations.json": render(orgs), "catalog.json": render(catalog(orgs))}


def main() -> None:
    for name, text in build().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote {HERE / name} ({len(text):,} bytes)")


if __name__ == "__main__":
    main()
