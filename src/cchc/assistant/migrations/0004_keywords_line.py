"""The searched body gained a line for the version's search keywords, second after the name
(``services.LAYOUT``). Entries written before have none, and every version has empty keywords
when the catalogue's column is added, so an empty line is inserted: the stored index then reads
exactly as if it were rebuilt, without running the model during a migration.
"""
from django.db import migrations


def _insert(text: str) -> str:
    first, _, rest = text.partition("\n")
    return f"{first}\n\n{rest}" if rest else f"{first}\n"


def _remove(text: str) -> str:
    first, _, rest = text.partition("\n")
    keywords, _, rest = rest.partition("\n")
    return f"{first}\n{rest}" if rest else first


def _rewrite(change):
    def run(apps, schema_editor):
        Entry = apps.get_model("assistant", "IndexEntry")
        for entry in Entry.objects.only("pk", "body", "folded").iterator():
            Entry.objects.filter(pk=entry.pk).update(body=change(entry.body), folded=change(entry.folded))
    return run


class Migration(migrations.Migration):
    dependencies = [("assistant", "0003_stored_vector"), ("catalog", "0002_version_keywords")]

    operations = [migrations.RunPython(_rewrite(_insert), _rewrite(_remove))]
