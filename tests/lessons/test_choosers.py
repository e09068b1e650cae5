"""The admin's choosers of units, values, knowledge checks and paths offer each once: the
original, which is what a foreign key must point at, named in the reader's language.
Every locale's copy used to be listed, and a translation chosen was refused on save."""

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
from coaching.models import TraineeProfile
from lessons.models import CompanyValue
from tests import builders

pytestmark = pytest.mark.django_db


def chooser(model_name, **params):
    url = reverse(f"wagtailsnippetchoosers_lessons_{model_name}:choose_results")
    return url, params


@pytest.fixture
def service(indonesian):
    unit = builders.make_unit("Customer Service")
    builders.translated_copy(unit, indonesian, name="Layanan Pelanggan")
    return unit


def test_the_unit_chooser_lists_each_unit_once_in_english(admin_client, service):
    url, params = chooser("businessunit")

    page = admin_client.get(url, params).content.decode()

    assert page.count("Customer Service") == 1
    assert "Layanan Pelanggan" not in page
    assert reverse("wagtailsnippetchoosers_lessons_businessunit:chosen", args=[service.pk]) in page


def test_the_unit_chooser_names_the_original_in_indonesian_for_an_indonesian_reader(
    admin_client, admin_user, service
):
    remember_language(admin_user, "id")
    url, params = chooser("businessunit")

    page = admin_client.get(url, params).content.decode()

    assert "Layanan Pelanggan" in page
    assert "Customer Service" not in page
    assert reverse("wagtailsnippetchoosers_lessons_businessunit:chosen", args=[service.pk]) in page


def test_searching_the_unit_chooser_finds_the_original_only(admin_client, service):
    url, params = chooser("businessunit", q="Customer")

    page = admin_client.get(url, params).content.decode()

    assert page.count("Customer Service") == 1


def test_choosing_a_unit_answers_with_its_name_in_the_readers_language(
    admin_client, admin_user, service
):
    remember_language(admin_user, "id")

    chosen = admin_client.get(
        reverse("wagtailsnippetchoosers_lessons_businessunit:chosen", args=[service.pk])
    ).json()

    assert chosen["result"] == {
        "id": str(service.pk),
        "string": "Layanan Pelanggan",
        "edit_url": reverse("wagtailsnippets_lessons_businessunit:edit", args=[service.pk]),
    }


def make_value(name):
    return CompanyValue.objects.create(name=name, slug="customers-first")


@pytest.mark.parametrize(
    ("model_name", "make", "field", "original", "translation"),
    [
        ("companyvalue", make_value, "name", "Customers first", "Pelanggan nomor satu"),
        ("knowledgecheck", builders.make_check, "title", "Empathy check", "Kuis empati"),
    ],
)
def test_the_chooser_lists_each_original_once_and_no_translation(
    admin_client, indonesian, model_name, make, field, original, translation
):
    builders.translated_copy(make(original), indonesian, **{field: translation})
    url, params = chooser(model_name)

    page = admin_client.get(url, params).content.decode()

    assert page.count(original) == 1
    assert translation not in page


def test_the_path_chooser_lists_the_original_path_only(admin_client, indonesian):
    path = builders.make_path("Orientation", steps=["Shadow a call"])
    builders.translated_copy(path, indonesian, title="Orientasi")
    url, params = chooser("learningpath")

    page = admin_client.get(url, params).content.decode()

    assert "Orientation" in page
    assert "Orientasi" not in page


def test_a_new_hires_form_shows_the_chosen_unit_in_the_readers_language(
    admin_client, admin_user, service
):
    profile = TraineeProfile.objects.get(user=builders.make_trainee("nadia", unit=service).pk)
    remember_language(admin_user, "id")

    page = admin_client.get(reverse("trainees:edit", args=[profile.pk])).content.decode()

    assert f'<option value="{service.pk}" selected>Layanan Pelanggan</option>' in page
    assert "Customer Service" not in page


def test_a_form_refuses_a_translated_check_where_the_original_is_meant(indonesian):
    from wagtail.admin.forms.models import formfield_for_dbfield

    from lessons.models import ModulePage

    check = builders.make_check("Empathy check")
    copy = builders.translated_copy(check, indonesian, title="Kuis empati")
    field = formfield_for_dbfield(ModulePage._meta.get_field("knowledge_check"))
    field = field.__deepcopy__({})

    assert list(field.queryset) == [check]
    assert copy not in field.queryset


@pytest.mark.parametrize("units", [1, 6])
def test_the_unit_chooser_takes_the_same_queries_for_any_number_of_units(
    admin_client, indonesian, units, django_assert_num_queries
):
    for number in range(units):
        unit = builders.make_unit(f"Unit {number}")
        builders.translated_copy(unit, indonesian, name=f"Unit {number} (id)")
    url, params = chooser("businessunit")
    admin_client.get(url, params)  # the session and the admin's caches, warmed

    # session, user, user profile, count, the page of units (named in a subquery)
    with django_assert_num_queries(5):
        admin_client.get(url, params)
