from django import forms

from .rules import MAX_TEXT


class FeedbackForm(forms.Form):
    title = forms.CharField(label="Tiêu đề", max_length=200, required=False)
    content = forms.CharField(label="Nội dung phản ánh, kiến nghị", widget=forms.Textarea(attrs={"rows": 8}),
                              max_length=MAX_TEXT, help_text=f"Tối đa {MAX_TEXT:,} ký tự.".replace(",", "."))
    procedure_code = forms.CharField(label="Mã thủ tục liên quan (nếu có)", max_length=64, required=False)
    sender_name = forms.CharField(label="Họ và tên", max_length=200)
    sender_phone = forms.CharField(label="Số điện thoại", max_length=20, required=False)
    sender_email = forms.EmailField(label="Thư điện tử", required=False)
    consent_publish = forms.BooleanField(
        label="Tôi đồng ý công khai nội dung và câu trả lời (thông tin cá nhân được ẩn)", required=False)
