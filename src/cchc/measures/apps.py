from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "cchc.measures"
    verbose_name = "Đo lường, chỉ số"
