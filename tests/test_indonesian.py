"""The portal, a module, the coach dashboard and emails, in Bahasa Indonesia."""

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
from tests import builders

pytestmark = pytest.mark.django_db


def in_indonesian(client, user):
    remember_language(user, "id")
    client.force_login(user)
    return client


@pytest.fixture
def assignment(portal, trainee):
    module = builders.make_module(portal, title="Serving customers")
    return builders.assign(builders.make_path(steps=[module, "Shadow a call"]), trainee)


def test_the_portal_home_is_in_indonesian(client, trainee, assignment):
    page = in_indonesian(client, trainee).get(reverse("coaching:home")).content.decode()

    assert '<html lang="id">' in page
    assert "Onboarding saya" in page  # "My onboarding"
    assert "Catatan saya" in page  # "My record"
    assert "My onboarding" not in page


def test_a_module_step_is_in_indonesian(client, trainee, assignment):
    response = in_indonesian(client, trainee).get(reverse("coaching:step", args=[assignment.pk, 1]))

    page = response.content.decode()
    assert "Langkah 1 dari 2" in page  # "Step 1 of 2"
    assert "Step 1 of 2" not in page


def test_the_coach_dashboard_is_in_indonesian(client, coach, assignment):
    page = in_indonesian(client, coach).get(reverse("coaching:dashboard")).content.decode()

    assert "Dasbor coach" in page
    assert "Coach dashboard" not in page


def test_emails_arrive_in_the_recipients_language(
    portal, coach, trainee, outbox, django_capture_on_commit_callbacks
):
    speaks_indonesian = trainee
    speaks_english = builders.make_trainee("bima", coach=coach)
    remember_language(speaks_indonesian, "id")
    learning_path = builders.make_path(steps=["Shadow a call"])

    with django_capture_on_commit_callbacks(execute=True):
        builders.assign(learning_path, speaks_indonesian, by=coach)
        builders.assign(learning_path, speaks_english, by=coach)

    subjects = {email.to[0]: email.subject for email in outbox}
    assert subjects["nadia@example.com"] == "Jalur belajar baru: Orientation"
    assert subjects["bima@example.com"] == "New learning path: Orientation"
    indonesian_email = next(email for email in outbox if email.to == ["nadia@example.com"])
    assert "Halo Nadia" in indonesian_email.body
    assert 'lang="id"' in indonesian_email.alternatives[0][0]


def test_dates_and_relative_times_follow_the_language(client, trainee, assignment):
    from datetime import date, timedelta

    from django.utils import timezone

    from coaching.models import Notification, NotificationKind
    from coaching.notifications.sending import Notice, notify

    notify(
        [
            Notice(
                trainee.pk,
                NotificationKind.OVERDUE,
                "overdue:1",
                {
                    "path": "Orientation",
                    "due_on": "2026-08-17",
                    "remaining": 2,
                    "next_step": "",
                },
            )
        ]
    )
    Notification.objects.filter(key="overdue:1").update(
        created_at=timezone.now() - timedelta(hours=3)
    )
    assignment.due_on = date(2026, 12, 1)
    assignment.save()
    client = in_indonesian(client, trainee)

    notifications = client.get(reverse("coaching:notifications")).content.decode()
    home = client.get(reverse("coaching:home")).content.decode()

    assert "17 Agustus 2026" in notifications  # the month written out, as Indonesian does
    assert "3\xa0jam yang lalu" in notifications  # "3 hours ago"
    assert "1 Desember 2026" in home
