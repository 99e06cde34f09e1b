"""Public pages: no login needed."""
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from cchc.catalog.selectors import published_version
from cchc.core.errors import DomainError

from . import selectors, throttle
from .forms import LookupForm, ProcedureSearchForm
from .timeline import step_words

PAGE_SIZE = 20


def home(request):
    return render(request, "portal/home.html", {"form": ProcedureSearchForm(fields=selectors.fields()),
                                                "lookup_form": LookupForm()})


def procedures(request):
    form = ProcedureSearchForm(request.GET or None, fields=selectors.fields(), orgs=selectors.competent_orgs())
    f = selectors.ProcedureFilters()
    if form.is_valid():
        d = form.cleaned_data
        f = selectors.ProcedureFilters(q=d["q"], field=d["field"], level=d["level"], online=d["online"],
                                       org_id=d["org"])
    page = Paginator(selectors.search_procedures(f), PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(request, "portal/procedures.html", {"form": form, "page": page, "query": query.urlencode()})


def procedure(request, code: str):
    try:
        v = published_version(code)
    except DomainError as e:
        raise Http404(e.message) from e
    return render(request, "portal/procedure.html", {
        "v": v, "components": v.components.all(), "fees": v.fees.all(), "places": selectors.where_to_go(v),
    })


def lookup(request):
    # ?ma=<code>: the citizen's dossier page links here with its code; the phone is still typed
    form = LookupForm(request.POST or None, initial={"code": request.GET.get("ma", "")[:64]})
    ctx, status = {"form": form}, 200
    if request.method == "POST":
        if not throttle.allow("lookup", throttle.client_ip(request)):
            ctx["error"] = "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút."
            status = 429
        elif form.is_valid():
            d = selectors.lookup(form.cleaned_data["code"], form.cleaned_data["phone"])
            if d is None:
                # one answer for an unknown code and a wrong phone: no hint which part was wrong
                ctx["error"] = "Không tìm thấy hồ sơ với mã và số điện thoại này. Vui lòng kiểm tra lại."
            else:
                ctx.update(d=d, now=timezone.now(), steps=[
                    {"at": r["at"], "text": step_words(r["action"])} for r in selectors.public_timeline(d)],
                    apologies=list(d.apologies.order_by("issued_at")))
    return render(request, "portal/lookup.html", ctx, status=status)
