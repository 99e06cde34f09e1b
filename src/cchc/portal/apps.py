from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "cchc.portal"
    verbose_name = "Cổng dịch vụ công"
