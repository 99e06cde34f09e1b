"""Template filters in Vietnamese: amounts as 1.250.000 đ, audit actions in plain words."""
from django import template

from cchc.portal.timeline import step_words as _step_words

register = template.Library()


@register.filter
def dong(amount) -> str:
    try:
        return f"{int(amount):,}".replace(",", ".") + " đ"
    except (TypeError, ValueError):
        return ""


@register.filter
def step_words(action: str) -> str:
    return _step_words(action)
