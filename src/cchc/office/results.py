"""The electronic result on the dossier page: what is issued, who signs, and the form to issue it.

Issuing is ``documents.services.issue_result`` (leader or clerk, status 4 or 9, signed PAdES by
the competent agency's certificate, all or nothing); this module only prepares the page.
"""
from __future__ import annotations

from django.utils import timezone

from cchc.documents import selectors as documents
from cchc.documents import services as issuing
from cchc.dossiers.models import Dossier
from cchc.org.selectors import org_by_id

from .forms import ResultForm


def panel(user, d: Dossier, form: ResultForm | None = None, error: str = "") -> dict:
    """Template context of the "Kết quả điện tử" section; the form only for someone who may issue now."""
    may = issuing.can_issue(user, d)
    signer = org_by_id(issuing.issuing_org_id(d))
    cert = documents.active_certificate(signer.id) if may else None
    if may and form is None:
        form = ResultForm(initial={"document_type": d.version.result_type or "Kết quả giải quyết TTHC",
                                   "issued_on": documents.today()})
    return {
        "results": list(documents.results_of(d).select_related("certificate", "issued_by")),
        "result_form": form if may else None, "result_signer": signer, "result_cert": cert,
        # a certificate's validity is judged on the real time, as signing does (ADR 0007)
        "result_cert_expired": bool(cert and cert.not_after <= timezone.now()),
        "result_error": error,
    }


def has_signed_result(dossier_id: int) -> bool:
    return documents.results_of(dossier_id).filter(signed=True).exists()
