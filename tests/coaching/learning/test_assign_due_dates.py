"""Assigning a path to people who have it already, on the same version: the due date
typed is not dropped. They are named with their due date and offered the change in one
click (the same assignment again, for them, with "change the due date" ticked), which
goes through the audit trail like any due date change, in bulk and at a fixed cost."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from coaching.audit.models import CoachingLogEntry
from coaching.learning.assigning import assign_path
from coaching.models import Assignment, AssignmentStatus, TraineeProfile
from tests import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
OLD_DUE = TODAY + datetime.timedelta(days=20)
TYPED = TODAY + datetime.timedelta(days=40)


def shown(day):
    return date_format(day, "DATE_FORMAT")


@pytest.fixture
def orientation(portal):
    return builders.make_path("Orientation", steps=["Shadow a call"])


def assign_form(learning_path, profiles, **extra):
    return {
        "path": learning_path.pk,
        "target": "people",
        "trainees": [profile.pk for profile in profiles],
        "due_kind": "date",
        "due_on": TYPED.strftime("%d/%m/%Y"),
        **extra,
    }


def test_someone_due_on_another_day_is_named_and_offered_the_change(
    client, coach, trainee, orientation
):
    assignment = builders.assign(orientation, trainee, due_on=OLD_DUE)
    client.force_login(coach)

    page = client.post(
        reverse("coaching:assign"), assign_form(orientation, [trainee.trainee_profile])
    ).text

    assert "They have this path already, due on another day" in page
    assert f"<strong>Nadia</strong>: due {shown(OLD_DUE)}, not {shown(TYPED)}" in page
    assert f"Change their due date to {shown(TYPED)}" in page
    assert '<input type="hidden" name="change_due_dates" value="on">' in page
    assert f'<input type="hidden" name="trainees" value="{trainee.trainee_profile.pk}">' in page
    assignment.refresh_from_db()
    assert assignment.due_on == OLD_DUE  # offered, not done
    assert Assignment.objects.count() == 1


def test_the_offer_changes_the_due_date_with_its_trail_once_however_often_it_is_sent(
    client, coach, trainee, orientation
):
    assignment = builders.assign(orientation, trainee, due_on=OLD_DUE)
    client.force_login(coach)
    offer = assign_form(
        orientation, [trainee.trainee_profile], due_on=TYPED.isoformat(), change_due_dates="on"
    )

    response = client.post(reverse("coaching:assign"), offer, follow=True)
    client.post(reverse("coaching:assign"), offer)  # a second click, or a second tab

    assignment.refresh_from_db()
    assert assignment.due_on == TYPED
    trail = CoachingLogEntry.objects.filter(action="coaching.change_due")
    assert [entry.data for entry in trail] == [
        {"path": "Orientation", "old": OLD_DUE.isoformat(), "new": TYPED.isoformat()}
    ]
    assert trail.get().user == coach and trail.get().trainee_id == trainee.pk
    assert f"Changed the due date of Nadia (now {shown(TYPED)})." in (response.text)
    assert "Nobody new was assigned." not in response.text
    assert Assignment.objects.count() == 1


def test_someone_due_on_the_typed_day_or_done_is_left_as_they_were(client, coach, orientation):
    same = builders.make_trainee("same", coach=coach)
    done = builders.make_trainee("done", coach=coach)
    builders.assign(orientation, same, due_on=TYPED)
    finished = builders.assign(orientation, done, due_on=OLD_DUE)
    Assignment.objects.filter(pk=finished.pk).update(status=AssignmentStatus.COMPLETED)
    client.force_login(coach)

    response = client.post(
        reverse("coaching:assign"),
        assign_form(orientation, TraineeProfile.objects.order_by("user__username")),
        follow=True,
    )

    assert "due on another day" not in response.text
    assert "Already assigned, so left as they were: Done, Same." in response.text
    assert sorted(Assignment.objects.values_list("due_on", flat=True)) == [OLD_DUE, TYPED]


def test_ticking_the_box_changes_the_due_dates_relative_to_each_start_date(coach, orientation):
    starts = {"nadia": TODAY, "bima": TODAY + datetime.timedelta(days=7)}
    for username, start in starts.items():
        builders.assign(orientation, builders.make_trainee(username, start_date=start))

    result = assign_path(
        orientation,
        TraineeProfile.objects.all(),
        assigned_by=coach,
        due_after_start_days=30,
        change_due_dates=True,
    )

    assert sorted(person.name for person in result.due_date_changed) == ["Bima", "Nadia"]
    assert dict(Assignment.objects.values_list("trainee__username", "due_on")) == {
        username: start + datetime.timedelta(days=30) for username, start in starts.items()
    }
    assert CoachingLogEntry.objects.filter(action="coaching.change_due").count() == 2


def changing_everyones_due_date(coach, learning_path, size):
    for n in range(size):
        person = builders.make_trainee(f"{learning_path.slug}{n}", coach=coach)
        builders.assign(learning_path, person, due_on=OLD_DUE)
    with CaptureQueriesContext(connection) as queries:
        result = assign_path(
            learning_path,
            TraineeProfile.objects.filter(user__username__startswith=learning_path.slug),
            assigned_by=coach,
            due_on=TYPED,
            change_due_dates=True,
        )
    assert len(result.due_date_changed) == size
    assert set(Assignment.objects.filter(path=learning_path).values_list("due_on", flat=True)) == {
        TYPED
    }
    return len(queries)


def test_changing_the_due_date_of_many_costs_the_same_queries_as_of_few(coach, portal):
    # The people with what they have of the path (one query, with subqueries); in a
    # transaction (a savepoint and its release): the assignments to change, locked; their
    # update (one, whatever their number); the trail's insert; their new hires' stored
    # figures (locked, counted from the assignments and the tasks waiting, one upsert).
    few = changing_everyones_due_date(coach, builders.make_path("First", steps=["A"]), 2)
    many = changing_everyones_due_date(coach, builders.make_path("Second", steps=["A"]), 20)

    assert few == many == 10


def test_the_offer_speaks_indonesian_to_an_indonesian_coach(client, coach, trainee, orientation):
    builders.assign(orientation, trainee)  # no due date yet
    client.force_login(coach)

    page = client.post(
        reverse("coaching:assign"),
        assign_form(orientation, [trainee.trainee_profile]),
        HTTP_ACCEPT_LANGUAGE="id",
    ).text

    with translation.override("id"):
        typed = shown(TYPED)
    assert "Mereka sudah punya jalur belajar ini, dengan tenggat lain" in page
    assert f"<strong>Nadia</strong>: tanpa tenggat, bukan {typed}" in page
    assert f"Ubah tenggat mereka menjadi {typed}" in page
