"""Public forms: procedure search and dossier lookup."""
from django import forms

from cchc.catalog.models import Level


class ProcedureSearchForm(forms.Form):
    q = forms.CharField(label="Tên thủ tục (gõ có dấu hoặc không dấu)", required=False, max_length=200)
    field = forms.ChoiceField(label="Lĩnh vực", required=False)
    org = forms.TypedChoiceField(label="Cơ quan thực hiện", required=False, coerce=int, empty_value=None)
    level = forms.ChoiceField(label="Cấp thực hiện", required=False,
                              choices=[("", "Tất cả các cấp"), *Level.choices])
    online = forms.BooleanField(label="Chỉ thủ tục có dịch vụ công trực tuyến", required=False)

    def __init__(self, *args, fields=(), orgs=(), **kw):
        super().__init__(*args, **kw)
        self.fields["org"].choices = [("", "Tất cả cơ quan"), *orgs]
        self.fields["field"].choices = [("", "Tất cả lĩnh vực"), *((f, f) for f in fields)]


class LookupForm(forms.Form):
    code = forms.CharField(label="Mã hồ sơ (trên giấy tiếp nhận)", max_length=64)
    phone = forms.CharField(label="Số điện thoại đã khai khi nộp", max_length=20,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
