"""What a module's editor is told: the paths that use it, an offer to add it to a path once
published, a warning when its title is close to another module's, and help texts that fit
a portal only signed-in people read."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lessons.models import ModulePage
from tests import builders

pytestmark = pytest.mark.django_db


def edit_page(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).text


def panel_text(html):
    match = re.search(r"<div data-paths-using-page>(.*?)</div>", html, re.S)
    assert match, "no paths panel"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip()


def test_a_module_says_which_paths_use_it_with_links(admin_client, portal):
    module = builders.make_module(portal)
    sales = builders.make_path("Sales onboarding", steps=[module])
    service = builders.make_path("Customer Service essentials", steps=[module, module])
    builders.make_path("Unrelated", steps=["A task"])

    html = edit_page(admin_client, module)

    assert panel_text(html).startswith(
        "Used in 2 paths: Customer Service essentials, Sales onboarding"
    )
    for learning_path in (sales, service):
        url = reverse("wagtailsnippets_lessons_learningpath:edit", args=[learning_path.pk])
        assert f'href="{url}"' in html


def test_a_module_in_no_path_offers_to_add_it_to_one(admin_client, portal):
    module = builders.make_module(portal)

    html = edit_page(admin_client, module)

    assert panel_text(html).startswith("No learning path uses this page yet. Add to a path")
    assert f'href="{reverse("wagtailsnippets_lessons_learningpath:list")}"' in html


def test_the_panel_costs_the_same_queries_for_one_path_or_many(admin_client, portal):
    module = builders.make_module(portal)
    builders.make_path("Path 0", steps=[module])
    edit_page(admin_client, module)  # warm per-process caches

    # The panel's own: the paths using the page, the site, the other modules' titles.
    with CaptureQueriesContext(connection) as one:
        edit_page(admin_client, module)
    for number in range(1, 6):
        builders.make_path(f"Path {number}", steps=[module])
    with CaptureQueriesContext(connection) as six:
        html = edit_page(admin_client, module)

    assert "Used in 6 paths" in panel_text(html)
    assert len(six) == len(one)


def test_publishing_a_module_offers_to_add_it_to_a_path(admin_client, portal):
    module = builders.make_module(portal)
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])

    response = admin_client.post(
        url, builders.page_form_data(module, **{"action-publish": "publish"}), follow=True
    )

    assert "is published. Add it to a learning path so that new hires read it." in response.text
    assert "Add to a path" in response.text


def create_module(client, portal, title, slug):
    url = reverse("wagtailadmin_pages:add", args=["lessons", "modulepage", portal.pk])
    page = ModulePage(title=title, slug=slug, summary="About it.", estimated_minutes=5)
    return client.post(url, builders.page_form_data(page), follow=True)


def test_creating_a_module_with_a_close_title_warns_without_refusing(admin_client, portal):
    existing = builders.make_module(portal, title="Serving customers with empathy")

    response = create_module(admin_client, portal, "Serving customer with empathy", "again")

    assert ModulePage.objects.filter(slug="again").exists()
    text = response.text.replace("&#x27;", "'")
    assert "A module with a close title already exists: “Serving customers with empathy”" in text
    assert reverse("wagtailadmin_pages:edit", args=[existing.pk]) in text
    # The new module's own edit form names it too.
    assert "Modules with a close title: Serving customers with empathy" in panel_text(text)


def test_creating_a_module_with_a_distinct_title_warns_of_nothing(admin_client, portal):
    builders.make_module(portal, title="Serving customers with empathy")

    response = create_module(admin_client, portal, "Handling an outage call", "outage")

    assert ModulePage.objects.filter(slug="outage").exists()
    assert "close title" not in response.text


def test_page_help_texts_speak_of_the_portal_not_the_public(admin_client, portal):
    module = builders.make_module(portal)

    html = edit_page(admin_client, module)

    assert "The title people see in the portal, in their paths and in reports." in html
    assert "Only signed-in people can open it." in html
    assert "seen by the public" not in html
    assert "search engine results" not in html
    assert 'name="search_description"' not in html and 'name="show_in_menus"' not in html
