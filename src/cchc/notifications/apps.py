from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "cchc.notifications"
    verbose_name = "Thông báo cho người dân"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to the dossier and feedback events)
