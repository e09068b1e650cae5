"""Notifications follow the work: one is read once what it is about is done or seen, and
new hires hear back when their task is reviewed or a check-in is planned."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.learning import progress
from coaching.models import CoachRelationship, Notification, NotificationKind
from coaching.notifications.events import entry_written
from coaching.notifications.messages import message_for
from tests import builders
from tests.coaching.record import make


def unread(user, kind):
    return Notification.objects.filter(recipient=user, kind=kind, read_at__isnull=True)


@pytest.fixture
def waiting(task_path, trainee, coach):
    """Nadia's practical task, submitted: it waits for the sign-off of Citra and Agus."""
    buddy = builders.make_user("agus")
    CoachRelationship.objects.create(coach=buddy, trainee=trainee)
    assignment = builders.assign(task_path, trainee, by=coach)
    task = builders.steps_of(assignment)[1]
    progress.submit_task(assignment, task, note="Shadowed three calls")
    return assignment, task, buddy


def test_signing_off_reads_every_coachs_sign_off_and_tells_the_new_hire(waiting, trainee, coach):
    assignment, task, buddy = waiting

    progress.sign_off(assignment, task, coach=coach, comment="Well handled.")

    assert not unread(coach, NotificationKind.SIGN_OFF).exists()
    assert not unread(buddy, NotificationKind.SIGN_OFF).exists()
    told = Notification.objects.get(recipient=trainee, kind=NotificationKind.TASK_SIGNED_OFF)
    assert told.url == reverse("coaching:step", args=[assignment.pk, 2])
    message = message_for(told)
    assert message.subject == "Signed off: Shadow three calls"
    assert "Their comment: Well handled." in message.lines


def test_clearing_the_sign_off_is_one_update_whatever_the_number_of_coaches(
    waiting, coach, django_assert_num_queries
):
    from coaching.notifications.inbox import clear

    # whose badges to recount, then one UPDATE for both coaches' notifications
    with django_assert_num_queries(2):
        clear(Notification.objects.filter(kind=NotificationKind.SIGN_OFF))

    assert not Notification.objects.filter(kind=NotificationKind.SIGN_OFF, read_at=None).exists()


def test_signing_off_tells_with_the_progress_row_it_wrote_not_looking_it_up_again(
    waiting, coach, django_assert_num_queries
):
    assignment, task, _buddy = waiting

    # savepoint (the action and the stored figures that follow it, together), savepoint,
    # done already?, savepoint, the progress row, UPDATE it, lock the assignment (with its
    # version and new hire), UPDATE its stored figures, savepoint released; the trail: its
    # content type, both people, INSERT; the sign-off notices: whose to recount, UPDATE
    # read_at; telling the new hire: who with their preferences, savepoint, INSERT, the
    # notices to email, savepoint released; savepoint released; the new hire's stored
    # figures: locked, counted (2), upserted: 4; savepoint released.
    # (27 when the notices looked the progress row up again.)
    with django_assert_num_queries(26):
        progress.sign_off(assignment, task, coach=coach, comment="Well handled.")


def test_sending_back_reads_the_sign_off_and_says_what_is_missing(waiting, trainee, coach):
    assignment, task, _buddy = waiting

    progress.send_back(assignment, task, coach=coach, comment="Add the third call.")

    assert not unread(coach, NotificationKind.SIGN_OFF).exists()
    told = Notification.objects.get(recipient=trainee, kind=NotificationKind.TASK_SENT_BACK)
    message = message_for(told)
    assert message.subject == "Your task needs more: Shadow three calls"
    assert "What is missing: Add the third call." in message.lines


def test_a_planned_check_in_step_is_told_to_the_new_hire_once_per_time(portal, trainee, coach):
    learning_path = builders.make_path(steps=[builders.checkin_step()])
    assignment = builders.assign(learning_path, trainee, by=coach)
    (step,) = builders.steps_of(assignment)
    when = timezone.now() + timedelta(days=2)

    progress.plan_checkin(assignment, step, coach=coach, when=when)
    progress.plan_checkin(assignment, step, coach=coach, when=when)  # a second tab

    told = Notification.objects.get(recipient=trainee, kind=NotificationKind.ONE_ON_ONE_PLANNED)
    assert message_for(told).subject == "Citra planned your check-in: Check-in with your coach"


def test_opening_the_path_reads_its_assigned_notification(client, task_path, trainee, coach):
    assignment = builders.assign(task_path, trainee, by=coach)
    client.force_login(trainee)

    client.get(reverse("coaching:assignment", args=[assignment.pk]))

    assert not unread(trainee, NotificationKind.ASSIGNED).exists()


def test_opening_a_step_of_the_path_reads_it_too(client, task_path, trainee, coach):
    assignment = builders.assign(task_path, trainee, by=coach)
    client.force_login(trainee)

    client.get(reverse("coaching:step", args=[assignment.pk, 1]))

    assert not unread(trainee, NotificationKind.ASSIGNED).exists()


def test_viewing_a_recognition_reads_it(client, trainee, coach):
    recognition = make.recognition(trainee, coach)
    entry_written(recognition)
    client.force_login(trainee)

    client.get(reverse("coaching:entry", args=[recognition.pk]))

    assert not unread(trainee, NotificationKind.RECOGNITION).exists()


def test_viewing_the_new_hires_page_leaves_the_sign_off_waiting(client, waiting, coach, trainee):
    client.force_login(coach)

    client.get(reverse("coaching:trainee", args=[trainee.pk]))

    assert unread(coach, NotificationKind.SIGN_OFF).exists()


def test_checking_in_on_a_goal_reads_its_reminder(trainee, coach):
    from coaching.record.writing import check_in_on_goal

    goal = make.goal(trainee, coach)
    Notification.objects.create(
        recipient=trainee,
        kind=NotificationKind.GOAL_CHECK_IN,
        key=f"goal-check-in:{goal.pk}:2026-03-02",
        url=reverse("coaching:goal_check_in", args=[goal.pk]),
    )

    check_in_on_goal(goal, author=trainee, status="on_track", confidence=7, comment="", values={})

    assert not unread(trainee, NotificationKind.GOAL_CHECK_IN).exists()


def test_completing_the_path_reads_its_overdue_notices_in_one_update(
    waiting, trainee, coach, task_path, django_assert_num_queries
):
    from coaching.notifications.events import path_completed

    assignment, task, _buddy = waiting
    handbook = builders.make_path("Handbook", steps=["Read the handbook"])
    other = builders.assign(handbook, trainee, by=coach)

    def overdue_notice(of, due):
        return Notification.objects.create(
            recipient=trainee, kind=NotificationKind.OVERDUE, key=f"overdue:{of.pk}:{due}"
        )

    earlier, later = (
        overdue_notice(assignment, "2026-11-01"),
        overdue_notice(assignment, "2026-11-08"),
    )
    elsewhere = overdue_notice(other, "2026-11-01")
    progress.complete_module(assignment, builders.steps_of(assignment)[0])
    assert unread(trainee, NotificationKind.OVERDUE).count() == 3  # not complete yet

    progress.sign_off(assignment, task, coach=coach, comment="Well handled.")

    assignment.refresh_from_db()
    assert assignment.status == "completed"
    unread_now = unread(trainee, NotificationKind.OVERDUE)
    assert list(unread_now) == [elsewhere]  # the other path is still overdue
    assert {earlier.pk, later.pk}.isdisjoint(unread_now.values_list("pk", flat=True))
    with django_assert_num_queries(1):  # the UPDATE of read_at
        path_completed(other, trainee)
    assert not unread(trainee, NotificationKind.OVERDUE).exists()
