"""Each assignment stores its steps done, next step and reading time left
(coaching/learning/stored.py), counted here once from the progress rows that exist."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce


def count_figures(apps, schema_editor):
    """As stored.counted() does, with the models of this point in history."""
    Assignment = apps.get_model("coaching", "Assignment")
    StepProgress = apps.get_model("coaching", "StepProgress")
    PathVersionStep = apps.get_model("lessons", "PathVersionStep")
    done = (
        StepProgress.objects.filter(
            assignment=OuterRef("pk"), status="done", step__version=OuterRef("version")
        )
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    done_here = StepProgress.objects.filter(
        assignment=OuterRef(OuterRef("pk")), step=OuterRef("pk"), status="done"
    )
    not_done = (
        PathVersionStep.objects.filter(version=OuterRef("version"))
        .exclude(Exists(done_here))
        .order_by("position")
    )
    minutes = (
        not_done.order_by().values("version").annotate(total=Sum("estimated_minutes"))
    ).values("total")
    Assignment.objects.update(
        steps_done=Coalesce(Subquery(done, output_field=IntegerField()), 0),
        next_step_id=Subquery(not_done.values("pk")[:1]),
        minutes_left=Coalesce(Subquery(minutes, output_field=IntegerField()), 0),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0017_onboarding_runs_itself"),
        ("lessons", "0004_preboarding"),
    ]

    operations = [
        migrations.AddField(
            model_name="assignment",
            name="minutes_left",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="minutes of reading left"
            ),
        ),
        migrations.AddField(
            model_name="assignment",
            name="next_step",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="lessons.pathversionstep",
                verbose_name="next step",
            ),
        ),
        migrations.AddField(
            model_name="assignment",
            name="steps_done",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="steps done"),
        ),
        migrations.RunPython(count_figures, migrations.RunPython.noop),
    ]
