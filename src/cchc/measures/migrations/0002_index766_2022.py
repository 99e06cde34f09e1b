"""Load the index 766 rules shipped with cchc (data/index766-*.json); later edits are made in the admin."""
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    IndexVersion = apps.get_model("measures", "IndexVersion")
    for path in sorted(DATA.glob("index766-*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        IndexVersion.objects.get_or_create(code=d["code"], defaults={
            "name": d["name"], "decision": d.get("decision", ""), "valid_from": d["valid_from"],
            "valid_to": d.get("valid_to"), "rules": d})


class Migration(migrations.Migration):
    dependencies = [("measures", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
