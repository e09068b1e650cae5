"""The portal home, a path page, the coach dashboard and a trainee's page cost the same
number of queries with 2 and with 40 trainees, paths and steps."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.learning import stored
from coaching.learning.assigning import assign_path
from coaching.models import (
    Assignment,
    ExtraAttempts,
    ProgressStatus,
    StepProgress,
    TraineeProfile,
)
from lessons.models import PathVersionStep
from tests import builders

pytestmark = pytest.mark.django_db


def build(portal, size):
    """`size` paths of `size` steps, each assigned to `size` trainees of one coach,
    with the first step of every assignment waived, the second one's module withdrawn,
    and more attempts granted on the last."""
    coach = builders.make_user("coach")
    modules = [builders.make_module(portal, title=f"M{i}", slug=f"m{i}") for i in range(2)]
    steps = [*modules, *[f"Task {i}" for i in range(size - 2)]]
    trainees = [builders.make_trainee(f"t{i}", coach=coach) for i in range(size)]
    for p in range(size):
        learning_path = builders.make_path(f"Path {p}", steps=steps)
        assign_path(learning_path, TraineeProfile.objects.all(), assigned_by=coach)
    first_step = {step.version_id: step for step in PathVersionStep.objects.filter(position=0)}
    StepProgress.objects.bulk_create(
        StepProgress(
            assignment=assignment,
            step=first_step[assignment.version_id],
            status=ProgressStatus.DONE,
            waived_at=timezone.now(),
            waived_by=coach,
            waived_reason="Knows it already",
        )
        for assignment in Assignment.objects.all()
    )
    stored.recount(Assignment.objects.all())
    last_step = {
        step.version_id: step for step in PathVersionStep.objects.filter(position=size - 1)
    }
    ExtraAttempts.objects.bulk_create(
        ExtraAttempts(assignment=assignment, step=last_step[assignment.version_id], count=2)
        for assignment in Assignment.objects.all()
    )
    modules[1].unpublish()
    return coach, trainees[0], trainees[0].assignments.first()


def queries(client, user, url):
    client.force_login(user)
    client.get(url)  # warm per-process caches (content types, cached roles)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize("size", [2, 40])
def test_pages_make_a_fixed_number_of_queries(client, portal, size):
    coach, trainee, assignment = build(portal, size)

    counts = {
        # session, user; whether they are a new hire and their start date (the way to
        # the welcome page before day one: coaching.preboarding); assignments with
        # progress; the next 1:1s; their buddy, and the new hires they are the buddy of
        # with their open questions counted (coaching.buddies.homes, 2: 10 since); the
        # site, for the header's portal (the portals are cached); recently completed; the
        # modules to read again (coaching.rereading)
        "portal home": queries(client, trainee, reverse("coaching:home")),
        # session, user; the assignment with progress, its steps (with whether their
        # content was withdrawn), its progress (with who waived); the site, for the
        # header's cached portal; marking the path's "assigned" notification read (an UPDATE,
        # made while the person has unread notifications: the other paths' here)
        "path page": queries(client, trainee, reverse("coaching:assignment", args=[assignment.pk])),
        # session, user, two permission lookups, coaching relationship; count, trainee
        # rows, their assignments; the site (for the cached portal); units and paths to filter by;
        # what needs the coach (test_needs.py): tasks waiting, overdue paths, 1:1s,
        # check-in steps planned, goal check-ins due, people not recognised lately
        "dashboard": queries(client, coach, reverse("coaching:dashboard")),
        # session, user, two permission lookups (is HR?); the trainee (within those they
        # coach), attempts, extra attempts granted, tasks' evidence files (shown beside
        # Sign off), assignments with progress, their steps (with whether their content
        # was withdrawn), their progress (with who waived); the next 1:1s with their
        # coaches; the site (for the cached portal)
        "trainee page": queries(client, coach, reverse("coaching:trainee", args=[trainee.pk])),
    }

    assert counts == {"portal home": 10, "path page": 7, "dashboard": 17, "trainee page": 13}
