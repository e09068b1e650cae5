"""Each new hire's figures over their current paths (coaching/learning/stored.py,
TraineeFigures), counted here once from the assignments that exist."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Count, F, Max, Min, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce


def count_trainee_figures(apps, schema_editor):
    """As stored.refresh_trainees() does, with the models of this point in history."""
    Assignment = apps.get_model("coaching", "Assignment")
    StepProgress = apps.get_model("coaching", "StepProgress")
    TraineeFigures = apps.get_model("coaching", "TraineeFigures")
    trainees = Assignment.objects.order_by().values_list("trainee_id", flat=True).distinct()
    TraineeFigures.objects.bulk_create(
        [TraineeFigures(trainee_id=pk) for pk in trainees], batch_size=2000
    )
    current = Assignment.objects.exclude(status="cancelled")
    active = current.filter(status="active")
    waiting = StepProgress.objects.filter(
        step__version=F("assignment__version"), status="submitted", assignment__status="active"
    )

    def of_trainee(rows, aggregate, field="trainee"):
        return Subquery(
            rows.filter(**{field: OuterRef("trainee")})
            .order_by()
            .values(field)
            .annotate(value=aggregate)
            .values("value")[:1]
        )

    TraineeFigures.objects.update(
        steps_total=Coalesce(of_trainee(current, Sum("version__step_count")), 0),
        steps_done=Coalesce(of_trainee(current, Sum("steps_done")), 0),
        waiting_count=Coalesce(of_trainee(waiting, Count("pk"), "assignment__trainee"), 0),
        paths_current=Coalesce(of_trainee(current, Count("pk")), 0),
        paths_active=Coalesce(of_trainee(active, Count("pk")), 0),
        last_activity_at=of_trainee(current, Max("last_activity_at")),
        next_due=of_trainee(active, Min("due_on")),
        finished_at=of_trainee(current, Max("completed_at")),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('coaching', '0018_stored_progress'),
    ]

    operations = [
        migrations.CreateModel(
            name='TraineeFigures',
            fields=[
                ('trainee', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='learning_figures', serialize=False, to=settings.AUTH_USER_MODEL, verbose_name='new hire')),
                ('steps_total', models.PositiveIntegerField(default=0, verbose_name='steps')),
                ('steps_done', models.PositiveIntegerField(default=0, verbose_name='steps done')),
                ('waiting_count', models.PositiveIntegerField(default=0, verbose_name='tasks waiting for sign-off')),
                ('paths_current', models.PositiveIntegerField(default=0, verbose_name='paths')),
                ('paths_active', models.PositiveIntegerField(default=0, verbose_name='paths in progress')),
                ('last_activity_at', models.DateTimeField(blank=True, null=True, verbose_name='last activity')),
                ('next_due', models.DateField(blank=True, db_index=True, null=True, verbose_name='next due')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='last path completed at')),
            ],
            options={
                'verbose_name': "new hire's learning figures",
                'verbose_name_plural': "new hires' learning figures",
            },
        ),
        migrations.RunPython(count_trainee_figures, migrations.RunPython.noop),
    ]
