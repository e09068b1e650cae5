"""Properties of the domain operations, checked by hypothesis over any sequence of actions:
assigning, completing steps and signing off tasks, in any order, repeated any number of
times. Each example runs in a transaction rolled back after it."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching.learning.assigning import assign_path, cancel_assignment
from coaching.learning.progress import StepError, complete_module, send_back, sign_off, submit_task
from coaching.models import (
    Assignment,
    AssignmentStatus,
    Milestone,
    Notification,
    NotificationKind,
    ProgressStatus,
    StepProgress,
    TraineeProfile,
)
from tests import builders

pytestmark = pytest.mark.django_db

PROPERTIES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
STEPS = 4


def rolled_back(check):
    with transaction.atomic():
        check()
        transaction.set_rollback(True)


@pytest.fixture
def modules_path(portal):
    return builders.make_path(
        steps=[builders.make_module(portal, title=f"Module {n}") for n in range(STEPS)]
    )


@pytest.fixture
def people(db):
    coach = builders.make_user("coach")
    return coach, [builders.make_trainee(f"t{n}", coach=coach) for n in range(4)]


@PROPERTIES
@given(order=st.lists(st.integers(0, STEPS - 1), max_size=12))
def test_completing_steps_in_any_order_records_each_once(modules_path, people, order):
    def check():
        trainee = people[1][0]
        assignment = builders.assign(modules_path, trainee)
        steps = builders.steps_of(assignment)
        firsts = [
            complete_module(Assignment.objects.get(pk=assignment.pk), steps[i]) for i in order
        ]

        done = StepProgress.objects.filter(assignment=assignment, status=ProgressStatus.DONE)
        assert done.count() == len(set(order))
        assert firsts.count(True) == len(set(order))  # True once per step, then quietly False
        assignment.refresh_from_db()
        finished = len(set(order)) == STEPS
        assert (assignment.status == AssignmentStatus.COMPLETED) == finished
        assert Milestone.objects.filter(trainee=trainee).count() == (1 if finished else 0)

    rolled_back(check)


@PROPERTIES
@given(
    batches=st.lists(
        st.tuples(st.sets(st.integers(0, 3), max_size=4), st.booleans()), min_size=1, max_size=6
    )
)
def test_assigning_in_any_batches_gives_each_person_one_current_assignment(
    modules_path, people, batches
):
    def check():
        coach, trainees = people
        ever_assigned = set()
        for chosen, cancel_afterwards in batches:
            ids = [trainees[i].pk for i in chosen]
            result = assign_path(
                modules_path, TraineeProfile.objects.filter(user_id__in=ids), assigned_by=coach
            )
            assert result.created + len(result.already_assigned) == len(ids)
            ever_assigned |= set(ids)
            if cancel_afterwards and ids:
                current = Assignment.objects.current().filter(trainee_id=ids[0])
                for assignment in current:
                    cancel_assignment(assignment, by=None)
        for trainee in trainees:
            current = Assignment.objects.current().filter(trainee=trainee).count()
            assert current <= 1
        notified = Notification.objects.filter(kind=NotificationKind.ASSIGNED)
        assert notified.count() == Assignment.objects.count()  # one per assignment made
        assert set(Assignment.objects.values_list("trainee_id", flat=True)) == ever_assigned

    rolled_back(check)


ACTIONS = st.lists(st.sampled_from(["submit", "send back", "sign off"]), max_size=10)


@pytest.fixture
def task_path(portal):
    return builders.make_path("One task", steps=["Shadow a call"])


@PROPERTIES
@given(actions=ACTIONS)
def test_a_task_moves_only_along_its_allowed_states(task_path, people, actions):
    def check():
        coach, trainees = people
        assignment = builders.assign(task_path, trainees[0], by=coach)
        step = builders.steps_of(assignment)[0]
        signed_off = False
        for action in actions:
            fresh = Assignment.objects.get(pk=assignment.pk)
            try:
                if action == "submit":
                    submit_task(fresh, step, note="ready")
                elif action == "send back":
                    send_back(fresh, step, coach=coach, comment="more")
                else:
                    signed_off = sign_off(fresh, step, coach=coach) or signed_off
            except StepError:
                pass  # refused with a message: allowed, as long as the state below holds
        progress = list(StepProgress.objects.filter(assignment=assignment))
        assert len(progress) <= 1
        status = progress[0].status if progress else None
        assert (status == ProgressStatus.DONE) == ("sign off" in actions)
        assert signed_off == ("sign off" in actions)  # the first sign-off counts, once
        assignment.refresh_from_db()
        assert (assignment.status == AssignmentStatus.COMPLETED) == signed_off

    rolled_back(check)
