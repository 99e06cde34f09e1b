"""The rating page's form: the nine criteria and three levels of DOMAIN §4, read from the index rules in force.

The criteria and levels are data (``IndexVersion.rules["rating"]``), so a new decision changes the
page without code; the rating itself is ``cchc.measures.services.rate``.
"""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.core import clock
from cchc.dossiers.models import Dossier
from cchc.measures.models import Rating
from cchc.measures.registry import Period
from cchc.measures.selectors import index_version


def rules() -> dict:
    today = clock.now().date()
    return index_version(Period(today, today)).rules["rating"]


def of(d: Dossier) -> Rating | None:
    return Rating.objects.filter(dossier=d).first()


def level_labels(rules: dict) -> dict[str, str]:
    return {code: level["label"] for code, level in rules["levels"].items()}


class RatingForm(forms.Form):
    def __init__(self, *args, rules: dict, **kw):
        super().__init__(*args, **kw)
        choices = [(code, level["label"]) for code, level in rules["levels"].items()]
        self.codes = [c["code"] for c in rules["criteria"]]
        for c in rules["criteria"]:
            self.fields[c["code"]] = forms.ChoiceField(
                label=c["label"], choices=choices, widget=forms.RadioSelect,
                error_messages={"required": _("Hãy chọn một mức cho tiêu chí này.")})

    def answers(self) -> dict[str, str]:
        return {code: self.cleaned_data[code] for code in self.codes}
