from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ApiConfig(AppConfig):
    name = "cchc.api"
    verbose_name = "API"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from .auth import _forget_on_change
        from .models import ApiToken
        for model in (ApiToken, get_user_model()):
            post_save.connect(_forget_on_change, sender=model, dispatch_uid=f"api.tokens.{model.__name__}")
            post_delete.connect(_forget_on_change, sender=model, dispatch_uid=f"api.tokens.del.{model.__name__}")
