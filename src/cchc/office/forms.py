"""Back-office forms: inbox filters, desk receipt, one form per dossier action, the register."""
from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cchc.documents import limits
from cchc.dossiers.models import ReturnMethod, Status
from cchc.dossiers.selectors import SORTS

SORT_LABELS = {"due": _("Hẹn trả sớm nhất"), "-due": _("Hẹn trả muộn nhất"), "-received": _("Mới tiếp nhận"),
               "received": _("Tiếp nhận sớm nhất"), "code": _("Mã hồ sơ")}
assert set(SORT_LABELS) <= set(SORTS)


def translated(choices):
    """Model choices (Vietnamese, marked in cchc.office.terms) shown in the current language."""
    return [(value, _(label)) for value, label in choices]


class InboxForm(forms.Form):
    status = forms.TypedMultipleChoiceField(label=_("Trạng thái"), required=False, coerce=int,
                                            choices=translated(Status.choices),
                                            widget=forms.SelectMultiple(attrs={"size": 4}))
    procedure = forms.ChoiceField(label=_("Thủ tục"), required=False)
    due = forms.ChoiceField(label=_("Thời hạn"), required=False, choices=[
        ("", _("Tất cả")), ("soon", _("Sắp đến hạn (3 ngày)")), ("late", _("Quá hạn")), ("ontime", _("Chưa quá hạn"))])
    q = forms.CharField(label=_("Mã hồ sơ hoặc tên người nộp"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=list(SORT_LABELS.items()))

    def __init__(self, *args, procedures=(), **kw):
        super().__init__(*args, **kw)
        self.fields["procedure"].choices = [("", _("Tất cả thủ tục")), *procedures]


class ApplicantForm(forms.Form):
    procedure = forms.CharField(widget=forms.HiddenInput)
    org = forms.TypedChoiceField(label=_("Nơi tiếp nhận"), coerce=int)
    name = forms.CharField(label=_("Họ và tên người nộp"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    kind = forms.ChoiceField(label=_("Người nộp là"), choices=[("citizen", _("Cá nhân")),
                                                                ("organisation", _("Tổ chức, doanh nghiệp"))])
    id_number = forms.RegexField(label=_("Số định danh cá nhân / mã số doanh nghiệp"), required=False,
                                 regex=r"^\d{9,13}$", widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                                 error_messages={"invalid": _("Số định danh gồm 9 đến 13 chữ số.")})
    phone = forms.RegexField(label=_("Số điện thoại"), regex=r"^\+?[\d .]{9,15}$", max_length=20,
                             widget=forms.TextInput(attrs={"type": "tel"}),
                             error_messages={"invalid": _("Số điện thoại không hợp lệ.")})
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    address = forms.CharField(label=_("Địa chỉ"), required=False, max_length=300)
    request = forms.CharField(label=_("Nội dung yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, orgs=(), components=(), **kw):
        super().__init__(*args, **kw)
        self.fields["org"].choices = [(o.id, o.name) for o in orgs]
        self.components = list(components)
        for c in self.components:
            self.fields[f"c{c.id}"] = forms.BooleanField(
                label=_("%(name)s (%(form)s, %(n)s bản)") % {
                    "name": c.name, "form": gettext(c.get_form_display()).lower(), "n": c.quantity}, required=False)

    def clean(self):
        data = super().clean()
        missing = [c.name for c in self.components if c.required and not data.get(f"c{c.id}")]
        if missing:
            raise forms.ValidationError(_("Hồ sơ thiếu giấy tờ bắt buộc: %(names)s.") % {"names": "; ".join(missing)})
        return data

    def component_fields(self):
        return [self[f"c{c.id}"] for c in self.components]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)


class HandOverForm(NoteForm):
    pass


class SupplementForm(forms.Form):
    items = forms.CharField(label=_("Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)"), strip=False,
                            widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(label=_("Lý do, hướng dẫn"), widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(label=_("Lý do yêu cầu lần thứ hai (nếu có)"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def clean_items(self):
        items = [i.strip() for i in self.cleaned_data["items"].splitlines() if i.strip()]
        if not items:
            raise forms.ValidationError(_("Phải liệt kê đầy đủ giấy tờ cần bổ sung."))
        return items


class PaymentForm(forms.Form):
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), min_value=1)
    description = forms.CharField(label=_("Nội dung"), max_length=300)


class ReturnForm(forms.Form):
    method = forms.ChoiceField(label=_("Hình thức trả"), choices=translated(ReturnMethod.choices))


class ApologyForm(ReasonForm):
    new_due = forms.DateField(label=_("Ngày hẹn trả mới (dd/mm/yyyy)"), input_formats=["%d/%m/%Y"],
                              widget=forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"}))

    def new_due_at(self) -> datetime:
        # the new date is a whole working day: the office closes at 17:00
        return timezone.make_aware(datetime.combine(self.cleaned_data["new_due"], time(17)))


# action name -> form class (None: a button without fields)
ACTION_FORMS: dict[str, type[forms.Form] | None] = {
    "receive": None, "refuse": ReasonForm, "hand_over": HandOverForm, "request_supplement": SupplementForm,
    "receive_supplement": None, "request_payment": PaymentForm, "record_payment": None, "withdraw": ReasonForm,
    "stop": ReasonForm, "finish": NoteForm, "return_result": ReturnForm, "apologise": ApologyForm,
}


REGISTER_FORMATS = [("xlsx", _("Bảng tính XLSX")), ("pdf", "PDF"), ("docx", "Word DOCX")]


class RegisterForm(forms.Form):
    org = forms.TypedChoiceField(label=_("Đơn vị"), coerce=int)
    start = forms.DateField(label=_("Từ ngày (dd/mm/yyyy)"), input_formats=["%d/%m/%Y"],
                            widget=forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"}))
    end = forms.DateField(label=_("Đến ngày (dd/mm/yyyy)"), input_formats=["%d/%m/%Y"],
                          widget=forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"}))
    format = forms.ChoiceField(label=_("Định dạng"), choices=REGISTER_FORMATS, initial="xlsx")

    def __init__(self, *args, orgs=(), **kw):
        super().__init__(*args, **kw)
        self.fields["org"].choices = [(o.id, o.name) for o in orgs]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày cuối phải sau hoặc trùng ngày đầu."))
        return data


class ResultForm(forms.Form):
    """The electronic result of a dossier: a PDF the platform signs with the organisation's certificate."""

    file = forms.FileField(label=_("Tệp kết quả (PDF, tối đa %(mb)s MB)") % {"mb": limits.MAX_BYTES // 2 ** 20},
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
                           error_messages={"required": _("Hãy chọn tệp PDF kết quả."),
                                           "empty": _("Tệp rỗng, không có nội dung.")})
    document_type = forms.CharField(label=_("Loại kết quả"), max_length=200)
    number = forms.CharField(label=_("Số, ký hiệu của kết quả"), max_length=100)
    issued_on = forms.DateField(label=_("Ngày ký ban hành (dd/mm/yyyy)"), input_formats=["%d/%m/%Y"],
                                widget=forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"}))
    valid_until = forms.DateField(label=_("Hiệu lực đến (để trống nếu vô thời hạn)"), required=False,
                                  input_formats=["%d/%m/%Y"],
                                  widget=forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"}))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > limits.MAX_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(_("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.")
                                        % {"name": f.name, "mb": limits.MAX_BYTES // 2 ** 20})
        f.content = f.read()
        if limits.sniff(f.content) != "application/pdf":
            raise forms.ValidationError(_("Tệp “%(name)s” không phải PDF: chỉ ký số được kết quả dạng PDF.")
                                        % {"name": f.name})
        return f

    def clean(self):
        data = super().clean()
        if data.get("issued_on") and data.get("valid_until") and data["valid_until"] < data["issued_on"]:
            self.add_error("valid_until", _("Ngày hết hiệu lực phải sau ngày ký ban hành."))
        return data
