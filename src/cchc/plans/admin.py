from django.contrib import admin

from .models import (
    Finding,
    Inspection,
    InspectionPlan,
    PeriodicReport,
    Plan,
    ProgressUpdate,
    Recommendation,
    Reminder,
    Target,
    Task,
)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "kind", "issuer", "issued_on", "period_start", "period_end")
    search_fields = ("number", "title")


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("task", "plan", "lead", "due_on", "percent")
    list_filter = ("plan",)
    search_fields = ("task",)


admin.site.register(Target)
admin.site.register(ProgressUpdate)
admin.site.register(Reminder)


@admin.register(PeriodicReport)
class PeriodicReportAdmin(admin.ModelAdmin):
    list_display = ("org", "kind", "year", "part", "status", "submitted_at", "consolidated_into")
    list_filter = ("kind", "year", "status")
    readonly_fields = ("figures",)  # frozen at submission


class InspectionInline(admin.TabularInline):
    model = Inspection
    extra = 0
    fields = ("org", "planned_from", "planned_to", "done_on", "cancelled_reason")


@admin.register(InspectionPlan)
class InspectionPlanAdmin(admin.ModelAdmin):
    list_display = ("year", "number", "title", "issuer", "min_share", "approved_at")
    inlines = [InspectionInline]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ("text", "responsible", "due_on", "done_on")
    list_filter = ("responsible",)


admin.site.register(Finding)
