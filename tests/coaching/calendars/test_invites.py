"""Every email about a 1:1 or a check-in carries its invite: parsed back with `icalendar`,
it names the people, is in the recipient's time zone, keeps its UID when it moves with a
higher SEQUENCE, and is a CANCEL when the meeting is called off."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from coaching.calendars.changes import CancelRefused, cancel_one_on_one
from coaching.learning import assigning, progress
from coaching.models import Notification, NotificationKind, OneOnOne
from tests.asking import ask

from .conftest import addresses, event_of, invite_of

pytestmark = pytest.mark.django_db

PLAN_URL = "coaching:new_entry"


def plan(client, coach, trainee, when, capture):
    with capture(execute=True):
        ask(
            client,
            coach,
            reverse(PLAN_URL, args=[trainee.pk, "one-on-one"]),
            "post",
            {"meets_at": when.strftime("%Y-%m-%d %H:%M"), "notes": ""},
        )
    return OneOnOne.objects.get()


def move(client, coach, meeting, when, capture):
    with capture(execute=True):
        ask(
            client,
            coach,
            reverse("coaching:edit_entry", args=[meeting.pk]),
            "post",
            {"meets_at": when.strftime("%Y-%m-%d %H:%M"), "repeats": "", "notes": ""},
        )


def test_a_planned_1_1_emails_the_new_hire_an_invite_in_their_time_zone(
    client, in_london, coach, soon, outbox, django_capture_on_commit_callbacks
):
    meeting = plan(client, coach, in_london, soon, django_capture_on_commit_callbacks)

    [email] = outbox
    assert email.to == [in_london.email]
    calendar = invite_of(email)
    event = event_of(calendar)
    assert calendar["METHOD"] == "REQUEST"
    assert event["STATUS"] == "CONFIRMED"
    assert str(event["UID"]) == f"one-on-one-{meeting.pk}@testserver"
    assert event["SEQUENCE"] == 0
    assert str(event["SUMMARY"]) == "1:1 with Citra"
    assert addresses(event, "ORGANIZER") == [coach.email]
    assert addresses(event, "ATTENDEE") == sorted([coach.email, in_london.email])
    start = event.decoded("DTSTART")
    # 10:00 in Jakarta is 04:00 in London in winter, 03:00 in summer: London's wall clock.
    assert start.tzinfo.key == "Europe/London"
    assert start == soon
    assert event.decoded("DTEND") - start == timedelta(minutes=30)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_without_a_time_zone_of_their_own_a_person_reads_the_sites(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)

    event = event_of(invite_of(outbox[0]))
    assert event.decoded("DTSTART").tzinfo.key == "Asia/Jakarta"
    assert event.decoded("DTSTART").hour == 10


@override_settings(COACHING_MEETING_MINUTES=45, COACHING_CALENDAR_DOMAIN="coaching.example")
def test_the_length_and_the_uid_domain_are_settings(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    meeting = plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)

    event = event_of(invite_of(outbox[0]))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=45)
    assert str(event["UID"]) == f"one-on-one-{meeting.pk}@coaching.example"


def test_moving_a_1_1_sends_an_update_with_the_same_uid_and_a_higher_sequence(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    meeting = plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)
    later = soon + timedelta(hours=2)
    move(client, coach, meeting, later, django_capture_on_commit_callbacks)
    move(client, coach, meeting, later + timedelta(days=1), django_capture_on_commit_callbacks)

    first, moved, moved_again = (event_of(invite_of(email)) for email in outbox)
    assert first["UID"] == moved["UID"] == moved_again["UID"]
    assert (first["SEQUENCE"], moved["SEQUENCE"], moved_again["SEQUENCE"]) == (0, 1, 2)
    assert moved.decoded("DTSTART") == later
    assert outbox[1].subject.startswith("Your 1:1 moved to ")
    kinds = Notification.objects.filter(recipient=trainee).values_list("kind", flat=True)
    assert sorted(kinds) == sorted(
        [NotificationKind.ONE_ON_ONE_PLANNED] + [NotificationKind.ONE_ON_ONE_MOVED] * 2
    )


def test_editing_a_1_1_without_moving_it_sends_nothing(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    meeting = plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        ask(
            client,
            coach,
            reverse("coaching:edit_entry", args=[meeting.pk]),
            "post",
            {"meets_at": soon.strftime("%Y-%m-%d %H:%M"), "repeats": "", "notes": "Agenda."},
        )

    assert len(outbox) == 1


def test_cancelling_a_1_1_sends_a_cancel_with_the_same_uid(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    meeting = plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)
    url = reverse("coaching:cancel_one_on_one", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, coach, url, "post")
    with django_capture_on_commit_callbacks(execute=True):
        again = ask(client, coach, url, "post")  # a second tab: it is gone already

    assert response.url == reverse("coaching:record", args=[trainee.pk])
    assert again.status_code == 404
    assert not OneOnOne.objects.exists()
    planned, cancelled = (invite_of(email) for email in outbox)
    assert cancelled["METHOD"] == "CANCEL"
    event = event_of(cancelled)
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == event_of(planned)["UID"]
    assert event["SEQUENCE"] == 1
    assert outbox[1].subject.startswith("1:1 cancelled: ")


def test_only_the_author_cancels_a_1_1_and_only_one_still_to_come(
    client, trainee, coach, other_coach, soon, django_capture_on_commit_callbacks
):
    meeting = plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)
    url = reverse("coaching:cancel_one_on_one", args=[meeting.pk])

    assert ask(client, other_coach, url, "post").status_code == 404
    assert ask(client, trainee, url, "post").status_code == 404  # planned by the coach
    assert ask(client, coach, url).status_code == 405
    OneOnOne.objects.filter(pk=meeting.pk).update(meets_at=timezone.now() - timedelta(hours=1))
    response = ask(client, coach, url, "post")
    assert response.url == reverse("coaching:entry", args=[meeting.pk])
    assert OneOnOne.objects.filter(pk=meeting.pk).exists()


def test_a_1_1_with_notes_is_not_cancelled(trainee, coach, soon):
    meeting = OneOnOne.objects.create(trainee=trainee, author=coach, meets_at=soon, notes="Kept.")

    with pytest.raises(CancelRefused):
        cancel_one_on_one(meeting, by=coach)
    assert OneOnOne.objects.filter(pk=meeting.pk).exists()


def test_cancelling_one_of_a_series_ends_the_series(trainee, coach, soon):
    held = OneOnOne.objects.create(
        trainee=trainee, author=coach, meets_at=soon - timedelta(days=7), repeats="weekly"
    )
    following = OneOnOne.objects.create(
        trainee=trainee, author=coach, meets_at=soon, repeats="weekly", follows=held
    )

    cancel_one_on_one(following, by=coach)

    held.refresh_from_db()
    assert held.repeats == ""


def test_a_planned_check_in_emails_an_invite_and_its_move_an_update(
    checkin_assignment, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    (step,) = checkin_assignment.version.steps.all()
    with django_capture_on_commit_callbacks(execute=True):
        progress.plan_checkin(checkin_assignment, step, coach=coach, when=soon)
    with django_capture_on_commit_callbacks(execute=True):
        progress.plan_checkin(checkin_assignment, step, coach=coach, when=soon)  # a second tab
    with django_capture_on_commit_callbacks(execute=True):
        progress.plan_checkin(checkin_assignment, step, coach=coach, when=soon + timedelta(1))

    invites = [event_of(invite_of(email)) for email in outbox if email.alternatives[1:]]
    assert len(invites) == 2
    planned, moved = invites
    assert str(planned["SUMMARY"]) == "Check-in with Citra: Check-in with your coach"
    assert planned["UID"] == moved["UID"]
    assert str(planned["UID"]).startswith("check-in-")
    assert (planned["SEQUENCE"], moved["SEQUENCE"]) == (0, 1)
    assert addresses(planned, "ATTENDEE") == sorted([coach.email, trainee.email])
    assert moved.decoded("DTSTART") == soon + timedelta(days=1)


def test_cancelling_the_path_cancels_its_planned_check_ins(
    checkin_assignment, trainee, coach, hr, soon, outbox, django_capture_on_commit_callbacks
):
    (step,) = checkin_assignment.version.steps.all()
    with django_capture_on_commit_callbacks(execute=True):
        progress.plan_checkin(checkin_assignment, step, coach=coach, when=soon)
    outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assigning.cancel_assignment(checkin_assignment, by=hr)

    assert sorted(email.to[0] for email in outbox) == sorted([trainee.email, coach.email])
    for email in outbox:
        calendar = invite_of(email)
        assert calendar["METHOD"] == "CANCEL"
        assert event_of(calendar)["SEQUENCE"] == 1


def test_the_invite_is_in_the_recipients_language(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=trainee, defaults={"preferred_language": "id"})
    plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)

    event = event_of(invite_of(outbox[0]))
    assert str(event["SUMMARY"]) == "Pertemuan 1:1 dengan Citra"


def test_a_notification_about_no_meeting_has_no_invite(
    checkin_assignment, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assigning.cancel_assignment(checkin_assignment, by=None)  # nothing was planned

    assert outbox == []


def test_names_in_an_invite_are_its_own_text_not_markup(
    client, trainee, coach, soon, outbox, django_capture_on_commit_callbacks
):
    coach.first_name = "<script>alert(1)</script>"
    coach.save()
    plan(client, coach, trainee, soon, django_capture_on_commit_callbacks)

    event = event_of(invite_of(outbox[0]))
    assert str(event["SUMMARY"]) == "1:1 with <script>alert(1)</script>"
    organizer = event["ORGANIZER"]
    assert organizer.params["CN"] == "<script>alert(1)</script>"
    assert ZoneInfo("Asia/Jakarta")  # the site's zone exists on this machine
