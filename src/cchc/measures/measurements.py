"""The named measurements (registry.py), each a view on the same counting pass as the index.

Values are percentages (0–100) or counts; an empty denominator gives ``value=None`` (nothing to
measure), and what the platform cannot supply gives ``measurable=False`` — never 0.
"""
from __future__ import annotations

from . import queries, selectors
from .registry import Measurement, Period, Scope, register


def _behind(populations: dict[str, str]):
    def behind(scope: Scope, period: Period, part: str):
        if part not in populations:
            from cchc.core.errors import ValidationFailed
            raise ValidationFailed("Phần cần xem phải là tử số (numerator) hoặc mẫu số (denominator).",
                                   details={"part": part, "allowed": sorted(populations)}, code="phan_khong_hop_le")
        return queries.dossiers(period, scope, populations[part])
    return behind


def _define(name: str, source: str, label: str, *, unit: str = "percent", higher_is_better: bool = True,
            behind: dict[str, str] | None = None) -> None:
    def compute(scope: Scope, period: Period) -> Measurement:
        num, den = selectors.sources(queries.count_facts(period, scope), scope)[source]
        if unit == "count":
            return Measurement(name, num, den, float(num), unit=unit)
        return Measurement(name, num, den, 100.0 * num / den if den else None, unit=unit)
    register(name, label=label, unit=unit, higher_is_better=higher_is_better,
             behind=_behind(behind) if behind else None)(compute)


_define("on_time_rate", "on_time", "Tỷ lệ hồ sơ giải quyết đúng hạn",
        behind={"numerator": "on_time", "denominator": "play"})
_define("late_count", "late_count", "Số hồ sơ trễ hạn", unit="count", higher_is_better=False,
        behind={"numerator": "late", "denominator": "play"})
_define("apology_coverage", "late_apology", "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi",
        behind={"numerator": "late_apology", "denominator": "late"})
_define("online_submission_share", "online_dossiers", "Tỷ lệ hồ sơ nộp trực tuyến",
        behind={"numerator": "online", "denominator": "received"})
_define("online_payment_share", "dossiers_paid_online", "Tỷ lệ hồ sơ thanh toán trực tuyến",
        behind={"numerator": "paid_online", "denominator": "fee"})
_define("digitised_component_share", "digitised_components", "Tỷ lệ thành phần hồ sơ được số hóa",
        behind={"numerator": "digitised", "denominator": "components"})
_define("electronic_result_share", "electronic_results", "Tỷ lệ kết quả giải quyết trả bản điện tử",
        behind={"numerator": "e_result", "denominator": "result"})
_define("reuse_share", "reused_components", "Tỷ lệ thành phần hồ sơ tái sử dụng dữ liệu số hóa",
        behind={"numerator": "reused", "denominator": "components"})
_define("satisfaction_share", "satisfaction", "Tỷ lệ đánh giá hài lòng, rất hài lòng về giải quyết hồ sơ",
        behind={"numerator": "rated_satisfied", "denominator": "rated"})
_define("procedures_fully_online", "procedures_fully_online",
        "Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình")
# feedback_on_time is registered by cchc.feedback.measurements, which owns the feedback data
