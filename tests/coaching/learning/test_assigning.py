"""Assigning paths: to many at once, pinned to a version, never twice."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coaching.learning.assigning import (
    AssignmentError,
    assign_path,
    cancel_assignment,
    change_due_date,
)
from coaching.models import Assignment, AssignmentStatus, TraineeProfile
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_path(portal):
    return builders.make_path(steps=[builders.make_module(portal), "Shadow a call"])


def test_an_assignment_pins_the_version_it_was_given(published_path):
    trainee = builders.make_trainee()
    assignment = builders.assign(published_path, trainee)

    published_path.steps = [builders.as_step("A new first step")]
    published_path.save_revision().publish()

    assignment.refresh_from_db()
    assert assignment.version.number == 1
    assert [s.title for s in assignment.version.steps.all()] == [
        "Serving customers",
        "Shadow a call",
    ]


def test_assigning_the_same_path_twice_is_refused_with_the_names(published_path):
    trainee = builders.make_trainee()
    builders.assign(published_path, trainee)

    result = assign_path(published_path, TraineeProfile.objects.all(), assigned_by=None)

    assert result.created == 0 and result.already_assigned == ["Nadia"]
    assert Assignment.objects.count() == 1


def test_the_database_refuses_a_second_current_assignment(published_path):
    from django.db import IntegrityError

    trainee = builders.make_trainee()
    first = builders.assign(published_path, trainee)

    with pytest.raises(IntegrityError):
        Assignment.objects.create(trainee=trainee, path=published_path, version=first.version)


def test_a_cancelled_path_can_be_assigned_again(published_path):
    trainee = builders.make_trainee()
    cancel_assignment(builders.assign(published_path, trainee), by=None)

    result = assign_path(published_path, TraineeProfile.objects.all(), assigned_by=None)

    assert result.created == 1


def test_due_dates_relative_to_the_start_date(published_path):
    start = datetime.date(2026, 1, 5)
    builders.make_trainee("nadia", start_date=start)
    builders.make_trainee("bima", start_date=None)

    result = assign_path(
        published_path, TraineeProfile.objects.all(), assigned_by=None, due_after_start_days=30
    )

    assert result.created == 2 and result.without_start_date == ["Bima"]
    dues = dict(Assignment.objects.values_list("trainee__username", "due_on"))
    assert dues == {"nadia": datetime.date(2026, 2, 4), "bima": None}


def test_only_a_published_path_can_be_assigned(portal):
    draft = builders.make_path(steps=["A task"], publish=False)
    builders.make_trainee()

    with pytest.raises(AssignmentError):
        assign_path(draft, TraineeProfile.objects.all(), assigned_by=None)


@pytest.mark.parametrize("people", [2, 60])
def test_bulk_assignment_makes_a_fixed_number_of_queries(published_path, people):
    for i in range(people):
        builders.make_trainee(f"person{i}")

    with CaptureQueriesContext(connection) as queries:
        result = assign_path(published_path, TraineeProfile.objects.all(), assigned_by=None)

    assert result.created == people
    # the path's current version, profiles with "already assigned", the version's first
    # step (the new assignments' stored next step), one insert, one insert into the audit
    # trail; then the "path assigned" notifications: who wants email, one insert, the ids
    # of the new rows; the new hires' stored figures (locked, counted, upserted: 4)
    assert len([q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]) == 12


def test_cancelling_keeps_the_progress_and_refuses_twice(published_path):
    from coaching.learning.progress import complete_module

    assignment = builders.assign(published_path, builders.make_trainee())
    complete_module(assignment, builders.steps_of(assignment)[0])

    cancel_assignment(assignment, by=None)

    assert assignment.status == AssignmentStatus.CANCELLED
    assert assignment.progress.count() == 1
    with pytest.raises(AssignmentError):
        cancel_assignment(assignment, by=None)


def test_changing_the_due_date(published_path):
    assignment = builders.assign(published_path, builders.make_trainee())

    change_due_date(assignment, datetime.date(2027, 1, 1), by=None)

    assignment.refresh_from_db()
    assert assignment.due_on == datetime.date(2027, 1, 1)
