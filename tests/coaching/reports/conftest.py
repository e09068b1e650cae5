"""A small company whose report figures are worked out by hand in the tests.

Today is whatever day the tests run; every date is relative to it, except recognition,
which is written on fixed days so that months are known.

Orientation (tasks A, B, C):
    nadia   completed, assigned 10 days ago, completed 4 days ago   (6 days)
    bima    completed, assigned 20 days ago, completed 10 days ago  (10 days)
    rizky   active, assigned 5 days ago, due yesterday (overdue); A done, B waiting
    sari    active, assigned 3 days ago, due in 5 days; A sent back
Service (task Greet, then the knowledge check):
    nadia   active, assigned 3 days ago, no due date
    bima    cancelled (never counts)
    rizky   completed, assigned 30 days ago, completed 28 days ago  (2 days)

nadia: Customer Service, started January 2026, coached by citra (agus until last month)
bima:  Customer Service, started February 2026, coached by citra
rizky: Ops, started February 2026, coached by agus
sari:  no unit, no start date, no coach
"""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from coaching.learning import stored
from coaching.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    CoachRelationship,
    Goal,
    GoalStatus,
    ProgressStatus,
    Recognition,
    StepProgress,
)
from lessons.models import CompanyValue
from tests import builders


def admin_user(username, *codenames):
    """A person with Wagtail admin access and the given permissions."""
    user = builders.make_user(username)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


def set_assignment(
    assignment, *, assigned_days_ago, status="active", completed_days_ago=None, due_in_days=None
):
    now = timezone.now()
    today = timezone.localdate()
    Assignment.objects.filter(pk=assignment.pk).update(
        assigned_at=now - timedelta(days=assigned_days_ago),
        status=status,
        completed_at=(
            now - timedelta(days=completed_days_ago) if completed_days_ago is not None else None
        ),
        due_on=today + timedelta(days=due_in_days) if due_in_days is not None else None,
    )


def progress(assignment, step, status):
    StepProgress.objects.create(assignment=assignment, step=step, status=status)
    stored.recount(Assignment.objects.filter(pk=assignment.pk))


def noon(year, month, day):
    return datetime(year, month, day, 5, tzinfo=UTC)  # noon in Jakarta


@pytest.fixture
def company(db):
    today = timezone.localdate()
    cs = builders.make_unit("Customer Service")
    ops = builders.make_unit("Ops")
    citra = admin_user("citra")
    agus = admin_user("agus")
    nadia = builders.make_trainee("nadia", unit=cs, start_date=date(2026, 1, 10), coach=citra)
    bima = builders.make_trainee("bima", unit=cs, start_date=date(2026, 2, 3), coach=citra)
    rizky = builders.make_trainee("rizky", unit=ops, start_date=date(2026, 2, 20), coach=agus)
    sari = builders.make_trainee("sari")
    CoachRelationship.objects.create(
        coach=agus,
        trainee=nadia,
        starts_on=today - timedelta(days=60),
        ends_on=today - timedelta(days=30),
    )

    check = builders.make_check("Empathy check")
    orientation = builders.make_path("Orientation", steps=["A", "B", "C"])
    service = builders.make_path("Service", steps=["Greet", check])

    o = {person: builders.assign(orientation, person) for person in (nadia, bima, rizky, sari)}
    s = {person: builders.assign(service, person) for person in (nadia, bima, rizky)}
    set_assignment(o[nadia], assigned_days_ago=10, status="completed", completed_days_ago=4)
    set_assignment(o[bima], assigned_days_ago=20, status="completed", completed_days_ago=10)
    set_assignment(o[rizky], assigned_days_ago=5, due_in_days=-1)
    set_assignment(o[sari], assigned_days_ago=3, due_in_days=5)
    set_assignment(s[nadia], assigned_days_ago=3)
    set_assignment(s[bima], assigned_days_ago=8, status=AssignmentStatus.CANCELLED)
    set_assignment(s[rizky], assigned_days_ago=30, status="completed", completed_days_ago=28)

    a, b, c = builders.steps_of(o[nadia])
    for person in (nadia, bima):
        for step in (a, b, c):
            progress(o[person], step, ProgressStatus.DONE)
    progress(o[rizky], a, ProgressStatus.DONE)
    progress(o[rizky], b, ProgressStatus.SUBMITTED)
    progress(o[sari], a, ProgressStatus.RETURNED)
    greet, check_step = builders.steps_of(s[nadia])
    progress(s[nadia], greet, ProgressStatus.DONE)
    for step in (greet, check_step):
        progress(s[rizky], step, ProgressStatus.DONE)

    first, second = (block.id for block in check.questions)

    def attempt(assignment, number, first_correct, second_correct):
        CheckAttempt.objects.create(
            assignment=assignment,
            step=check_step,
            knowledge_check=check,
            number=number,
            results=[
                {"id": first, "question": "What do you do first?", "correct": first_correct},
                {"id": second, "question": "Blame fixes systems.", "correct": second_correct},
            ],
            score=50,
            passed=first_correct and second_correct,
        )

    attempt(s[nadia], 1, True, False)
    attempt(s[nadia], 2, True, True)
    attempt(s[rizky], 1, True, True)
    attempt(s[bima], 1, False, False)  # cancelled: not counted

    empathy = CompanyValue.objects.create(name="Empathy", slug="empathy", sort_order=0)
    ownership = CompanyValue.objects.create(name="Ownership", slug="ownership", sort_order=1)
    for person, value, written in (
        (nadia, empathy, noon(2026, 1, 15)),
        (nadia, ownership, noon(2026, 3, 2)),
        (rizky, empathy, noon(2026, 3, 20)),
        (sari, empathy, noon(2026, 3, 25)),
    ):
        Recognition.objects.create(
            trainee=person, author=citra, value=value, message="Thank you.", created_at=written
        )
    for person, status in (
        (nadia, GoalStatus.ON_TRACK),
        (nadia, GoalStatus.DONE),
        (rizky, GoalStatus.AT_RISK),
        (sari, GoalStatus.BEHIND),
    ):
        Goal.objects.create(trainee=person, author=citra, title="Handle calls", status=status)

    return SimpleNamespace(
        cs=cs,
        ops=ops,
        citra=citra,
        agus=agus,
        nadia=nadia,
        bima=bima,
        rizky=rizky,
        sari=sari,
        orientation=orientation,
        service=service,
        check=check,
    )
