"""Each report page, its export and the dashboard panel make the same number of queries
with little and with more data: more people, paths, units, values, steps and attempts."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.learning import stored
from coaching.models import (
    Assignment,
    CheckAttempt,
    Goal,
    ProgressStatus,
    Recognition,
    StepProgress,
)
from lessons.models import CompanyValue
from tests import builders

from .conftest import admin_user, set_assignment
from .test_pages import URLS

pytestmark = pytest.mark.django_db


def build(size):
    """`size` units, values and paths (of `size` tasks and a check), and 2 * `size` new
    hires of one coach, each assigned every path with some progress, an attempt, a
    recognition and a goal."""
    coach = admin_user("coach")
    check = builders.make_check()
    units = [builders.make_unit(f"Unit {n}") for n in range(size)]
    values = [
        CompanyValue.objects.create(name=f"Value {n}", slug=f"value-{n}") for n in range(size)
    ]
    paths = [
        builders.make_path(f"Path {n}", steps=[*(f"Task {i}" for i in range(size)), check])
        for n in range(size)
    ]
    for n in range(2 * size):
        trainee = builders.make_trainee(
            f"t{n}", unit=units[n % size], start_date=date(2026, 1 + n % 12, 1), coach=coach
        )
        for p, learning_path in enumerate(paths):
            assignment = builders.assign(learning_path, trainee)
            done = (n + p) % 3 == 0
            set_assignment(
                assignment,
                assigned_days_ago=10 + n,
                status="completed" if done else "active",
                completed_days_ago=n if done else None,
                due_in_days=n - size,
            )
            steps = builders.steps_of(assignment)
            StepProgress.objects.bulk_create(
                StepProgress(assignment=assignment, step=step, status=ProgressStatus.DONE)
                for step in steps[: 1 + (n % size)]
            )
            stored.recount(Assignment.objects.filter(pk=assignment.pk))
            CheckAttempt.objects.create(
                assignment=assignment,
                step=steps[-1],
                knowledge_check=check,
                number=1,
                results=[
                    {"id": block.id, "question": str(i), "correct": (n + i) % 2 == 0}
                    for i, block in enumerate(check.questions)
                ],
                score=50,
                passed=False,
            )
        Recognition.objects.create(
            trainee=trainee,
            value=values[n % size],
            message="Thanks",
            created_at=timezone.now() - timedelta(days=40 * n),
        )
        Goal.objects.create(trainee=trainee, title="Goal", status="at_risk" if n % 2 else "done")
    return coach


def count_queries(client, user, url):
    client.force_login(user)
    client.get(url)  # warm up: content types, permissions cache, the menu
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(context)


def report_counts(client, user):
    counts = {}
    for name, kwargs in URLS:
        url = reverse(f"onboarding_reports:{name}", kwargs=kwargs)
        key = "/".join([name, *kwargs.values()])
        counts[key] = count_queries(client, user, url)
        counts[f"{key} csv"] = count_queries(client, user, url + "?export=csv")
    return counts


# session, user, the user's and their groups' permissions, their admin profile
SIGNED_IN = 5
# the admin menu and header: locale, page and collection permissions, explorer root page
MENU = 4
# the filter form's choices: business units, learning paths, start-date months
FORM, RECORD_FORM = 3, 2  # recognition and goals have no path filter
# the medians: in the grouped query on PostgreSQL, one window-function query elsewhere
MEDIAN = 0 if connection.vendor == "postgresql" else 1
CONTENT = {
    # the grouped rows (and the medians)
    "completion": 1 + MEDIAN,
    # the first path; assignments counted; progress by step; active assignments by steps
    # done; the path's steps
    "funnel": 5,
    # the graded answers, unnested and grouped by question (after turning JIT off for
    # that query on PostgreSQL: see coaching/reports/funnel.py); the checks with their
    # translations in the reader's language, to name them and their questions there
    "questions": 2 + (connection.vendor == "postgresql"),
    # recognition grouped by month and value or unit
    "recognition": 1,
    # goals grouped by unit
    "goals": 1,
    # the default locale and the three kinds of page (no page is published here:
    # test_report.py in tests/coaching/rereading pins the queries of rows at two sizes);
    # the published paths, their completions, and the active locale for their titles
    "content_freshness": 7,
}


def expected(extra=0):
    counts = {}
    for name, kwargs in URLS:
        key = "/".join([name, *kwargs.values()])
        form = RECORD_FORM if name in ("recognition", "goals") else FORM
        counts[key] = SIGNED_IN + extra + CONTENT[name] + MENU + form
        counts[f"{key} csv"] = SIGNED_IN + extra + CONTENT[name]
    return counts


@pytest.mark.parametrize("size", [2, 5])
def test_report_pages_make_a_fixed_number_of_queries(portal, client, size):
    coach = build(size)
    hr = admin_user("hana", "manage_all_trainees")

    assert report_counts(client, hr) == expected()
    # a coach: one more, whether they coach anyone now
    assert report_counts(client, coach) == expected(extra=1)


@pytest.mark.parametrize(("size", "total", "panel_queries"), [(2, 18, 1), (5, 19, 2)])
def test_the_dashboard_panel_makes_a_fixed_number_of_queries(
    portal, client, size, total, panel_queries, django_assert_num_queries
):
    coach = build(size)
    home = reverse("wagtailadmin_home")
    client.force_login(coach)
    assert client.get(home).status_code == 200  # warm the per-process caches

    # session, user, their permissions (own and group's), their Wagtail profile; whether
    # they coach anyone now (asked twice); page and collection permissions, locales, a
    # page for the explorer; the panel: the first new hires needing attention, and how
    # many there are in all only when the list is full (4 new hires at size 2 fit, 10 at
    # size 5 do not); Wagtail's own panels: workflow states, active tasks (2), the
    # approval task's groups, recent edits and their pages. It never grows past 19.
    with django_assert_num_queries(total) as context:
        response = client.get(home)

    assert response.status_code == 200
    panel = [q["sql"] for q in context.captured_queries if "coaching_traineeprofile" in q["sql"]]
    assert len(panel) == panel_queries
