"""One page: a citizen stops (or resumes) the optional messages to a phone number or e-mail.
Only optional messages are affected, so a stranger entering someone's number cannot stop what
the law requires the office to send."""
from django import forms
from django.shortcuts import render

from cchc.core.errors import DomainError

from . import services


class PreferenceForm(forms.Form):
    address = forms.CharField(label="Số điện thoại hoặc thư điện tử", max_length=254)
    receive = forms.TypedChoiceField(label="Thông báo không bắt buộc (ví dụ: đã tiếp nhận hồ sơ)",
                                     choices=[("0", "Không nhận"), ("1", "Nhận")], coerce=lambda v: v == "1")


def preferences(request):
    form = PreferenceForm(request.POST or None)
    ctx, status = {"form": form}, 200
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["receive"]:
                services.opt_in(actor=None, address=form.cleaned_data["address"])
                ctx["done"] = "Đã đăng ký nhận lại các thông báo không bắt buộc."
            else:
                services.opt_out(actor=None, address=form.cleaned_data["address"])
                ctx["done"] = "Đã ngừng gửi các thông báo không bắt buộc. Thông báo bắt buộc vẫn được gửi."
        except DomainError as e:
            ctx["error"], status = e.message, e.status
    return render(request, "notifications/preferences.html", ctx, status=status)
