"""The content freshness report: each page's review, who has read it as it stands, and who
read only an outdated version."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coaching.learning.progress import complete_module
from coaching.reports.filters import ReportFilters
from coaching.reports.reading import content_freshness
from coaching.reports.scope import ReportScope
from tests import builders

from .test_read_again import publish_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(portal):
    refunds = builders.make_module(portal, title="Refunds")
    outages = builders.make_module(portal, title="Outages")
    learning_path = builders.make_path(steps=[refunds, outages])
    assignments = []
    for name in ("nadia", "omar", "putri"):
        assignment = builders.assign(learning_path, builders.make_trainee(name))
        complete_module(assignment, builders.steps_of(assignment)[0])
        assignments.append(assignment)
    complete_module(assignments[0], builders.steps_of(assignments[0])[1])
    return refunds, outages, assignments


def rows_by_title():
    return {row["module"]: row for row in content_freshness(ReportScope(), ReportFilters())}


def test_a_change_people_must_read_shows_until_each_reads_it_again(readers, client):
    refunds, _, assignments = readers
    publish_change(refunds, must_read=True)
    client.force_login(assignments[0].trainee)
    client.post(reverse("coaching:read_again_done", args=[assignments[0].pk, 1]))

    rows = rows_by_title()

    assert rows["Refunds"]["completed"] == 3
    assert (rows["Refunds"]["to_read_again"], rows["Refunds"]["read_again"]) == (2, 1)
    assert (rows["Refunds"]["up_to_date"], rows["Refunds"]["up_to_date_rate"]) == (1, 33)
    assert rows["Refunds"]["last_change"]
    outages = rows["Outages"]
    assert (outages["completed"], outages["to_read_again"], outages["up_to_date_rate"]) == (
        1,
        0,
        100,
    )
    assert outages["last_change"] is None
    assert next(iter(rows)) == "Refunds"  # the most people on an outdated version first


def test_every_published_page_is_listed_with_its_review(readers, portal):
    builders.make_module(portal, title="Nobody read this yet")
    editor = builders.make_user("edi")
    refunds = type(readers[0]).objects.get(pk=readers[0].pk)
    refunds.content_owner = editor
    refunds.last_reviewed_on = date(2026, 1, 31)
    refunds.review_every_months = 1
    refunds.save_revision().publish()

    rows = rows_by_title()

    assert rows["Nobody read this yet"]["completed"] == 0
    assert rows["Refunds"]["owner"] == "Edi"
    assert rows["Refunds"]["last_reviewed_on"] == "Jan. 31, 2026"
    assert rows["Refunds"]["review_by"] == "Feb. 28, 2026"  # a month on, the month's last day
    assert rows["Refunds"]["review_overdue"] is True


def test_hr_opens_the_report_and_its_export(readers, admin_client):
    refunds, _, _ = readers
    publish_change(refunds, must_read=True)
    url = reverse("onboarding_reports:content_freshness")

    page = admin_client.get(url)
    export = admin_client.get(url + "?export=csv")

    assert page.status_code == 200 and "Content freshness" in page.text
    assert "Refunds" in page.text
    assert b"Refunds" in b"".join(export.streaming_content)


@pytest.mark.parametrize("people", [2, 6])
def test_the_report_makes_a_fixed_number_of_queries(portal, people):
    modules = [builders.make_module(portal, title=f"Module {n}") for n in range(3)]
    learning_path = builders.make_path(steps=modules)
    for n in range(people):
        assignment = builders.assign(learning_path, builders.make_trainee(f"person{n}"))
        for step in builders.steps_of(assignment):
            complete_module(assignment, step)
    publish_change(modules[0], must_read=True)

    with CaptureQueriesContext(connection) as queries:
        rows = content_freshness(ReportScope(), ReportFilters())

    assert len(rows) == 4 and rows[0]["to_read_again"] == people
    # the default locale; modules, profile pages and unit pages; the readers grouped by
    # page with their requests; the last changes; the paths; their completions; the active
    # locale (for the titles)
    assert len(queries) == 9, [query["sql"] for query in queries]


def test_each_published_path_is_listed_with_its_review_and_completions(readers):
    refunds, _, assignments = readers
    learning_path = assignments[0].path
    learning_path.content_owner = builders.make_user("edi")
    learning_path.last_reviewed_on = date(2026, 1, 31)
    learning_path.review_every_months = 1
    learning_path.save()
    builders.make_path(title="Not published", steps=[refunds], publish=False)
    complete_module(assignments[1], builders.steps_of(assignments[1])[1])

    rows = rows_by_title()

    row = rows["Orientation"]
    assert (row["kind"], row["owner"], row["review_overdue"]) == ("Learning path", "Edi", True)
    assert row["completed"] == 2  # Nadia and Omar completed both modules
    assert row["up_to_date"] is None and row["to_read_again"] is None
    assert "Not published" not in rows
    assert list(rows)[-1] == "Orientation"  # after the pages
