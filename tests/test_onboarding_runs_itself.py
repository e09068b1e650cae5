"""The issue's "Done when", on the demo: HR imports the example file of three Customer
Service new hires, and the demo's enrolment rule gives each of them Company orientation and
Customer Service essentials, due 30 days after their start, with the unit's lead as coach,
without another click; each gets the invitation to choose a password."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from coaching.importing.example import PEOPLE, example_csv
from coaching.models import Assignment, CoachRelationship, TraineeProfile
from lessons.models import BusinessUnit

pytestmark = pytest.mark.django_db


def test_importing_the_example_file_assigns_the_new_hires_by_the_demo_rule(
    client, django_capture_on_commit_callbacks
):
    # As on a site: the demo's transaction commits (its profiles' rules run) before HR
    # imports anything.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    client.login(username="hana", password="onboard-demo")
    upload = SimpleUploadedFile("new-hires.csv", example_csv(), content_type="text/csv")
    preview = client.post(reverse("people_imports:upload"), {"file": upload})
    assert preview.status_code == 302, preview.content.decode()[:2000]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(preview.url)

    assert confirmed.status_code == 302
    addresses = [f"{address}@nusantaraconnect.example" for _, address, _, _ in PEOPLE]
    profiles = TraineeProfile.objects.filter(user__email__in=addresses).select_related("user")
    assert len(profiles) == 3
    lead = BusinessUnit.objects.originals().get(slug="customer-service").lead
    for profile in profiles:
        assignments = Assignment.objects.filter(trainee=profile.user).select_related("path", "rule")
        assert sorted(a.path.slug for a in assignments) == [
            "company-orientation",
            "customer-service-essentials",
        ]
        for assignment in assignments:
            assert assignment.rule is not None
            assert assignment.rule.name == "Customer Service starters"
            assert assignment.due_on == profile.start_date + timedelta(days=30)
        primary = CoachRelationship.objects.get(trainee=profile.user, is_primary=True)
        assert primary.coach == lead
    invited = {message.to[0] for message in mail.outbox}
    assert set(addresses) <= invited
