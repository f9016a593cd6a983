from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("billing", "0041_auto_20240510_1012")]
    operations = [migrations.AddField("invoice", "external_ref", models.CharField(max_length=64, default=""))]
