"""The report of modules read as they stand: it counts who is asked to read again, and
who has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coaching.learning.progress import complete_module
from coaching.reports.filters import ReportFilters
from coaching.reports.reading import module_readers
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


def test_a_change_people_must_read_shows_until_each_reads_it_again(readers, client):
    refunds, _, assignments = readers
    publish_change(refunds, must_read=True)
    client.force_login(assignments[0].trainee)
    client.post(reverse("coaching:read_again_done", args=[assignments[0].pk, 1]))

    rows = {row["module"]: row for row in module_readers(ReportScope(), ReportFilters())}

    assert rows["Refunds"]["completed"] == 3
    assert (rows["Refunds"]["to_read_again"], rows["Refunds"]["read_again"]) == (2, 1)
    assert (rows["Refunds"]["up_to_date"], rows["Refunds"]["up_to_date_rate"]) == (1, 33)
    assert rows["Refunds"]["last_change"]
    assert rows["Outages"] | {"module": ""} == {
        "module": "",
        "completed": 1,
        "to_read_again": 0,
        "read_again": 0,
        "up_to_date": 1,
        "up_to_date_rate": 100,
        "last_change": None,
    }


def test_hr_opens_the_report_and_its_export(readers, admin_client):
    refunds, _, _ = readers
    publish_change(refunds, must_read=True)
    url = reverse("onboarding_reports:module_readers")

    page = admin_client.get(url)
    export = admin_client.get(url + "?export=csv")

    assert page.status_code == 200 and "Modules read as they stand" in page.text
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
        rows = module_readers(ReportScope(), ReportFilters())

    assert len(rows) == 3 and rows[0]["to_read_again"] == people
    # done steps grouped by module with their requests; the modules; the active locale (to
    # name them in the reader's language); their last change people must read
    assert len(queries) == 4
