"""Web pages: public signature verification, and form downloads for signed-in officials."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cchc.core.errors import DomainError

from . import limits, selectors


@require_http_methods(["GET", "POST"])
def verify(request):
    report, error = None, ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "Hãy chọn một tệp PDF để xác minh."
        elif upload.size > limits.MAX_BYTES:
            error = f"Tệp quá lớn: tối đa {limits.MAX_BYTES // (1024 * 1024)} MB."
        else:
            report = selectors.verify(upload.read())
    return render(request, "documents/verify.html", {"report": report, "error": error},
                  status=422 if error else 200)


@login_required
def dossier_form(request, code: str, form: str, fmt: str):
    try:
        r = selectors.dossier_form(request.user, code, form, fmt)
    except DomainError as e:
        return HttpResponse(e.message, status=e.status, content_type="text/plain; charset=utf-8")
    resp = HttpResponse(r.data, content_type=r.content_type)
    resp["Content-Disposition"] = f'attachment; filename="{r.filename}"'
    return resp
