from django.contrib import admin

from .models import Plan, ProgressUpdate, Reminder, Target, Task


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
