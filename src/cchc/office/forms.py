"""Back-office forms: inbox filters, desk receipt and one form per dossier action."""
from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.utils import timezone

from cchc.dossiers.models import ReturnMethod, Status
from cchc.dossiers.selectors import SORTS

SORT_LABELS = {"due": "Hẹn trả sớm nhất", "-due": "Hẹn trả muộn nhất", "-received": "Mới tiếp nhận",
               "received": "Tiếp nhận sớm nhất", "code": "Mã hồ sơ"}
assert set(SORT_LABELS) <= set(SORTS)


class InboxForm(forms.Form):
    status = forms.TypedMultipleChoiceField(label="Trạng thái", required=False, coerce=int, choices=Status.choices,
                                            widget=forms.SelectMultiple(attrs={"size": 4}))
    procedure = forms.ChoiceField(label="Thủ tục", required=False)
    due = forms.ChoiceField(label="Thời hạn", required=False, choices=[
        ("", "Tất cả"), ("soon", "Sắp đến hạn (3 ngày)"), ("late", "Quá hạn"), ("ontime", "Chưa quá hạn")])
    q = forms.CharField(label="Mã hồ sơ hoặc tên người nộp", required=False, max_length=100)
    sort = forms.ChoiceField(label="Sắp xếp", required=False, choices=list(SORT_LABELS.items()))

    def __init__(self, *args, procedures=(), **kw):
        super().__init__(*args, **kw)
        self.fields["procedure"].choices = [("", "Tất cả thủ tục"), *procedures]


class ApplicantForm(forms.Form):
    procedure = forms.CharField(widget=forms.HiddenInput)
    org = forms.TypedChoiceField(label="Nơi tiếp nhận", coerce=int)
    name = forms.CharField(label="Họ và tên người nộp", max_length=200)
    kind = forms.ChoiceField(label="Người nộp là", choices=[("citizen", "Cá nhân"),
                                                             ("organisation", "Tổ chức, doanh nghiệp")])
    id_number = forms.RegexField(label="Số định danh cá nhân / mã số doanh nghiệp", required=False, regex=r"^\d{9,13}$",
                                 error_messages={"invalid": "Số định danh gồm 9 đến 13 chữ số."})
    phone = forms.RegexField(label="Số điện thoại", regex=r"^\+?[\d .]{9,15}$", max_length=20,
                             error_messages={"invalid": "Số điện thoại không hợp lệ."})
    email = forms.EmailField(label="Thư điện tử", required=False)
    address = forms.CharField(label="Địa chỉ", required=False, max_length=300)
    request = forms.CharField(label="Nội dung yêu cầu", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, orgs=(), components=(), **kw):
        super().__init__(*args, **kw)
        self.fields["org"].choices = [(o.id, o.name) for o in orgs]
        self.components = list(components)
        for c in self.components:
            self.fields[f"c{c.id}"] = forms.BooleanField(
                label=f"{c.name} ({c.get_form_display().lower()}, {c.quantity} bản)", required=False)

    def clean(self):
        data = super().clean()
        missing = [c.name for c in self.components if c.required and not data.get(f"c{c.id}")]
        if missing:
            raise forms.ValidationError("Hồ sơ thiếu giấy tờ bắt buộc: " + "; ".join(missing) + ".")
        return data

    def component_fields(self):
        return [self[f"c{c.id}"] for c in self.components]


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class NoteForm(forms.Form):
    note = forms.CharField(label="Ghi chú", required=False, max_length=500)


class HandOverForm(NoteForm):
    pass


class SupplementForm(forms.Form):
    items = forms.CharField(label="Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)", strip=False,
                            widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(label="Lý do, hướng dẫn", widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(label="Lý do yêu cầu lần thứ hai (nếu có)", required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def clean_items(self):
        items = [i.strip() for i in self.cleaned_data["items"].splitlines() if i.strip()]
        if not items:
            raise forms.ValidationError("Phải liệt kê đầy đủ giấy tờ cần bổ sung.")
        return items


class PaymentForm(forms.Form):
    amount = forms.IntegerField(label="Số tiền (đồng)", min_value=1)
    description = forms.CharField(label="Nội dung", max_length=300)


class ReturnForm(forms.Form):
    method = forms.ChoiceField(label="Hình thức trả", choices=ReturnMethod.choices)


class ApologyForm(ReasonForm):
    new_due = forms.DateField(label="Ngày hẹn trả mới (dd/mm/yyyy)", input_formats=["%d/%m/%Y"])

    def new_due_at(self) -> datetime:
        # the new date is a whole working day: the office closes at 17:00
        return timezone.make_aware(datetime.combine(self.cleaned_data["new_due"], time(17)))


# action name -> form class (None: a button without fields)
ACTION_FORMS: dict[str, type[forms.Form] | None] = {
    "receive": None, "refuse": ReasonForm, "hand_over": HandOverForm, "request_supplement": SupplementForm,
    "receive_supplement": None, "request_payment": PaymentForm, "record_payment": None, "withdraw": ReasonForm,
    "stop": ReasonForm, "finish": NoteForm, "return_result": ReturnForm, "apologise": ApologyForm,
}
