"""The daily sweep of enrolment rules, as a background task (django-tasks): enqueue
`apply_enrolment_rules_daily` once a day, or run `manage.py apply_enrolment_rules` from cron."""

from django_tasks import task

from .applying import apply_rules
from .models import Trigger


@task()
def apply_enrolment_rules_daily() -> int:
    """Apply every active rule to everyone; returns the number of assignments made."""
    return sum(run.assignments for run in apply_rules(trigger=Trigger.DAILY_SWEEP))
