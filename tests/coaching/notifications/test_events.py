"""Each event notifies the right person once, in the portal and by email."""

import pytest
from django.urls import reverse

from coaching.learning.progress import send_back, submit_task
from coaching.models import (
    EmailStatus,
    Notification,
    NotificationKind,
    Preferences,
    ProgressStatus,
    Reflection,
)
from tests import builders
from tests.coaching.record import make


def kinds_of(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_new_assignment_notifies_the_new_hire_once(
    task_path, trainee, coach, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = builders.assign(task_path, trainee, by=coach)
    with django_capture_on_commit_callbacks(execute=True):
        builders.assign(task_path, trainee, by=coach)  # already assigned: nothing new

    notification = Notification.objects.get(recipient=trainee)
    assert notification.kind == NotificationKind.ASSIGNED
    assert notification.url == reverse("coaching:assignment", args=[assignment.pk])
    assert notification.email_status == EmailStatus.SENT
    assert [email.to for email in outbox] == [[trainee.email]]
    assert outbox[0].subject == "New learning path: Orientation"
    assert "Citra gave you a learning path: Orientation." in outbox[0].body


def test_the_email_has_plain_text_and_html_with_an_absolute_link(
    task_path, trainee, coach, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = builders.assign(task_path, trainee, by=coach)

    email = outbox[0]
    link = "http://testserver" + reverse("coaching:assignment", args=[assignment.pk])
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert link in email.body and f'href="{link}"' in html
    assert reverse("coaching:preferences") in email.body


def test_submitting_a_task_notifies_each_coach_once_per_submission(
    task_path, trainee, coach, django_capture_on_commit_callbacks
):
    buddy = builders.make_user("agus")
    from coaching.models import CoachRelationship

    CoachRelationship.objects.create(coach=buddy, trainee=trainee)
    assignment = builders.assign(task_path, trainee, by=coach)
    task = builders.steps_of(assignment)[1]

    submit_task(assignment, task, note="Done")
    submit_task(assignment, task, note="Done, with notes")  # a second tab: still waiting
    assert kinds_of(coach) == [NotificationKind.SIGN_OFF]
    assert kinds_of(buddy) == [NotificationKind.SIGN_OFF]

    send_back(assignment, task, coach=coach, comment="Add the third call.")
    submit_task(assignment, task, note="All three")  # a new submission: a new notice
    assert kinds_of(coach) == [NotificationKind.SIGN_OFF] * 2
    assert assignment.progress.get(step=task).status == ProgressStatus.SUBMITTED


def test_feedback_notifies_the_new_hire(
    client, trainee, coach, outbox, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    data = {
        "feedback_kind": "coaching",
        "situation": "The Monday outage call",
        "behaviour": "You read the script",
        "impact": "The customer felt unheard",
        "suggestion": "Pause and ask",
    }
    url = reverse("coaching:new_entry", args=[trainee.pk, "feedback"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302
    assert kinds_of(trainee) == [NotificationKind.FEEDBACK]
    assert outbox[0].subject == "Citra gave you feedback"


def test_recognition_notifies_the_person_recognised(
    client, trainee, outbox, django_capture_on_commit_callbacks
):
    colleague = builders.make_user("bima")
    value = make.value("Customer first")
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("coaching:give_recognition"),
            {"recipient": trainee.pk, "value": value.pk, "message": "Thanks!", "is_public": "on"},
        )

    notification = Notification.objects.get(recipient=trainee)
    assert notification.kind == NotificationKind.RECOGNITION
    assert notification.params == {"author": "Bima", "value": "Customer first"}
    assert outbox[0].subject == "Bima recognised you"


def test_a_1_1_the_new_hire_plans_is_emailed_to_their_coach(
    client, trainee, coach, outbox, django_capture_on_commit_callbacks
):
    client.force_login(trainee)
    url = reverse("coaching:new_entry", args=[trainee.pk, "one-on-one"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"meets_at": "2026-03-02 15:00", "coach": coach.pk})

    assert kinds_of(coach) == [NotificationKind.ONE_ON_ONE_PLANNED]
    assert kinds_of(trainee) == []
    assert [email.to for email in outbox] == [[coach.email]]
    assert outbox[0].subject == "Nadia planned a 1:1 with you"
    assert "On March 2, 2026, 3 p.m. you meet for a 1:1 that Nadia planned." in outbox[0].body


def test_writing_on_ones_own_record_notifies_nobody(
    client, trainee, outbox, django_capture_on_commit_callbacks
):
    client.force_login(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("coaching:new_entry", args=[trainee.pk, "reflection"]),
            {"title": "Week one", "text": "Good."},
        )

    assert response.status_code == 302
    assert Reflection.objects.filter(trainee=trainee, author=trainee, title="Week one").exists()
    assert not Notification.objects.exists()
    assert outbox == []


def mute_assignments(person):
    Preferences.objects.create(user=person, muted_kinds=[NotificationKind.ASSIGNED])


def forget_email_address(person):
    person.email = ""
    person.save()


@pytest.mark.parametrize("unreachable", [mute_assignments, forget_email_address])
def test_people_who_get_no_email_still_see_it_in_the_portal(
    task_path, trainee, coach, outbox, django_capture_on_commit_callbacks, unreachable
):
    """Those who turned this kind of email off, and those with no email address."""
    unreachable(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        builders.assign(task_path, trainee, by=coach)

    notification = Notification.objects.get(recipient=trainee)
    assert notification.kind == NotificationKind.ASSIGNED
    assert notification.email_status == EmailStatus.NOT_WANTED
    assert outbox == []
