"""Back-office pages of a dossier's electronic result: issue (upload + sign), download, verify."""
from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.core.errors import DomainError, NotFound
from cchc.documents import selectors as documents
from cchc.documents import services as issuing
from cchc.dossiers import selectors as dossiers
from cchc.org.selectors import org_by_id

from . import results
from .forms import ResultForm
from .views import _dossier_context, domain_errors, officer_required


@officer_required
@require_POST
@domain_errors
def issue(request, code: str):
    d = dossiers.dossier_for(request.user, code, purpose="ban_hanh_ket_qua")
    form = ResultForm(request.POST, request.FILES)
    error, status = "", 422
    if form.is_valid():
        c = form.cleaned_data
        meta = issuing.DocMeta(document_type=c["document_type"], number=c["number"],
                               issuer=org_by_id(issuing.issuing_org_id(d)).name,
                               issued_on=c["issued_on"], valid_until=c["valid_until"])
        try:
            out = issuing.issue_result(actor=request.user, dossier_id=d.id, sign=True, meta=meta,
                                       files=[issuing.IncomingFile(c["file"].name, c["file"].content)])
        except DomainError as e:  # no certificate, expired certificate, status moved on: nothing stored
            error, status = e.message, e.status
        else:
            messages.success(request, _("Đã ký số và ban hành kết quả điện tử: %(name)s.")
                             % {"name": out[0].stored_file.original_name})
            return redirect(reverse("office:dossier", args=[d.code]) + "#ket-qua")
    ctx = _dossier_context(request, d)
    ctx.update(results.panel(request.user, d, form=form, error=error))
    return render(request, "office/dossier.html", ctx, status=status)


def _result(d, pk: int):
    r = documents.results_of(d).filter(pk=pk).first()
    if r is None:
        raise NotFound(_("Hồ sơ không có kết quả điện tử này."), code="ket_qua_khong_ton_tai")
    return r


@officer_required
@domain_errors
def result_file(request, code: str, pk: int):
    d = dossiers.dossier_for(request.user, code, purpose="tai_ket_qua")
    r = _result(d, pk)
    resp = HttpResponse(documents.file_bytes(r.stored_file), content_type=r.stored_file.content_type)
    resp["Content-Disposition"] = content_disposition_header(True, r.stored_file.original_name)
    return resp


@officer_required
@domain_errors
def verify(request, code: str, pk: int):
    """The stored file checked as anyone would check it on the public verification page."""
    d = dossiers.dossier_for(request.user, code, purpose="xac_minh_ket_qua")
    r = _result(d, pk)
    report = documents.verify(documents.file_bytes(r.stored_file))
    return render(request, "office/result_verify.html", {"d": d, "r": r, "report": report})
