"""Citizen account forms: sign up and sign in with a phone number or an e-mail address."""
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from cchc.core.errors import DomainError

from . import accounts

MIN_LENGTH = 8
# the checks Django ships, applied to citizens whatever AUTH_PASSWORD_VALIDATORS says; the length
# is checked here because Django's Vietnamese catalogue lacks that (plural) message
PASSWORD_VALIDATORS = password_validation.get_password_validators([
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
])


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    login = forms.CharField(label=_("Số điện thoại hoặc thư điện tử"), max_length=150,
                            widget=forms.TextInput(attrs={"autocomplete": "username"}))
    password1 = forms.CharField(label=_("Mật khẩu (ít nhất 8 ký tự, không chỉ gồm chữ số)"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Nhập lại mật khẩu"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_login(self) -> str:
        try:
            accounts.identifier(self.cleaned_data["login"])
        except DomainError as e:
            raise forms.ValidationError(e.message) from None
        return self.cleaned_data["login"]

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Hai lần nhập mật khẩu không khớp."))
        elif p1 and len(p1) < MIN_LENGTH:
            self.add_error("password1", _("Mật khẩu quá ngắn: cần ít nhất %(n)s ký tự.") % {"n": MIN_LENGTH})
        elif p1:
            probe = get_user_model()(username=data.get("login", ""), last_name=data.get("name", ""))
            try:
                password_validation.validate_password(p1, probe, PASSWORD_VALIDATORS)
            except forms.ValidationError as e:
                self.add_error("password1", e)
        return data


class SignInForm(AuthenticationForm):
    username = forms.CharField(label=_("Số điện thoại hoặc thư điện tử"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}))
    password = forms.CharField(label=_("Mật khẩu"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    error_messages = {
        "invalid_login": _("Số điện thoại/thư điện tử hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }
