"""`manage.py erase_deactivated`: run it daily, e.g. from cron, when the site sets
`COACHING_ERASE_DEACTIVATED_AFTER_DAYS`. Safe to run twice: a person is erased once."""

from django.core.management.base import BaseCommand

from coaching.conf import coaching_settings
from coaching.record.retention import sweep


class Command(BaseCommand):
    help = "Erase the people whose accounts have been deactivated for longer than kept."

    def handle(self, *args, **options):
        if coaching_settings.ERASE_DEACTIVATED_AFTER_DAYS is None:
            self.stdout.write("COACHING_ERASE_DEACTIVATED_AFTER_DAYS is not set: nothing erased.")
            return
        result = sweep()
        self.stdout.write(
            f"Newly found deactivated: {result.noticed}. People erased: {result.erased}."
        )
