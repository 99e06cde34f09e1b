from django.apps import AppConfig


class AppraisalConfig(AppConfig):
    name = "cchc.appraisal"
    verbose_name = "SIPAS, Chỉ số cải cách hành chính (PAR Index)"
