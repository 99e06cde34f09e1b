"""Back-office forms for feedback: the inbox filters and one form per action (None: a plain button)."""
from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cchc.org.models import Organisation

from .models import OFFICIAL_CHANNELS, Category, Channel
from .rules import MAX_TEXT, State

STATE_CHOICES = [("open", _("Chưa trả lời (đang xử lý)")), ("", _("Tất cả")), *State.LABELS.items()]
DUE_CHOICES = [("", _("Tất cả")), ("soon", _("Sắp đến hạn (3 ngày)")), ("late", _("Quá hạn")),
               ("handled_late", _("Đã xử lý trễ hạn"))]


class InboxForm(forms.Form):
    state = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=STATE_CHOICES)
    due = forms.ChoiceField(label=_("Thời hạn"), required=False, choices=DUE_CHOICES)
    q = forms.CharField(label=_("Mã phản ánh hoặc tiêu đề"), required=False, max_length=100)


def _text(label, rows=3, limit=2000):
    return forms.CharField(label=label, max_length=limit, widget=forms.Textarea(attrs={"rows": rows}))


def _org_choices(exclude: int | None = None) -> list[tuple[str, str]]:
    # organisations merged into another no longer receive anything
    orgs = Organisation.objects.filter(successor__isnull=True).exclude(pk=exclude).order_by("code")
    return [("", "—"), *((o.code, f"{o.code} — {o.name}") for o in orgs)]


class ActionForm(forms.Form):
    """A form for one action on ``feedback`` (some fields depend on it)."""

    def __init__(self, *args, feedback=None, **kw):
        self.feedback = feedback
        super().__init__(*args, **kw)


class ClassifyForm(ActionForm):
    category = forms.ChoiceField(label=_("Phân loại"), choices=Category.choices)
    procedure_code = forms.CharField(label=_("Mã thủ tục liên quan (nếu có)"), max_length=64, required=False)
    dossier_code = forms.CharField(label=_("Mã hồ sơ liên quan (nếu có)"), max_length=64, required=False)

    def __init__(self, *args, feedback=None, **kw):
        if feedback is not None:
            kw.setdefault("initial", {"category": feedback.category, "procedure_code": feedback.procedure_code,
                                      "dossier_code": feedback.dossier_code})
        super().__init__(*args, feedback=feedback, **kw)


class AssignForm(ActionForm):
    org_code = forms.ChoiceField(label=_("Cơ quan có thẩm quyền"))

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.fields["org_code"].choices = _org_choices()


class TransferForm(ActionForm):
    org_code = forms.ChoiceField(label=_("Chuyển tới cơ quan"))
    reason = _text(_("Lý do chuyển"), rows=2)

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.fields["org_code"].choices = _org_choices(exclude=self.feedback.org_id if self.feedback else None)


class ReasonForm(ActionForm):
    reason = _text(_("Lý do từ chối"), rows=2)


class QuestionForm(ActionForm):
    question = _text(_("Thông tin cần bổ sung"), rows=2)


class InfoForm(ActionForm):
    info = _text(_("Thông tin người phản ánh đã bổ sung"), limit=MAX_TEXT)


class AnswerForm(ActionForm):
    text = _text(_("Nội dung trả lời"), rows=6, limit=MAX_TEXT)


class EntryForm(forms.Form):
    """Feedback an official received by phone, letter, hotline or at the desk. Only what is needed to
    handle and answer it (Nghị định 13/2023): a name and, if the sender gives one, a phone or e-mail."""

    channel = forms.ChoiceField(
        label=_("Nhận qua"), choices=[c for c in Channel.choices if c[0] in OFFICIAL_CHANNELS],
        error_messages={"invalid_choice": _("Chọn kênh đã nhận: trực tiếp, điện thoại, thư hoặc đường dây nóng.")})
    title = forms.CharField(label=_("Tiêu đề (nếu có)"), max_length=200, required=False,
                            error_messages={"max_length": _("Tiêu đề dài quá 200 ký tự.")})
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=format_lazy(_("Ghi đúng ý người phản ánh; tối đa {limit} ký tự."),
                              limit=f"{MAX_TEXT:,}".replace(",", ".")),
        error_messages={"required": _("Hãy nhập nội dung phản ánh, kiến nghị."),
                        "max_length": _("Nội dung dài quá %(limit_value)d ký tự (hiện có %(show_value)d ký tự).")})
    category = forms.ChoiceField(label=_("Phân loại (nếu đã rõ)"), required=False,
                                 choices=[("", _("Chưa phân loại")), *Category.choices],
                                 error_messages={"invalid_choice": _("Phân loại không hợp lệ.")})
    procedure_code = forms.CharField(label=_("Mã thủ tục liên quan (nếu có)"), max_length=64, required=False)
    dossier_code = forms.CharField(label=_("Mã hồ sơ liên quan (nếu có)"), max_length=64, required=False)
    sender_name = forms.CharField(label=_("Họ tên người phản ánh"), max_length=200,
                                  widget=forms.TextInput(attrs={"autocomplete": "off"}),
                                  error_messages={"required": _("Hãy nhập họ tên người phản ánh."),
                                                  "max_length": _("Họ tên dài quá 200 ký tự.")})
    sender_phone = forms.RegexField(
        label=_("Số điện thoại để trả lời (nếu có)"), regex=r"^\+?[\d .-]{9,15}$", max_length=20, required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        error_messages={"invalid": _("Số điện thoại không hợp lệ (ví dụ 0905 123 456)."),
                        "max_length": _("Số điện thoại không hợp lệ (ví dụ 0905 123 456).")})
    sender_email = forms.EmailField(label=_("Thư điện tử để trả lời (nếu có)"), required=False,
                                    error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")})
    consent_publish = forms.BooleanField(
        label=_("Người phản ánh đồng ý công khai nội dung và câu trả lời (thông tin cá nhân được ẩn)"),
        required=False)


ACTION_FORMS: dict[str, type[forms.Form] | None] = {
    "classify": ClassifyForm, "assign": AssignForm, "transfer": TransferForm, "refuse": ReasonForm,
    "request_info": QuestionForm, "provide_info": InfoForm, "process": None, "answer": AnswerForm, "publish": None,
}
