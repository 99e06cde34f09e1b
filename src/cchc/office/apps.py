from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "cchc.office"
    verbose_name = "Nghiệp vụ một cửa"
