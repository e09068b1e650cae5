"""Business units and company values are translatable snippets: a translation is a row of
its own (wagtail-localize), names are unique per language, and whatever points at a unit
or a value keeps the original row."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.forms import modelform_factory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from lessons.models import BusinessUnit, CompanyValue
from tests import builders


@pytest.mark.django_db
def test_the_same_name_may_be_used_once_per_language(indonesian):
    unit = builders.make_unit("Finance")
    builders.translated_copy(unit, indonesian)  # "Finance" in Indonesian too

    with pytest.raises(IntegrityError), transaction.atomic():
        BusinessUnit.objects.create(name="Finance", slug="finance-2")

    assert BusinessUnit.objects.filter(name="Finance").count() == 2


@pytest.mark.django_db
def test_choices_offer_each_unit_once_named_in_the_readers_language(indonesian):
    service = builders.make_unit("Customer Service")
    finance = builders.make_unit("Finance")
    builders.translated_copy(service, indonesian, name="Layanan Pelanggan")

    with translation.override("id"):
        shown = [(unit.pk, str(unit)) for unit in BusinessUnit.objects.for_choosing()]
    with translation.override("en"):
        in_english = [str(unit) for unit in BusinessUnit.objects.for_choosing()]

    assert shown == [(finance.pk, "Finance"), (service.pk, "Layanan Pelanggan")]
    assert in_english == ["Customer Service", "Finance"]


@pytest.mark.django_db
def test_a_form_refuses_the_translation_where_the_original_is_meant(indonesian):
    from coaching.models import TraineeProfile

    unit = builders.make_unit("Customer Service")
    copy = builders.translated_copy(unit, indonesian, name="Layanan Pelanggan")
    field = modelform_factory(TraineeProfile, fields=["business_unit"])().fields["business_unit"]

    assert list(field.queryset) == [unit]
    assert copy not in field.queryset


@pytest.mark.django_db
def test_a_value_translated_with_wagtail_localize_keeps_its_slug(admin_client, indonesian):
    value = CompanyValue.objects.create(
        name="Customers first", slug="customers-first", description="We listen."
    )
    submitted = admin_client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["lessons", "companyvalue", value.pk],
        ),
        {"locales": [indonesian.pk]},
    )
    assert submitted.status_code == 302
    job = Translation.objects.get(source=TranslationSource.objects.get_for_instance_or_none(value))
    words = {"Customers first": "Pelanggan nomor satu", "We listen.": "Kami mendengarkan."}
    for segment in StringSegment.objects.filter(source=job.source).select_related("string"):
        admin_client.put(
            reverse("wagtail_localize:edit_string_translation", args=[job.pk, segment.pk]),
            encode_multipart(BOUNDARY, {"value": words[segment.string.data]}),
            content_type=MULTIPART_CONTENT,
        )

    job.save_target(publish=True)

    copy = CompanyValue.objects.get(locale=indonesian)
    assert (copy.name, copy.description) == ("Pelanggan nomor satu", "Kami mendengarkan.")
    assert copy.slug == "customers-first"
    assert copy.translation_key == value.translation_key
    assert list(CompanyValue.objects.originals()) == [value]


@pytest.mark.django_db
def test_the_snippet_listing_offers_translate(admin_client, indonesian):
    unit = builders.make_unit("Customer Service")

    page = admin_client.get(reverse("wagtailsnippets_lessons_businessunit:list")).content.decode()

    translate = reverse(
        "wagtail_localize:submit_snippet_translation", args=["lessons", "businessunit", unit.pk]
    )
    assert translate in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_gives_each_existing_row_the_default_locale_and_a_key_of_its_own():
    executor = MigrationExecutor(connection)
    before = [("lessons", "0001_initial")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Unit, Value = old.get_model("lessons", "BusinessUnit"), old.get_model("lessons", "CompanyValue")
    Unit.objects.create(name="Finance", slug="finance")
    Unit.objects.create(name="Sales", slug="sales")
    Value.objects.create(name="Customers first", slug="customers-first")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    default = Locale.get_default()
    units = list(BusinessUnit.objects.order_by("name"))
    assert [unit.locale_id for unit in units] == [default.pk, default.pk]
    assert len({unit.translation_key for unit in units}) == 2
    assert CompanyValue.objects.get().locale_id == default.pk
