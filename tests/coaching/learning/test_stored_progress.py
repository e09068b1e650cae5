"""The figures stored on each assignment and each new hire (coaching/learning/stored.py)
always equal what the rows say, whatever happens in whatever order: completions, knowledge
checks passed and failed, submissions, sign-offs and send-backs, check-ins, waivers, a
cancelled path, a republished path the assignment moves to, withdrawn content. A new
hire's figures are also worked out by hand, one assignment at a time, so the check does
not rest on stored.py's own count. And the command that recounts them finds drift and
repairs it."""

import contextlib
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching.learning import stored
from coaching.learning.assigning import AssignmentError, cancel_assignment
from coaching.learning.progress import (
    StepError,
    complete_module,
    plan_checkin,
    record_checkin,
    send_back,
    sign_off,
    submit_task,
    take_check,
    waive,
)
from coaching.learning.versions import move_to_latest, on_older_versions
from coaching.models import (
    Assignment,
    AssignmentStatus,
    ProgressStatus,
    StepProgress,
    TraineeFigures,
)
from lessons.models import StepKind
from tests import builders

pytestmark = pytest.mark.django_db

PROPERTIES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ACTIONS = [
    "read a module",
    "pass a check",
    "fail a check",
    "submit the task",
    "send the task back",
    "sign off the task",
    "plan the check-in",
    "record the check-in",
    "waive a step",
    "cancel the path",
    "republish without the first step",
    "republish with one more step",
    "withdraw a module",
]


@pytest.fixture
def every_kind(portal):
    return builders.make_path_of_every_kind(portal, max_attempts=None)


@pytest.fixture
def people(db):
    coach = builders.make_user("coach")
    return coach, builders.make_trainee("nadia", coach=coach)


def answers(check, passing):
    first, second = (block.id for block in check.questions)
    return {first: "0", second: "false"} if passing else {first: "1", second: "true"}


def steps_of_kind(assignment, kind):
    return [step for step in builders.steps_of(assignment) if step.kind == kind]


def check_steps(assignment):
    """The steps that ask for a knowledge check: a module that ends with one, or a check."""
    return [
        step
        for step in builders.steps_of(assignment)
        if step.kind == StepKind.KNOWLEDGE_CHECK
        or (step.kind == StepKind.MODULE and getattr(step.page.specific, "knowledge_check", None))
    ]


def act(action, assignment, learning_path, coach, choice):
    def pick(steps):
        return steps[choice % len(steps)] if steps else None

    task = pick(steps_of_kind(assignment, StepKind.TASK))
    checkin = pick(steps_of_kind(assignment, StepKind.CHECKIN))
    if action == "read a module":
        modules = [
            s
            for s in steps_of_kind(assignment, StepKind.MODULE)
            if s not in check_steps(assignment)
        ]
        if step := pick(modules):
            complete_module(assignment, step)
    elif action in ("pass a check", "fail a check"):
        if step := pick(check_steps(assignment)):
            check = step.knowledge_check or step.page.specific.knowledge_check
            take_check(assignment, step, answers(check, action == "pass a check"))
    elif action == "submit the task" and task:
        submit_task(assignment, task, note="Ready")
    elif action == "send the task back" and task:
        send_back(assignment, task, coach=coach, comment="Add the call notes")
    elif action == "sign off the task" and task:
        sign_off(assignment, task, coach=coach)
    elif action == "plan the check-in" and checkin:
        plan_checkin(assignment, checkin, coach=coach, when=timezone.now() + timedelta(days=1))
    elif action == "record the check-in" and checkin:
        record_checkin(assignment, checkin, coach=coach, notes="Went well")
    elif action == "waive a step":
        if step := pick(builders.steps_of(assignment)):
            waive(assignment, step, coach=coach, reason="Knows it already")
    elif action == "cancel the path":
        cancel_assignment(assignment, by=coach)
    elif action.startswith("republish"):
        steps = list(learning_path.steps.all())
        if action == "republish without the first step" and len(steps) > 1:
            steps = steps[1:]
        elif action == "republish with one more step":
            steps = [*steps, f"Extra task {len(steps)}"]
        builders.republish(learning_path, steps)
        move_to_latest(
            learning_path,
            on_older_versions(learning_path),
            by=coach,
            version_number=learning_path.current_version.number,
        )
    elif action == "withdraw a module":
        modules = [s for s in steps_of_kind(assignment, StepKind.MODULE) if s.page]
        if step := pick(modules):
            step.page.unpublish()


def counted_by_hand(trainee):
    """The new hire's TraineeFigures (stored.TRAINEE_FIGURES, in order), worked out in
    Python from each of their assignments: an oracle independent of stored.py."""
    mine = Assignment.objects.filter(trainee=trainee).select_related("version")
    current = [a for a in mine if a.status != AssignmentStatus.CANCELLED]
    active = [a for a in current if a.status == AssignmentStatus.ACTIVE]
    submitted = StepProgress.objects.filter(assignment__in=active, status=ProgressStatus.SUBMITTED)
    waiting = [
        p
        for p in submitted.select_related("step", "assignment")
        if p.step.version_id == p.assignment.version_id
    ]

    def latest(values):
        known = [value for value in values if value is not None]
        return max(known) if known else None

    due = [a.due_on for a in active if a.due_on is not None]
    return (
        sum(a.version.step_count for a in current),
        sum(a.steps_done for a in current),
        len(waiting),
        len(current),
        len(active),
        latest(a.last_activity_at for a in current),
        min(due) if due else None,
        latest(a.completed_at for a in current),
    )


