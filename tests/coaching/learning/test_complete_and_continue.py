"""A new hire goes on from each step: "Done, next step" completes a module once and opens the
next step not done; the last one ends on the path page with "Path complete"; a passed check
offers Continue; the calls to action say Start, Continue or Review as the path stands; the
due date and the reading time left are said in words; titles say "Knowledge check" once."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from coaching.learning.progress import complete_module, submit_task, take_check
from coaching.models import Assignment, AssignmentStatus, Milestone, StepProgress
from coaching.record.export import learning_as_data
from tests import builders

pytestmark = pytest.mark.django_db


def step_url(assignment, number):
    return reverse("coaching:step", args=[assignment.pk, number])


def shown(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def three_modules(portal, trainee):
    modules = [builders.make_module(portal, f"Module {n}", slug=f"m{n}") for n in (1, 2, 3)]
    return builders.assign(builders.make_path("Basics", steps=modules), trainee)


def test_done_next_step_completes_the_module_and_opens_the_next_step(
    client, trainee, three_modules
):
    client.force_login(trainee)

    response = client.post(reverse("coaching:complete_module", args=[three_modules.pk, 1]))

    assert response.url == step_url(three_modules, 2)
    assert StepProgress.objects.filter(assignment=three_modules, status="done").count() == 1
    assert shown(client.get(response.url)) == ["“Module 1” is done."]


def test_done_twice_records_it_once_and_goes_to_the_same_step(client, trainee, three_modules):
    client.force_login(trainee)
    url = reverse("coaching:complete_module", args=[three_modules.pk, 1])
    client.post(url)
    first = StepProgress.objects.get(assignment=three_modules)

    again = client.post(url)

    assert again.url == step_url(three_modules, 2)
    assert StepProgress.objects.get(assignment=three_modules).completed_at == first.completed_at
    assert StepProgress.objects.filter(assignment=three_modules).count() == 1


def test_done_skips_steps_already_done(client, trainee, three_modules):
    complete_module(three_modules, builders.steps_of(three_modules)[1])
    client.force_login(trainee)

    response = client.post(reverse("coaching:complete_module", args=[three_modules.pk, 1]))

    assert response.url == step_url(three_modules, 3)


def test_the_last_step_ends_on_the_path_page_with_path_complete(client, trainee, three_modules):
    first, second, _third = builders.steps_of(three_modules)
    complete_module(three_modules, first)
    complete_module(three_modules, second)
    client.force_login(trainee)
    assert "Done, finish the path" in client.get(step_url(three_modules, 3)).content.decode()

    response = client.post(reverse("coaching:complete_module", args=[three_modules.pk, 3]))

    assert response.url == reverse("coaching:assignment", args=[three_modules.pk])
    assert Assignment.objects.get(pk=three_modules.pk).status == AssignmentStatus.COMPLETED
    assert shown(client.get(response.url)) == [
        "Path complete: you have finished every step of Basics. Well done!"
    ]


def test_a_module_step_offers_done_next_step_and_names_the_next_step(
    client, trainee, three_modules
):
    client.force_login(trainee)

    html = client.get(step_url(three_modules, 1)).content.decode()

    assert ">Done, next step</button>" in html and "Next: Module 2" in html
    assert "Mark as done" not in html


def test_a_passed_check_offers_continue_and_no_more_attempts(client, portal, trainee):
    check = builders.make_check(max_attempts=2)
    assignment = builders.assign(
        builders.make_path(steps=[check, builders.make_module(portal, "After")]), trainee
    )
    step = builders.steps_of(assignment)[0]
    right = {question["id"]: [] for question in check.question_choices()}
    right[check.question_choices()[0]["id"]] = ["0"]  # Listen
    right[check.question_choices()[1]["id"]] = ["false"]
    take_check(assignment, step, right)
    client.force_login(trainee)

    html = client.get(step_url(assignment, 1)).content.decode()

    assert f'href="{step_url(assignment, 2)}">Continue</a>' in html
    assert "attempt left" not in html and "attempts left" not in html
    assert "Submit answers" not in html and "Try again" not in html


@pytest.mark.parametrize(
    ("done", "label"), [(0, "Start"), (1, "Continue"), (3, "Review")], ids=["0%", "33%", "100%"]
)
def test_the_call_to_action_matches_the_path(client, trainee, three_modules, done, label):
    for step in builders.steps_of(three_modules)[:done]:
        complete_module(three_modules, step)
    client.force_login(trainee)

    home = client.get(reverse("coaching:home")).content.decode()
    path_page = client.get(reverse("coaching:assignment", args=[three_modules.pk])).content
    others = {"Start", "Continue", "Review"} - {label}

    for html in (home, path_page.decode()):
        assert re.search(rf'class="button[^"]*"[^>]*>{label}[ <]', html)
        assert not any(re.search(rf">{other}[ <]", html) for other in others)
        assert "Start the path" not in html


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (20, "in 20 days"),
        (1, "Due tomorrow"),
        (0, "Due today"),
        (-1, "Overdue by 1 day"),
        (-3, "Overdue by 3 days"),
    ],
)
def test_the_due_date_says_how_far_off_it_is(client, portal, trainee, days, text):
    builders.assign(
        builders.make_path(steps=[builders.make_module(portal)]),
        trainee,
        due_on=timezone.localdate() + timedelta(days=days),
    )
    client.force_login(trainee)

    assert text in client.get(reverse("coaching:home")).content.decode()


def test_the_due_date_is_said_in_indonesian(client, portal, trainee):
    builders.assign(
        builders.make_path(steps=[builders.make_module(portal)]),
        trainee,
        due_on=timezone.localdate() - timedelta(days=3),
    )
    client.force_login(trainee)

    with translation.override("id"):
        html = client.get(reverse("coaching:home"), HTTP_ACCEPT_LANGUAGE="id").content.decode()

    assert "Lewat tenggat 3 hari" in html


def test_the_reading_time_left_counts_the_modules_not_done(client, trainee, three_modules):
    complete_module(three_modules, builders.steps_of(three_modules)[0])  # 10 minutes each
    client.force_login(trainee)

    html = client.get(reverse("coaching:assignment", args=[three_modules.pk])).content.decode()

    assert "about 20 min of reading left" in html


def test_the_reading_time_left_is_in_hours_past_an_hour(client, portal, trainee):
    modules = [
        builders.make_module(portal, f"Long {n}", slug=f"long{n}", estimated_minutes=45)
        for n in (1, 2)
    ]
    builders.assign(builders.make_path(steps=modules), trainee)
    client.force_login(trainee)

    assert "about 2 hours of reading left" in client.get(reverse("coaching:home")).content.decode()


def test_a_check_titled_knowledge_check_says_so_once(client, trainee):
    check = builders.make_check(title="Knowledge check: serving customers")
    assignment = builders.assign(builders.make_path(steps=[check]), trainee)
    step = builders.steps_of(assignment)[0]
    answers = {question["id"]: ["0"] for question in check.question_choices()}
    answers[check.question_choices()[1]["id"]] = ["false"]

    take_check(assignment, step, answers)

    assert step.title == "Serving customers"
    passed = Milestone.objects.get(milestone_kind="check_passed")
    assert passed.title == "Knowledge check passed: Serving customers"
    assert learning_as_data(trainee)[0]["steps_detail"][0]["step"] == "Serving customers"
    client.force_login(trainee)
    html = client.get(step_url(assignment, 1)).content.decode()
    assert "Knowledge check: Knowledge check" not in html
    assert html.count("Serving customers</h1>") == 1


def test_a_module_check_is_headed_with_its_subject(client, portal, trainee):
    check = builders.make_check(title="Knowledge check - outages")
    module = builders.make_module(portal, "Outages", knowledge_check=check)
    assignment = builders.assign(builders.make_path(steps=[module]), trainee)
    client.force_login(trainee)

    html = client.get(step_url(assignment, 1)).content.decode()

    assert ">Knowledge check: Outages</h2>" in html


def test_a_step_has_one_action_bar(client, trainee):
    assignment = builders.assign(builders.make_path(steps=["Shadow", "Write up"]), trainee)
    submit_task(assignment, builders.steps_of(assignment)[0], note="Done")
    client.force_login(trainee)

    html = client.get(step_url(assignment, 1)).content.decode()

    assert html.count('class="step-bar"') == 1
    assert f'href="{step_url(assignment, 2)}">Continue</a>' in html
