"""Portal pages: search published answers, read one, send feedback. Thin: services do the work."""
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from cchc.core.errors import DomainError

from . import selectors, services
from .forms import FeedbackForm
from .models import Channel


def search(request):
    q = request.GET.get("q", "")[:200]
    page = Paginator(selectors.published(q), 20).get_page(request.GET.get("trang"))
    return render(request, "feedback/search.html", {"q": q, "page": page})


def detail(request, code: str):
    fb = selectors.published_one(code)
    if fb is None:
        raise Http404
    return render(request, "feedback/detail.html", {"fb": fb})


def send(request):
    form = FeedbackForm(request.POST or None)
    ctx, status = {"form": form}, 200
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            fb, key = services.submit(
                actor=request.user if request.user.is_authenticated else None, channel=Channel.PORTAL,
                content=c["content"], title=c["title"], procedure_code=c["procedure_code"].strip(),
                sender=services.Sender(c["sender_name"], c["sender_phone"], c["sender_email"]),
                consent_publish=c["consent_publish"], source_ip=request.META.get("REMOTE_ADDR", ""))
            ctx.update(fb=fb, key=key)
        except DomainError as e:
            ctx["error"], status = e.message, e.status
    elif request.method == "POST":
        status = 422
    return render(request, "feedback/send.html", ctx, status=status)
