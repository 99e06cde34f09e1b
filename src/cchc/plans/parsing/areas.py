"""The seven reform areas of DOMAIN.md §5, recognised from a heading as plans word them."""
from __future__ import annotations

import re

from .text import fold

AREAS = {
    "chi_dao_dieu_hanh": "Công tác chỉ đạo, điều hành",
    "the_che": "Cải cách thể chế",
    "tthc": "Cải cách thủ tục hành chính",
    "to_chuc_bo_may": "Cải cách tổ chức bộ máy",
    "cong_vu": "Cải cách chế độ công vụ",
    "tai_chinh_cong": "Cải cách tài chính công",
    "chinh_phu_so": "Xây dựng chính phủ điện tử, chính phủ số",
}

# first match wins: "cải cách thủ tục hành chính" must not fall to a looser pattern
_PATTERNS = [
    ("tthc", r"thủ tục hành chính|\btthc\b|một cửa"),
    ("to_chuc_bo_may", r"tổ chức bộ máy|bộ máy hành chính"),
    ("the_che", r"thể chế"),
    ("tai_chinh_cong", r"tài chính công"),
    ("cong_vu", r"công vụ|đội ngũ cán bộ|cán bộ, công chức"),
    ("chinh_phu_so", r"chính phủ (?:điện tử|số)|chính quyền (?:điện tử|số)|hiện đại hóa (?:nền )?hành chính"
                     r"|chuyển đổi số"),
    ("chi_dao_dieu_hanh", r"chỉ đạo,? điều hành|công tác chỉ đạo"),
]


def area_of(heading: str) -> str | None:
    """The area key of a section heading, or None (a custom area)."""
    h = fold(heading)
    for key, rx in _PATTERNS:
        if re.search(rx, h):
            return key
    return None
