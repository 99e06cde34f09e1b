from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "cchc.documents"
    verbose_name = "Giấy tờ, biểu mẫu, kết quả điện tử"
