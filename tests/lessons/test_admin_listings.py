"""The admin's listings of onboarding content render, filter, and do not grow in queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import builders

pytestmark = pytest.mark.django_db

LISTINGS = [
    "wagtailsnippets_lessons_learningpath:list",
    "wagtailsnippets_lessons_knowledgecheck:list",
    "wagtailsnippets_lessons_businessunit:list",
    "wagtailsnippets_lessons_companyvalue:list",
]


def add_content(portal, start, stop):
    for i in range(start, stop):
        unit = builders.make_unit(f"Unit {i}")
        unit.lead = builders.make_user(f"lead{i}")
        unit.save()
        check = builders.make_check(title=f"Check {i}")
        module = builders.make_module(portal, title=f"Module {i}", slug=f"module-{i}")
        builders.make_path(f"Path {i}", steps=[module, check, "Shadow a call"])
        builders.make_path(f"Draft {i}", steps=["A task"], publish=False)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("name", LISTINGS)
def test_each_listing_renders(admin_client, portal, name):
    add_content(portal, 0, 2)

    assert admin_client.get(reverse(name)).status_code == 200


def test_path_listing_shows_versions_and_status(admin_client, portal):
    add_content(portal, 0, 1)

    text = admin_client.get(reverse(LISTINGS[0])).text

    assert "Path 0, version 1" in text
    # Wagtail's status tags, under a "Status" heading (not a "Status string" column).
    assert re.search(r'<span class="w-status w-status--primary">\s*live\s*</span>', text)
    assert re.search(r'<span class="w-status">\s*draft\s*</span>', text)
    assert "Status string" not in text and ">Status<" in text.replace("\n", "").replace(" ", "")


def test_a_company_wide_path_is_for_everyone(admin_client, portal):
    unit = builders.make_unit("Sales")
    builders.make_path("Company orientation", steps=["Meet the team"])
    sales = builders.make_path("Sales onboarding", steps=["Shadow a demo"])
    sales.business_unit = unit
    sales.save()

    text = admin_client.get(reverse(LISTINGS[0])).text

    company_wide, for_sales = row(text, "Company orientation"), row(text, "Sales onboarding")
    assert "Everyone" in company_wide and "None" not in company_wide
    assert "Sales" in for_sales and "Everyone" not in for_sales
    assert "Who it is for" in text


def test_a_check_without_an_attempt_limit_says_so(admin_client):
    builders.make_check(title="Any number", max_attempts=None)
    builders.make_check(title="Three tries", max_attempts=3)

    text = admin_client.get(reverse(LISTINGS[1])).text

    assert "No limit" in row(text, "Any number") and "None" not in row(text, "Any number")
    assert "No limit" not in row(text, "Three tries")


def row(html, title):
    """The text of the listing's row for `title`."""
    found = [chunk for chunk in html.split("<tr")[1:] if f'_title">{title}</span>' in chunk]
    assert len(found) == 1, title
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[0].split("</tr>")[0]))


def test_path_listing_filters_by_live(admin_client, portal):
    add_content(portal, 0, 1)

    text = admin_client.get(reverse(LISTINGS[0]), {"live": "false"}).text

    assert "Draft 0" in text and "Path 0" not in text


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_queries_do_not_grow_with_the_content(admin_client, portal, name):
    url = reverse(name)
    add_content(portal, 0, 2)
    admin_client.get(url)  # warm per-process caches (content types, locales)
    with_two = queries_for(admin_client, url)

    add_content(portal, 2, 12)
    admin_client.get(url)  # the pages saved cleared the cached portals: fill it again

    # Every listing, business units' included (2 queries a row before it batched
    # wagtail-localize's buttons as the others do, lessons.translation_listing): no query a row.
    assert queries_for(admin_client, url) == with_two
