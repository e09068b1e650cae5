"""What needs the coach, at the top of the dashboard: tasks waiting for sign-off, overdue
paths, 1:1s and check-ins coming up, people not recognised lately; each with a link to
act, only for the people the coach coaches now, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.learning import progress
from coaching.learning.needs import needs_of
from coaching.models import Goal, OneOnOne, Recognition, TraineeProfile
from lessons.models import CompanyValue, LearningPathStep
from tests import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=90)


def lists(coach):
    return {item.key: item for item in needs_of(coach)}


def texts(need_list):
    return [(need.name, need.text) for need in need_list.needs]


def test_a_submitted_task_waits_for_its_coach_with_a_link_to_the_step(coach, trainee):
    path = builders.make_path("Orientation", steps=["Shadow a call"])
    assignment = builders.assign(path, trainee)
    step = assignment.version.steps.get()
    progress.submit_task(assignment, step, note="Done")

    waiting = lists(coach)["sign-off"]

    assert texts(waiting) == [("Nadia", "Shadow a call in Orientation")]
    assert waiting.needs[0].url == (
        reverse("coaching:trainee", args=[trainee.pk]) + f"#step-{assignment.pk}-1"
    )
    assert waiting.needs[0].initials == "N"


def test_an_overdue_path_says_how_late_it_is(coach, trainee):
    path = builders.make_path("Orientation", steps=["Shadow a call"])
    builders.assign(path, trainee, due_on=TODAY - datetime.timedelta(days=3))

    assert texts(lists(coach)["overdue"]) == [("Nadia", "Orientation was due 3 days ago")]


def test_coming_up_lists_1_1s_and_check_ins_soonest_first(coach, trainee):
    path = builders.make_path(
        "Orientation",
        steps=[LearningPathStep(kind="checkin", title="First week chat")],
    )
    assignment = builders.assign(path, trainee)
    soon = timezone.now() + datetime.timedelta(days=2)
    progress.plan_checkin(assignment, assignment.version.steps.get(), coach=coach, when=soon)
    OneOnOne.objects.create(
        trainee=trainee, author=coach, meets_at=timezone.now() + datetime.timedelta(days=1)
    )
    OneOnOne.objects.create(  # beyond the week ahead: not yet
        trainee=trainee, author=coach, meets_at=timezone.now() + datetime.timedelta(days=20)
    )

    coming = lists(coach)["coming-up"]

    assert [need.text.split(" on ")[0] for need in coming.needs] == [
        "1:1",
        "Check-in “First week chat”",
    ]


def test_someone_not_recognised_for_a_month_gets_a_gentle_nudge(coach, trainee):
    TraineeProfile.objects.filter(user=trainee).update(start_date=LONG_AGO)
    value = CompanyValue.objects.create(name="Empathy", slug="empathy")
    old = Recognition.objects.create(
        trainee=trainee, author=coach, value=value, message="Thanks for the patience."
    )
    Recognition.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=45)
    )

    nudge = lists(coach)["recognition"]

    assert texts(nudge) == [("Nadia", "no recognition in 30 days")]
    assert nudge.needs[0].url == reverse("coaching:give_recognition") + f"?to={trainee.pk}"


def test_recent_recognition_or_a_fresh_start_is_no_reason_to_nudge(coach, trainee):
    value = CompanyValue.objects.create(name="Empathy", slug="empathy")
    TraineeProfile.objects.filter(user=trainee).update(start_date=LONG_AGO)
    Recognition.objects.create(trainee=trainee, author=coach, value=value, message="Well done.")
    builders.make_trainee("bima", start_date=TODAY, coach=coach)  # started today

    assert "recognition" not in lists(coach)


def test_nobody_else_s_trainees_need_the_coach(coach, other_trainee, hr):
    TraineeProfile.objects.filter(user=other_trainee).update(start_date=LONG_AGO)
    path = builders.make_path("Orientation", steps=["Shadow a call"])
    builders.assign(path, other_trainee, due_on=TODAY - datetime.timedelta(days=3))

    assert needs_of(coach) == []
    assert needs_of(hr) == []  # HR sees everyone below, but coaches nobody


def test_the_dashboard_shows_what_needs_the_coach(client, coach, trainee):
    path = builders.make_path("Orientation", steps=["Shadow a call"])
    builders.assign(path, trainee, due_on=TODAY - datetime.timedelta(days=3))
    client.force_login(coach)

    page = client.get(reverse("coaching:dashboard")).content.decode()

    assert "What needs you" in page
    assert '<span class="avatar avatar--' in page and 'aria-hidden="true">N</span>' in page
    assert "<strong>Nadia</strong>: Orientation was due 3 days ago" in page


def test_with_nothing_to_do_the_dashboard_says_so(client, coach, trainee):
    client.force_login(coach)

    assert "Nothing needs you today." in client.get(reverse("coaching:dashboard")).content.decode()


def build(coach, size):
    """`size` new hires of `coach`, each with a task waiting, an overdue path, a 1:1 and a
    check-in planned this week, a goal check-in due, and no recognition since long ago."""
    path = builders.make_path(
        "Orientation",
        steps=["Shadow a call", LearningPathStep(kind="checkin", title="Chat")],
    )
    for n in range(size):
        person = builders.make_trainee(f"p{n}", start_date=LONG_AGO, coach=coach)
        assignment = builders.assign(path, person, due_on=TODAY - datetime.timedelta(days=2))
        task, checkin = assignment.version.steps.order_by("position")
        progress.submit_task(assignment, task)
        soon = timezone.now() + datetime.timedelta(days=1)
        progress.plan_checkin(assignment, checkin, coach=coach, when=soon)
        OneOnOne.objects.create(trainee=person, author=coach, meets_at=soon)
        goal = Goal.objects.create(
            trainee=person, author=coach, title="Calm calls", cadence="weekly"
        )
        Goal.objects.filter(pk=goal.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=40)
        )


@pytest.mark.parametrize("size", [2, 12])
def test_what_needs_the_coach_costs_the_same_queries_for_any_number_of_people(coach, size):
    build(coach, size)

    with CaptureQueriesContext(connection) as context:
        found = [(item.key, len(item.needs)) for item in needs_of(coach)]

    # tasks waiting, overdue paths, 1:1s, check-in steps planned, goal check-ins due,
    # people not recognised lately
    assert len(context) == 6
    shown = min(size, 5)
    assert found == [
        ("sign-off", shown),
        ("overdue", shown),
        ("coming-up", 5),  # 1:1s, check-ins and goals together, the soonest five
        ("recognition", shown),
    ]
