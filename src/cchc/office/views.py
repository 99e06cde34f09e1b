"""Back-office pages: thin views over cchc.dossiers selectors and services."""
from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.catalog.selectors import published_version
from cchc.core import clock
from cchc.core.errors import Conflict, DomainError, PermissionDenied
from cchc.documents import selectors as documents
from cchc.dossiers import selectors as dossiers
from cchc.dossiers import services, workflow
from cchc.dossiers.models import ReturnMethod, Status
from cchc.org.models import Role
from cchc.org.selectors import memberships, org_by_id

from . import register as register_book
from . import results, selectors
from .forms import ACTION_FORMS, ApplicantForm, InboxForm, RegisterForm

PAGE_SIZE = 25
officer_required = login_required(login_url=reverse_lazy("office:login"))


def domain_errors(view):
    """A DomainError (403 another organisation's dossier, 404 ...) becomes a page with its message."""
    @wraps(view)
    def wrapper(request, *args, **kw):
        try:
            return view(request, *args, **kw)
        except DomainError as e:
            return render(request, "office/error.html", {"error": e}, status=e.status)
    return wrapper


@officer_required
def home(request):
    form = InboxForm(request.GET or None, procedures=selectors.procedure_choices())
    f = dossiers.InboxFilters(status=list(selectors.TO_DO))
    if form.is_valid():
        c = form.cleaned_data
        f = dossiers.InboxFilters(
            status=c["status"] or list(selectors.TO_DO), procedure=c["procedure"] or None, q=c["q"] or None,
            sort=c["sort"] or "due", due_within_days=selectors.SOON_DAYS if c["due"] == "soon" else None,
            late={"late": True, "ontime": False}.get(c["due"]))
    page = Paginator(dossiers.inbox(request.user, f), PAGE_SIZE).get_page(request.GET.get("trang"))
    for d in page:
        d.deadline = selectors.deadline(d)
    query = request.GET.copy()
    query.pop("trang", None)
    roles = sorted({(org_by_id(o).name if org_by_id(o) else "", r) for o, r in memberships(request.user)})
    return render(request, "office/home.html", {
        "form": form, "page": page, "query": query.urlencode(), "is_desk": bool(selectors.desk_orgs(request.user)),
        "roles": [(org, _role_label(r)) for org, r in roles], "overview": selectors.overview(request.user),
    })


def _role_label(role: str) -> str:
    return _(Role(role).label) if role in Role.values else role


@officer_required
@domain_errors
def dossier(request, code: str):
    d = dossiers.dossier_for(request.user, code)
    return render(request, "office/dossier.html", _dossier_context(request, d))


def _dossier_context(request, d, bound: dict | None = None) -> dict:
    bound = bound or {}
    actions = []
    for name in dossiers.actions_for(request.user, d):
        form_class = ACTION_FORMS.get(name)
        form = bound.get(name) or (form_class(prefix=name) if form_class else None)
        actions.append({"name": name, "label": _(workflow.TRANSITIONS[name].label), "form": form})
    return {
        "d": d, "deadline": selectors.deadline(d), "actions": actions,
        "components": d.components.all(),
        "audit": d.audit.select_related("actor").order_by("at", "id"),
        "handovers": d.handovers.select_related("from_org", "to_org", "from_user", "to_user", "step"),
        "supplements": d.supplement_requests.all(), "apologies": d.apologies.all(),
        "forms": selectors.dossier_forms(d), **results.panel(request.user, d),
    }


@officer_required
@require_POST
@domain_errors
def act(request, code: str, action: str):
    d = dossiers.dossier_for(request.user, code, purpose="xu_ly_ho_so")
    url = reverse("office:dossier", args=[d.code])
    if action not in workflow.TRANSITIONS or action not in dossiers.actions_for(request.user, d):
        # a page opened before someone else acted: say so, change nothing
        label = _(workflow.TRANSITIONS[action].label) if action in workflow.TRANSITIONS else action
        messages.error(request, _("Không thể thực hiện “%(action)s”: hồ sơ hiện ở trạng thái “%(status)s”. "
                                  "Trang đã được cập nhật, không có gì thay đổi.")
                       % {"action": label.lower(), "status": _(Status(d.status).label)})
        return redirect(url)
    form_class = ACTION_FORMS.get(action)
    form = form_class(request.POST, prefix=action) if form_class else None
    if form is not None and not form.is_valid():
        return render(request, "office/dossier.html", _dossier_context(request, d, {action: form}), status=422)
    try:
        _run(action, request.user, d.id, form)
    except DomainError as e:
        messages.error(request, e.message)
        return redirect(url)
    messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": _(workflow.TRANSITIONS[action].label)})
    return redirect(url)


