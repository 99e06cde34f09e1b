"""Connects the assistant to the catalogue: a version that becomes published, or whose search
keywords change while published, gets indexed.

``catalog.services.publish`` saves the status with ``update_fields``; any other save that sets
the status to published (the admin) has ``update_fields`` None and is caught as well.
"""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cchc.catalog.models import ProcedureVersion, VersionStatus

from . import search, services
from .models import IndexEntry


@receiver(post_save, sender=ProcedureVersion, dispatch_uid="assistant_index_on_publish")
def index_on_publish(sender, instance: ProcedureVersion, update_fields=None, raw=False, **kwargs) -> None:
    if raw or instance.status != VersionStatus.PUBLISHED:
        return
    if update_fields is None or {"status", "keywords"} & set(update_fields):
        services.schedule(instance.pk)


@receiver([post_save, post_delete], sender=IndexEntry, dispatch_uid="assistant_forget_index")
def forget_index(**kwargs) -> None:
    search.forget()
