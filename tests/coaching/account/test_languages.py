"""Two languages: each person reads the plugin in theirs, content falls back and says so."""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from coaching.account.languages import chosen_language
from coaching.models import Preferences
from tests import builders

pytestmark = pytest.mark.django_db


def html_lang(response):
    text = response.content.decode()
    start = text.index('<html lang="') + len('<html lang="')
    return text[start : text.index('"', start)]


@pytest.fixture
def person(portal):
    return builders.make_trainee("nadia")


def test_the_browsers_language_is_the_default(client, person):
    client.force_login(person)

    assert html_lang(client.get(reverse("coaching:home"), HTTP_ACCEPT_LANGUAGE="id")) == "id"
    assert html_lang(client.get(reverse("coaching:home"), HTTP_ACCEPT_LANGUAGE="en")) == "en"


def test_a_persons_choice_wins_over_the_browser(client, person):
    client.force_login(person)
    client.post(reverse("coaching:preferences"), {"language": "id"})
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)  # the saved choice alone decides

    response = client.get(reverse("coaching:home"), HTTP_ACCEPT_LANGUAGE="en")

    assert html_lang(response) == "id"
    assert UserProfile.objects.get(user=person).preferred_language == "id"


def test_following_the_browser_again_clears_the_choice(client, person):
    client.force_login(person)
    client.post(reverse("coaching:preferences"), {"language": "id"})
    response = client.post(reverse("coaching:preferences"), {"language": ""})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # the cookie goes
    assert chosen_language(person) == ""
    assert html_lang(client.get(reverse("coaching:home"), HTTP_ACCEPT_LANGUAGE="en")) == "en"


def test_an_unknown_language_is_refused_beside_the_field(client, person):
    client.force_login(person)

    response = client.post(reverse("coaching:preferences"), {"language": "xx"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_switcher_remembers_the_choice_and_returns_to_the_page(client, person):
    client.force_login(person)
    back = reverse("coaching:kudos")

    response = client.post(reverse("coaching:choose_language"), {"language": "id", "next": back})

    assert response.status_code == 302 and response.url == back
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "id"
    assert chosen_language(person) == "id"


def test_the_switcher_works_before_signing_in_and_never_leaves_the_site(client, portal):
    response = client.post(
        reverse("coaching:choose_language"),
        {"language": "id", "next": "https://evil.example/"},
    )
    assert response.url == reverse("coaching:home")

    sign_in = client.get(reverse("coaching:sign_in"))
    assert html_lang(sign_in) == "id"


@pytest.fixture
def module(portal):
    return builders.make_module(portal, title="Serving customers")


@pytest.fixture
def read_in_indonesian(client, module):
    """Open the module as a step of a new hire's path, their language set to Indonesian."""
    trainee = builders.make_trainee("nadia")
    assignment = builders.assign(builders.make_path(steps=[module]), trainee)
    client.force_login(trainee)
    client.post(reverse("coaching:preferences"), {"language": "id"})
    return lambda: client.get(reverse("coaching:step", args=[assignment.pk, 1])).content.decode()


def test_a_module_is_shown_in_the_readers_language_when_translated(
    module, indonesian, read_in_indonesian
):
    builders.translated_copy(
        module, indonesian, title="Melayani pelanggan", slug="melayani-pelanggan"
    )

    page = read_in_indonesian()

    assert "<h1>Melayani pelanggan</h1>" in page
    assert 'lang="id"' in page
    assert "content-language-note" not in page


def test_a_module_without_a_translation_falls_back_and_says_so(indonesian, read_in_indonesian):
    page = read_in_indonesian()

    assert "Serving customers" in page
    assert "content-language-note" in page
    assert '<article class="learnable" lang="en">' in page


def test_a_translated_page_links_to_its_other_languages(client, module, indonesian):
    translated = builders.translated_copy(
        module, indonesian, title="Melayani pelanggan", slug="melayani"
    )
    client.force_login(builders.make_user("reader"))

    english = client.get(module.url).content.decode()
    # The link asks for the page in its language (?lang=): an English reader gets it.
    indonesian_page = client.get(f"{translated.url}?lang=id").content.decode()

    assert translated.url.startswith("/id/")
    assert f'href="{translated.url}?lang=id" lang="id" hreflang="id"' in english
    assert f'href="{module.url}?lang=en" lang="en" hreflang="en"' in indonesian_page
    assert 'lang="id"' in indonesian_page.split("<body")[0]


def test_switching_on_a_page_goes_to_its_translation(client, module, indonesian):
    translated = builders.translated_copy(
        module, indonesian, title="Melayani pelanggan", slug="melayani"
    )
    client.force_login(builders.make_user("reader"))
    choose = reverse("coaching:choose_language")

    to_indonesian = client.post(choose, {"language": "id", "next": module.url})
    to_english = client.post(choose, {"language": "en", "next": translated.url})
    untranslated = builders.make_module(module.get_parent(), title="Only in English")
    stays = client.post(choose, {"language": "id", "next": untranslated.url})

    assert to_indonesian.url == translated.url
    assert to_english.url == module.url
    assert stays.url == untranslated.url


def test_opening_the_settings_page_writes_nothing(client, person):
    client.force_login(person)

    assert client.get(reverse("coaching:preferences")).status_code == 200
    assert not Preferences.objects.filter(user=person).exists()
    assert not UserProfile.objects.filter(user=person).exists()


@pytest.mark.parametrize("back", ["abc", "2026-02-30", "<img src=x onerror=alert(1)>", "a:b"])
def test_the_switcher_sends_a_next_that_is_no_path_home(client, portal, back):
    response = client.post(reverse("coaching:choose_language"), {"language": "id", "next": back})

    assert response.status_code == 302 and response.url == reverse("coaching:home")
