"""Template tags of the assistant widget (portal pages include ``assistant/widget.html``)."""
from django import template

from cchc.assistant.text import MAX_QUESTION_CHARS

register = template.Library()


@register.simple_tag
def assistant_max_chars() -> int:
    """The question limit, so the widget's ``maxlength`` never drifts from the server's check."""
    return MAX_QUESTION_CHARS
