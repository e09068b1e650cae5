"""A 1:1 can repeat (every week, two weeks or month): once one is held, the reminder
sweep plans the next one, once, starting from its planner's default agenda. A coach
saves that default agenda when planning, and finds it pre-filled the next time."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.models import AgendaTemplate, CoachRelationship, Notification, OneOnOne
from coaching.notifications.reminders import sweep
from coaching.record.series import plan_next_meetings

from . import make

pytestmark = pytest.mark.django_db

MONDAY = timezone.make_aware(datetime(2027, 3, 1, 9, 30))  # a Monday, 09:30 in Jakarta


def plan_url(trainee):
    return reverse("coaching:new_entry", args=[trainee.pk, "one-on-one"])


def plan(client, coach, trainee, **data):
    client.force_login(coach)
    return client.post(
        plan_url(trainee), {"meets_at": "01/03/2027 09:30", "notes": "", **data}, follow=True
    )


def test_a_coach_plans_a_weekly_1_1_with_an_agenda_typed_a_line_an_item(client, trainee, coach):
    response = plan(
        client, coach, trainee, repeats="weekly", agenda="How week one went\n\nQuestions\n"
    )

    meeting = OneOnOne.objects.get()
    assert (meeting.repeats, meeting.meets_at) == ("weekly", MONDAY)
    assert [item.text for item in meeting.agenda.all()] == ["How week one went", "Questions"]
    assert "Every week" in response.text
    assert not AgendaTemplate.objects.exists()  # not asked to keep it


def test_a_coach_keeps_an_agenda_as_their_default_and_finds_it_next_time(client, trainee, coach):
    plan(client, coach, trainee, agenda="Wins\nBlockers", save_agenda="on")

    form = client.get(plan_url(trainee)).context["form"]

    assert AgendaTemplate.objects.get(owner=coach).items == "Wins\nBlockers"
    assert form["agenda"].value() == "Wins\nBlockers"


def test_a_held_weekly_1_1_plans_the_next_at_the_same_time_with_the_default_agenda(trainee, coach):
    AgendaTemplate.objects.create(owner=coach, items="Wins\nBlockers")
    make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")

    planned = plan_next_meetings(MONDAY + timedelta(hours=1))

    following = OneOnOne.objects.get(follows__isnull=False)
    assert planned == 1
    assert (following.meets_at, following.coach, following.repeats) == (
        MONDAY + timedelta(weeks=1),
        coach,
        "weekly",
    )
    assert [item.text for item in following.agenda.all()] == ["Wins", "Blockers"]


def test_the_next_1_1_is_planned_once_however_often_the_sweep_runs(trainee, coach):
    make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="fortnightly")

    for _ in range(3):
        plan_next_meetings(MONDAY + timedelta(hours=1))

    assert OneOnOne.objects.count() == 2
    assert OneOnOne.objects.latest("meets_at").meets_at == MONDAY + timedelta(weeks=2)


def test_a_1_1_not_yet_held_plans_nothing(trainee, coach):
    make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")

    assert plan_next_meetings(MONDAY - timedelta(hours=1)) == 0
    assert OneOnOne.objects.count() == 1


def test_a_1_1_that_does_not_repeat_plans_nothing(trainee, coach):
    make.one_on_one(trainee, coach, meets_at=MONDAY)

    assert plan_next_meetings(MONDAY + timedelta(days=30)) == 0


def test_a_sweep_that_missed_weeks_plans_the_next_one_still_to_come(trainee, coach):
    make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")

    plan_next_meetings(MONDAY + timedelta(days=17))

    assert OneOnOne.objects.latest("meets_at").meets_at == MONDAY + timedelta(weeks=3)


def test_a_monthly_1_1_on_the_31st_next_meets_on_the_last_day_of_a_shorter_month(trainee, coach):
    january = timezone.make_aware(datetime(2027, 1, 31, 9, 30))
    make.one_on_one(trainee, coach, meets_at=january, repeats="monthly")

    plan_next_meetings(january + timedelta(hours=1))

    assert OneOnOne.objects.latest("meets_at").meets_at == timezone.make_aware(
        datetime(2027, 2, 28, 9, 30)
    )


def test_a_series_ends_with_the_coaching(trainee, coach):
    CoachRelationship.objects.filter(coach=coach).update(ends_on=date(2027, 2, 1))
    make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")

    assert plan_next_meetings(MONDAY + timedelta(hours=1)) == 0


def test_the_reminder_sweep_plans_the_next_1_1_and_the_new_hire_is_told(trainee, coach):
    make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")

    sweep(MONDAY + timedelta(hours=1))

    assert OneOnOne.objects.count() == 2
    assert Notification.objects.filter(recipient=trainee, kind="one_on_one_planned").exists()


def test_stopping_the_repeat_on_the_latest_1_1_ends_the_series(client, trainee, coach):
    meeting = make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")
    client.force_login(coach)

    client.post(
        reverse("coaching:edit_entry", args=[meeting.pk]),
        {"meets_at": "2027-03-01T09:30", "repeats": "", "notes": ""},
    )

    assert plan_next_meetings(MONDAY + timedelta(hours=1)) == 0


def test_a_held_1_1_links_to_the_next_of_its_series(client, trainee, coach):
    meeting = make.one_on_one(trainee, coach, meets_at=MONDAY, repeats="weekly")
    plan_next_meetings(MONDAY + timedelta(hours=1))
    following = OneOnOne.objects.get(follows=meeting)
    client.force_login(trainee)

    html = client.get(reverse("coaching:entry", args=[meeting.pk])).text

    assert f'<a href="{reverse("coaching:entry", args=[following.pk])}">' in html
    assert "The next 1:1 of this series: March 8, 2027, 9:30 a.m." in html


def test_the_sweep_reads_the_planners_default_agendas_with_the_meetings(trainee, coach):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    AgendaTemplate.objects.create(owner=coach, items="Wins\nBlockers")
    for week in range(3):
        make.one_on_one(trainee, coach, meets_at=MONDAY - timedelta(weeks=week), repeats="weekly")

    with CaptureQueriesContext(connection) as queries:
        planned = plan_next_meetings(MONDAY + timedelta(hours=1))

    # not a query per meeting for its planner's agenda: it comes joined to the meetings
    assert planned == 3
    assert not [q for q in queries if 'FROM "coaching_agendatemplate"' in q["sql"]]
    assert OneOnOne.objects.filter(follows__isnull=False).count() == 3
    assert all(
        [item.text for item in meeting.agenda.all()] == ["Wins", "Blockers"]
        for meeting in OneOnOne.objects.filter(follows__isnull=False)
    )
