from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "cchc.measures"
    verbose_name = "Đo lường, chỉ số"

    def ready(self):
        from . import measurements  # noqa: F401  (registers the named measurements)
