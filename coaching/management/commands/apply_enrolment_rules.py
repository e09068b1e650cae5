"""`manage.py apply_enrolment_rules`: the daily sweep of enrolment rules. Run it once a day
from cron (e.g. `15 6 * * * manage.py apply_enrolment_rules`); safe to run twice, as a
rule never assigns a path twice. `--dry-run` says what each rule would do, and does nothing.
"""

from django.core.management.base import BaseCommand

from coaching.automation.applying import apply_rules, assignable_paths, preview
from coaching.automation.models import EnrolmentRule, Trigger


class Command(BaseCommand):
    help = "Apply every active enrolment rule to everyone it is about (the daily sweep)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be assigned; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            for rule in EnrolmentRule.objects.active():
                would = preview(rule, assignable_paths(rule))
                self.stdout.write(
                    f"{rule.name}: {would.matched} matched, {would.receiving} would get paths."
                )
            return
        runs = apply_rules(trigger=Trigger.DAILY_SWEEP)
        for run in runs:
            self.stdout.write(
                f"{run.rule.name}: {run.matched} matched, {run.assigned} assigned, "
                f"{run.skipped} skipped, {run.assignments} assignments made."
            )
