"""Moving to the latest version from two tabs at once (racing threads with their own
connections, tests/racing.py): the assignment moves once, and the trail says so once."""

import pytest

from coaching.audit.models import CoachingLogEntry
from coaching.learning.versions import move_to_latest, on_older_versions
from coaching.models import Assignment, StepProgress
from tests import builders
from tests.racing import race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_racing_moves_move_once_and_record_once():
    coach = builders.make_user("citra")
    trainee = builders.make_trainee("nadia", coach=coach)
    learning_path = builders.make_path("Orientation", steps=["Shadow a call"])
    assignment = builders.assign(learning_path, trainee, by=coach)
    StepProgress.objects.create(
        assignment=assignment, step=builders.steps_of(assignment)[0], status="done"
    )
    builders.republish(learning_path, [*learning_path.steps.all(), "Meet the team"])

    results = race(
        lambda: move_to_latest(
            learning_path, on_older_versions(learning_path), by=coach, version_number=2
        ),
        racers=4,
    )

    assert sorted(results) == [0, 0, 0, 1]
    moved = Assignment.objects.with_progress().get(pk=assignment.pk)
    assert (moved.version.number, moved.done_count) == (2, 1)
    assert CoachingLogEntry.objects.filter(action="coaching.move_version").count() == 1
