"""The assistant's page: a question box, answered on the server (works without JavaScript)."""
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cchc.core.errors import DomainError

from . import selectors
from .api import client_address
from .text import MAX_QUESTION_CHARS


@require_http_methods(["GET", "POST"])
def ask_page(request):
    context = {"max_chars": MAX_QUESTION_CHARS, "question": "", "answer": None, "error": None}
    status = 200
    if request.method == "POST":
        context["question"] = request.POST.get("question", "")
        try:
            selectors.check_rate(client_address(request))
            context["answer"] = selectors.ask(context["question"], level=request.POST.get("level") or None,
                                              place=request.POST.get("place") or None)
        except DomainError as e:
            context["error"], status = e.message, e.status
    return render(request, "assistant/ask.html", context, status=status)
