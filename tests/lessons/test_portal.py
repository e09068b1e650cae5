"""The portal as a signed-in visitor sees it, and what it costs in queries."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from wagtail.models import PageViewRestriction

from tests import builders

pytestmark = pytest.mark.django_db


def build_portal(size):
    """A portal with a profile, two units, `size` modules and two published paths."""
    portal = builders.make_portal()
    builders.make_profile(portal)
    units = [
        builders.make_unit_page(portal, builders.make_unit(name)) for name in ("Sales", "Service")
    ]
    modules = [
        builders.make_module(
            units[i % 2] if i % 3 == 0 else portal,
            title=f"Module {i}",
            slug=f"module-{i}",
            business_unit=units[i % 2].unit if i % 3 == 0 else None,
        )
        for i in range(size)
    ]
    builders.make_path("Orientation", steps=modules[:5])
    builders.make_path("Service path", steps=[*modules[-3:], "Shadow a call"])
    return portal, modules


@pytest.mark.parametrize("size", [3, 30])
def test_portal_home_makes_a_fixed_number_of_queries(
    reader_client, django_assert_num_queries, size
):
    portal, _ = build_portal(size)
    reader_client.get(portal.url)  # warm the site-root cache, as any running server has

    # site, the active locale, page, its ancestors, view restrictions (Wagtail's serve);
    # session, user; the page's translations; profile, units, modules, paths
    with django_assert_num_queries(12):
        response = reader_client.get(portal.url)

    assert response.status_code == 200
    assert response.text.count('class="module-list"') == 1
    assert response.text.count("Module ") >= size


@pytest.mark.parametrize("size", [3, 30])
def test_module_page_makes_a_fixed_number_of_queries(
    reader_client, django_assert_num_queries, size
):
    _, modules = build_portal(size)
    module = modules[-1]
    reader_client.get(module.url)

    # site, the active locale; routing: portal, child, its specific row; ancestors, view
    # restrictions; session, user; the portal for the header; the page's translations
    with django_assert_num_queries(11):
        response = reader_client.get(module.url)

    assert response.status_code == 200
    assert module.title in response.text


def test_anonymous_visitors_are_sent_to_the_frontend_sign_in(client, portal):
    module = builders.make_module(portal)
    learning_path = builders.make_path(steps=[module])
    sign_in = resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL)

    # The portal's privacy covers its subtree and its route views (a path's outline).
    for url in (portal.url, module.url, f"{portal.url}paths/{learning_path.slug}/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == f"{sign_in}?next={url}"


def test_who_may_read_the_portal_is_its_page_privacy(client, portal):
    module = builders.make_module(portal)

    PageViewRestriction.objects.filter(page=portal).delete()  # an editor makes it public

    assert client.get(module.url).status_code == 200


def test_home_lists_profile_units_paths_and_modules(reader_client):
    portal, _ = build_portal(3)

    text = reader_client.get(portal.url).text

    for expected in (
        "Company profile",
        "Sales",
        "Service",
        "Orientation",
        "Service path",
        "Module 2",
    ):
        assert expected in text


def test_home_explains_an_empty_portal(reader_client, portal):
    text = reader_client.get(portal.url).text

    assert "No modules are published yet" in text
    assert "No learning paths are published yet" in text


def test_drafts_are_not_shown(reader_client, portal):
    module = builders.make_module(portal, title="Secret draft")
    module.unpublish()
    builders.make_path("Draft path", steps=["A task"], publish=False)

    text = reader_client.get(portal.url).text

    assert "Secret draft" not in text and "Draft path" not in text
    assert reader_client.get(module.url).status_code == 404


def test_path_outline_lists_the_published_steps(reader_client, portal):
    module = builders.make_module(portal)
    builders.make_path("Orientation", steps=[module, "Shadow a call", builders.make_check()])

    response = reader_client.get(portal.url + "paths/orientation/")

    assert response.status_code == 200
    assert [s.title for s in response.context["steps"]] == [
        "Serving customers",
        "Shadow a call",
        "Empathy check",
    ]
    assert f'href="{module.url}"' in response.text


def test_path_outline_shows_the_published_version_not_the_draft(reader_client, portal):
    learning_path = builders.make_path("Orientation", steps=["First task"])
    learning_path.steps = [builders.as_step("Edited in a draft")]
    learning_path.save_revision()

    text = reader_client.get(portal.url + "paths/orientation/").text

    assert "First task" in text and "Edited in a draft" not in text


def test_unknown_or_unpublished_paths_answer_404(reader_client, portal):
    learning_path = builders.make_path("Orientation", steps=["A task"])
    learning_path.unpublish()

    assert reader_client.get(portal.url + "paths/orientation/").status_code == 404
    assert reader_client.get(portal.url + "paths/nothing/").status_code == 404


def test_unit_page_shows_its_lead_contacts_and_modules(reader_client, portal):
    lead = builders.make_user("dewi", last_name="Lestari")
    unit = builders.make_unit("Network Operations")
    unit.lead = lead
    unit.save()
    unit_page = builders.make_unit_page(portal, unit)
    builders.make_module(unit_page, title="How the network reaches a home", business_unit=unit)

    text = reader_client.get(unit_page.url).text

    assert "Dewi Lestari" in text
    assert "How the network reaches a home" in text
    assert "No contacts are listed yet" in text


def test_plain_text_fields_are_escaped(reader_client, portal):
    module = builders.make_module(
        portal, summary='<script>alert(1)</script><img src=x onerror="alert(2)">'
    )

    text = reader_client.get(module.url).text

    assert "<script>alert(1)" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_a_module_leads_back_to_its_unit_and_the_portal(reader_client, portal):
    unit_page = builders.make_unit_page(portal)
    module = builders.make_module(unit_page, title="Handling outages")

    response = reader_client.get(module.url)

    assert [crumb.title for crumb in response.context["breadcrumbs"]] == [
        "Onboarding",
        "Customer Service",
    ]
    assert f'href="{unit_page.url}"' in response.text
