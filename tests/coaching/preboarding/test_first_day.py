"""The first day on the welcome page: the unit's, else the company's, escaped and sanitized."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from lessons.models import BusinessUnit, CompanyProfilePage
from tests import builders

pytestmark = pytest.mark.django_db

URL = reverse("coaching:welcome")


@pytest.fixture
def unit(db):
    return builders.make_unit("Network Operations")


@pytest.fixture
def company(portal):
    profile = builders.make_profile(portal)
    CompanyProfilePage.objects.filter(pk=profile.pk).update(
        first_day_arrival=datetime.time(8, 30),
        first_day_place="Menara Nusantara, 12th floor",
        first_day_host="Hana, at reception",
        first_day_bring="Your KTP",
        first_day_notes="<p>Lunch is with your team.</p>",
    )
    return profile


@pytest.fixture
def new_hire(unit, coach):
    return builders.make_trainee(
        "dian",
        start_date=timezone.localdate() + datetime.timedelta(days=5),
        unit=unit,
        coach=coach,
    )


def page_of(client, user):
    client.force_login(user)
    return client.get(URL).text


def test_without_unit_content_the_company_default_shows(client, new_hire, company):
    page = page_of(client, new_hire)

    assert "Menara Nusantara, 12th floor" in page
    assert "Hana, at reception" in page
    assert "arrive at 8:30" in page
    assert "Lunch is with your team." in page


def test_the_units_content_comes_first_part_by_part(client, new_hire, company, unit):
    BusinessUnit.objects.filter(pk=unit.pk).update(
        first_day_host="Agus, at the side gate", first_day_arrival=datetime.time(7, 15)
    )

    page = page_of(client, new_hire)

    assert "Agus, at the side gate" in page and "Hana, at reception" not in page
    assert "7:15" in page and "8:30" not in page
    # What the unit leaves empty is the company's.
    assert "Menara Nusantara, 12th floor" in page


def test_a_new_hire_without_a_unit_reads_the_company_default(client, coach, company):
    loner = builders.make_trainee(
        "rizky", start_date=timezone.localdate() + datetime.timedelta(days=2), coach=coach
    )

    assert "Hana, at reception" in page_of(client, loner)


def test_without_any_first_day_content_the_page_says_it_is_coming(client, new_hire, portal):
    page = page_of(client, new_hire)

    assert "The details of your first day are not written yet" in page


def test_an_unpublished_company_profile_is_not_read(client, new_hire, company):
    company.unpublish()

    assert "Hana, at reception" not in page_of(client, new_hire)


class Elements(HTMLParser):
    """Every element of a page as (tag, attributes): what a browser would make of it."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def test_hostile_text_in_the_content_is_escaped_and_sanitized(client, new_hire, company, unit):
    BusinessUnit.objects.filter(pk=unit.pk).update(
        first_day_place=HOSTILE,
        first_day_host=HOSTILE,
        first_day_bring=HOSTILE,
        first_day_notes=f'<p>Hi</p>{HOSTILE}<a href="javascript:alert(1)">x</a>',
    )

    page = page_of(client, new_hire)

    elements = Elements(page).found
    assert not [attrs for tag, attrs in elements if tag == "img" and "onerror" in attrs]
    assert not [
        attrs for tag, attrs in elements if tag == "script" and "src" not in attrs
    ]  # no inline script at all (the page's own scripts are files)
    assert not [a for tag, a in elements if a.get("href", "").startswith("javascript:")]
    assert "Hi" in page
    assert "&lt;script&gt;" in page  # the plain fields show what was typed, escaped


def test_the_content_is_read_in_the_readers_language(client, new_hire, company, unit, indonesian):
    unit_id = unit.copy_for_translation(indonesian)
    unit_id.name = "Operasional Jaringan"
    unit_id.first_day_host = "Agus, di gerbang samping"
    unit_id.save()
    BusinessUnit.objects.filter(pk=unit.pk).update(first_day_host="Agus, at the side gate")
    client.force_login(new_hire)

    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="id").text

    assert "Agus, di gerbang samping" in page
