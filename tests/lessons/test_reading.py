"""lessons.reading: a page asked for in one language, wanted in another."""

import pytest
from django.utils import translation
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.rich_text import expand_db_html

from lessons.reading import HOOK_NAME
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_module(portal, indonesian):
    """A module in English and Bahasa Indonesia, on a portal open to anyone."""
    PageViewRestriction.objects.filter(page=portal).delete()
    module = builders.make_module(portal, title="Serving customers")
    builders.translated_copy(module, indonesian, title="Melayani pelanggan", slug="melayani")
    return module


def test_a_host_app_gives_the_readers_language_through_the_hook(client, public_module):
    with hooks.register_temporarily(HOOK_NAME, lambda request: "id"):
        response = client.get(public_module.url)

    assert response.status_code == 302 and response.url == "/id/melayani/"


def test_without_a_readers_language_the_address_decides(client, public_module):
    response = client.get(public_module.url, HTTP_ACCEPT_LANGUAGE="id")

    assert response.status_code == 200
    assert "<h1>Serving customers</h1>" in response.text


def test_a_language_asked_for_in_the_address_wins_over_the_readers(client, public_module):
    with hooks.register_temporarily(HOOK_NAME, lambda request: "id"):
        response = client.get(public_module.url, {"lang": "en"})

    assert response.status_code == 200
    assert "<h1>Serving customers</h1>" in response.text


def test_an_unknown_language_in_the_address_is_ignored(client, public_module):
    response = client.get(public_module.url, {"lang": "<script>"})

    assert response.status_code == 200
    assert "<h1>Serving customers</h1>" in response.text


def test_a_form_sent_to_a_page_is_never_redirected(client, public_module):
    with hooks.register_temporarily(HOOK_NAME, lambda request: "id"):
        response = client.post(public_module.url)

    assert response.status_code == 200  # Wagtail serves a page to a POST as to a GET
    assert "<h1>Serving customers</h1>" in response.text


@pytest.mark.parametrize("links", [1, 4])
def test_links_in_rich_text_lead_to_the_readers_language_in_fixed_queries(
    public_module, links, django_assert_num_queries
):
    html = f'<p><a linktype="page" id="{public_module.pk}">Read</a></p>' * links

    expand_db_html(html)  # warm the site-root cache, as any running server has

    # the linked pages (their types, then their rows), the active locale, their translations
    with translation.override("id"), django_assert_num_queries(4):
        shown = expand_db_html(html)

    assert shown.count('<a href="/id/melayani/">Read</a>') == links
