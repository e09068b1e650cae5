"""A page opened before its assignment moved to a newer version of the path.

Step URLs name a step by its position, and a newer version may hold another step at that
position. Every step form also says which step it was shown for (its key): a form from
before the move is refused with a message, and the step standing there now is untouched.
"""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from coaching.learning import progress, versions
from coaching.models import Assignment, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db

STEP_FORM = re.compile(r'<form method="post" action="([^"]*/steps/[^"]*)"[^>]*>(.*?)</form>', re.S)
KEY = re.compile(r'name="step_key" value="([^"]+)"')


@pytest.fixture
def moved(coach, trainee):
    """nadia on version 1 of a path whose version 2 drops its second step, "Old task"; the
    page of that step (as she opened it before the move) and her assignment, moved since."""
    path = builders.make_path("Orientation", steps=["Read the handbook", "Old task", "Shadow"])
    assignment = builders.assign(path, trainee, by=coach)
    return path, assignment


def move(path, assignment, coach):
    builders.republish(path, [step for step in path.steps.all() if step.title != "Old task"])
    moved = versions.move_to_latest(
        path,
        Assignment.objects.filter(pk=assignment.pk),
        by=coach,
        version_number=path.current_version.number,
    )
    assert moved == 1


def key_on_step_page(client, trainee, assignment, position):
    """The step key on the trainee's page of the step at `position`, as she opened it."""
    client.force_login(trainee)
    page = client.get(reverse("coaching:step", args=[assignment.pk, position])).content.decode()
    (key,) = KEY.findall(page)
    return key


def step_forms(html):
    """Each step form's action and the step key it carries."""
    return [(action, KEY.findall(body)) for action, body in STEP_FORM.findall(html)]


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_task_sent_from_a_page_opened_before_the_move_changes_nothing(
    client, coach, trainee, moved
):
    path, assignment = moved
    key = key_on_step_page(client, trainee, assignment, 2)
    move(path, assignment, coach)

    response = client.post(
        reverse("coaching:submit_task", args=[assignment.pk, 2]),
        {"text": "notes about the old task", "step_key": key},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("coaching:assignment", args=[assignment.pk])
    assert said(response) == [str(progress.PATH_CHANGED)]
    assert not StepProgress.objects.filter(assignment=assignment).exists()


def test_a_module_marked_read_from_before_the_move_is_refused_as_well(
    client, coach, trainee, portal
):
    first, second = builders.make_module(portal, "Safety"), builders.make_module(portal, "Tools")
    path = builders.make_path("Orientation", steps=[first, second])
    assignment = builders.assign(path, trainee, by=coach)
    key = key_on_step_page(client, trainee, assignment, 1)
    # Version 2 puts "Tools" first.
    safety, tools = path.steps.all()
    builders.republish(path, [tools, safety])
    versions.move_to_latest(
        path, Assignment.objects.filter(pk=assignment.pk), by=coach, version_number=2
    )

    response = client.post(
        reverse("coaching:complete_module", args=[assignment.pk, 1]), {"step_key": key}
    )

    assert said(response) == [str(progress.PATH_CHANGED)]
    assert not StepProgress.objects.filter(assignment=assignment).exists()


def test_a_form_for_a_step_still_at_its_place_works_after_the_move(client, coach, trainee, moved):
    path, assignment = moved
    key = key_on_step_page(client, trainee, assignment, 1)
    move(path, assignment, coach)

    client.post(
        reverse("coaching:submit_task", args=[assignment.pk, 1]),
        {"text": "read it", "step_key": key},
    )

    assert list(
        StepProgress.objects.filter(assignment=assignment).values_list("step__title", "note")
    ) == [("Read the handbook", "read it")]


def test_a_coachs_action_from_before_the_move_is_refused_and_says_why(
    client, coach, trainee, moved
):
    path, assignment = moved
    client.force_login(coach)
    page = client.get(reverse("coaching:trainee", args=[trainee.pk])).content.decode()
    old_task = reverse("coaching:waive", args=[assignment.pk, 2])
    (key,) = dict(step_forms(page))[old_task]
    move(path, assignment, coach)

    response = client.post(old_task, {"reason": "Done elsewhere", "step_key": key})

    assert response["Location"] == reverse("coaching:trainee", args=[trainee.pk])
    assert said(response) == [str(progress.PATH_CHANGED)]
    assert not StepProgress.objects.filter(assignment=assignment).exists()


def test_a_position_the_newer_version_no_longer_has_is_refused_not_missing(
    client, coach, trainee, moved
):
    path, assignment = moved
    key = key_on_step_page(client, trainee, assignment, 3)
    move(path, assignment, coach)  # two steps left

    response = client.post(
        reverse("coaching:submit_task", args=[assignment.pk, 3]),
        {"text": "shadowed", "step_key": key},
    )

    assert said(response) == [str(progress.PATH_CHANGED)]


def test_every_step_form_says_which_step_it_was_shown_for(client, coach, trainee, portal):
    path = builders.make_path_of_every_kind(portal)
    assignment = builders.assign(path, trainee, by=coach)
    steps = builders.steps_of(assignment)
    task = next(step for step in steps if step.kind == "task")
    progress.submit_task(assignment, task, "ready")
    client.force_login(trainee)
    portal_forms = [
        form
        for number in range(1, len(steps) + 1)
        for form in step_forms(
            client.get(reverse("coaching:step", args=[assignment.pk, number])).content.decode()
        )
    ]
    client.force_login(coach)
    coach_forms = step_forms(
        client.get(reverse("coaching:trainee", args=[trainee.pk])).content.decode()
    )

    keys = {str(step.key) for step in steps}
    assert len(portal_forms) >= 3 and len(coach_forms) >= 5
    for action, found in portal_forms + coach_forms:
        assert len(found) == 1 and found[0] in keys, action


def test_the_rule_refuses_a_step_of_another_version_than_the_assignments(coach, trainee, moved):
    path, assignment = moved
    old_task = builders.steps_of(assignment)[1]
    move(path, assignment, coach)
    assignment.refresh_from_db()

    with pytest.raises(progress.StepError, match="updated since you opened"):
        progress.submit_task(assignment, old_task, "notes")
    assert not StepProgress.objects.filter(assignment=assignment).exists()
