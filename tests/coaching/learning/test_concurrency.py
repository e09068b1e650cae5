"""Two tabs, a double click, a retry: on PostgreSQL, racing requests record a step once.

The racers are threads with their own database connections, released together (see
tests/racing.py), so the database, not Python, decides who wins.
"""

import pytest
from django.db import connection

from coaching.learning.progress import StepError, complete_module, take_check
from coaching.models import Assignment, AssignmentStatus, CheckAttempt, StepProgress
from tests import builders
from tests.racing import race

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrency"),
]

RACERS = 8


def fresh(assignment):
    return Assignment.objects.select_related("version").get(pk=assignment.pk)


def test_racing_completions_of_one_step_record_it_once():
    portal = builders.make_portal()
    learning_path = builders.make_path(steps=[builders.make_module(portal)])
    assignment = builders.assign(learning_path, builders.make_trainee())
    step = builders.steps_of(assignment)[0]

    results = race(lambda: complete_module(fresh(assignment), step), racers=RACERS)

    assert results.count(True) == 1 and results.count(False) == RACERS - 1
    assert StepProgress.objects.filter(assignment=assignment).count() == 1
    assert fresh(assignment).status == AssignmentStatus.COMPLETED


def test_racing_attempts_never_pass_the_attempt_limit():
    portal = builders.make_portal()
    check = builders.make_check(max_attempts=2)
    learning_path = builders.make_path(steps=[builders.make_module(portal, knowledge_check=check)])
    assignment = builders.assign(learning_path, builders.make_trainee())
    step = builders.steps_of(assignment)[0]

    results = race(lambda: take_check(fresh(assignment), step, {}), racers=RACERS)

    refused = [r for r in results if isinstance(r, StepError)]
    assert len(refused) == RACERS - 2
    assert sorted(CheckAttempt.objects.values_list("number", flat=True)) == [1, 2]
