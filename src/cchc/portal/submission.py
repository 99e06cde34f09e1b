"""Online submission: the form built from a procedure version's components, and the one write.

Every upload is checked (size first, then type by content, ``documents.limits``) before
anything is written, so a wrong or oversized file leaves no dossier, no row and no blob. The
dossier, its files and the reused documents are then created in one transaction through the
dossiers and documents services — no rule of theirs is repeated here.
"""
from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import Component, Level, ProcedureVersion
from cchc.core import identity
from cchc.core.errors import DomainError
from cchc.documents.models import DigitisedDocument
from cchc.dossiers import services as dossiers
from cchc.dossiers.models import Dossier, DossierComponent
from cchc.org.models import Organisation, OrgKind

from . import accounts, selectors
from .uploads import ComponentFilesMixin, blobs_discarded_on_failure
from .uploads import offers as held_offers


def places(v: ProcedureVersion) -> list[Organisation]:
    """Where an online dossier of this procedure may be filed (the dossier services check it again)."""
    if v.level == Level.COMMUNE:
        return list(Organisation.objects.filter(kind=OrgKind.COMMUNE, successor__isnull=True).order_by("name"))
    return selectors.where_to_go(v)


def offers(user, components: list[Component]) -> dict[int, list[DigitisedDocument]]:
    """Per catalogue component, the still-valid documents this citizen handed in (or received) before."""
    return held_offers(user, {c.id: c.document_type or c.name for c in components})


def last_masked_id(user) -> str:
    return (Dossier.objects.filter(citizen=user).exclude(applicant_id_masked="").order_by("-id")
            .values_list("applicant_id_masked", flat=True).first() or "")


class SubmissionForm(ComponentFilesMixin, forms.Form):
    org = forms.TypedChoiceField(label=_("Nơi nộp hồ sơ"), coerce=int, error_messages={
        "invalid_choice": _("Nơi nộp không hợp lệ; hãy chọn trong danh sách.")})
    name = forms.CharField(label=_("Họ và tên người nộp"), max_length=200)
    id_number = forms.CharField(label=_("Số định danh cá nhân (CCCD, 12 chữ số)"), max_length=20,
                                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label=_("Thư điện tử (không bắt buộc)"), required=False)
    address = forms.CharField(label=_("Địa chỉ liên hệ"), max_length=300)
    request = forms.CharField(label=_("Nội dung yêu cầu (không bắt buộc)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, version: ProcedureVersion, orgs: list[Organisation],
                 offered: dict[int, list[DigitisedDocument]], **kw):
        super().__init__(*args, **kw)
        self.version = version
        self.components = list(version.components.all())
        self.fields["org"].choices = [(o.id, o.name) for o in orgs]
        if len(orgs) == 1:
            self.fields["org"].initial = orgs[0].id
        self.add_file_fields(self.components, offered)

    def clean_id_number(self) -> str:
        try:
            return identity.normalise(self.cleaned_data["id_number"])
        except DomainError as e:
            raise forms.ValidationError(e.message) from None

    def clean_phone(self) -> str:
        phone = accounts.phone_or_none(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(_("Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0."))
        return phone

    def clean(self):
        data = super().clean()
        owner = identity.digest(data["id_number"]) if data.get("id_number") else None
        self.clean_files(data, owner_digest=owner, required=lambda c: c.required)
        return data


def submit(*, actor, form: SubmissionForm) -> Dossier:
    """File the dossier online with its uploads and reused documents, all or nothing."""
    data, v = form.cleaned_data, form.version
    chosen = set(form.incoming) | set(form.reuses)
    intake = dossiers.Intake(
        procedure_code=v.procedure.code, org_id=data["org"], request=data["request"].strip(),
        applicant=dossiers.Applicant(name=data["name"], id_number=data["id_number"], phone=data["phone"],
                                     email=data["email"], address=data["address"]),
        components=[dossiers.ComponentInput(name=c.name, component_id=c.id, form=c.form, quantity=c.quantity)
                    for c in form.components if c.id in chosen])
    with blobs_discarded_on_failure(form), transaction.atomic():
        d = dossiers.submit_online(actor=actor, intake=intake)
        rows = {dc.component_id: dc for dc in DossierComponent.objects.filter(dossier=d).select_related("component")}
        form.attach(actor=actor, targets=rows, applicant_name=data["name"])
    return d
