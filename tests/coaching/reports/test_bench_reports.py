"""bench/reports.py keeps working: at a tiny size its data builds and every report prints.

No figure is checked (timings belong to the benchmark); only that each report answers
and has its row.
"""

import pytest

from bench.reports import report_times, report_urls
from coaching.models import StepProgress

pytestmark = pytest.mark.django_db


def test_the_reports_benchmark_prints_a_row_per_report(capsys):
    report_times(rows=300, repeat=1)

    printed = capsys.readouterr().out
    assert StepProgress.objects.count() >= 300
    for name, _url in report_urls():
        assert f"| {name} | HR |" in printed
    assert "| completion by path | coach of 200 |" in printed
