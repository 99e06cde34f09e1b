"""Back-office pages for handling feedback (under /can-bo/phan-anh/): thin views over the services."""
from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST

from cchc.core.errors import DomainError, PermissionDenied
from cchc.office.views import PAGE_SIZE, domain_errors, officer_required
from cchc.org.selectors import memberships

from . import rules, selectors, services
from .office_forms import ACTION_FORMS, EntryForm, InboxForm

# a stage of the history in words (the actions of rules.TRANSITIONS and the sender's own)
STAGE_LABELS = {"submit": pgettext_lazy("feedback action", "Tiếp nhận"),
                "rate": pgettext_lazy("feedback action", "Người phản ánh đánh giá"),
                **{a: t.label for a, t in rules.TRANSITIONS.items()}}


def _official(user) -> None:
    if not memberships(user):
        raise PermissionDenied(_("Chỉ cán bộ, công chức mới xử lý phản ánh, kiến nghị."))


@officer_required
@domain_errors
def inbox(request):
    _official(request.user)
    form = InboxForm(request.GET or None)
    c = form.cleaned_data if form.is_valid() else {}
    state = c.get("state", "open") if "state" in request.GET else "open"
    qs = selectors.office_inbox(request.user, state=state, due=c.get("due", ""), q=c.get("q", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    for fb in page:
        fb.due, fb.deadline = selectors.deadline(fb)
    query = request.GET.copy()
    query.pop("trang", None)
    if not form.is_bound:
        form = InboxForm(initial={"state": "open"})
    return render(request, "feedback/office/list.html", {
        "form": form, "page": page, "query": query.urlencode(), "can_enter": services.can_enter(request.user),
        # the access key of feedback just entered, shown once (kept server-side in the session, not a cookie)
        "entered": request.session.pop(ENTERED, None)})


ENTERED = "pakn_entered"


@officer_required
@domain_errors
def enter(request):
    """Feedback received by phone, letter, hotline or at the desk, entered by a receiving official."""
    _official(request.user)
    if not services.can_enter(request.user):
        raise PermissionDenied(_("Chỉ cán bộ tiếp nhận (Một cửa, phụ trách cải cách hành chính, lãnh đạo) "
                                 "mới được nhập phản ánh nhận qua điện thoại, thư, đường dây nóng."))
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            fb, key = services.submit(
                actor=request.user, channel=c["channel"], content=c["content"], title=c["title"],
                category=c["category"], procedure_code=c["procedure_code"].strip(),
                dossier_code=c["dossier_code"].strip(), consent_publish=c["consent_publish"],
                sender=services.Sender(c["sender_name"], c["sender_phone"], c["sender_email"]))
        except DomainError as e:
            form.add_error(e.details.get("field") if e.details.get("field") in form.fields else None, e.message)
        else:
            request.session[ENTERED] = {"code": fb.code, "key": key}
            return redirect("office:pakn:inbox")
    return render(request, "feedback/office/enter.html", {"form": form},
                  status=422 if form.is_bound and form.errors else 200)


@officer_required
@domain_errors
def detail(request, code: str):
    fb = services.for_official(request.user, code)
    return render(request, "feedback/office/detail.html", _context(request, fb))


def _context(request, fb, bound: dict | None = None) -> dict:
    bound = bound or {}
    actions = []
    for name in services.actions_for(request.user, fb):
        form_class = ACTION_FORMS[name]
        form = bound.get(name) or (form_class(prefix=name, feedback=fb) if form_class else None)
        actions.append({"name": name, "label": rules.TRANSITIONS[name].label, "form": form})
    due, deadline = selectors.deadline(fb)
    stages = [(st, STAGE_LABELS.get(st.action, st.action))
              for st in fb.stages.select_related("actor", "org").order_by("at", "id")]
    return {"fb": fb, "actions": actions, "due": due, "deadline": deadline, "stages": stages,
            "consent_missing": fb.state == rules.State.ANSWERED and not fb.consent_publish}


@officer_required
@require_POST
@domain_errors
def act(request, code: str, action: str):
    fb = services.for_official(request.user, code, purpose="xu_ly_phan_anh")
    url = reverse("office:pakn:detail", args=[fb.code])
    if action not in services.actions_for(request.user, fb):
        # a page opened before someone else acted (or a forged address): say so, change nothing
        label = rules.TRANSITIONS[action].label if action in rules.TRANSITIONS else action
        messages.error(request, _("Không thể thực hiện “%(action)s”: phản ánh hiện ở trạng thái “%(state)s”. "
                                  "Trang đã được cập nhật, không có gì thay đổi.")
                       % {"action": label.lower(), "state": fb.state_label})
        return redirect(url)
    form_class = ACTION_FORMS[action]
    form = form_class(request.POST, prefix=action, feedback=fb) if form_class else None
    if form is not None and not form.is_valid():
        return render(request, "feedback/office/detail.html", _context(request, fb, {action: form}), status=422)
    try:
        fb = _run(action, request.user, fb.id, form.cleaned_data if form is not None else {})
    except DomainError as e:
        messages.error(request, e.message)
        return redirect(url)
    messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": rules.TRANSITIONS[action].label})
    if not services.can_handle(request.user, fb):  # given to another organisation: no longer ours to open
        messages.info(request, _("Phản ánh %(code)s đã chuyển tới %(org)s.") % {"code": fb.code, "org": fb.org.name})
        return redirect("office:pakn:inbox")
    return redirect(url)


def _run(action: str, actor, feedback_id: int, c: dict):
    # the form fields are named as the service's keyword arguments
    return getattr(services, action)(actor=actor, feedback_id=feedback_id, **c)
