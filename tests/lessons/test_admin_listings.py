"""The admin's listings of onboarding content render, filter, and do not grow in queries."""

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
    assert "live" in text and "draft" in text


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

    assert queries_for(admin_client, url) == with_two
