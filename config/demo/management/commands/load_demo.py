from django.conf import settings
from django.core.management.base import BaseCommand

from config.demo.loader import DEMO_PASSWORD, load_demo

ROLE_LABELS = {
    "hr": "HR",
    "editor": "editor",
    "coach": "coach",
    "trainee": "new hire",
    "colleague": "colleague",
}


class Command(BaseCommand):
    help = "Load the demo company, its content and its people. Safe to run again."

    def handle(self, *args, **options):
        report = load_demo()
        if report.created:
            self.stdout.write(f"Created {len(report.created)} demo objects.")
        else:
            self.stdout.write("The demo data was already loaded; nothing to add.")
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(self.style.SUCCESS(f"\nThe site:        {base}/"))
        self.stdout.write(self.style.SUCCESS(f"The admin:       {base}/admin/"))
        self.stdout.write(f"Portal sign-in:  {base}/onboarding/sign-in/\n")
        if report.scim_key:
            self.stdout.write(f"SCIM base URL:   {base}/onboarding/scim/v2/")
            self.stdout.write(f"SCIM token (shown once): {report.scim_key}\n")
        if report.api_key:
            self.stdout.write(f"REST API docs:   {base}/onboarding/api/v1/docs")
            self.stdout.write(f"Hana's API token, an HR system's (shown once): {report.api_key}\n")
        self.stdout.write(f"Demo accounts (password for each: {DEMO_PASSWORD}):")
        for role, user, job_title, language in report.people:
            self.stdout.write(
                f"  {ROLE_LABELS[role]:<9} {user.username:<10} {user.get_full_name()}"
                + (f", {job_title}" if job_title else "")
                + (f" (reads {dict(settings.LANGUAGES)[language]})" if language else "")
            )
