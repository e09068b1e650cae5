"""A report and its exports in the reader's language: figures as Indonesian writes them
(8,0 and 1.234), the same in the CSV as on the page; the XLSX keeps numbers."""

import pytest
from django.urls import reverse
from django.utils import translation

from coaching.account.languages import remember_language
from coaching.reports import charts

from .helpers import csv_rows, page_table, xlsx_sheet

pytestmark = pytest.mark.django_db


def test_an_indonesian_readers_report_and_csv_write_figures_the_indonesian_way(client, company, hr):
    remember_language(hr, "id")
    client.force_login(hr)
    base = reverse("onboarding_reports:completion", kwargs={"by": "path"})

    page = page_table(client.get(base))
    as_csv = csv_rows(client.get(f"{base}?export=csv"))
    sheet = xlsx_sheet(client.get(f"{base}?export=xlsx"))
    rows = [row for row in sheet.iter_rows(values_only=True) if row]
    orientation = next(row for row in rows if row[0] == "Orientation")

    assert page[0][0] == "Jalur belajar"
    assert page[1][0] == "Orientation" and page[1][-1] == "8,0"  # the median, in days
    assert as_csv == page
    assert orientation[-1] == 8  # a number, which the spreadsheet shows in its reader's way


@pytest.mark.parametrize(("language", "shown"), [("id", "1.234"), ("en", "1,234")])
def test_chart_labels_group_thousands_in_the_readers_language(language, shown):
    with translation.override(language):
        html = charts.stacked_bars(
            chart_id="c",
            title="t",
            description="d",
            categories=["Ops"],
            series=[{"name": "Done", "values": [1234]}],
        )

    assert f">{shown}</text>" in html and f"Ops, Done: {shown}" in html
