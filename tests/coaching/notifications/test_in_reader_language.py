"""Notifications name paths, steps and company values in their reader's language: in the
portal and in the email, whoever wrote them in whichever language. One written before
notifications kept translations still shows its title as it was written."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.account.languages import remember_language
from coaching.learning.progress import submit_task
from coaching.models import Notification, NotificationKind
from coaching.notifications.delivery import build_email
from coaching.notifications.reminders import sweep
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db

PATH_WORDS = {"Company orientation": "Orientasi perusahaan", "Shadow a call": "Dampingi panggilan"}


@pytest.fixture
def orientation(portal):
    learning_path = builders.make_path("Company orientation", steps=["Shadow a call"])
    builders.translate(learning_path, PATH_WORDS)
    learning_path.refresh_from_db()
    return learning_path


def page_of(client, person):
    client.force_login(person)
    return client.get(reverse("coaching:notifications")).content.decode()


def email_to(person, kind):
    notification = Notification.objects.select_related(
        "recipient__wagtail_userprofile", "recipient__preferences"
    ).get(recipient=person, kind=kind)
    return build_email(notification)


def test_an_indonesian_reader_sees_the_path_in_indonesian(client, orientation, trainee, coach):
    builders.assign(orientation, trainee, by=coach)
    remember_language(trainee, "id")

    page = page_of(client, trainee)

    assert "Orientasi perusahaan" in page
    assert "Company orientation" not in page


def test_an_english_reader_sees_the_same_notification_in_english(
    client, orientation, trainee, coach
):
    builders.assign(orientation, trainee, by=coach)
    remember_language(trainee, "en")

    page = page_of(client, trainee)

    assert "Company orientation" in page
    assert "Orientasi perusahaan" not in page


def test_the_email_names_the_path_in_the_recipients_language(orientation, trainee, coach):
    builders.assign(orientation, trainee, by=coach)
    remember_language(trainee, "id")

    email = email_to(trainee, NotificationKind.ASSIGNED)

    assert "Orientasi perusahaan" in email.subject
    assert "Orientasi perusahaan" in email.body
    assert "Company orientation" not in email.body


def test_a_coach_reading_indonesian_gets_the_task_and_path_in_indonesian(
    orientation, trainee, coach
):
    assignment = builders.assign(orientation, trainee, by=coach)
    remember_language(coach, "id")
    step = builders.steps_of(assignment)[0]
    submit_task(assignment, step, "Done", by=trainee)

    email = email_to(coach, NotificationKind.SIGN_OFF)

    assert "Dampingi panggilan" in email.subject
    assert "Orientasi perusahaan" in email.body and "Shadow a call" not in email.body


def test_reminders_name_the_path_and_next_step_in_the_readers_language(
    client, orientation, trainee, coach
):
    builders.assign(orientation, trainee, by=coach, due_on=timezone.localdate() + timedelta(1))
    remember_language(trainee, "id")
    sweep()

    page = page_of(client, trainee)

    assert "Orientasi perusahaan" in page and "Dampingi panggilan" in page
    assert "Company orientation" not in page


def test_the_coachs_digest_names_the_paths_in_their_language(orientation, trainee, coach):
    builders.assign(orientation, trainee, by=coach, due_on=timezone.localdate() - timedelta(3))
    remember_language(coach, "id")
    sweep()

    email = email_to(coach, NotificationKind.OVERDUE_DIGEST)

    assert "Orientasi perusahaan" in email.body
    assert "Company orientation" not in email.body


def test_a_notification_kept_without_translations_shows_its_title_as_written(
    client, orientation, trainee
):
    Notification.objects.create(
        recipient=trainee,
        kind=NotificationKind.ASSIGNED,
        key="assignment:old",
        params={"path": "Company orientation", "assigner": "Citra", "due_on": ""},
    )
    remember_language(trainee, "id")

    page = page_of(client, trainee)

    assert "Company orientation" in page


def test_recognition_names_the_company_value_in_the_recipients_language(
    client, trainee, indonesian, django_capture_on_commit_callbacks
):
    value = make.value("Customer first")
    builders.translated_copy(value, indonesian, name="Pelanggan nomor satu")
    colleague = builders.make_user("bima")
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("coaching:give_recognition"),
            {"recipient": trainee.pk, "value": value.pk, "message": "Thanks!", "is_public": "on"},
        )
    remember_language(trainee, "id")

    email = email_to(trainee, NotificationKind.RECOGNITION)

    assert "Pelanggan nomor satu" in email.body
    assert "Customer first" not in email.body


@pytest.mark.parametrize("count", [1, 4])
def test_translated_titles_cost_no_query_on_the_list(
    client, portal, trainee, indonesian, count, django_assert_num_queries
):
    for number in range(count):
        learning_path = builders.make_path(f"Path {number}", steps=["Shadow a call"])
        builders.translate(learning_path, {f"Path {number}": f"Jalur {number}"})
        learning_path.refresh_from_db()
        builders.assign(learning_path, trainee)
    remember_language(trainee, "id")
    client.force_login(trainee)
    url = reverse("coaching:notifications")
    client.get(url)  # warm the content-type, language and unread-count caches

    # session, user, count, page of notifications, unread (for "mark all"), the site (for
    # the cached portal): the titles' translations are in each notification's details
    with django_assert_num_queries(5):
        page = client.get(url).content.decode()
    assert "Jalur 0" in page
