from django.contrib import admin

from .models import AuditRecord, Dossier, PersonalDataAccess


class ReadOnly(admin.ModelAdmin):
    """Dossiers change only through services (audited); the admin only looks."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Dossier)
class DossierAdmin(ReadOnly):
    list_display = ["code", "status", "channel", "org", "current_org", "received_at", "due_at", "is_late"]
    list_filter = ["status", "channel", "is_late"]
    search_fields = ["code"]
    exclude = ["applicant_id_encrypted", "applicant_id_digest"]


@admin.register(AuditRecord)
class AuditAdmin(ReadOnly):
    list_display = ["dossier", "action", "actor", "at"]
    list_filter = ["action"]


@admin.register(PersonalDataAccess)
class AccessAdmin(ReadOnly):
    list_display = ["dossier", "viewer", "purpose", "at"]
