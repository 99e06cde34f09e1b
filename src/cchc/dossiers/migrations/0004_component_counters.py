"""Component counters on the dossier (ADR 0008 §11), backfilled from the components."""

from django.db import migrations, models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce


def backfill(apps, schema_editor):
    Dossier = apps.get_model("dossiers", "Dossier")
    DossierComponent = apps.get_model("dossiers", "DossierComponent")

    def count(q: Q):
        rows = (DossierComponent.objects.filter(q, dossier_id=OuterRef("pk"), provided=True)
                .order_by().values("dossier_id").annotate(n=Count("id")).values("n"))
        return Coalesce(Subquery(rows), 0)

    # one statement: correlated counts through the dossier_id index; dossiers without components stay 0
    Dossier.objects.filter(components__isnull=False).update(
        components_provided=count(Q()), components_digitised=count(Q(digitised=True)),
        components_reused=count(Q(reused=True)))


class Migration(migrations.Migration):

    dependencies = [
        ("dossiers", "0003_inbox_open_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="dossier",
            name="components_provided",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="số giấy tờ đã nộp"),
        ),
        migrations.AddField(
            model_name="dossier",
            name="components_digitised",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="số giấy tờ đã nộp đã số hóa"),
        ),
        migrations.AddField(
            model_name="dossier",
            name="components_reused",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="số giấy tờ đã nộp tái sử dụng"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
