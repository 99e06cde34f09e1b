from django.contrib import admin

from .models import Assessment, Campaign, CriteriaTree, Questionnaire, Reminder


class ReadOnly(admin.ModelAdmin):
    """Scores, trees and surveys change only through services (rules, permissions); the admin looks."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Questionnaire)
class QuestionnaireAdmin(ReadOnly):
    list_display = ("code", "version", "title", "published_at")


@admin.register(Campaign)
class CampaignAdmin(ReadOnly):
    list_display = ("name", "org", "starts_on", "ends_on", "is_open")


@admin.register(CriteriaTree)
class CriteriaTreeAdmin(ReadOnly):
    list_display = ("year", "org_type", "title", "self_assessment_due", "appraisal_due", "publication_due",
                    "published_at")


@admin.register(Assessment)
class AssessmentAdmin(ReadOnly):
    list_display = ("tree", "org", "stage", "self_total", "final_score")
    list_filter = ("tree", "stage")


@admin.register(Reminder)
class ReminderAdmin(ReadOnly):
    list_display = ("tree", "stage", "org", "recipient", "due_on", "remind_on", "sent_at")
