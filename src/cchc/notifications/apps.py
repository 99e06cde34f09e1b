from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "cchc.notifications"
    verbose_name = "Thông báo cho người dân"
