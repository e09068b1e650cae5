"""Working through a path: each kind of step, once and only once."""

import pytest

from coaching.learning.progress import (
    StepError,
    complete_module,
    plan_checkin,
    record_checkin,
    send_back,
    sign_off,
    submit_task,
    take_check,
)
from coaching.models import AssignmentStatus, CheckAttempt, ProgressStatus, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(portal, coach):
    learning_path = builders.make_path_of_every_kind(portal, max_attempts=2)
    return builders.assign(learning_path, builders.make_trainee(coach=coach))


def right_answers(step):
    check = step.knowledge_check or step.page.specific.knowledge_check
    single, true_false = (block.id for block in check.questions)
    return {single: ["0"], true_false: ["false"]}


def test_completing_a_module_twice_records_it_once(assignment):
    module = builders.steps_of(assignment)[0]

    assert complete_module(assignment, module) is True
    assert complete_module(assignment, module) is False

    assert (
        StepProgress.objects.filter(assignment=assignment, status=ProgressStatus.DONE).count() == 1
    )


def test_repeating_the_last_step_of_a_completed_path_changes_nothing(portal):
    learning_path = builders.make_path(steps=[builders.make_module(portal)])
    assignment = builders.assign(learning_path, builders.make_trainee())
    (module,) = builders.steps_of(assignment)
    assert complete_module(assignment, module) is True
    assert assignment.status == AssignmentStatus.COMPLETED

    # The second tab read the assignment before it completed, or after: either way, no error.
    assert complete_module(assignment, module) is False
    assert StepProgress.objects.filter(assignment=assignment).count() == 1


def test_a_module_with_a_check_is_done_only_by_passing_it(assignment):
    step = builders.steps_of(assignment)[1]

    with pytest.raises(StepError):
        complete_module(assignment, step)
    attempt, result = take_check(assignment, step, right_answers(step))

    assert result.passed and attempt.number == 1
    assert StepProgress.objects.get(assignment=assignment, step=step).status == ProgressStatus.DONE


def test_a_failed_attempt_is_kept_and_the_limit_enforced(assignment):
    step = builders.steps_of(assignment)[3]

    first, result = take_check(assignment, step, {})
    take_check(assignment, step, {})

    assert not result.passed and first.score == 0
    assert first.results[0]["explanation"] == "Listening comes first."
    with pytest.raises(StepError, match="every attempt"):
        take_check(assignment, step, right_answers(step))
    assert CheckAttempt.objects.filter(assignment=assignment).count() == 2
    assert not StepProgress.objects.filter(assignment=assignment, step=step).exists()


def test_a_passed_check_is_not_taken_again(assignment):
    step = builders.steps_of(assignment)[3]
    take_check(assignment, step, right_answers(step))

    with pytest.raises(StepError, match="already passed"):
        take_check(assignment, step, right_answers(step))


def test_a_task_waits_for_sign_off_and_can_be_sent_back(assignment, coach):
    task = builders.steps_of(assignment)[2]

    submit_task(assignment, task, note="Shadowed Ayu on three calls.")
    send_back(assignment, task, coach=coach, comment="Add what you would do differently.")
    progress = StepProgress.objects.get(assignment=assignment, step=task)
    assert progress.status == ProgressStatus.RETURNED
    submit_task(assignment, task, note="Added my reflections.")
    assert sign_off(assignment, task, coach=coach) is True

    progress.refresh_from_db()
    assert (progress.status, progress.reviewed_by, progress.note) == (
        ProgressStatus.DONE,
        coach,
        "Added my reflections.",
    )


def test_sending_back_needs_a_comment(assignment, coach):
    task = builders.steps_of(assignment)[2]
    submit_task(assignment, task)

    with pytest.raises(StepError):
        send_back(assignment, task, coach=coach, comment="  ")


def test_a_check_in_is_planned_then_recorded(assignment, coach):
    from django.utils import timezone

    checkin = builders.steps_of(assignment)[4]
    when = timezone.now() + timezone.timedelta(days=2)

    plan_checkin(assignment, checkin, coach=coach, when=when)
    assert StepProgress.objects.get(step=checkin).scheduled_for == when
    record_checkin(assignment, checkin, coach=coach, notes="Ready for calls.")

    assert StepProgress.objects.get(step=checkin).status == ProgressStatus.DONE


def test_the_last_step_completes_the_assignment(assignment, coach):
    module, module_with_check, task, check, checkin = builders.steps_of(assignment)
    complete_module(assignment, module)
    take_check(assignment, module_with_check, right_answers(module_with_check))
    submit_task(assignment, task)
    sign_off(assignment, task, coach=coach)
    take_check(assignment, check, right_answers(check))
    assert assignment.status == AssignmentStatus.ACTIVE

    record_checkin(assignment, checkin, coach=coach)

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.COMPLETED
    assert assignment.completed_at is not None


def test_a_cancelled_assignment_takes_no_more_progress(assignment):
    from coaching.learning.assigning import cancel_assignment

    cancel_assignment(assignment, by=None)

    with pytest.raises(StepError):
        complete_module(assignment, builders.steps_of(assignment)[0])


def test_steps_answer_only_their_own_actions(assignment, coach):
    module, _, task, _, checkin = builders.steps_of(assignment)

    for action in (
        lambda: complete_module(assignment, task),
        lambda: submit_task(assignment, module),
        lambda: sign_off(assignment, checkin, coach=coach),
        lambda: record_checkin(assignment, task, coach=coach),
    ):
        with pytest.raises(StepError):
            action()