@PROPERTIES
@given(
    actions=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(0, 3)), min_size=1, max_size=14
    )
)
def test_the_stored_figure_always_equals_the_counted_one(every_kind, people, actions):
    coach, nadia = people

    def check():
        # A due date, so that the next due date is a figure to keep true too.
        due = timezone.localdate() + timedelta(days=7)
        assignment = builders.assign(every_kind, nadia, by=coach, due_on=due)
        for action, choice in actions:
            fresh = Assignment.objects.select_related("version").get(pk=assignment.pk)
            learning_path = type(every_kind).objects.get(pk=every_kind.pk)
            # Refused with a message is allowed, as long as the figures hold.
            with contextlib.suppress(StepError, AssignmentError):
                act(action, fresh, learning_path, coach, choice)
            assert stored.drift() == [], action
            assert stored.trainee_drift() == [], action
            kept = TraineeFigures.objects.values_list(*stored.TRAINEE_FIGURES).get(trainee=nadia)
            assert kept == counted_by_hand(nadia), action
            fresh.refresh_from_db()
            if fresh.status == AssignmentStatus.COMPLETED:
                assert fresh.steps_done >= fresh.version.step_count, action

    with transaction.atomic():
        check()
        transaction.set_rollback(True)


def test_a_new_hires_figures_follow_a_path_completed_and_one_cancelled(portal, people):
    coach, nadia = people
    soon, later = (timezone.localdate() + timedelta(days=days) for days in (3, 10))
    first = builders.assign(
        builders.make_path("First", steps=[builders.make_module(portal, "A")]), nadia, due_on=soon
    )
    builders.assign(builders.make_path("Second", steps=["Shadow a call"]), nadia, due_on=later)
    third = builders.assign(builders.make_path("Third", steps=["Read"]), nadia, due_on=soon)

    complete_module(first, builders.steps_of(first)[0])
    cancel_assignment(third, by=coach)

    figures = TraineeFigures.objects.get(trainee=nadia)
    assert (figures.paths_current, figures.paths_active, figures.steps_total) == (2, 1, 2)
    assert figures.next_due == later and figures.finished_at is not None
    kept = TraineeFigures.objects.values_list(*stored.TRAINEE_FIGURES).get(trainee=nadia)
    assert kept == counted_by_hand(nadia)


def test_a_double_completion_counts_once(portal, people):
    _coach, nadia = people
    assignment = builders.assign(
        builders.make_path(steps=[builders.make_module(portal), "Shadow a call"]), nadia
    )
    module = builders.steps_of(assignment)[0]
    assert complete_module(assignment, module) is True
    assert complete_module(Assignment.objects.get(pk=assignment.pk), module) is False
    assignment.refresh_from_db()
    assert assignment.steps_done == 1


def test_the_command_reports_drift_and_repairs_it(portal, people, capsys):
    _coach, nadia = people
    assignment = builders.assign(
        builders.make_path(steps=[builders.make_module(portal), "Shadow a call"]), nadia
    )
    complete_module(assignment, builders.steps_of(assignment)[0])
    call_command("check_stored_progress")
    assert (
        "All 1 assignments' and 1 new hires' stored progress matches their rows."
        in capsys.readouterr().out
    )

    Assignment.objects.filter(pk=assignment.pk).update(steps_done=0)  # a figure gone wrong
    TraineeFigures.objects.filter(trainee=nadia).update(waiting_count=3)  # and another
    with pytest.raises(CommandError, match="1 of 1 assignments and 1 of 1 new hires drifted"):
        call_command("check_stored_progress")
    second = builders.steps_of(assignment)[1]
    assert (
        f"Assignment {assignment.pk}: stored (0, {second.pk}, 0), counted (1, {second.pk}, 0)"
        in (out := capsys.readouterr().out)
    )
    assert f"New hire {nadia.pk}: stored (2, 1, 3, " in out and "(steps total, steps done" in out

    call_command("check_stored_progress", "--repair")
    assert "Repaired 1 of 1 assignments and 1 of 1 new hires." in capsys.readouterr().out
    assert Assignment.objects.get(pk=assignment.pk).steps_done == 1
    assert TraineeFigures.objects.get(trainee=nadia).waiting_count == 0
    assert StepProgress.objects.filter(assignment=assignment).count() == 1  # rows untouched


def test_each_change_of_a_step_moves_its_time_of_last_change(people):
    coach, nadia = people
    assignment = builders.assign(builders.make_path(steps=["Shadow a call"]), nadia, by=coach)
    task = builders.steps_of(assignment)[0]
    start = timezone.now()
    times = []
    for hours, action in enumerate(
        (
            lambda: submit_task(assignment, task, note="Ready"),
            lambda: send_back(assignment, task, coach=coach, comment="Add the call notes"),
            lambda: submit_task(assignment, task, note="Notes added"),
            lambda: sign_off(assignment, task, coach=coach),
        ),
        start=1,
    ):
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(hours=hours)):
            action()
        times.append(StepProgress.objects.get(assignment=assignment).updated_at)
    assert times == [start + timedelta(hours=hours) for hours in range(1, 5)]
