"""Template filters for figures kept as JSON (dates as ISO text, amounts as integers)."""
from django import template

from ..exports.fmt import day, money

register = template.Library()


@register.filter
def ngay(iso):
    """'2025-03-31' → '31/03/2025'."""
    return day(iso) if iso else "—"


@register.filter
def dong(amount):
    """1500000 → '1.500.000'."""
    return money(amount)


@register.filter
def basename(path):
    """'plans/progress/2025/03/danh-muc.xlsx' → 'danh-muc.xlsx'."""
    return str(path or "").rsplit("/", 1)[-1]
