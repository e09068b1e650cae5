"""CSV and XLSX exports open, say what they hold (the report, its filters, when), and hold
exactly the rows and numbers of the page."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from coaching.learning.progress import complete_module
from coaching.reports.exports import sheet_title
from coaching.reports.views import NO_FIGURE
from tests import builders

from .helpers import (
    as_numbers,
    csv_all_rows,
    csv_rows,
    page_table,
    split_preamble,
    xlsx_all_rows,
    xlsx_rows,
    xlsx_sheet,
)
from .test_pages import URLS

pytestmark = pytest.mark.django_db


def a_module_read(portal, company):
    """The company's paths have no module: one read by Nadia, for the modules' report."""
    module = builders.make_module(portal, title="Refunds")
    assignment = builders.assign(builders.make_path("Refunds", steps=[module]), company.nadia)
    complete_module(assignment, builders.steps_of(assignment)[0])


@pytest.mark.parametrize(("name", "kwargs"), URLS)
def test_exports_hold_the_numbers_of_the_page(client, company, hr, name, kwargs, request):
    if name == "content_freshness":
        a_module_read(request.getfixturevalue("portal"), company)
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
        ["Customer Service", 1, 1, 0, 0, 0, NO_FIGURE],
        ["Ops", 1, 0, 0, 1, 100, 2],
    ]


def test_an_export_starts_with_the_report_its_filters_and_when(client, company, hr):
    client.force_login(hr)
    base = reverse("onboarding_reports:completion", kwargs={"by": "unit"})
    query = f"?path={company.service.pk}&cohort=2026-02"

    for rows in (
        csv_all_rows(client.get(f"{base}{query}&export=csv")),
        xlsx_all_rows(client.get(f"{base}{query}&export=xlsx")),
    ):
        preamble, table = split_preamble(rows)
        assert preamble[:3] == [
            ["Report", "Completion by business unit"],
            ["Learning path", "Service"],
            ["Start-date cohort", "February 2026"],
        ]
        assert preamble[3][0] == "Exported"
        assert str(timezone.localdate().year) in preamble[3][1]
        assert table[0][0] == "Business unit"


def test_an_export_without_filters_says_so_and_a_coach_is_told_whom_it_counts(client, company):
    client.force_login(company.citra)

    rows = csv_all_rows(client.get(reverse("onboarding_reports:goals") + "?export=csv"))

    assert rows[:3] == [
        ["Report", "Goals"],
        ["Filters", "None"],
        ["Counting", "These figures count only the new hires you coach."],
    ]


def test_the_xlsx_sheet_is_named_after_the_report(client, company, hr):
    client.force_login(hr)
    base = reverse("onboarding_reports:completion", kwargs={"by": "path"})

    assert xlsx_sheet(client.get(f"{base}?export=xlsx")).title == "Completion by learning path"


def test_sheet_names_are_what_excel_accepts():
    assert sheet_title("Step funnel: Company orientation") == "Step funnel Company orientation"
    assert sheet_title("A/B [test]?*") == "A B test"
    # At most 31 characters, cut between words.
    assert sheet_title("Knowledge check questions of the longest path ever") == (
        "Knowledge check questions of"
    )
    assert sheet_title("Penyelesaian menurut jalur belajar") == "Penyelesaian menurut jalur"


def test_a_csv_export_is_in_the_readers_language_to_its_last_row(client, company, hr):
    """The CSV is written while the response streams, after the view returned: the
    reader's language holds there too (its first rows were English to an Indonesian)."""
    profile = UserProfile.get_for_user(hr)
    profile.preferred_language = "id"  # the admin's language for this person
    profile.save()
    client.force_login(hr)
    base = reverse("onboarding_reports:completion", kwargs={"by": "unit"})

    rows = csv_all_rows(client.get(f"{base}?export=csv"))

    assert rows[0][0] == "Laporan" and rows[1] == ["Filter", "Tidak ada"]


def test_a_unit_named_like_a_formula_stays_text_in_the_header(client, company, hr):
    company.ops.name = "=1+1"
    company.ops.save()
    client.force_login(hr)
    base = reverse("onboarding_reports:completion", kwargs={"by": "path"})

    sheet = xlsx_sheet(client.get(f"{base}?unit={company.ops.pk}&export=xlsx"))

    assert [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))][:2] == [
        "Business unit",
        "=1+1",
    ]
    assert next(sheet.iter_rows(min_row=2, max_row=2))[1].data_type == "s"
