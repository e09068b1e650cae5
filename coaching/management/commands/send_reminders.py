"""`manage.py send_reminders`: run it on a schedule, e.g. every 15 minutes from cron.

Safe to run twice, or on several servers at once: each reminder is written and emailed
once. It also retries emails that failed before.
"""

from django.core.management.base import BaseCommand

from coaching.notifications.reminders import sweep


class Command(BaseCommand):
    help = "Write due, overdue and upcoming reminders once, and retry unsent emails."

    def handle(self, *args, **options):
        result = sweep()
        self.stdout.write(f"Reminders written: {result.written}. Emails retried: {result.retried}.")
