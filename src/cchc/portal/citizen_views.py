"""A citizen's own side: submit online, "Hồ sơ của tôi", the dossier's forms and timeline, supplement,
withdrawal, rating."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cchc.catalog.selectors import published_version
from cchc.core.errors import DomainError
from cchc.documents import selectors as documents
from cchc.dossiers import workflow
from cchc.dossiers.models import Dossier, PersonalDataAccess, Status
from cchc.measures import services as measures

from . import accounts, dossier_actions, rating, selectors, submission
from .timeline import step_words

citizen_required = login_required(login_url=reverse_lazy("portal:sign_in"))
PAGE_SIZE = 20


def _own(request, code: str) -> Dossier:
    """The signed-in citizen's dossier; anyone else's is "not found" (no hint that it exists)."""
    d = (Dossier.objects.select_related("version", "version__procedure", "org")
         .filter(code=code, citizen_id=request.user.pk).first())
    if d is None:
        raise Http404(_("Không tìm thấy hồ sơ này trong hồ sơ của bạn."))
    return d


def _version_online(code: str):
    try:
        v = published_version(code)
    except DomainError as e:
        raise Http404(e.message) from e
    if v.online_level == "none":
        raise Http404(_("Thủ tục này chưa cung cấp dịch vụ công trực tuyến."))
    return v


@citizen_required
def submit(request, code: str):
    v = _version_online(code)
    if not accounts.is_citizen(request.user):
        return render(request, "portal/not_citizen.html", status=403)
    components = list(v.components.all())
    offered = submission.offers(request.user, components)
    kw = {"version": v, "orgs": submission.places(v), "offered": offered}
    status = 200
    if request.method == "POST":
        form = submission.SubmissionForm(request.POST, request.FILES, **kw)
        if form.is_valid():
            try:
                d = submission.submit(actor=request.user, form=form)
            except DomainError as e:
                form.add_error(None, e.message)
            else:
                return redirect("portal:submitted", code=d.code)
        status = 422
    else:
        u = request.user
        form = submission.SubmissionForm(initial={"name": u.last_name or u.get_full_name(), "email": u.email,
                                                  "phone": accounts.display_phone(u)}, **kw)
    return render(request, "portal/submit.html", {
        "v": v, "form": form, "rows": form.rows(), "last_masked_id": submission.last_masked_id(request.user),
    }, status=status)


@citizen_required
def submitted(request, code: str):
    d = _own(request, code)
    return render(request, "portal/submitted.html", {"d": d, "forms": _forms(d)})


@citizen_required
def my_dossiers(request):
    qs = (Dossier.objects.filter(citizen_id=request.user.pk).select_related("version", "org")
          .order_by("-submitted_at", "-id"))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    rated = set(Dossier.objects.filter(pk__in=[d.pk for d in page], rating__isnull=False)
                .values_list("pk", flat=True))
    return render(request, "portal/my_dossiers.html", {"page": page, "rated": rated, "query": "",
                                                       "RETURNED": Status.RETURNED})


@citizen_required
def my_dossier(request, code: str):
    d = _own(request, code)
    PersonalDataAccess.objects.create(dossier=d, viewer=request.user, purpose="nguoi_nop_xem")
    files = [(c, list(c.files.select_related("stored_file").order_by("id")))
             for c in d.components.order_by("id")]
    return render(request, "portal/my_dossier.html", {
        "d": d, "now": timezone.now(), "forms": _forms(d), "files": files,
        "steps": [{"at": r["at"], "text": step_words(r["action"])} for r in selectors.public_timeline(d)],
        "apologies": list(d.apologies.order_by("issued_at")), "rating": rating.of(d),
        "can_rate": d.status == Status.RETURNED and rating.of(d) is None,
        "allowed": dossier_actions.allowed(d), "supplement": dossier_actions.open_request(d),
        "results": _results(d),
    })


def _results(d: Dossier) -> list:
    """The electronic results, the citizen's once the desk has returned the dossier."""
    return list(documents.results_of(d)) if d.status == Status.RETURNED else []


@citizen_required
def result_file(request, code: str, pk: int):
    d = _own(request, code)
    r = next((r for r in _results(d) if r.pk == pk), None)
    if r is None:
        raise Http404(_("Hồ sơ chưa có kết quả điện tử này."))
    try:
        data = documents.file_bytes(r.stored_file)
    except DomainError as e:
        return render(request, "portal/error.html", {"error": e}, status=e.status)
    PersonalDataAccess.objects.create(dossier=d, viewer=request.user, purpose="nguoi_nop_tai_ket_qua")
    resp = HttpResponse(data, content_type=r.stored_file.content_type)
    resp["Content-Disposition"] = content_disposition_header(True, r.stored_file.original_name)
    return resp


