"""Reminders of plan deadlines to officials (plans app): four new message kinds and their default,
editable templates from data/templates.json (additive: existing templates are left as edited)."""
import json
from pathlib import Path

from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data" / "templates.json"
KINDS = ("plan_task_due", "plan_task_late", "recommendation_due", "recommendation_late")


def load(apps, schema_editor):
    Template = apps.get_model("notifications", "Template")
    templates = json.loads(DATA.read_text("utf-8"))["templates"]
    for kind in KINDS:
        d = templates[kind]
        Template.objects.get_or_create(kind=kind, defaults={
            "optional": d["optional"], "subject": d["subject"], "email_body": d["email"], "sms_body": d["sms"]})


def unload(apps, schema_editor):
    apps.get_model("notifications", "Template").objects.filter(kind__in=KINDS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0003_outbox_token'),
    ]

    operations = [
        migrations.AlterField(
            model_name='outbox',
            name='kind',
            field=models.CharField(choices=[('dossier_received', 'Đã tiếp nhận hồ sơ'), ('supplement_requested', 'Yêu cầu bổ sung hồ sơ'), ('payment_requested', 'Thông báo nghĩa vụ tài chính'), ('apology', 'Thư xin lỗi và hẹn lại ngày trả'), ('result_ready', 'Đã có kết quả'), ('feedback_answered', 'Phản ánh, kiến nghị đã được trả lời'), ('plan_task_due', 'Nhắc việc: nhiệm vụ CCHC sắp đến hạn'), ('plan_task_late', 'Nhắc việc: nhiệm vụ CCHC đã quá hạn'), ('recommendation_due', 'Nhắc việc: kiến nghị sau kiểm tra sắp đến hạn'), ('recommendation_late', 'Nhắc việc: kiến nghị sau kiểm tra đã quá hạn')], max_length=24, verbose_name='loại'),
        ),
        migrations.AlterField(
            model_name='template',
            name='kind',
            field=models.CharField(choices=[('dossier_received', 'Đã tiếp nhận hồ sơ'), ('supplement_requested', 'Yêu cầu bổ sung hồ sơ'), ('payment_requested', 'Thông báo nghĩa vụ tài chính'), ('apology', 'Thư xin lỗi và hẹn lại ngày trả'), ('result_ready', 'Đã có kết quả'), ('feedback_answered', 'Phản ánh, kiến nghị đã được trả lời'), ('plan_task_due', 'Nhắc việc: nhiệm vụ CCHC sắp đến hạn'), ('plan_task_late', 'Nhắc việc: nhiệm vụ CCHC đã quá hạn'), ('recommendation_due', 'Nhắc việc: kiến nghị sau kiểm tra sắp đến hạn'), ('recommendation_late', 'Nhắc việc: kiến nghị sau kiểm tra đã quá hạn')], max_length=24, unique=True, verbose_name='loại thông báo'),
        ),
        migrations.RunPython(load, unload),
    ]
