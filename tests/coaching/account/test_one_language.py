"""One language per person: chosen in the portal or in the admin's Account page, it is the
language of the portal, the admin (the plugin's reports and their exports) and emails."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from coaching.account.languages import chosen_language, recipient_language
from tests import builders

pytestmark = pytest.mark.django_db

REPORT = ("onboarding_reports:completion", {"by": "unit"})


def html_lang(response):
    text = response.content.decode()
    start = text.index('<html lang="') + len('<html lang="')
    return text[start : text.index('"', start)]


def report(client, **headers):
    name, kwargs = REPORT
    return client.get(reverse(name, kwargs=kwargs), headers=headers)


def csv_export(client, **headers):
    name, kwargs = REPORT
    response = client.get(reverse(name, kwargs=kwargs) + "?export=csv", headers=headers)
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def choose_in_the_admin(client, person, language):
    """Save the admin's Account page as a person does, every panel's fields posted."""
    return client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": person.first_name,
            "name_email-last_name": "Rahma",
            "name_email-email": person.email,
            "notifications-submitted_notifications": "true",
            "notifications-approved_notifications": "true",
            "notifications-rejected_notifications": "true",
            "notifications-updated_comments_notifications": "true",
            "locale-preferred_language": language,
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )


def test_choosing_indonesian_in_the_portal_makes_the_admins_reports_indonesian(client, hr):
    client.force_login(hr)
    client.post(reverse("coaching:preferences"), {"language": "id"})
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)  # the saved choice alone decides

    page = report(client, accept_language="en")
    rows = csv_export(client, accept_language="en")

    assert html_lang(page) == "id"
    assert "Penyelesaian" in page.content.decode()  # "Completion", the report's title
    assert rows[0] == ["Laporan", "Penyelesaian menurut unit bisnis"]
    assert rows[-1][:3] == ["Unit bisnis", "Ditugaskan", "Sedang berjalan"]  # the headers
    assert UserProfile.objects.get(user=hr).preferred_language == "id"


def test_the_admins_account_page_shows_the_portals_choice(client, hr):
    client.force_login(hr)
    client.post(reverse("coaching:preferences"), {"language": "id"})

    page = client.get(reverse("wagtailadmin_account")).content.decode()

    assert '<option value="id" selected>' in page


def test_choosing_indonesian_in_the_admin_makes_the_portal_indonesian(client, hr):
    client.force_login(hr)
    assert html_lang(client.get(reverse("coaching:preferences"))) == "en"  # and cached

    saved = choose_in_the_admin(client, hr, "id")
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    page = client.get(reverse("coaching:preferences"), headers={"accept-language": "en"})

    assert saved.status_code == 302 and saved.url == reverse("wagtailadmin_account")
    assert html_lang(page) == "id"
    assert "Pengaturan" in page.content.decode()  # "Settings"
    assert '<option value="id" selected>' in page.content.decode()


def test_choosing_in_the_admin_changes_the_language_of_emails(client, hr):
    client.force_login(hr)
    choose_in_the_admin(client, hr, "id")
    hr.refresh_from_db()

    assert recipient_language(hr) == "id"


def test_a_new_person_reads_the_browsers_language_in_the_admin_too(client, hr):
    client.force_login(hr)

    indonesian = report(client, accept_language="id")
    english = report(client, accept_language="en")
    neither = report(client, accept_language="fr")

    assert (html_lang(indonesian), html_lang(english)) == ("id", "en")
    assert html_lang(neither) == settings.LANGUAGE_CODE  # the site's default
    assert csv_export(client, accept_language="id")[0][0] == "Laporan"


def test_a_new_persons_emails_are_in_the_sites_language(hr):
    assert recipient_language(hr) == settings.LANGUAGE_CODE


def test_wagtails_own_code_for_a_language_counts_as_the_sites(hr):
    """A site that lets the admin offer all of Wagtail's languages stores "id-id" for
    Bahasa Indonesia: the portal and emails read it as the site's "id"."""
    UserProfile.objects.create(user=hr, preferred_language="id-id")
    other = builders.make_user("other")
    UserProfile.objects.create(user=other, preferred_language="fr")

    assert chosen_language(hr) == "id" and recipient_language(hr) == "id"
    assert chosen_language(other) == "" and recipient_language(other) == "en"
