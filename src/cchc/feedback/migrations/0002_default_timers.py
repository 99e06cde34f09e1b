import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "timers.json"


def load(apps, schema_editor):
    StageTimer = apps.get_model("feedback", "StageTimer")
    data = json.loads(DATA.read_text("utf-8"))
    for t in data["timers"]:
        StageTimer.objects.get_or_create(stage=t["stage"], defaults={
            "working_days": t["working_days"], "legal_basis": "Nghị định 20/2008/NĐ-CP (sửa đổi 92/2017/NĐ-CP)"})


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
