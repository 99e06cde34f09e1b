"""What a citizen does online on their own dossier: provide a requested supplement, withdraw it.

What is allowed comes from the transition table (``dossiers.workflow``, role ``CITIZEN``); the
writes are the dossiers and documents services'. Files are checked like online submission's
(``portal.uploads``) before anything is written.
"""
from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cchc.documents.models import DigitisedDocument
from cchc.documents.selectors import component_type
from cchc.dossiers import services as dossiers
from cchc.dossiers import workflow
from cchc.dossiers.models import Dossier, DossierComponent, SupplementRequest

from .uploads import ComponentFilesMixin, blobs_discarded_on_failure, offers


def allowed(d: Dossier) -> set[str]:
    """The actions the applicant may take now, as the transition table says."""
    return set(workflow.allowed_actions(d.status, {workflow.CITIZEN}))


def open_request(d: Dossier) -> SupplementRequest | None:
    """The supplement request the citizen still has to answer (form 02)."""
    return d.supplement_requests.filter(received_at__isnull=True).order_by("-requested_at").first()


@dataclass
class NewPart:
    """A paper the supplement request asks for that the dossier has no component for yet; the
    component is added (``dossiers.services.add_component``) only when the citizen provides it."""

    id: str  # the form's slot key, never a database id
    name: str
    is_new: bool = True


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def supplement_slots(d: Dossier) -> list[DossierComponent | NewPart]:
    """The dossier's components, then each requested paper that is not one of them."""
    held = list(d.components.select_related("component").prefetch_related("files").order_by("id"))
    req = open_request(d)
    new: list[NewPart] = []
    for item in (req.items if req else []):
        item = " ".join(str(item).split())
        if item and not any(_same(item, p.name) for p in [*held, *new]):
            new.append(NewPart(f"moi{len(new) + 1}", item))
    return [*held, *new]


def supplement_offers(user, slots: list[DossierComponent | NewPart]) -> dict[int | str, list[DigitisedDocument]]:
    """Held documents per slot, leaving out files a dossier component already has."""
    return offers(user, {p.id: p.name if isinstance(p, NewPart) else component_type(p) for p in slots},
                  skip={p.id: {f.stored_file_id for f in p.files.all()} for p in slots if not isinstance(p, NewPart)})


class SupplementForm(ComponentFilesMixin, forms.Form):
    """One upload (or reuse) per component of the dossier and per requested paper it lacks; at least
    one paper in all."""

    def __init__(self, *args, dossier: Dossier, slots: list[DossierComponent | NewPart],
                 offered: dict[int | str, list[DigitisedDocument]], **kw):
        super().__init__(*args, **kw)
        self.dossier = dossier
        self.add_file_fields(slots, offered)

    def clean(self):
        data = super().clean()
        self.clean_files(data, owner_digest=self.dossier.applicant_id_digest or None, required=lambda c: False)
        if not self.errors and not (self.incoming or self.reuses):
            raise forms.ValidationError(_("Hãy tải lên (hoặc dùng lại) ít nhất một giấy tờ bổ sung."))
        return data


def provide_supplement(*, actor, form: SupplementForm) -> Dossier:
    """Add the requested papers the dossier lacked, attach the files, then receive the supplement
    (the clock resumes): all or nothing."""
    with blobs_discarded_on_failure(form), transaction.atomic():
        given = set(form.incoming) | set(form.reuses)
        targets = {p.id: p for p in form.slots if not isinstance(p, NewPart)}
        for p in form.slots:
            if isinstance(p, NewPart) and p.id in given:
                targets[p.id] = dossiers.add_component(actor=actor, dossier_id=form.dossier.id, name=p.name)
        form.attach(actor=actor, targets=targets, applicant_name=form.dossier.applicant_name)
        return dossiers.receive_supplement(actor=actor, dossier_id=form.dossier.id)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Lý do rút hồ sơ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Hãy ghi lý do rút hồ sơ.")})
    confirm = forms.BooleanField(label=_("Tôi hiểu rằng hồ sơ đã rút sẽ không được giải quyết tiếp."),
                                 error_messages={"required": _("Hãy đánh dấu xác nhận để rút hồ sơ.")})


def withdraw(*, actor, d: Dossier, form: WithdrawForm) -> Dossier:
    return dossiers.withdraw(actor=actor, dossier_id=d.id, reason=form.cleaned_data["reason"])
