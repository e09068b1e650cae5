"""Report figures against the hand-computed expectations in conftest.py's `company`."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coaching.reports.completion import completion
from coaching.reports.filters import ReportFilters
from coaching.reports.funnel import question_rates, step_funnel
from coaching.reports.record import goals_by_status, recognition_over_time
from coaching.reports.scope import ReportScope
from tests import builders

from .conftest import set_assignment

pytestmark = pytest.mark.django_db

EVERYONE = ReportScope()
NO_FILTERS = ReportFilters()
COLUMNS = (
    "label",
    "assigned",
    "in_progress",
    "overdue",
    "completed",
    "completion_rate",
    "median_days",
)


def figures(rows, columns=COLUMNS):
    return [tuple(str(row[c]) if c == "label" else row[c] for c in columns) for row in rows]


def test_completion_by_path(company):
    assert figures(completion(EVERYONE, NO_FILTERS, by="path")) == [
        ("Orientation", 4, 2, 1, 2, 50, 8.0),
        ("Service", 2, 1, 0, 1, 50, 2.0),
    ]


def test_completion_by_unit_puts_people_without_a_unit_last(company):
    assert figures(completion(EVERYONE, NO_FILTERS, by="unit")) == [
        ("Customer Service", 3, 1, 0, 2, 67, 8.0),
        ("Ops", 2, 1, 1, 1, 50, 2.0),
        ("No business unit", 1, 1, 0, 0, 0, None),
    ]


def test_completion_by_coach_counts_only_active_relationships(company):
    # agus coached nadia until last month: her paths count for citra alone.
    assert figures(completion(EVERYONE, NO_FILTERS, by="coach")) == [
        ("Agus", 2, 1, 1, 1, 50, 2.0),
        ("Citra", 3, 1, 0, 2, 67, 8.0),
    ]


def test_completion_by_start_date_cohort(company):
    assert figures(completion(EVERYONE, NO_FILTERS, by="cohort")) == [
        ("January 2026", 2, 1, 0, 1, 50, 6.0),
        ("February 2026", 3, 1, 1, 2, 67, 6.0),
        ("No start date", 1, 1, 0, 0, 0, None),
    ]


def test_the_median_of_an_odd_number_is_the_middle_one(company):
    dewi = builders.make_trainee("dewi")
    assignment = builders.assign(company.service, dewi)
    set_assignment(assignment, assigned_days_ago=12, status="completed", completed_days_ago=3)
    eka = builders.make_trainee("eka")
    assignment = builders.assign(company.service, eka)
    set_assignment(assignment, assigned_days_ago=40, status="completed", completed_days_ago=1)

    rows = completion(EVERYONE, NO_FILTERS, by="path")

    assert rows[1]["label"] == "Service"
    assert rows[1]["median_days"] == 9.0  # 2, 9 and 39 days


def test_a_coach_counts_only_the_people_they_coach(company):
    citra = ReportScope(coach=company.citra)

    assert figures(completion(citra, NO_FILTERS, by="path")) == [
        ("Orientation", 2, 0, 0, 2, 100, 8.0),
        ("Service", 1, 1, 0, 0, 0, None),
    ]
    assert figures(completion(citra, NO_FILTERS, by="coach")) == [("Citra", 3, 1, 0, 2, 67, 8.0)]


def test_filters_by_unit_cohort_path_and_dates(company):
    today = timezone.localdate()

    assert figures(completion(EVERYONE, ReportFilters(unit=company.cs), by="path")) == [
        ("Orientation", 2, 0, 0, 2, 100, 8.0),
        ("Service", 1, 1, 0, 0, 0, None),
    ]
    assert figures(completion(EVERYONE, ReportFilters(cohort="2026-02"), by="path")) == [
        ("Orientation", 2, 1, 1, 1, 50, 10.0),
        ("Service", 1, 0, 0, 1, 100, 2.0),
    ]
    assert figures(completion(EVERYONE, ReportFilters(path=company.service), by="unit")) == [
        ("Customer Service", 1, 1, 0, 0, 0, None),
        ("Ops", 1, 0, 0, 1, 100, 2.0),
    ]
    recent = ReportFilters(date_from=today - timedelta(days=15), date_to=today)
    assert figures(completion(EVERYONE, recent, by="path")) == [
        ("Orientation", 3, 2, 1, 1, 33, 6.0),
        ("Service", 1, 1, 0, 0, 0, None),
    ]


FUNNEL = ("number", "title", "done", "done_rate", "waiting", "returned", "stopped_here", "drop_off")


def test_the_step_funnel_shows_where_new_hires_stop(company):
    rows, assigned = step_funnel(EVERYONE, ReportFilters(path=company.orientation))

    assert assigned == 4
    assert [tuple(row[c] for c in FUNNEL) for row in rows] == [
        (1, "A", 3, 75, 0, 1, 1, 1),
        (2, "B", 2, 50, 1, 0, 1, 1),
        (3, "C", 2, 50, 0, 0, 0, 0),
    ]


def test_the_step_funnel_of_a_coach(company):
    rows, assigned = step_funnel(
        ReportScope(coach=company.agus), ReportFilters(path=company.orientation)
    )

    assert assigned == 1  # rizky
    assert [(row["done"], row["waiting"], row["stopped_here"]) for row in rows] == [
        (1, 0, 0),
        (0, 1, 1),
        (0, 0, 0),
    ]


def test_question_pass_rates_count_every_attempt_of_current_assignments(company):
    rows = question_rates(EVERYONE, ReportFilters(path=company.service))

    assert [
        (row["check"], row["question"], row["answered"], row["correct"], row["correct_rate"])
        for row in rows
    ] == [
        ("Empathy check", "What do you do first?", 3, 3, 100),
        ("Empathy check", "Blame fixes systems.", 3, 2, 67),
    ]
    coach_rows = question_rates(ReportScope(coach=company.agus), NO_FILTERS)
    assert [(row["answered"], row["correct"]) for row in coach_rows] == [(1, 1), (1, 1)]


def test_recognition_by_value_month_by_month_with_empty_months(company):
    series, rows = recognition_over_time(EVERYONE, NO_FILTERS, by="value")

    assert [item["name"] for item in series] == ["Empathy", "Ownership"]
    fields = ["label", *(item["field"] for item in series), "total"]
    assert [tuple(row[f] for f in fields) for row in rows] == [
        ("January 2026", 1, 0, 1),
        ("February 2026", 0, 0, 0),
        ("March 2026", 2, 1, 3),
    ]


def test_recognition_by_unit_of_the_person_recognised(company):
    series, rows = recognition_over_time(EVERYONE, NO_FILTERS, by="unit")

    assert [str(item["name"]) for item in series] == ["Customer Service", "Ops", "No business unit"]
    fields = [item["field"] for item in series]
    assert [tuple(row[f] for f in fields) for row in rows] == [(1, 0, 0), (0, 0, 0), (1, 1, 1)]


def test_recognition_of_a_coach_and_filtered_by_date(company):
    _series, rows = recognition_over_time(ReportScope(coach=company.citra), NO_FILTERS)
    assert [(row["label"], row["total"]) for row in rows] == [
        ("January 2026", 1),
        ("February 2026", 0),
        ("March 2026", 1),
    ]

    march = ReportFilters(date_from=timezone.datetime(2026, 3, 1).date())
    _series, rows = recognition_over_time(EVERYONE, march)
    assert [(row["label"], row["total"]) for row in rows] == [("March 2026", 3)]


def test_goals_by_status_and_unit(company):
    rows = goals_by_status(EVERYONE, NO_FILTERS)

    columns = ("label", "on_track", "at_risk", "behind", "done", "total")
    assert figures(rows, columns) == [
        ("Customer Service", 1, 0, 0, 1, 2),
        ("Ops", 0, 1, 0, 0, 1),
        ("No business unit", 0, 0, 1, 0, 1),
    ]
    assert figures(goals_by_status(ReportScope(coach=company.agus), NO_FILTERS), columns) == [
        ("Ops", 0, 1, 0, 0, 1)
    ]
