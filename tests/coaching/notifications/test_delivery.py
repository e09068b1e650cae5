"""Emails go out once; a failed send is retried later and never loses the notification."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db.models import F
from django.utils import timezone

from coaching.conf import coaching_settings
from coaching.models import EmailStatus, Notification, NotificationKind
from coaching.notifications.delivery import deliver
from coaching.notifications.reminders import sweep
from coaching.notifications.sending import Notice, notify
from tests import builders
from tests.racing import race

SEND = "django.core.mail.message.EmailMessage.send"


def notice_for(user, key="assignment:1"):
    return Notice(user.pk, NotificationKind.ASSIGNED, key, {"path": "Orientation", "assigner": ""})


def five_minutes_pass(notification):
    Notification.objects.filter(pk=notification.pk).update(
        email_next_attempt_at=F("email_next_attempt_at") - timedelta(minutes=5, seconds=1)
    )


def test_writing_the_same_event_twice_keeps_one_notification(db):
    person = builders.make_user("nadia")
    assert notify([notice_for(person)]) == 1
    assert notify([notice_for(person), notice_for(person)]) == 0
    assert Notification.objects.count() == 1


def test_an_email_is_sent_once_however_often_it_is_delivered(db, outbox):
    person = builders.make_user("nadia")
    notify([notice_for(person)])
    pk = Notification.objects.get().pk

    assert deliver(pk) is True
    assert deliver(pk) is False
    assert len(outbox) == 1


def test_a_failed_send_is_retried_later_and_the_notification_stays(db, outbox):
    person = builders.make_user("nadia")
    notify([notice_for(person)])
    notification = Notification.objects.get()

    with mock.patch(SEND, side_effect=ConnectionRefusedError("mail server down")):
        assert deliver(notification.pk) is False
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.PENDING
    assert notification.email_attempts == 1
    assert notification.email_last_error == "mail server down"
    assert notification.email_next_attempt_at > timezone.now() + timedelta(minutes=4)

    sweep()  # too early for the retry
    assert outbox == []

    five_minutes_pass(notification)
    sweep()
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT
    assert len(outbox) == 1


def test_after_the_last_attempt_the_email_is_given_up_but_the_notification_is_kept(db, outbox):
    person = builders.make_user("nadia")
    notify([notice_for(person)])
    notification = Notification.objects.get()

    with mock.patch(SEND, side_effect=OSError("no route")):
        for _attempt in range(coaching_settings.EMAIL_ATTEMPTS):
            Notification.objects.filter(pk=notification.pk).update(
                email_next_attempt_at=timezone.now()
            )
            deliver(notification.pk)
    notification.refresh_from_db()

    assert notification.email_status == EmailStatus.FAILED
    assert notification.email_attempts == coaching_settings.EMAIL_ATTEMPTS
    assert notification.email_next_attempt_at is None
    assert notification.read_at is None  # still waiting in the portal


def test_a_sender_that_stopped_midway_is_taken_over_after_its_claim_runs_out(db, outbox):
    person = builders.make_user("nadia")
    notify([notice_for(person)])
    later = timezone.now() + timedelta(minutes=10)
    Notification.objects.update(email_status=EmailStatus.SENDING, email_next_attempt_at=later)

    sweep()
    assert outbox == []
    Notification.objects.update(email_next_attempt_at=timezone.now())  # the claim ran out
    sweep()
    assert len(outbox) == 1


def test_a_person_who_turns_the_email_off_before_it_goes_does_not_get_it(db, outbox):
    from coaching.models import Preferences

    person = builders.make_user("nadia")
    notify([notice_for(person)])
    Preferences.objects.create(user=person, muted_kinds=[NotificationKind.ASSIGNED])

    assert deliver(Notification.objects.get().pk) is False
    assert Notification.objects.get().email_status == EmailStatus.NOT_WANTED
    assert outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sweeps_at_once_send_each_reminder_once(outbox):
    portal = builders.make_portal()
    learning_path = builders.make_path(steps=[builders.make_module(portal)])
    today = timezone.localdate()
    for number in range(5):
        trainee = builders.make_trainee(f"person{number}")
        builders.assign(learning_path, trainee, due_on=today - timedelta(days=1))
    Notification.objects.update(email_status=EmailStatus.SENT)  # "path assigned", sent then
    outbox.clear()
    results = race(sweep, racers=2)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert len(results) == 2
    assert Notification.objects.filter(kind=NotificationKind.OVERDUE).count() == 5
    assert sorted(email.to[0] for email in outbox) == [f"person{n}@example.com" for n in range(5)]
