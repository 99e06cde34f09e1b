"""The copied organisation and version are required once every rating has them (0003 filled them in;
a separate migration so the ALTER does not meet the backfill's pending foreign-key checks)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("measures", "0003_rating_dossier_org_version"),
    ]

    operations = [
        migrations.AlterField(
            model_name="rating",
            name="dossier_org",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="org.organisation", verbose_name="nơi tiếp nhận hồ sơ"),
        ),
        migrations.AlterField(
            model_name="rating",
            name="dossier_version",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="catalog.procedureversion", verbose_name="thủ tục (phiên bản)"),
        ),
    ]
