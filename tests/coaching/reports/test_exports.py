"""CSV and XLSX exports open, and hold exactly the rows and numbers of the page."""

import pytest
from django.urls import reverse

from .helpers import as_numbers, csv_rows, page_table, xlsx_rows
from .test_pages import URLS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "kwargs"), URLS)
def test_exports_hold_the_numbers_of_the_page(client, company, hr, name, kwargs):
    client.force_login(hr)
    base = reverse(f"onboarding_reports:{name}", kwargs=kwargs)
    query = f"?path={company.orientation.pk}" if name == "funnel" else ""

    page = page_table(client.get(base + query))
    as_csv = client.get(f"{base}{query or '?'}&export=csv")
    as_xlsx = client.get(f"{base}{query or '?'}&export=xlsx")

    assert len(page) > 1
    assert as_csv["Content-Type"] == "text/csv"
    assert as_csv["Content-Disposition"].startswith('attachment; filename="onboarding-')
    assert csv_rows(as_csv) == page
    assert as_numbers(xlsx_rows(as_xlsx)) == as_numbers(page)


def test_exports_of_a_coach_hold_only_their_figures(client, company):
    client.force_login(company.citra)
    base = reverse("onboarding_reports:goals")

    rows = csv_rows(client.get(base + "?export=csv"))

    assert rows == [
        ["Business unit", "On track", "At risk", "Behind", "Done", "Total"],
        ["Customer Service", "1", "0", "0", "1", "2"],
    ]


def test_exports_follow_the_filters(client, company, hr):
    client.force_login(hr)
    base = reverse("onboarding_reports:completion", kwargs={"by": "unit"})

    rows = xlsx_rows(client.get(f"{base}?path={company.service.pk}&export=xlsx"))

    assert as_numbers(rows[1:]) == [
        ["Customer Service", 1, 1, 0, 0, 0, ""],
        ["Ops", 1, 0, 0, 1, 100, 2],
    ]
