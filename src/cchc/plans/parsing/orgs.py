"""Organisation names as plans write them → organisations of the province.

Pure: the organisations are passed in as ``(id, name, short_name, kind)`` tuples. A name is
resolved only when it matches one organisation exactly after expanding the usual
abbreviations; a collective phrase ("các sở, ban, ngành", "UBND cấp xã") becomes a *group*;
a close-but-not-exact match is only a *suggestion*; everything else is *unresolved*. Neither a
suggestion nor an unresolved name is ever used without a person confirming it.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import fold

# whole-word abbreviations, expanded before comparing (order matters: longer first)
_ABBREV = [
    (r"ubnd", "ủy ban nhân dân"), (r"hđnd", "hội đồng nhân dân"), (r"vp", "văn phòng"),
    (r"tttt|tt&tt|tt và tt|thông tin và tt|thông tin - truyền thông|tt-tt", "thông tin và truyền thông"),
    (r"kh&cn|kh và cn|khcn|kh-cn", "khoa học và công nghệ"),
    (r"kh&đt|kh và đt|khđt|kh-đt|kế hoạch và đt|kh và đầu tư", "kế hoạch và đầu tư"),
    (r"gd&đt|gd và đt|gdđt|giáo dục và đt", "giáo dục và đào tạo"),
    (r"tn&mt|tn và mt|tnmt|tài nguyên và mt", "tài nguyên và môi trường"),
    (r"nn&ptnt|nn và ptnt|nnptnt", "nông nghiệp và phát triển nông thôn"),
    (r"lđtbxh|lđ-tb&xh|lđtb&xh|lao động - tb&xh", "lao động - thương binh và xã hội"),
    (r"vh,? ?tt&dl|vhttdl|vh, tt và dl", "văn hóa, thể thao và du lịch"),
    (r"gtvt", "giao thông vận tải"), (r"ptth|pt-th|pt&th", "phát thanh và truyền hình"),
    (r"tt pvhcc|ttpvhcc|tt phục vụ hcc|trung tâm pvhcc|trung tâm phục vụ hcc", "trung tâm phục vụ hành chính công"),
    (r"hcc", "hành chính công"), (r"bhxh", "bảo hiểm xã hội"), (r"tt", "trung tâm"),
]
_ABBREV_RE = [(re.compile(rf"(?<![\w&]){a}(?![\w&])"), b) for a, b in _ABBREV]

# collective phrases → a group of organisations (by kind), or "related" (unspecified)
GROUPS = [
    (r"(?:các |tất cả các )?(?:sở|cơ quan chuyên môn)[, ]+(?:ban|ngành)(?:[, ]+(?:ban|ngành))*"
     r"(?: tỉnh| thuộc tỉnh)?", "agencies"),
    (r"(?:các )?cơ quan chuyên môn(?: thuộc ủy ban nhân dân tỉnh)?", "agencies"),
    (r"(?:các )?sở(?: ngành)?", "agencies"),
    (r"(?:các )?ủy ban nhân dân (?:cấp huyện|các huyện(?:, (?:thị xã, )?thành phố)?|huyện, thành phố)", "districts"),
    (r"(?:các )?ủy ban nhân dân (?:cấp xã|các xã(?:, phường(?:, (?:thị trấn|đặc khu))?)?"
     r"|xã, phường(?:, (?:thị trấn|đặc khu))?)",
     "communes"),
    (r"(?:các )?ủy ban nhân dân (?:các cấp|cấp huyện, cấp xã)", "all_levels"),
    (r"(?:các )?(?:cơ quan|đơn vị|địa phương|cơ quan, đơn vị)(?:, (?:đơn vị|địa phương))*"
     r"(?: có liên quan| liên quan| trong tỉnh"
     r"| trên địa bàn(?: tỉnh)?| thuộc tỉnh)", "related"),
]
_GROUPS_RE = [(re.compile(rf"^{p}$"), g) for p, g in GROUPS]
GROUP_LABELS = {"agencies": "Các sở, ban, ngành", "districts": "UBND cấp huyện (cũ)", "communes": "UBND cấp xã",
                "all_levels": "UBND các cấp", "related": "Các cơ quan, đơn vị liên quan"}


@dataclass(frozen=True)
class OrgRef:
    text: str  # as written
    status: str  # resolved | group | suggested | unresolved
    org_id: int | None = None
    group: str = ""  # agencies | districts | communes | all_levels | related
    candidates: tuple[int, ...] = ()

    @property
    def needs_review(self) -> bool:
        return self.status in ("suggested", "unresolved")


def expand(name: str) -> str:
    s = fold(name)
    s = re.sub(r"ubnd(?=\S)", "ubnd ", s)  # "UBNDcấp huyện"
    for rx, full in _ABBREV_RE:
        s = rx.sub(full, s)
    s = s.replace("uỷ", "ủy").replace("&", " và ")
    s = re.sub(r"^(?:thủ trưởng|giám đốc|chủ tịch|chánh|lãnh đạo)\s+", "", s)
    s = re.sub(r"\s*-\s*", " - ", s)
    s = re.sub(r"[.;:]+$", "", s)
    return re.sub(r"\s+", " ", s).strip()


class Resolver:
    def __init__(self, orgs: Iterable[tuple[int, str, str, str]]):
        self.orgs = list(orgs)
        places = [self._place(n) for _, n, _, k in self.orgs if k == "province"]
        self.place = next((p for p in places if p), "")
        self.keys: dict[str, set[int]] = {}
        for oid, name, short, _kind in self.orgs:
            for key in self._variants(name) | (self._variants(short) if short else set()):
                self.keys.setdefault(key, set()).add(oid)

    @staticmethod
    def _place(name: str) -> str:
        m = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", expand(name))
        return m.group(1) if m else ""

    def _variants(self, name: str) -> set[str]:
        s = expand(name)
        out = {s}
        if self.place if hasattr(self, "place") else False:
            out.add(re.sub(rf"\s*(?:tỉnh |thành phố )?{re.escape(self.place)}$", "", s).strip())
        out |= {re.sub(r"\s+(?:tỉnh|thành phố)$", "", v).strip() for v in list(out)}
        return {v for v in out if v}

    def resolve_one(self, text: str) -> OrgRef:
        s = expand(text)
        if not s:
            return OrgRef(text, "unresolved")
        for rx, group in _GROUPS_RE:
            if rx.match(s):
                return OrgRef(text, "group", group=group)
        for key in self._variants(s):
            ids = self.keys.get(key, set())
            if len(ids) == 1:
                return OrgRef(text, "resolved", org_id=next(iter(ids)))
            if len(ids) > 1:
                return OrgRef(text, "suggested", candidates=tuple(sorted(ids)))
        # close names (a typo, a missing word) are offered, never taken
        scored = sorted(((difflib.SequenceMatcher(None, s, k).ratio(), k) for k in self.keys), reverse=True)
        cands = tuple(sorted({i for r, k in scored[:3] if r >= 0.85 for i in self.keys[k]}))
        return OrgRef(text, "suggested" if cands else "unresolved", candidates=cands)

    def resolve(self, text: str) -> list[OrgRef]:
        """A cell naming one or more organisations ("VP UBND tỉnh, Sở TTTT")."""
        return [self.resolve_one(p) for p in split_names(text)]


def split_names(text: str) -> list[str]:
    """Split a list of organisation names, keeping collective phrases and names with "và" whole."""
    s = re.sub(r"\s+", " ", (text or "").strip().rstrip(".;"))
    if not s:
        return []
    s = re.sub(r"(?i)UBND(?=\S)", "UBND ", s)
    # protect collective phrases so their commas do not split them
    protected: list[str] = []

    def keep(m: re.Match) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    s = re.sub(r"(?i)(?:các |tất cả các )?sở,\s*ban,?\s*ngành(?:\s+tỉnh)?", keep, s)
    s = re.sub(r"(?i)(?:các )?(?:cơ quan, đơn vị|cơ quan|đơn vị)(?:,\s*(?:đơn vị|địa phương))*"
               r"\s+(?:có )?liên quan", keep, s)
    s = re.sub(r"(?i)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:các )?huyện,\s*(?:thị xã,\s*)?thành phố", keep, s)
    s = re.sub(r"(?i)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:các )?xã,\s*phường"
               r"(?:,\s*(?:thị trấn|đặc khu))?", keep, s)
    parts: list[str] = []
    prefix, level_prefix = "", ""
    for chunk in re.split(r"\s*[,;]\s*|\s+và\s+(?=(?:các\s+)?(?:sở|ubnd|ủy ban|uỷ ban|văn phòng|vp|ban|đài|báo|"
                          r"trung tâm|bộ|hội đồng|công an|bảo hiểm|kho bạc|cục|chi cục)\b)", s, flags=re.I):
        chunk = chunk.strip()
        if not chunk:
            continue
        m = re.match(r"(?i)^(.*?)\b(?:các\s+)?(sở|ban)\s*:\s*(.+)$", chunk)  # "VP UBND tỉnh và các sở: Tư pháp"
        if m:
            if m.group(1).strip(" và"):
                parts.append(m.group(1).strip().removesuffix(" và").strip())
            prefix = m.group(2).capitalize() + " "
            chunk = m.group(3)
        elif re.match(r"(?i)^(sở|ban|ủy ban|ubnd|văn phòng|vp|đài|báo|trung tâm|bộ|các|hội đồng)\b", chunk):
            prefix = ""
        # "UBND cấp huyện, cấp xã" / "UBND cấp huyện, xã": the level continues the previous name
        lvl = re.match(r"(?i)^(?:cấp\s+)?(tỉnh|huyện|xã)$", chunk)
        if lvl and level_prefix:
            chunk = f"{level_prefix} cấp {lvl.group(1)}"
        m2 = re.match(r"(?i)^((?:các\s+)?(?:UBND|Ủy ban nhân dân))\s+(?:cấp|các)\s", chunk)
        level_prefix = m2.group(1) if m2 else (level_prefix if lvl else "")
        parts.append(prefix + chunk if prefix and not chunk.lower().startswith(prefix.lower()) else chunk)
    return [re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], p).strip() for p in parts if p.strip()]