FORM_TITLES = {
    "01": gettext_lazy("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)"),
    "02": gettext_lazy("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"),
    "03": gettext_lazy("Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)"),
    "04": gettext_lazy("Văn bản xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"),
    "05": gettext_lazy("Thông báo dừng giải quyết hồ sơ (mẫu 05)"),
}


def _forms(d: Dossier) -> list[tuple[str, str]]:
    """The official forms this dossier has, as (number, title); form 01 once the desk has received it."""
    have = {
        "01": d.received_at is not None,
        "02": d.supplement_count > 0,
        "03": d.status == Status.REFUSED,
        "04": d.apology_count > 0,
        "05": d.status == Status.STOPPED,
    }
    return [(n, FORM_TITLES[n]) for n, ok in have.items() if ok]


@citizen_required
def form_pdf(request, code: str, form: str):
    d = _own(request, code)
    if form not in dict(_forms(d)):
        raise Http404(_("Hồ sơ chưa có biểu mẫu này."))
    r = documents.dossier_form(request.user, d.code, form, "pdf")  # logs the view (Nghị định 13/2023)
    resp = HttpResponse(r.data, content_type=r.content_type)
    resp["Content-Disposition"] = f'attachment; filename="{r.filename}"'
    return resp


@citizen_required
def rate(request, code: str):
    d = _own(request, code)
    existing = rating.of(d)
    rules = rating.rules()
    form = rating.RatingForm(request.POST or None, rules=rules)
    status = 200
    if request.method == "POST" and existing is None:
        done, status = _carry_out(request, d, form, lambda: measures.rate(
            actor=request.user, dossier_id=d.id, answers=form.answers(), channel="portal"),
            _("Cảm ơn bạn đã đánh giá. Ý kiến của bạn được ghi nhận."))
        if done:
            return done
    elif request.method == "POST":
        status = 409
    return render(request, "portal/rate.html", {
        "d": d, "form": form, "existing": existing, "returned": d.status == Status.RETURNED,
        "levels": rating.level_labels(rules),
    }, status=status)


def _carry_out(request, d: Dossier, form, act, done: str) -> tuple[HttpResponse | None, int]:
    """Validate ``form`` and ``act()``: back to the dossier with ``done`` on success; otherwise no
    response and the status to show the form again with (422 invalid, the refusal's own status)."""
    if not form.is_valid():
        return None, 422
    try:
        act()
    except DomainError as e:
        form.add_error(None, e.message)
        return None, e.status
    messages.success(request, done)
    return redirect("portal:my_dossier", code=d.code), 200


def _not_now(d: Dossier, action: str) -> str:
    """A page opened before the dossier moved on: say so plainly (nothing is changed)."""
    return _("Không thể “%(action)s”: hồ sơ hiện ở trạng thái “%(status)s”.") % {
        "action": _(workflow.TRANSITIONS[action].label).lower(), "status": _(Status(d.status).label)}


@citizen_required
def supplement(request, code: str):
    d = _own(request, code)
    ctx = {"d": d, "request_02": dossier_actions.open_request(d), "form": None}
    if "receive_supplement" not in dossier_actions.allowed(d):
        ctx["error"] = _not_now(d, "receive_supplement")
        return render(request, "portal/supplement.html", ctx, status=409 if request.method == "POST" else 200)
    slots = dossier_actions.supplement_slots(d)
    kw = {"dossier": d, "slots": slots, "offered": dossier_actions.supplement_offers(request.user, slots)}
    status = 200
    if request.method == "POST":
        form = dossier_actions.SupplementForm(request.POST, request.FILES, **kw)
        done, status = _carry_out(request, d, form, lambda: dossier_actions.provide_supplement(
            actor=request.user, form=form), _("Đã nộp giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý và thời hạn "
                                               "giải quyết được tính tiếp."))
        if done:
            return done
    else:
        form = dossier_actions.SupplementForm(**kw)
    ctx.update(form=form, rows=form.rows())
    return render(request, "portal/supplement.html", ctx, status=status)


@citizen_required
def withdraw(request, code: str):
    d = _own(request, code)
    ctx, status = {"d": d, "form": None}, 200
    if "withdraw" not in dossier_actions.allowed(d):
        ctx["error"] = _not_now(d, "withdraw")
        return render(request, "portal/withdraw.html", ctx, status=409 if request.method == "POST" else 200)
    form = dossier_actions.WithdrawForm(request.POST or None)
    if request.method == "POST":
        done, status = _carry_out(request, d, form, lambda: dossier_actions.withdraw(
            actor=request.user, d=d, form=form), _("Đã rút hồ sơ. Hồ sơ sẽ không được giải quyết tiếp."))
        if done:
            return done
    ctx["form"] = form
    return render(request, "portal/withdraw.html", ctx, status=status)
