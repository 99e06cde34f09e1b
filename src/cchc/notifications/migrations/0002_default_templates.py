import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "templates.json"


def load(apps, schema_editor):
    Template = apps.get_model("notifications", "Template")
    for kind, d in json.loads(DATA.read_text("utf-8"))["templates"].items():
        Template.objects.get_or_create(kind=kind, defaults={
            "optional": d["optional"], "subject": d["subject"], "email_body": d["email"], "sms_body": d["sms"]})


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
