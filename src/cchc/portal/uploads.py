"""A component's file on a citizen's form: an upload or a reused document, with its digitisation metadata.

Shared by online submission (slots are the procedure's catalogue components) and the online
supplement (slots are the dossier's own components), so both check every file the same way —
size first, then type by content (``documents.limits``) — before anything is written, and both
write through ``documents.services`` only.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cchc.documents import limits, storage
from cchc.documents import services as documents
from cchc.documents.models import DigitisedDocument
from cchc.documents.selectors import component_type, reusable_documents
from cchc.dossiers.models import Dossier, DossierComponent

ACCEPT = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"
NO_NUMBER = "Không số"  # how an unnumbered paper (a declaration, an application) is written in official records
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]  # dd/mm/yyyy whatever the interface language


def date_field(label) -> forms.DateField:
    return forms.DateField(label=label, required=False, input_formats=DATE_FORMATS,
                           error_messages={"invalid": _("Ngày phải viết dạng ngày/tháng/năm, ví dụ 06/10/2025.")},
                           widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy",
                                                                            "inputmode": "numeric"}))


def offers(user, types: dict[int, str], *, skip: dict[int, set[int]] | None = None
           ) -> dict[int, list[DigitisedDocument]]:
    """Per slot (id → document type), the still-valid documents this citizen handed in (or received) before.

    Only documents that came from the citizen's own dossiers are offered: typing someone else's
    identity number once must not reveal that person's data store. ``skip`` leaves out, per slot,
    stored files it already holds (a supplement does not offer what the component already has).
    """
    digests = set(Dossier.objects.filter(citizen=user).exclude(applicant_id_digest="")
                  .values_list("applicant_id_digest", flat=True))
    own = Q(source_component__dossier__citizen=user) | Q(source_result__dossier__citizen=user)
    out: dict[int, list[DigitisedDocument]] = {}
    for key, doc_type in types.items():
        held = (skip or {}).get(key, set())
        docs = [doc for dg in sorted(digests) for doc in reusable_documents(dg, document_type=doc_type).filter(own)
                if doc.stored_file_id not in held]
        if docs:
            out[key] = docs
    return out


def _offer_label(d: DigitisedDocument) -> str:
    until = d.valid_until.strftime("%d/%m/%Y") if d.valid_until else _("vô thời hạn")
    return (_("%(type)s số %(number)s, %(issuer)s cấp ngày %(on)s (hiệu lực: %(until)s)")
            % {"type": d.document_type, "number": d.number, "issuer": d.issuer,
               "on": d.issued_on.strftime("%d/%m/%Y"), "until": until})


@dataclass
class Row:
    """One slot of the form as the template lays it out (``component``: catalogue or dossier component)."""

    component: object
    file: forms.BoundField
    reuse: forms.BoundField | None
    number: forms.BoundField
    issuer: forms.BoundField
    issued_on: forms.BoundField
    valid_until: forms.BoundField


class ComponentFilesMixin:
    """For a ``forms.Form``: per slot a file, an optional reuse choice and the paper's metadata.

    After ``is_valid()``, ``incoming`` (slot id → checked file) and ``reuses`` (slot id → document
    id) say what to write; ``attach`` writes it through the documents service.
    """

    def add_file_fields(self, slots: list, offered: dict[int, list[DigitisedDocument]]) -> None:
        self.slots, self.offered = slots, offered
        for c in slots:
            self.fields[f"file_{c.id}"] = forms.FileField(
                label=_("Tệp (PDF, PNG, JPEG hoặc TIFF; tối đa %(mb)s MB)") % {"mb": limits.MAX_BYTES // 2 ** 20},
                required=False, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
                error_messages={"empty": _("Tệp rỗng, không có nội dung.")})
            if c.id in offered:
                self.fields[f"reuse_{c.id}"] = forms.TypedChoiceField(
                    label=_("Hoặc dùng lại giấy tờ đã nộp trước đây"), required=False, coerce=int, empty_value=None,
                    error_messages={"invalid_choice": _("Giấy tờ này không còn dùng lại được; hãy tải tệp lên.")},
                    choices=[("", _("— Không dùng lại —"))] + [(d.id, _offer_label(d)) for d in offered[c.id]])
            self.fields[f"number_{c.id}"] = forms.CharField(
                label=_("Số, ký hiệu của giấy tờ"), required=False, max_length=100,
                help_text=_("Để trống nếu giấy tờ không có số (tờ khai, đơn): ghi là “Không số”."))
            self.fields[f"issuer_{c.id}"] = forms.CharField(
                label=_("Cơ quan cấp"), required=False, max_length=255,
                help_text=_("Để trống nếu giấy tờ do chính bạn lập: ghi tên người nộp."))
            self.fields[f"issued_on_{c.id}"] = date_field(_("Ngày cấp (ngày lập)"))
            self.fields[f"valid_until_{c.id}"] = date_field(_("Hiệu lực đến (để trống nếu vô thời hạn)"))
        self.incoming: dict[int, documents.IncomingFile] = {}
        self.reuses: dict[int, int] = {}

    def rows(self) -> list[Row]:
        return [Row(c, self[f"file_{c.id}"], self[f"reuse_{c.id}"] if c.id in self.offered else None,
                    self[f"number_{c.id}"], self[f"issuer_{c.id}"], self[f"issued_on_{c.id}"],
                    self[f"valid_until_{c.id}"]) for c in self.slots]

    def clean_files(self, data: dict, *, owner_digest: str | None, required: Callable[[object], bool]) -> None:
        """Check every slot's file or reuse; errors go on the slot's fields (nothing is written here)."""
        for c in self.slots:
            upload, reuse = data.get(f"file_{c.id}"), data.get(f"reuse_{c.id}")
            if upload and reuse:
                self.add_error(f"file_{c.id}", _("Chọn một trong hai: tải tệp lên hoặc dùng lại giấy tờ đã nộp."))
            elif upload:
                self._take_upload(c, upload, data)
            elif reuse:
                doc = next(d for d in self.offered[c.id] if d.id == reuse)
                if owner_digest and doc.owner_digest != owner_digest:
                    self.add_error(f"reuse_{c.id}", _("Giấy tờ này thuộc số định danh khác với số bạn vừa khai."))
                else:
                    self.reuses[c.id] = reuse
            elif required(c):
                self.add_error(f"file_{c.id}", _("Giấy tờ bắt buộc: hãy tải tệp lên hoặc dùng lại giấy tờ đã nộp."))

    def _take_upload(self, c, upload, data: dict) -> None:
        if upload.size > limits.MAX_BYTES:  # refused before it is read into memory
            self.add_error(f"file_{c.id}", _("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.")
                           % {"name": upload.name, "mb": limits.MAX_BYTES // 2 ** 20})
            return
        content = upload.read()
        _kind, rejection = limits.check(content)
        if rejection:
            self.add_error(f"file_{c.id}", _("Tệp “%(name)s”: %(why)s")
                           % {"name": upload.name, "why": rejection.message})
            return
        if not data.get(f"issued_on_{c.id}"):
            self.add_error(f"issued_on_{c.id}", _("Hãy ghi ngày cấp (hoặc ngày lập) của giấy tờ."))
            return
        until = data.get(f"valid_until_{c.id}")
        if until and until < data[f"issued_on_{c.id}"]:
            self.add_error(f"valid_until_{c.id}", _("Ngày hết hiệu lực phải sau ngày cấp."))
            return
        self.incoming[c.id] = documents.IncomingFile(upload.name, content)

    def attach(self, *, actor, targets: dict[int, DossierComponent], applicant_name: str) -> None:
        """Write the checked files and reuses onto the dossier components ``targets`` maps slots to."""
        data = self.cleaned_data
        for key, incoming in self.incoming.items():
            dc = targets[key]
            documents.attach_component_file(actor=actor, component_id=dc.id, file=incoming, meta=documents.DocMeta(
                document_type=component_type(dc), number=data[f"number_{key}"].strip() or NO_NUMBER,
                issuer=data[f"issuer_{key}"].strip() or applicant_name.strip(),
                issued_on=data[f"issued_on_{key}"], valid_until=data[f"valid_until_{key}"]))
        for key, doc_id in self.reuses.items():
            documents.reuse_document(actor=actor, component_id=targets[key].id, document_id=doc_id)


@contextmanager
def blobs_discarded_on_failure(form: ComponentFilesMixin) -> Iterator[None]:
    """The documents service removes its own blobs on its failures; these are blobs of files it
    stored before a later step of the caller's transaction failed."""
    try:
        yield
    except BaseException:
        for f in form.incoming.values():
            try:
                storage.discard_if_unreferenced(storage.key_for(storage.digest(f.data)))
            except OSError:
                pass  # `cchc clean_files` sweeps it
        raise
