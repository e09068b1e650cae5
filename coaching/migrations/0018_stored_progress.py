"""Each assignment stores its steps done (coaching/learning/stored.py), counted here once
from the progress rows that exist."""

from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_steps_done(apps, schema_editor):
    Assignment = apps.get_model("coaching", "Assignment")
    StepProgress = apps.get_model("coaching", "StepProgress")
    done = (
        StepProgress.objects.filter(
            assignment=OuterRef("pk"), status="done", step__version=OuterRef("version")
        )
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Assignment.objects.update(steps_done=Coalesce(Subquery(done, output_field=IntegerField()), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0017_onboarding_runs_itself"),
    ]

    operations = [
        migrations.AddField(
            model_name="assignment",
            name="steps_done",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="steps done"),
        ),
        migrations.RunPython(count_steps_done, migrations.RunPython.noop),
    ]
