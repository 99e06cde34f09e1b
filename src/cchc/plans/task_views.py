"""Back-office pages of one plan task (details, progress history, the lead's progress form) and
the download of evidence files, which are kept outside the public web root."""
from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cchc.core import clock
from cchc.core.errors import DomainError, PermissionDenied
from cchc.office.views import domain_errors, officer_required
from cchc.org.selectors import memberships, roles_of

from . import selectors, services
from .models import ProgressUpdate, Recommendation, TargetReport, Task
from .status import TASK_LABELS

EVIDENCE = {"tien-do": ProgressUpdate, "chi-tieu": TargetReport, "kien-nghi": Recommendation}


def _context(request, task: Task, **extra) -> dict:
    today = clock.now().date()
    status = selectors.task_status(task, today)
    return {"task": task, "status": status, "status_label": TASK_LABELS[status], "today": today,
            "updates": task.updates.select_related("org", "by"), "reminders": task.reminders.all()[:20],
            "coordinating": task.coordinating.all(),
            "can_report": bool(task.lead_id and roles_of(request.user, task.lead_id) & services.PROGRESS_ROLES),
            **extra}


@officer_required
def task_detail(request, task_id: int):
    task = get_object_or_404(Task.objects.select_related("plan", "lead"), pk=task_id)
    if request.method == "POST":
        raw = (request.POST.get("percent") or "").strip()
        try:
            services.record_progress(actor=request.user, task_id=task.id,
                                     percent=int(raw) if raw.isdigit() else -1,
                                     narrative=(request.POST.get("narrative") or "").strip(),
                                     evidence=request.FILES.get("evidence"))
        except DomainError as e:
            task.refresh_from_db()
            return render(request, "plans/task.html", _context(request, task, error=e.message, posted=request.POST),
                          status=e.status)
        messages.success(request, _("Đã cập nhật tiến độ nhiệm vụ."))
        return redirect("plans:task", task_id=task.id)
    return render(request, "plans/task.html", _context(request, task))


@officer_required
@domain_errors
def evidence(request, kind: str, pk: int):
    """An evidence file, to officials only (any role in any organisation) and always as a download,
    so an uploaded web page can never run in the back office's origin."""
    model = EVIDENCE.get(kind)
    if model is None:
        raise Http404
    if not (request.user.is_superuser or memberships(request.user)):
        raise PermissionDenied(_("Chỉ cán bộ, công chức mới xem được minh chứng."), code="chi_danh_cho_can_bo")
    row = get_object_or_404(model, pk=pk)
    if not row.evidence:
        raise Http404
    try:
        handle = row.evidence.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=row.evidence.name.rsplit("/", 1)[-1])
