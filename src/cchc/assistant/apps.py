from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "cchc.assistant"
    verbose_name = "Trợ lý tìm thủ tục"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (publication → index)
