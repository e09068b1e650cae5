"""bench/ keeps working: its data builds and each report prints, at a tiny size.

No figure is checked here (timings belong to the benchmark, not to tests); only that
every page it measures answers and the report has a row for each.
"""

import pytest

from bench import automation, measure, run
from bench.data import Content, People
from coaching.learning import stored
from coaching.models import Assignment, StepProgress, TraineeProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return People(
        Content(population_steps=3, focus_paths=2, focus_steps=4), record_entries=8, recognitions=5
    )


def test_the_data_spreads_new_hires_from_not_started_to_done(people):
    people.grow_to(4)

    assert Assignment.objects.count() == 2 + 4 * 3
    assert Assignment.objects.filter(status="completed").exists()
    assert StepProgress.objects.filter(assignment__trainee=people.trainee).exists()


def test_each_report_prints_a_row_per_page(people, capsys):
    run.pages_at_sizes(people, [2, 3])
    run.bulk_assign(people, 20)

    report = capsys.readouterr().out
    for page, _person, _url in run.page_urls(people, people.coach):
        assert report.count(f"| {page} |") == 2
    assert "| HR's dashboard |" in report and "| the kudos wall |" in report
    assert "HR's dashboard in process at 3 new hires against 2: growth factor" in report
    assert "| 20 |" in report


def test_the_time_split_gives_each_part_a_share_of_the_request(people):
    people.grow_to(2)
    client = measure.signed_in_client(people.trainee)

    split = measure.time_split(client, people.content.plain_page.url, repeat=3)

    assert list(split) == ["database", "building SQL", "templates"]
    assert all(0 < share < 1 for share in split.values()), split
    assert sum(split.values()) < 1  # the parts are apart: none holds another


def test_the_sweep_benchmark_writes_reminders_then_none(people, capsys):
    people.grow_to(6)

    automation.sweep_times(people.count)

    report = capsys.readouterr().out
    first, again = (
        line
        for line in report.splitlines()
        if line.startswith("| first") or line.startswith("| again")
    )
    assert first.split("|")[2].strip() != "0"
    assert again.split("|")[2].strip() == "0"


def test_the_rule_and_import_benchmarks_print_their_rows(people, capsys):
    automation.rule_times(people.content, 4)
    automation.import_times(3)

    report = capsys.readouterr().out
    assert "| first (assigns two paths each) | 8 |" in report  # two paths for each of 4
    assert "| again (nothing left to do) | 0 |" in report
    for step in ("dry run", "apply", "same file again: dry run"):
        assert f"| {step} |" in report
    assert TraineeProfile.objects.filter(business_unit__slug="imported").count() == 3
    # The data the benchmark builds keeps its stored progress true, as the site does.
    assert stored.drift() == []
