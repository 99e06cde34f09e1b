from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "cchc.assistant"
    verbose_name = "Trợ lý tìm thủ tục"
