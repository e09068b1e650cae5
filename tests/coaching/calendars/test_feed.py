"""A person's private calendar feed: read with its token (no session), theirs alone, in
their time zone, revocable, and five queries whatever it holds."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from coaching.calendars.models import CalendarFeed
from coaching.learning import progress
from coaching.models import OneOnOne
from tests import builders
from tests.asking import ask

pytestmark = pytest.mark.django_db


def feed_url(person):
    return reverse("coaching:calendar_feed", args=[CalendarFeed.objects.link_of(person).token])


def read(client, url):
    client.logout()  # a calendar app has no session
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_lists_the_new_hires_1_1s_check_ins_and_due_dates(
    client, checkin_assignment, trainee, coach, soon
):
    meeting = OneOnOne.objects.create(trainee=trainee, author=coach, meets_at=soon)
    (step,) = checkin_assignment.version.steps.all()
    progress.plan_checkin(checkin_assignment, step, coach=coach, when=soon + timedelta(days=1))
    checkin_assignment.due_on = date.today() + timedelta(days=20)
    checkin_assignment.save()

    found = events(read(client, feed_url(trainee)))

    assert set(found) == {
        "1:1 with Citra",
        "Check-in with Citra: Check-in with your coach",
        "Due: Orientation",
    }
    one_on_one = found["1:1 with Citra"]
    assert str(one_on_one["UID"]) == f"one-on-one-{meeting.pk}@testserver"
    assert one_on_one.decoded("DTSTART") == soon
    assert one_on_one.decoded("DTSTART").tzinfo.key == "Asia/Jakarta"
    due = found["Due: Orientation"]
    assert due.decoded("DTSTART") == checkin_assignment.due_on  # a date: all day
    assert due.decoded("DTEND") == checkin_assignment.due_on + timedelta(days=1)


def test_the_feed_keeps_the_uid_and_sequence_of_the_invites(
    client, trainee, coach, soon, django_capture_on_commit_callbacks
):
    meeting = OneOnOne.objects.create(trainee=trainee, author=coach, meets_at=soon)
    from coaching.calendars.changes import one_on_one_moved
    from coaching.calendars.models import next_sequence

    next_sequence(f"one-on-one-{meeting.pk}")  # the invite when it was planned: 0
    one_on_one_moved(meeting, by=coach)  # moved: 1

    [event] = read(client, feed_url(trainee)).walk("VEVENT")
    assert event["SEQUENCE"] == 1


def test_the_feed_is_in_the_persons_time_zone(client, in_london, coach, soon):
    OneOnOne.objects.create(trainee=in_london, author=coach, meets_at=soon)

    calendar = read(client, feed_url(in_london))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").tzinfo.key == "Europe/London"
    assert event.decoded("DTSTART") == soon
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_a_coachs_feed_has_the_meetings_they_run_and_nobody_elses(
    client, trainee, coach, other_trainee, other_coach, former_coach, soon
):
    OneOnOne.objects.create(trainee=trainee, author=coach, meets_at=soon)
    OneOnOne.objects.create(trainee=other_trainee, author=other_coach, meets_at=soon)
    # A 1:1 the former coach was once to run: their coaching ended, so not theirs now.
    OneOnOne.objects.create(
        trainee=trainee, author=trainee, coach=former_coach, meets_at=soon + timedelta(1)
    )

    assert set(events(read(client, feed_url(coach)))) == {"1:1 with Nadia"}
    assert set(events(read(client, feed_url(other_trainee)))) == {"1:1 with Agus"}
    assert set(events(read(client, feed_url(former_coach)))) == set()
    assert set(events(read(client, feed_url(trainee)))) == {"1:1 with Citra", "1:1 with Yusuf"}


def test_an_empty_feed_is_a_valid_calendar(client, trainee):
    calendar = read(client, feed_url(trainee))

    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == "Onboarding: Nadia"


def test_a_new_link_revokes_the_old_one(client, trainee):
    old = feed_url(trainee)
    response = ask(client, trainee, reverse("coaching:calendar_link"), "post")

    assert response.url == reverse("coaching:preferences") + "#calendar"
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(feed_url(trainee)).status_code == 200


def test_the_first_link_is_made_on_request_and_shown_in_settings(client, trainee):
    page = ask(client, trainee, reverse("coaching:preferences"))
    assert "Get my calendar link" in page.content.decode()
    assert not CalendarFeed.objects.exists()  # looking writes nothing

    ask(client, trainee, reverse("coaching:calendar_link"), "post")
    page = ask(client, trainee, reverse("coaching:preferences"))

    token = CalendarFeed.objects.get(person=trainee).token
    assert f"http://testserver/onboarding/calendar/{token}.ics" in page.content.decode()


def test_an_unknown_token_or_a_deactivated_person_is_404(client, trainee):
    url = feed_url(trainee)
    client.logout()
    assert client.get(reverse("coaching:calendar_feed", args=["not-a-token"])).status_code == 404
    trainee.is_active = False
    trainee.save()
    assert client.get(url).status_code == 404


def test_the_link_is_made_only_with_a_post(client, trainee):
    assert ask(client, trainee, reverse("coaching:calendar_link")).status_code == 405
    assert ask(client, None, reverse("coaching:calendar_link"), "post").status_code == 302
    assert not CalendarFeed.objects.exists()


def _fill(portal, trainee, coach, count):
    """`count` 1:1s, `count` planned check-ins and `count` due dates for the new hire."""
    start = timezone.now() + timedelta(days=1)
    for n in range(count):
        OneOnOne.objects.create(trainee=trainee, author=coach, meets_at=start + timedelta(hours=n))
    for number in range(count):
        learning_path = builders.make_path(
            title=f"Path {number}", slug=f"path-{number}", steps=[builders.checkin_step()]
        )
        assignment = builders.assign(learning_path, trainee, by=coach)
        assignment.due_on = date.today() + timedelta(days=10 + number)
        assignment.save()
        (step,) = assignment.version.steps.all()
        progress.plan_checkin(assignment, step, coach=coach, when=start + timedelta(days=number))


@pytest.mark.parametrize("count", [1, 6])
def test_the_feed_takes_five_queries_whatever_it_holds(
    client, portal, trainee, coach, count, django_assert_num_queries
):
    _fill(portal, trainee, coach, count)
    url = feed_url(trainee)
    client.logout()

    # the feed with its person, their profile and site; the 1:1s; the check-ins (with
    # steps, paths and people); the due dates; the invites' sequences
    with django_assert_num_queries(5):
        response = client.get(url)

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 3 * count
