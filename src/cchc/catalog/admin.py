from django import forms
from django.contrib import admin

from . import services
from .models import Component, Fee, Procedure, ProcedureVersion, Step, VersionStatus


class DraftOnlyInline(admin.TabularInline):
    """Parts of a version change only while it is a draft: a published one is history."""
    extra = 0

    def _draft(self, obj) -> bool:
        return obj is None or obj.status == VersionStatus.DRAFT

    def has_add_permission(self, request, obj=None):
        return self._draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draft(obj) and super().has_delete_permission(request, obj)


class ComponentInline(DraftOnlyInline):
    model = Component


class FeeInline(DraftOnlyInline):
    model = Fee


class StepInline(DraftOnlyInline):
    model = Step
    autocomplete_fields = ["org"]


class VersionForm(forms.ModelForm):
    def clean_keywords(self):
        text = services.clean_keywords(self.cleaned_data.get("keywords", ""))
        if len(text) > services.MAX_KEYWORDS_CHARS:
            raise forms.ValidationError(f"Từ khóa tìm kiếm dài quá {services.MAX_KEYWORDS_CHARS} ký tự.")
        return text


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    form = VersionForm
    list_display = ["procedure", "version", "name", "field", "level", "status", "valid_from", "valid_to",
                    "online_level"]
    list_filter = ["status", "level", "online_level", "four_on_spot", "field"]
    search_fields = ["procedure__code", "name"]
    autocomplete_fields = ["competent_org"]
    inlines = [ComponentInline, FeeInline, StepInline]

    def get_readonly_fields(self, request, obj=None):
        # a published version is history: dossiers were filed under it; only its search keywords,
        # which are not part of the legal record, may still be corrected
        if obj and obj.status != VersionStatus.DRAFT:
            return [f.name for f in obj._meta.fields if f.name != "keywords"]
        return ["status", "published_at"]

    def save_model(self, request, obj, form, change):
        if change and obj.status != VersionStatus.DRAFT:
            services.set_keywords(actor=request.user, version_id=obj.pk, keywords=form.cleaned_data["keywords"])
        else:
            super().save_model(request, obj, form, change)


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
