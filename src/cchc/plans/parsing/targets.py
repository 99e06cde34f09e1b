"""Numeric targets ("98% hồ sơ được giải quyết đúng hạn", "tối thiểu 16 dịch vụ công") found in
the text, with the comparator the wording implies and a guessed measurement name."""
from __future__ import annotations

import re

from .model import TargetDraft
from .text import MARKER, fold, squash

_PCT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
_COUNT = re.compile(r"(?i)\b(tối thiểu|ít nhất|không dưới|không ít hơn)\s+(\d{1,5})\s+(?!%|năm|tháng|ngày|giờ|lần\b)"
                    r"(?=[^\W\d_])")
# comparator words just before the number (the last one wins: "đạt mức trên 60%")
_CMP = [(r"không (?:dưới|thấp hơn|ít hơn)|tối thiểu|ít nhất|từ|≥|>=", ">="), (r"trên|hơn|vượt|>", ">"),
        (r"không (?:quá|vượt quá|cao hơn)|tối đa|≤|<=", "<="), (r"dưới|thấp hơn|<", "<")]
_YEAR = re.compile(r"(?i)(?:đến|vào|trong|tới|đến hết|cuối)\s+năm\s+(\d{4})")

# keyword → measurement name; only a suggestion: binding needs the name in the registry.
MEASURE_HINTS = [  # names of cchc.measures.measurements; four_on_site_rate is not measured yet
    (r"xin lỗi", "apology_coverage"),
    (r"thanh toán trực tuyến|thanh toán (?:điện tử|không dùng tiền mặt)", "online_payment_share"),
    (r"phản ánh,? kiến nghị", "feedback_on_time"),
    (r"đúng hạn|trước hạn|trễ hạn|quá hạn", "on_time_rate"),
    (r"tái sử dụng|không phải cung cấp lại|cung cấp lại", "reuse_share"),
    (r"số hóa", "digitised_component_share"),
    (r"(?:4|bốn) tại chỗ", "four_on_site_rate"),
    (r"kết quả (?:giải quyết )?(?:thủ tục hành chính |tthc )?(?:điện tử|bản điện tử)", "electronic_result_share"),
    (r"hài lòng", "satisfaction_share"),
    (r"hồ sơ[^;]*trực tuyến|trực tuyến[^;]*hồ sơ|nộp[^;]*trực tuyến", "online_submission_share"),
    (r"toàn trình|dịch vụ công trực tuyến|mức độ [34]|trực tuyến mức", "procedures_fully_online"),
]


def guess_measure(text: str) -> str:
    t = fold(text)
    return next((name for rx, name in MEASURE_HINTS if re.search(rx, t)), "")


def _comparator(before: str) -> str:
    window = fold(before)[-28:]
    best, where = ">=", -1
    for rx, cmp in _CMP:
        for m in re.finditer(rf"(?:^|\W)(?:{rx})\s*(?:mức\s*)?$|(?:^|\W)(?:{rx})\W", window):
            if m.start() > where:
                best, where = cmp, m.start()
    return best


def _number(s: str) -> float:
    return float(s.replace(",", "."))


def find(paragraphs: list[str], *, area_of_paragraph: list[str] | None = None) -> list[TargetDraft]:
    out: list[TargetDraft] = []
    for p_i, para in enumerate(paragraphs):
        para = MARKER.sub("", squash(para), count=1)
        year: int | None = None
        for sentence in re.split(r"(?<=[.!?])\s+(?=[^\W\d_]*[A-ZĐÀ-Ỹ])", para):
            for clause in re.split(r"\s*;\s*", sentence):
                hits = [(m.start(), m.end(), "percent", m.group(1), None) for m in _PCT.finditer(clause)]
                hits += [(m.start(2), m.end(2), "count", m.group(2), m.group(1)) for m in _COUNT.finditer(clause)]
                hits.sort()
                ym = _YEAR.search(clause)
                if ym:
                    year = int(ym.group(1))
                if not hits:
                    continue
                # one clause, several numbers: cut at the last comma before each next number
                cuts = [0]
                for (s, *_rest) in hits[1:]:
                    comma = clause.rfind(",", cuts[-1], s)
                    cuts.append(comma + 1 if comma > cuts[-1] else s)
                cuts.append(len(clause))
                for k, (s, _e, unit, num, _word) in enumerate(hits):
                    text = clause[cuts[k]:cuts[k + 1]].strip(" ,.")
                    text = re.sub(r"^(?:và|đồng thời)\s+", "", text)
                    cmp = _comparator(clause[max(cuts[k], s - 40):s]) if unit == "percent" else ">="
                    value = _number(num)
                    if unit == "percent" and value > 100:
                        continue
                    # the words around the number say what is counted, not the whole clause
                    name = guess_measure(clause[max(cuts[k], s - 60):min(cuts[k + 1], s + 90)])
                    flags = [] if name else ["chưa gợi ý được phép đo"]
                    out.append(TargetDraft(text=text, value=value, unit=unit, comparator=cmp, by_year=year,
                                           measure=name,
                                           area=(area_of_paragraph or [""] * len(paragraphs))[p_i], flags=flags))
    return out
