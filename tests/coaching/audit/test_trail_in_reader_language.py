"""The trail's "what happened" names paths and steps in its reader's language, and its
days in the reader's format; an entry written before entries kept translations reads as
it was written."""

import datetime

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
from coaching.audit.models import CoachingLogEntry
from coaching.audit.trail import record
from coaching.learning.assigning import cancel_assignment, change_due_date
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def orientation(portal):
    learning_path = builders.make_path("Company orientation", steps=["Shadow a call"])
    builders.translate(learning_path, {"Company orientation": "Orientasi perusahaan"})
    learning_path.refresh_from_db()
    return learning_path


def trail_of(client, hr):
    client.force_login(hr)
    return client.get(reverse("onboarding_trail:index")).content.decode()


def test_hr_reading_indonesian_sees_the_path_in_indonesian(client, hr, coach, trainee, orientation):
    cancel_assignment(builders.assign(orientation, trainee, by=coach), by=coach)
    remember_language(hr, "id")

    page = trail_of(client, hr)

    assert "Orientasi perusahaan" in page
    assert "Company orientation" not in page


def test_hr_reading_english_sees_the_same_entry_in_english(client, hr, coach, trainee, orientation):
    cancel_assignment(builders.assign(orientation, trainee, by=coach), by=coach)
    remember_language(hr, "en")

    page = trail_of(client, hr)

    assert "Cancelled Company orientation" in page
    assert "Orientasi perusahaan" not in page


def test_an_entry_kept_without_translations_shows_its_title_as_written(
    client, hr, coach, trainee, orientation
):
    assignment = builders.assign(orientation, trainee, by=coach)
    CoachingLogEntry.objects.all().delete()
    record(assignment, "coaching.cancel", by=coach, trainee_id=trainee.pk, path="Old title")
    remember_language(hr, "id")

    assert "Old title" in trail_of(client, hr)


def test_a_new_due_date_reads_in_the_readers_words(client, hr, coach, trainee, orientation):
    assignment = builders.assign(orientation, trainee, by=coach)
    change_due_date(assignment, datetime.date(2026, 12, 1), by=coach)
    remember_language(hr, "id")

    page = trail_of(client, hr)

    assert "tanpa tenggat" in page and "1 Desember 2026" in page
    assert "Orientasi perusahaan" in page
