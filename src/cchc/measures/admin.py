from django.contrib import admin

from .models import IndexVersion, Rating, Snapshot


@admin.register(IndexVersion)
class IndexVersionAdmin(admin.ModelAdmin):
    """Thresholds, maxima and empty-denominator rules are edited here, never in code (ADR 0008)."""

    list_display = ["code", "name", "decision", "valid_from", "valid_to"]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["dossier", "band", "self_points", "appraised_points", "channel", "rated_at"]
    list_filter = ["band", "channel"]
    search_fields = ["dossier__code"]

    def has_add_permission(self, request):  # ratings come from citizens, through services.rate
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ["day", "org", "metric", "numerator", "denominator", "score", "max", "measured"]
    list_filter = ["metric", "measured"]
    date_hierarchy = "day"

    def has_change_permission(self, request, obj=None):
        return False
