"""`manage.py check_stored_progress`: recount every stored progress figure from the rows
(coaching/learning/stored.py), each assignment's and each new hire's, and report any that
drifted. `--repair` writes the counted figures. Without it, drift makes the command fail
(exit status 1), so a scheduled run or a deployment check notices."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from coaching.learning import stored
from coaching.learning.models import Assignment

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Recount the progress figures stored on each assignment and each new hire; report "
        "drift, or repair it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", help="Write the counted figures where they drifted."
        )

    def handle(self, *args, repair=False, **options):
        with transaction.atomic():
            drifted = stored.drift()
            if drifted and repair:
                stored.recount(Assignment.objects.filter(pk__in=[pk for pk, _s, _c in drifted]))
            trainees = stored.trainee_drift()
            if trainees and repair:
                stored.refresh_trainees(pk for pk, _s, _c in trainees)
        total = Assignment.objects.count()
        people = Assignment.objects.values("trainee").distinct().count()
        self.report(drifted, "Assignment", "(steps done, next step, minutes of reading left)")
        self.report(
            trainees,
            "New hire",
            "(" + ", ".join(name.replace("_", " ") for name in stored.TRAINEE_FIGURES) + ")",
        )
        if not drifted and not trainees:
            self.stdout.write(
                f"All {total} assignments' and {people} new hires' stored progress matches "
                "their rows."
            )
            return
        if repair:
            self.stdout.write(
                f"Repaired {len(drifted)} of {total} assignments and {len(trainees)} of "
                f"{people} new hires."
            )
            return
        raise CommandError(
            f"{len(drifted)} of {total} assignments and {len(trainees)} of {people} new hires "
            "drifted; run with --repair to fix them."
        )

    def report(self, drifted, what, figures):
        for pk, kept, counted in drifted[:SHOWN]:
            self.stdout.write(f"{what} {pk}: stored {kept}, counted {counted} {figures}.")
        if len(drifted) > SHOWN:
            self.stdout.write(f"… and {len(drifted) - SHOWN} more.")
