from django.contrib import admin, messages

from . import services
from .models import OptOut, Outbox, Template


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ("kind", "optional", "active", "updated_at")
    fields = ("kind", "optional", "active", "subject", "email_body", "sms_body")


@admin.register(Outbox)
class OutboxAdmin(admin.ModelAdmin):
    list_display = ("kind", "channel", "recipient", "state", "attempts", "next_attempt_at", "sent_at")
    list_filter = ("state", "channel", "kind")
    search_fields = ("recipient", "key")
    readonly_fields = [f.name for f in Outbox._meta.fields]
    actions = ["send_again"]

    @admin.action(description="Gửi lại các thông báo gửi lỗi")
    def send_again(self, request, queryset):
        for m in queryset.filter(state=Outbox.State.FAILED):
            services.resend(actor=request.user, outbox_id=m.pk)
        messages.success(request, "Đã đưa lại vào hàng chờ gửi.")

    def has_add_permission(self, request):
        return False


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    list_display = ("address", "created_at")
    search_fields = ("address",)
