from django.contrib import admin

from .models import Feedback, Stage, StageTimer


@admin.register(StageTimer)
class StageTimerAdmin(admin.ModelAdmin):
    list_display = ("stage", "working_days", "legal_basis")


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0
    readonly_fields = ("action", "state", "at", "actor", "org", "note", "due_at", "on_time")
    can_delete = False


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    # writes go through the services (timers, history); the admin only reads
    list_display = ("code", "channel", "category", "state", "org", "received_at", "answer_due_at", "is_late", "rating")
    list_filter = ("state", "category", "channel", "is_late")
    search_fields = ("code", "title", "procedure_code", "dossier_code")
    inlines = [StageInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
