"""Ratings carry their dossier's receiving organisation and procedure version (ADR 0008 §11)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def backfill(apps, schema_editor):
    Rating = apps.get_model("measures", "Rating")
    Dossier = apps.get_model("dossiers", "Dossier")
    of = Dossier.objects.filter(pk=OuterRef("dossier_id"))
    Rating.objects.update(dossier_org_id=Subquery(of.values("org_id")),
                          dossier_version_id=Subquery(of.values("version_id")))


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0001_initial"),
        ("dossiers", "0004_component_counters"),
        ("measures", "0002_index766_2022"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="rating",
            name="dossier_org",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="org.organisation", verbose_name="nơi tiếp nhận hồ sơ"),
        ),
        migrations.AddField(
            model_name="rating",
            name="dossier_version",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="catalog.procedureversion",
                                    verbose_name="thủ tục (phiên bản)"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
