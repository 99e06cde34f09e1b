"""Load the announced calendar known at release (data/vn.json) so due dates work on a fresh install.

Administrators add later years in the admin or with ``cchc load_calendar FILE``.
"""
import json
from datetime import date, timedelta
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "vn.json"


def expand(entry: str):
    first, _, last = entry.partition("/")
    a, b = date.fromisoformat(first), date.fromisoformat(last or first)
    return [a + timedelta(days=k) for k in range((b - a).days + 1)]


def load(apps, schema_editor):
    Year, Day = apps.get_model("workcalendar", "CalendarYear"), apps.get_model("workcalendar", "CalendarDay")
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    for key, data in raw["years"].items():
        Year.objects.update_or_create(year=int(key), defaults={
            "confirmed": data.get("confirmed", True), "note": data.get("note", "")[:300]})
        for kind, field in (("off", "days_off"), ("work", "working_days")):
            for entry in data.get(field, ()):
                for d in expand(entry):
                    Day.objects.update_or_create(date=d, defaults={"kind": kind})


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
