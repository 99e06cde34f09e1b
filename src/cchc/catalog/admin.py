from django.contrib import admin

from .models import Component, Fee, Procedure, ProcedureVersion, Step


class ComponentInline(admin.TabularInline):
    model = Component
    extra = 0


class FeeInline(admin.TabularInline):
    model = Fee
    extra = 0


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    autocomplete_fields = ["org"]


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    list_display = ["procedure", "version", "name", "field", "level", "status", "valid_from", "valid_to",
                    "online_level"]
    list_filter = ["status", "level", "online_level", "four_on_spot", "field"]
    search_fields = ["procedure__code", "name"]
    autocomplete_fields = ["competent_org"]
    inlines = [ComponentInline, FeeInline, StepInline]

    def get_readonly_fields(self, request, obj=None):
        # a published version is history: dossiers were filed under it
        if obj and obj.status != "draft":
            return [f.name for f in obj._meta.fields]
        return ["status", "published_at"]


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    fields = ["version", "name", "status", "valid_from", "valid_to"]
    readonly_fields = fields
    extra = 0
    show_change_link = True


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    search_fields = ["code", "versions__name"]
    inlines = [VersionInline]
