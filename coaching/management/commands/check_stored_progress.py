"""`manage.py check_stored_progress`: recount every stored progress figure from the
progress rows (coaching/learning/stored.py) and report any that drifted. `--repair`
writes the counted figures. Without it, drift makes the command fail (exit status 1), so a
scheduled run or a deployment check notices."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from coaching.learning import stored
from coaching.learning.models import Assignment

SHOWN = 20


class Command(BaseCommand):
    help = "Recount the progress figures stored on each assignment; report drift, or repair it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", help="Write the counted figures where they drifted."
        )

    def handle(self, *args, repair=False, **options):
        with transaction.atomic():
            drifted = stored.drift()
            if drifted and repair:
                stored.recount(Assignment.objects.filter(pk__in=[pk for pk, _s, _c in drifted]))
        total = Assignment.objects.count()
        if not drifted:
            self.stdout.write(f"All {total} assignments' stored progress matches their rows.")
            return
        for pk, kept, counted in drifted[:SHOWN]:
            self.stdout.write(
                f"Assignment {pk}: stored {kept}, counted {counted} "
                "(steps done, next step, minutes of reading left)."
            )
        if len(drifted) > SHOWN:
            self.stdout.write(f"… and {len(drifted) - SHOWN} more.")
        if repair:
            self.stdout.write(f"Repaired {len(drifted)} of {total} assignments.")
            return
        raise CommandError(
            f"{len(drifted)} of {total} assignments drifted; run with --repair to fix them."
        )