def _run(action: str, actor, dossier_id: int, form) -> None:
    c = form.cleaned_data if form is not None else {}
    kw = {"actor": actor, "dossier_id": dossier_id}
    if action == "return_result" and c["method"] == ReturnMethod.ONLINE and not results.has_signed_result(dossier_id):
        raise Conflict(_("Hồ sơ chưa có kết quả điện tử đã ký số: hãy ban hành kết quả điện tử trước khi trả "
                         "trực tuyến. Không có gì thay đổi."), code="chua_co_ket_qua_dien_tu")
    if action == "apologise":
        services.apologise(**kw, reason=c["reason"], new_due_at=form.new_due_at())
    else:
        getattr(services, action)(**kw, **c)


@officer_required
@domain_errors
def receive(request):
    orgs = selectors.desk_orgs(request.user)
    if not orgs:
        return render(request, "office/error.html", {"error": DomainError(
            _("Chỉ công chức Bộ phận Một cửa mới tiếp nhận hồ sơ."))}, status=403)
    code = request.POST.get("procedure") or request.GET.get("thu_tuc") or ""
    version = None
    if code:
        try:
            version = published_version(code)
        except DomainError as e:
            messages.error(request, e.message)
    form = None
    if version is not None:
        form = ApplicantForm(request.POST or None, orgs=orgs, components=version.components.all(),
                             initial={"procedure": code, "org": orgs[0].id})
        if request.method == "POST" and form.is_valid():
            try:
                d = services.receive_at_desk(actor=request.user, intake=_intake(form, version))
            except DomainError as e:
                form.add_error(None, e.message)
            else:
                return redirect("office:received", code=d.code)
    return render(request, "office/receive.html", {
        "procedures": selectors.procedure_choices(), "code": code, "version": version, "form": form,
    }, status=422 if form is not None and form.errors else 200)


def _intake(form: ApplicantForm, version) -> services.Intake:
    c = form.cleaned_data
    return services.Intake(
        procedure_code=version.procedure.code, org_id=c["org"], request=c["request"],
        applicant=services.Applicant(name=c["name"], id_number=c["id_number"], phone=c["phone"], email=c["email"],
                                     address=c["address"], kind=c["kind"]),
        components=[services.ComponentInput(name=comp.name, component_id=comp.id, quantity=comp.quantity)
                    for comp in form.components if c.get(f"c{comp.id}")],
    )


@officer_required
@domain_errors
def received(request, code: str):
    d = dossiers.dossier_for(request.user, code, purpose="tiep_nhan")
    return render(request, "office/received.html", {"d": d, "components": d.components.all()})


@officer_required
@domain_errors
def register(request):
    """Form 07 of a period: the form, then (when the query is complete) the file itself."""
    orgs = register_book.register_orgs(request.user)
    if not orgs:
        raise PermissionDenied(_("Tài khoản chưa thuộc đơn vị nào nên không có sổ theo dõi hồ sơ."))
    today = timezone.localtime(clock.now()).date()
    form = RegisterForm(request.GET if "org" in request.GET else None, orgs=orgs, initial={
        "org": orgs[0].id, "start": today.replace(day=1), "end": today, "format": "xlsx"})
    if form.is_valid():
        c = form.cleaned_data
        r = documents.register(request.user, org_by_id(c["org"]).code, c["start"], c["end"], c["format"])
        resp = HttpResponse(r.data, content_type=r.content_type)
        resp["Content-Disposition"] = f'attachment; filename="{r.filename}"'
        return resp
    return render(request, "office/register.html", {"form": form}, status=422 if form.errors else 200)
