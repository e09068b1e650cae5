"""Wagtail's pages follow the person's language: the translation when there is one, the
original with a note when there is none, and every link to a page in their language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from coaching.account.languages import remember_language
from tests import builders

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = (
    "Belum diterjemahkan ke Bahasa Indonesia: yang ditampilkan adalah versi asli dalam "
    "Bahasa Inggris."
)


@pytest.fixture
def profile(portal, indonesian):
    """The company profile, in English and in Bahasa Indonesia."""
    english = builders.make_profile(portal, title="Company profile")
    builders.translated_copy(portal, indonesian, title="Orientasi", slug="orientasi")
    translated = builders.translated_copy(
        english, indonesian, title="Profil perusahaan", slug="profil"
    )
    return english, translated


def assert_the_english_page(response):
    """The English company profile itself, with no note that it is in another language."""
    assert response.status_code == 200
    assert "<h1>Company profile</h1>" in response.text
    assert "content-language-note" not in response.text


def reader(language):
    """A signed-in person who chose `language` in their settings ("" follows the browser)."""
    person = builders.make_user(f"reader-{language or 'browser'}")
    if language:
        remember_language(person, language)
    return person


@pytest.fixture
def indonesian_reader(client):
    client.force_login(reader("id"))
    return client


def test_an_indonesian_reader_is_led_to_the_indonesian_page(indonesian_reader, profile):
    english, translated = profile

    response = indonesian_reader.get(english.url, {"from": "email"})

    assert english.url == "/company-profile/"
    assert response.status_code == 302
    assert response.url == f"{translated.url}?from=email"
    page = indonesian_reader.get(response.url).text
    assert "<h1>Profil perusahaan</h1>" in page
    assert '<html lang="id">' in page


def test_the_portal_home_lists_indonesian_titles_linking_to_indonesian_pages(
    indonesian_reader, portal, profile
):
    _, translated = profile
    module = builders.make_module(portal, title="Serving customers", summary="Listen first.")
    builders.translated_copy(
        module,
        Locale.objects.get(language_code="id"),
        title="Melayani pelanggan",
        slug="melayani-pelanggan",
        summary="Dengarkan dulu.",
    )
    builders.make_module(portal, title="Only in English", slug="only-in-english")

    response = indonesian_reader.get(portal.url, follow=True)
    page = response.text

    assert response.redirect_chain == [("/id/", 302)]
    assert f'<a href="{translated.url}">Profil perusahaan</a>' in page
    assert '<a href="/id/melayani-pelanggan/">Melayani pelanggan</a>' in page
    assert "Dengarkan dulu." in page and "Serving customers" not in page
    # A module not translated yet is listed as written, once, at its own address.
    assert page.count('<a href="/only-in-english/">Only in English</a>') == 1


def test_a_page_not_translated_yet_says_so_in_the_readers_language(
    indonesian_reader, portal, profile
):
    module = builders.make_module(portal, title="Only in English", slug="only-in-english")

    response = indonesian_reader.get(module.url)

    assert response.status_code == 200
    assert NOT_TRANSLATED in response.text
    assert '<h1 lang="en">Only in English</h1>' in response.text
    assert '<html lang="id">' in response.text  # the page's frame speaks Indonesian
    # The way back leads to the pages in Indonesian.
    assert [crumb.url for crumb in response.context["breadcrumbs"]] == ["/id/"]


def test_an_english_reader_is_not_redirected(client, profile):
    english, _ = profile
    client.force_login(reader("en"))

    response = client.get(english.url, HTTP_ACCEPT_LANGUAGE="id")

    assert_the_english_page(response)


def test_an_english_reader_following_an_indonesian_address_gets_the_english_page(client, profile):
    english, translated = profile
    client.force_login(reader("en"))

    response = client.get(translated.url)

    assert response.status_code == 302 and response.url == english.url


def test_anonymous_visitors_keep_the_page_they_asked_for(client, portal, profile):
    english, _ = profile
    PageViewRestriction.objects.filter(page=portal).delete()  # a public portal
    client.cookies.load({"django_language": "id"})

    response = client.get(english.url, HTTP_ACCEPT_LANGUAGE="id")

    assert_the_english_page(response)


def test_anonymous_visitors_to_a_private_page_sign_in_first(client, profile):
    english, _ = profile

    response = client.get(english.url)

    assert response.status_code == 302
    assert "sign-in" in response.url and "company-profile" in response.url


def test_reading_a_page_in_english_on_purpose_is_respected(indonesian_reader, profile):
    english, translated = profile
    page = indonesian_reader.get(translated.url).text
    link = f"{english.url}?lang=en"

    response = indonesian_reader.get(link)

    assert f'href="{link}"' in page  # "This page in: English"
    assert_the_english_page(response)


def test_a_path_outline_is_led_to_the_same_route_in_indonesian(indonesian_reader, portal, profile):
    module = builders.make_module(portal, title="Serving customers")
    translated = builders.translated_copy(
        module,
        Locale.objects.get(language_code="id"),
        title="Melayani pelanggan",
        slug="melayani-pelanggan",
    )
    builders.make_path("Orientation", steps=[module, "Shadow a call"])

    response = indonesian_reader.get(portal.url + "paths/orientation/", follow=True)

    assert response.redirect_chain == [("/id/paths/orientation/", 302)]
    assert f'href="{translated.url}"' in response.text


def test_a_unit_page_lists_each_module_once_in_the_readers_language(
    indonesian_reader, portal, profile
):
    indonesian = Locale.objects.get(language_code="id")
    unit = builders.make_unit("Customer Service")
    unit_page = builders.make_unit_page(portal, unit)
    translated_unit = builders.translated_copy(
        unit_page, indonesian, title="Layanan Pelanggan", slug="layanan"
    )
    module = builders.make_module(unit_page, title="Handling outages", business_unit=unit)
    builders.translated_copy(
        module,
        indonesian,
        title="Menangani gangguan",
        slug="gangguan",
        summary="Saat jaringan putus.",
    )
    builders.make_module(unit_page, title="Escalations", slug="escalations", business_unit=unit)

    page = indonesian_reader.get(translated_unit.url).text

    assert "Menangani gangguan" in page and "Handling outages" not in page
    assert page.count(">Escalations</a>") == 1


def test_the_portal_link_of_the_plugins_pages_leads_to_the_indonesian_portal(
    indonesian_reader, profile
):
    page = indonesian_reader.get(reverse("coaching:home")).text

    assert '<a class="site-header__brand" href="/id/">Orientasi</a>' in page


@pytest.mark.parametrize("size", [2, 20])
def test_the_indonesian_portal_home_makes_a_fixed_number_of_queries(
    indonesian_reader, portal, profile, django_assert_num_queries, size
):
    indonesian = Locale.objects.get(language_code="id")
    for number in range(size):
        module = builders.make_module(portal, title=f"Module {number}", slug=f"module-{number}")
        if number % 2:
            builders.translated_copy(
                module, indonesian, title=f"Modul {number}", slug=f"modul-{number}"
            )
    indonesian_reader.get("/id/")  # warm the site-root cache, as any running server has

    # site, the active locale, page, its Indonesian translation (the site's root is the
    # English portal), its ancestors, view restrictions (Wagtail's serve); session, user;
    # the page's translations; profile, units, modules (in every language at once), paths
    with django_assert_num_queries(13):
        response = indonesian_reader.get("/id/")

    assert response.text.count('">Modul ') == size // 2  # linked titles, each module once
    assert response.text.count('">Module ') == size - size // 2


def test_leading_to_the_translation_costs_one_query(
    indonesian_reader, profile, django_assert_num_queries
):
    english, translated = profile
    indonesian_reader.get(english.url)

    # site, the active locale, routing: portal, child, its specific row; ancestors, view
    # restrictions; session, user; the page's translations (with their locales)
    with django_assert_num_queries(10):
        response = indonesian_reader.get(english.url)

    assert response.url == translated.url
