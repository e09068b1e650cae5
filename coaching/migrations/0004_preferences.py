from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0003_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("NotificationPreference", "Preferences"),
        migrations.AlterModelOptions(
            name="preferences",
            options={"verbose_name": "preferences", "verbose_name_plural": "preferences"},
        ),
        migrations.AlterField(
            model_name="preferences",
            name="user",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="preferences",
                to=settings.AUTH_USER_MODEL,
                verbose_name="person",
            ),
        ),
        migrations.AddField(
            model_name="preferences",
            name="language",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to follow the browser's language.",
                max_length=10,
                verbose_name="language",
            ),
        ),
    ]
