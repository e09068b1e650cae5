"""Who may open the reports, what each sees, and that the pages hold the figures."""

import pytest
from django.urls import reverse

from coaching.reports.views import NO_FIGURE

from .conftest import admin_user
from .helpers import page_table

pytestmark = pytest.mark.django_db

URLS = [
    ("completion", {"by": "path"}),
    ("completion", {"by": "unit"}),
    ("completion", {"by": "coach"}),
    ("completion", {"by": "cohort"}),
    ("funnel", {}),
    ("questions", {}),
    ("recognition", {"by": "value"}),
    ("recognition", {"by": "unit"}),
    ("goals", {}),
    ("content_freshness", {}),
]


def url(name, kwargs=None, query=""):
    return reverse(f"onboarding_reports:{name}", kwargs=kwargs or {}) + query


def completion_by_path(client, user, query=""):
    client.force_login(user)
    response = client.get(url("completion", {"by": "path"}, query))
    assert response.status_code == 200
    return page_table(response)


@pytest.mark.parametrize(("name", "kwargs"), URLS)
def test_every_report_and_its_results_fragment_answer(client, company, hr, name, kwargs):
    client.force_login(hr)

    assert client.get(url(name, kwargs)).status_code == 200
    assert (
        client.get(reverse(f"onboarding_reports:{name}_results", kwargs=kwargs)).status_code == 200
    )


EVERYONE_BY_PATH = [
    [
        "Learning path",
        "Assigned",
        "In progress",
        "Overdue",
        "Completed",
        "Completed (%)",
        "Median days to complete",
    ],
    ["Orientation", "4", "2", "1", "2", "50", "8.0"],
    ["Service", "2", "1", "0", "1", "50", "2.0"],
]


def test_hr_sees_everyone(client, company, hr):
    assert completion_by_path(client, hr) == EVERYONE_BY_PATH


def test_an_editor_sees_everyone(client, company, editor):
    assert completion_by_path(client, editor)[1] == ["Orientation", "4", "2", "1", "2", "50", "8.0"]


def test_a_superuser_sees_everyone(client, company, superuser):
    assert completion_by_path(client, superuser)[1][1] == "4"


def test_a_coach_sees_only_the_people_they_coach(client, company):
    table = completion_by_path(client, company.citra)

    assert table[1:] == [
        ["Orientation", "2", "0", "0", "2", "100", "8.0"],
        ["Service", "1", "1", "0", "0", "0", NO_FIGURE],
    ]


def test_a_coach_sees_only_their_own_row_by_coach(client, company):
    client.force_login(company.agus)

    table = page_table(client.get(url("completion", {"by": "coach"})))

    assert [row[0] for row in table[1:]] == ["Agus"]


def test_a_coach_with_nobody_to_coach_sees_no_figures(client, company):
    lonely = admin_user("lonely", "coach_trainees")
    client.force_login(lonely)

    response = client.get(url("completion", {"by": "path"}))

    assert response.status_code == 200
    assert "Nothing to count yet" in response.content.decode()


def test_filters_apply_on_the_page(client, company, hr):
    table = completion_by_path(client, hr, f"?unit={company.cs.pk}&cohort=2026-02")

    assert table[1:] == [["Orientation", "1", "0", "0", "1", "100", "10.0"]]


@pytest.mark.parametrize(("name", "kwargs"), URLS)
def test_people_with_admin_access_but_no_report_rights_are_turned_away(
    client, company, name, kwargs
):
    client.force_login(admin_user("outsider"))

    for query in ("", "?export=csv", "?export=xlsx"):
        response = client.get(url(name, kwargs, query))
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize(("name", "kwargs"), URLS)
def test_new_hires_and_anonymous_people_are_sent_to_sign_in(client, company, name, kwargs):
    response = client.get(url(name, kwargs, "?export=csv"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url

    client.force_login(company.nadia)
    response = client.get(url(name, kwargs, "?export=csv"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url


def test_an_unknown_grouping_is_not_found(client, company, hr):
    client.force_login(hr)

    assert client.get(url("completion", {"by": "salary"})).status_code == 404


def test_the_funnel_shows_the_chosen_path_or_the_first(client, company, hr):
    client.force_login(hr)

    first = client.get(url("funnel"))
    chosen = client.get(url("funnel", query=f"?path={company.service.pk}"))

    assert [row[1] for row in page_table(first)[1:]] == ["A", "B", "C"]
    assert "Orientation" in first.content.decode()
    assert [row[1] for row in page_table(chosen)[1:]] == ["Greet", "Empathy check"]


def test_the_chart_names_itself_and_escapes_user_text(client, company, hr):
    company.orientation.title = '<script>alert("x")</script>'
    company.orientation.save()
    client.force_login(hr)

    html = client.get(url("completion", {"by": "path"})).content.decode()

    assert '<div class="onboarding-chart__bars" role="img"' in html
    assert 'aria-labelledby="completion-chart-title completion-chart-desc"' in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "query",
    [
        "?cohort=2026-13",
        "?unit=abc",
        "?unit=99999999999999999999999",
        "?unit=-1",
        "?path=999999",
        "?path=99999999999999999999999",
        "?dates_from=yesterday",
        "?dates_to=99999-01-01",
        "?cohort=%00",
    ],
)
def test_bad_filter_input_is_ignored_not_an_error(client, company, hr, query):
    if query.startswith("?unit="):
        # The bad unit is the only unit sent (a second "unit" would win, as Django
        # reads the last value): it is ignored, so nothing is filtered.
        assert completion_by_path(client, hr, query) == EVERYONE_BY_PATH
    else:
        # A good unit beside the bad filter still applies: only the bad one is ignored.
        table = completion_by_path(client, hr, query + f"&unit={company.ops.pk}")
        assert table[1:] == [
            ["Orientation", "1", "1", "1", "0", "0", NO_FIGURE],
            ["Service", "1", "0", "0", "1", "100", "2.0"],
        ]


def test_the_groupings_are_tabs_that_keep_the_filters(client, company, hr):
    client.force_login(hr)
    query = f"?unit={company.cs.pk}&cohort=2026-02"

    html = client.get(url("completion", {"by": "unit"}, query + "&p=1")).content.decode()

    tabs = html[html.index('<ul class="w-tabs__list onboarding-report-tabs">') :]
    tabs = tabs[: tabs.index("</ul>")]
    by_path = url("completion", {"by": "path"}, query).replace("&", "&amp;")
    by_unit = url("completion", {"by": "unit"}, query).replace("&", "&amp;")
    assert f'<a class="w-tabs__tab" href="{by_path}">Learning path</a>' in tabs
    assert f'<a class="w-tabs__tab" href="{by_unit}" aria-current="page">Business unit</a>' in tabs
    assert tabs.count("aria-current") == 1


def test_a_median_of_nothing_reads_as_a_dash(client, company):
    table = completion_by_path(client, company.citra)

    # citra's new hires have completed no Service path yet
    assert table[2] == ["Service", "1", "1", "0", "0", "0", NO_FIGURE]


def test_the_report_page_loads_its_styles(client, company, hr):
    client.force_login(hr)

    html = client.get(url("completion", {"by": "path"})).content.decode()

    assert "coaching/reports/reports.css" in html
