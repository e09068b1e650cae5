"""Editing, unpublishing or deleting content never loses a new hire's progress."""

import pytest
from django.urls import reverse

from coaching.learning.progress import complete_module
from coaching.models import ProgressStatus, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(portal, client):
    modules = [builders.make_module(portal, title=t) for t in ("Empathy", "Outages")]
    learning_path = builders.make_path(steps=modules)
    trainee = builders.make_trainee()
    assignment = builders.assign(learning_path, trainee)
    complete_module(assignment, builders.steps_of(assignment)[0])
    client.force_login(trainee)
    return modules, assignment, client


@pytest.mark.parametrize("change", ["delete", "unpublish"])
def test_a_module_removed_after_it_was_read_keeps_the_progress(setup, change):
    modules, assignment, client = setup

    getattr(modules[0], change)()

    step = client.get(reverse("coaching:step", args=[assignment.pk, 1]))
    assert step.status_code == 200
    assert "Empathy" in step.text and "not available any more" in step.text
    assert StepProgress.objects.get(assignment=assignment).status == ProgressStatus.DONE
    assert "1 of 2 steps" in client.get(reverse("coaching:home")).text


def test_an_unavailable_module_can_still_be_marked_done(setup):
    modules, assignment, client = setup
    modules[1].delete()

    client.post(reverse("coaching:complete_module", args=[assignment.pk, 2]))

    assignment.refresh_from_db()
    assert assignment.status == "completed"


def test_editing_the_path_leaves_the_trainees_steps_alone(setup):
    _, assignment, client = setup
    learning_path = assignment.path
    learning_path.steps = [builders.as_step("A brand new task")]
    learning_path.save_revision().publish()

    page = client.get(reverse("coaching:assignment", args=[assignment.pk]))

    assert "Empathy" in page.text and "Outages" in page.text
    assert "A brand new task" not in page.text


def test_a_path_with_assignments_cannot_be_deleted(setup, admin_client):
    _, assignment, _ = setup

    admin_client.post(
        reverse("wagtailsnippets_lessons_learningpath:delete", args=[assignment.path_id])
    )

    assignment.refresh_from_db()
    assert assignment.path is not None
