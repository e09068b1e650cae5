"""The portal home: each path's progress and the one step that comes next."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.learning.progress import complete_module
from tests import builders

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    return client.get(reverse("coaching:home")).content.decode()


def test_the_next_step_is_the_first_one_not_done(client, portal):
    modules = [builders.make_module(portal, f"Module {n}", slug=f"m{n}") for n in (1, 2, 3)]
    trainee = builders.make_trainee()
    assignment = builders.assign(builders.make_path(steps=modules), trainee)
    first, _second, third = builders.steps_of(assignment)
    complete_module(assignment, first)
    complete_module(assignment, third)

    html = home(client, trainee)

    step_two = reverse("coaching:step", args=[assignment.pk, 2])
    link = f'href="{step_two}">Continue <span class="next-step__title">Module 2</span></a>'
    assert link in html
    assert "2 of 3 steps · 67%" in html


def test_a_completed_path_has_no_next_step(client, portal):
    trainee = builders.make_trainee()
    assignment = builders.assign(builders.make_path(steps=[builders.make_module(portal)]), trainee)
    complete_module(assignment, builders.steps_of(assignment)[0])

    html = home(client, trainee)

    assert "Continue" not in html and "Start" not in html
    assert "Completed on" in html and ">Review<" in html


def test_an_overdue_path_is_marked(client, portal):
    trainee = builders.make_trainee()
    yesterday = timezone.localdate() - timedelta(days=1)
    builders.assign(
        builders.make_path(steps=[builders.make_module(portal)]), trainee, due_on=yesterday
    )

    assert "Overdue by 1 day: was due" in home(client, trainee)


def test_nothing_assigned_shows_what_to_do_meanwhile(client, portal):
    assert "Nothing is assigned to you yet" in home(client, builders.make_trainee())
