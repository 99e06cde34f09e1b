"""Back-office forms for feedback: the inbox filters and one form per action (None: a plain button)."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.org.models import Organisation

from .models import Category
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


ACTION_FORMS: dict[str, type[forms.Form] | None] = {
    "classify": ClassifyForm, "assign": AssignForm, "transfer": TransferForm, "refuse": ReasonForm,
    "request_info": QuestionForm, "provide_info": InfoForm, "process": None, "answer": AnswerForm, "publish": None,
}
