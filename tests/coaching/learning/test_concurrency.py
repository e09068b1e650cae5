"""Two tabs, a double click, a retry: racing requests record a step once.

The racers are threads with their own database connections, released together (see
tests/racing.py), so the database, not Python, decides who wins. They run on both
databases: on PostgreSQL the row locks and conditional UPDATEs decide; on SQLite (a file,
see tests/conftest.py) one transaction writes at a time, which still catches any check
made outside the transaction that acts on it (the first test below shows that such a
check does race there).
"""

import contextlib
import time

import pytest
from django.db import IntegrityError

from coaching.audit.models import CoachingLogEntry
from coaching.learning.progress import StepError, complete_module, grant_attempts, take_check, waive
from coaching.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ExtraAttempts,
    StepProgress,
)
from tests import builders
from tests.racing import race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 8


def fresh(assignment):
    return Assignment.objects.select_related("version").get(pk=assignment.pk)


def test_the_racers_overlap_so_a_check_outside_the_transaction_is_caught():
    """A naive "is it done yet? then do it" in autocommit: every racer reads before any
    writes, so the harness would catch a service that checks outside its transaction."""
    assignment = builders.assign(builders.make_path(steps=["Task"]), builders.make_trainee())
    step = builders.steps_of(assignment)[0]

    def naive():
        done = StepProgress.objects.filter(assignment=assignment, step=step).exists()
        time.sleep(0.2)  # the time the other racers need to read too
        if not done:
            with contextlib.suppress(IntegrityError):  # only the constraint stops them
                StepProgress.objects.create(assignment=assignment, step=step, status="done")
        return done

    results = race(naive, racers=RACERS)

    assert results.count(False) > 1, results  # more than one racer acted on "not done"


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


def test_racing_grants_of_more_attempts_all_count():
    """Two coaches, or two tabs, grant attempts at once: every grant adds its attempts."""
    check = builders.make_check(max_attempts=1)
    assignment = builders.assign(builders.make_path(steps=[check]), builders.make_trainee())
    step = builders.steps_of(assignment)[0]
    coach = builders.make_user("coach")

    results = race(
        lambda: grant_attempts(fresh(assignment), step, coach=coach, attempts=1, reason="Again"),
        racers=RACERS,
    )

    assert results == [None] * RACERS
    assert ExtraAttempts.objects.get(assignment=assignment, step=step).count == RACERS


def test_racing_waivers_waive_a_step_once():
    assignment = builders.assign(builders.make_path(steps=["Task"]), builders.make_trainee())
    step = builders.steps_of(assignment)[0]
    coach = builders.make_user("coach")

    results = race(
        lambda: waive(fresh(assignment), step, coach=coach, reason="Done elsewhere"),
        racers=RACERS,
    )

    assert results.count(None) == 1
    assert all(isinstance(result, StepError) for result in results if result is not None)
    assert StepProgress.objects.filter(assignment=assignment, waived_at__isnull=False).count() == 1
    assert CoachingLogEntry.objects.filter(action="coaching.waive").count() == 1
    assert fresh(assignment).status == AssignmentStatus.COMPLETED
