"""Business units and company values in the reader's language wherever the plugin shows
them: unit and module pages, the coach dashboard, HR's list of new hires, the reports and
their exports, recognition, the kudos wall and the record. A unit or a value without a
translation shows its original name."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from coaching.account.languages import remember_language
from coaching.models import Recognition
from lessons.models import BusinessUnit, CompanyValue
from tests import builders
from tests.coaching.reports.helpers import csv_rows, page_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(indonesian):
    unit = builders.make_unit("Customer Service")
    unit.description = "We answer every customer."
    unit.save()
    builders.translated_copy(
        unit, indonesian, name="Layanan Pelanggan", description="Kami menjawab setiap pelanggan."
    )
    return unit


@pytest.fixture
def finance(db):
    return builders.make_unit("Finance")  # not translated


@pytest.fixture
def customers_first(indonesian):
    value = CompanyValue.objects.create(name="Customers first", slug="customers-first")
    builders.translated_copy(value, indonesian, name="Pelanggan nomor satu")
    return value


def reads(user, language):
    """`user` reads the plugin and the admin in `language`."""
    remember_language(user, language)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def html(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def served(page, user, language):
    request = RequestFactory().get(page.url)
    request.user = user
    with translation.override(language):
        return page.serve(request).render().content.decode()


def test_a_unit_page_shows_the_unit_in_the_readers_language(portal, trainee, service):
    page = builders.make_unit_page(portal, service, title="Customer Service")

    in_indonesian, in_english = served(page, trainee, "id"), served(page, trainee, "en")

    assert "Kami menjawab setiap pelanggan." in in_indonesian
    assert "We answer every customer." not in in_indonesian
    assert "We answer every customer." in in_english


def test_a_module_names_its_unit_in_the_readers_language(portal, trainee, service, finance):
    translated = builders.make_module(portal, "Serving customers", business_unit=service)
    untranslated = builders.make_module(portal, "Budgets", business_unit=finance)

    assert "Layanan Pelanggan" in served(translated, trainee, "id")
    assert "Customer Service" in served(translated, trainee, "en")
    assert "Finance" in served(untranslated, trainee, "id")


def test_the_coach_dashboard_names_units_in_the_coachs_language(
    client, coach, other_coach, service, finance
):
    for who in (coach, other_coach):
        builders.make_trainee(f"nadia-{who.pk}", unit=service, coach=who)
        builders.make_trainee(f"bima-{who.pk}", unit=finance, coach=who)

    in_indonesian = html(client, reads(coach, "id"), reverse("coaching:dashboard"))
    in_english = html(Client(), reads(other_coach, "en"), reverse("coaching:dashboard"))

    assert in_indonesian.count("Layanan Pelanggan") == 2  # the row and the filter's choice
    assert "Customer Service" not in in_indonesian
    assert "Finance" in in_indonesian
    assert in_english.count("Customer Service") == 2


def test_hrs_list_of_new_hires_and_its_filter_name_units_in_hrs_language(
    client, superuser, service, finance
):
    builders.make_trainee("nadia", unit=service)

    page = html(client, reads(superuser, "id"), reverse("trainees:index"))

    assert page.count("Layanan Pelanggan") == 2  # the row and the filter's choice
    assert "Customer Service" not in page
    assert "Finance" in page  # a choice of the filter, untranslated


def test_the_completion_report_and_its_export_name_units_in_hrs_language(
    client, hr, portal, service
):
    trainee = builders.make_trainee("nadia", unit=service)
    builders.assign(builders.make_path(steps=["Shadow a call"]), trainee)
    reads(hr, "id")
    url = reverse("onboarding_reports:completion", kwargs={"by": "unit"})

    rows = page_table_of(client, hr, url)
    exported = csv_rows(client.get(url + "?export=csv"))

    assert rows[1][0] == "Layanan Pelanggan"
    assert exported[1][0] == "Layanan Pelanggan"


def page_table_of(client, user, url):
    client.force_login(user)
    return page_table(client.get(url))


def test_the_recognition_report_counts_by_value_in_hrs_language(
    client, hr, coach, trainee, customers_first
):
    Recognition.objects.create(
        author=coach, trainee=trainee, value=customers_first, message="Thank you."
    )
    reads(hr, "id")

    rows = page_table_of(
        client, hr, reverse("onboarding_reports:recognition", kwargs={"by": "value"})
    )

    assert "Pelanggan nomor satu" in rows[0]


def test_recognition_offers_each_value_once_in_the_givers_language(
    client, colleague, customers_first
):
    CompanyValue.objects.create(name="Own it", slug="own-it")  # not translated

    page = html(client, reads(colleague, "id"), reverse("coaching:give_recognition"))

    assert page.count("Pelanggan nomor satu") == 1
    assert "Customers first" not in page
    assert "Own it" in page


def test_the_kudos_wall_and_the_record_name_the_value_in_the_readers_language(
    client, coach, trainee, customers_first
):
    Recognition.objects.create(
        author=coach, trainee=trainee, value=customers_first, message="Thank you.", is_public=True
    )
    reads(trainee, "id")

    wall = html(client, trainee, reverse("coaching:kudos"))
    record = html(client, trainee, reverse("coaching:record", args=[trainee.pk]))

    assert "Pelanggan nomor satu" in wall
    assert "Customers first" not in wall
    assert "Pelanggan nomor satu" in record
    assert "Customers first" not in record


def test_english_readers_see_the_english_value(client, coach, trainee, customers_first):
    Recognition.objects.create(
        author=coach, trainee=trainee, value=customers_first, message="Thank you.", is_public=True
    )

    wall = html(client, reads(trainee, "en"), reverse("coaching:kudos"))

    assert "Customers first" in wall
    assert "Pelanggan nomor satu" not in wall


def test_the_printed_record_names_the_unit_in_the_readers_language(client, service):
    trainee = builders.make_trainee("nadia", unit=service)

    page = html(client, reads(trainee, "id"), reverse("coaching:print_record"))

    assert "Layanan Pelanggan" in page


def test_recognition_points_at_the_original_value(client, colleague, trainee, customers_first):
    client.force_login(reads(colleague, "id"))

    client.post(
        reverse("coaching:give_recognition"),
        {
            "recipient": trainee.pk,
            "value": customers_first.pk,
            "message": "Terima kasih sudah sabar.",
            "is_public": "on",
        },
    )

    assert Recognition.objects.get().value_id == customers_first.pk


def test_recognition_refuses_a_translation_in_place_of_the_value(
    client, colleague, trainee, customers_first
):
    translation_of_it = CompanyValue.objects.get(locale__language_code="id")
    client.force_login(reads(colleague, "id"))

    response = client.post(
        reverse("coaching:give_recognition"),
        {"recipient": trainee.pk, "value": translation_of_it.pk, "message": "Terima kasih."},
    )

    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert not Recognition.objects.exists()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_units_in_the_readers_language_cost_no_query_per_row(client, coach, indonesian):
    """The dashboard and the completion report by unit, in Indonesian, at two sizes of
    data: the names come in the listing's own query."""
    client.force_login(reads(coach, "id"))
    learning_path = builders.make_path(steps=["Shadow a call"])

    def add(n):
        for number in range(n):
            unit = builders.make_unit(f"Unit {coach.pk}-{number}-{BusinessUnit.objects.count()}")
            builders.translated_copy(unit, indonesian, name=f"Unit {unit.pk} (id)")
            trainee = builders.make_trainee(f"person-{unit.pk}", unit=unit, coach=coach)
            builders.assign(learning_path, trainee)

    urls = [reverse("coaching:dashboard")]
    add(2)
    for url in urls:
        client.get(url)  # warm per-process caches (content types, locales)
    few = [queries_for(client, url) for url in urls]
    add(4)
    more = [queries_for(client, url) for url in urls]

    assert few == more
