"""A 1:1 has two sides: the new hire and one of their coaches. Planned by either of them,
it names both, both see it, and the other one is told.

The people are tests/conftest.py's: `coach` is the new hire's primary coach; here a
second, current coach (`buddy`) joins them, and `former_coach` coached them until 2020.
"""

import importlib
from datetime import datetime, timedelta

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone

from coaching.models import CoachRelationship, Notification, NotificationKind, OneOnOne
from tests import builders
from tests.asking import ask

from . import make

pytestmark = pytest.mark.django_db

NAMING = importlib.import_module("coaching.migrations.0007_one_on_one_coach")
PLAN = {"meets_at": "2026-03-02 15:00", "notes": "How the first week went."}
IN_2019 = timezone.make_aware(datetime(2019, 6, 1, 10))
IN_2020 = timezone.make_aware(datetime(2020, 6, 1, 10))
SOON = timezone.now() + timedelta(days=1)  # `coach` coaches the new hire from today on


@pytest.fixture
def buddy(trainee):
    """dewi, a second coach of the new hire (not primary)."""
    person = builders.make_user("dewi")
    CoachRelationship.objects.create(coach=person, trainee=trainee)
    return person


def plan_url(trainee):
    return reverse("coaching:new_entry", args=[trainee.pk, "one-on-one"])


def planned_for(person):
    return list(
        Notification.objects.filter(recipient=person, kind=NotificationKind.ONE_ON_ONE_PLANNED)
    )


def test_the_new_hire_chooses_among_their_current_coaches_the_primary_first(
    client, trainee, coach, buddy, former_coach
):
    form = ask(client, trainee, plan_url(trainee)).context["form"]

    field = form.fields["coach"]
    assert set(field.queryset) == {coach, buddy}  # not the coach whose coaching ended
    assert field.initial == coach.pk  # the primary


def test_a_1_1_the_new_hire_plans_is_with_the_coach_they_chose_who_is_told(
    client, trainee, coach, buddy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, trainee, plan_url(trainee), "post", {**PLAN, "coach": buddy.pk})

    meeting = OneOnOne.objects.get()
    assert response.url == reverse("coaching:entry", args=[meeting.pk])
    assert (meeting.trainee, meeting.author, meeting.coach) == (trainee, trainee, buddy)
    [notice] = planned_for(buddy)
    assert notice.params["author"] == "Nadia"
    assert notice.url == reverse("coaching:entry", args=[meeting.pk])
    assert planned_for(coach) == [] and planned_for(trainee) == []


def test_a_new_hire_cannot_plan_a_1_1_with_a_former_coach(client, trainee, former_coach):
    response = ask(client, trainee, plan_url(trainee), "post", {**PLAN, "coach": former_coach.pk})

    assert response.status_code == 200
    assert "Select a valid choice." in str(response.context["form"].errors["coach"])
    assert not OneOnOne.objects.exists()


def test_a_1_1_a_coach_plans_is_with_them_and_the_new_hire_is_told(client, trainee, buddy):
    form = ask(client, buddy, plan_url(trainee)).context["form"]
    assert "coach" not in form.fields  # a coach plans with themself

    ask(client, buddy, plan_url(trainee), "post", PLAN)

    meeting = OneOnOne.objects.get()
    assert (meeting.author, meeting.coach) == (buddy, buddy)
    [notice] = planned_for(trainee)
    assert notice.params["author"] == "Dewi"
    assert planned_for(buddy) == []


def test_a_new_hire_without_a_coach_plans_a_1_1_with_nobody_named(client, db):
    alone = builders.make_trainee("tono")  # a profile, and no coach yet

    ask(client, alone, plan_url(alone), "post", PLAN)

    assert OneOnOne.objects.get().coach is None
    assert not Notification.objects.exists()


def test_both_sides_see_whom_the_1_1_is_with_on_the_record(client, trainee, coach, buddy):
    ask(client, trainee, plan_url(trainee), "post", {**PLAN, "coach": buddy.pk})
    record = reverse("coaching:record", args=[trainee.pk])

    for person in (trainee, buddy):
        assert "1:1 with Dewi on" in ask(client, person, record).text


def test_the_migration_names_the_coach_of_each_existing_1_1(trainee, coach, former_coach):
    """Written by a coach: that coach. Written by the new hire: their primary coach on the
    day of the meeting, else any coach they had then, else any coach at all; with no coach
    ever, nobody (the reminder then says "your coach")."""
    by_coach = make.one_on_one(trainee, former_coach, meets_at=SOON)
    by_trainee_now = make.one_on_one(trainee, trainee, meets_at=SOON)
    by_trainee_in_2020 = make.one_on_one(trainee, trainee, meets_at=IN_2020)
    by_trainee_in_2019 = make.one_on_one(trainee, trainee, meets_at=IN_2019)  # before anyone
    alone = builders.make_trainee("tono")
    by_the_coachless = make.one_on_one(alone, alone, meets_at=SOON)
    OneOnOne.objects.update(coach=None)  # as the rows were before the migration

    NAMING.name_the_coach(django_apps, None)

    coach_of = dict(OneOnOne.objects.values_list("pk", "coach"))
    assert coach_of == {
        by_coach.pk: former_coach.pk,
        by_trainee_now.pk: coach.pk,  # the primary coach then
        by_trainee_in_2020.pk: former_coach.pk,  # the only coach then
        by_trainee_in_2019.pk: coach.pk,  # nobody then: a coach of theirs, primary first
        by_the_coachless.pk: None,
    }


def test_both_sides_see_the_next_1_1_on_their_own_pages(client, trainee, coach, portal):
    later = {**PLAN, "meets_at": "2099-03-02 15:00", "coach": coach.pk}
    ask(client, trainee, plan_url(trainee), "post", later)
    meeting = OneOnOne.objects.get()
    link = reverse("coaching:entry", args=[meeting.pk])

    portal_home = ask(client, trainee, reverse("coaching:home")).text
    coach_page = ask(client, coach, reverse("coaching:trainee", args=[trainee.pk])).text

    for page in (portal_home, coach_page):
        assert f'href="{link}">1:1 with Citra on March 2, 2099, 3 p.m.</a>' in page


def test_a_1_1_that_has_passed_is_no_longer_next(client, trainee, coach):
    make.one_on_one(trainee, coach, meets_at=IN_2020)

    coach_page = ask(client, coach, reverse("coaching:trainee", args=[trainee.pk])).text

    assert "No 1:1 planned." in coach_page
