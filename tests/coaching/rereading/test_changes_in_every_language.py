"""A change people must read, in a site of two languages: a change to the original asks
those who read the module in either language; a change to a translation asks its own
readers; a reader whose translation is not updated yet sees what changed in the original."""

import pytest
from django.urls import reverse
from django.utils import translation

from coaching.account.languages import remember_language
from coaching.learning.progress import complete_module
from coaching.models import ReadAgain
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(portal, indonesian):
    """Refunds, in English and Bahasa Indonesia: Nadia read it in English, Dewi in
    Bahasa Indonesia."""
    module = builders.make_module(portal, title="Refunds", summary="Refunds within 14 days.")
    builders.translated_copy(portal, indonesian, title="Orientasi", slug="orientasi")
    translated = builders.translated_copy(
        module, indonesian, title="Pengembalian dana", summary="Pengembalian dalam 14 hari."
    )
    learning_path = builders.make_path(steps=[module])
    nadia, dewi = builders.make_trainee("nadia"), builders.make_trainee("dewi")
    remember_language(dewi, "id")
    in_english = builders.assign(learning_path, nadia)
    in_indonesian = builders.assign(learning_path, dewi)
    complete_module(in_english, builders.steps_of(in_english)[0])
    with translation.override("id"):
        complete_module(in_indonesian, builders.steps_of(in_indonesian)[0])
    return module, translated, in_english, in_indonesian


def publish_must_read(page, summary):
    page = type(page).objects.get(pk=page.pk)
    page.summary = summary
    page.change_must_be_read, page.change_note = True, "New refund window."
    page.save_revision().publish()
    return page


def asked():
    return sorted(
        ReadAgain.objects.values_list("progress__assignment__trainee__username", flat=True)
    )


def test_a_change_to_the_original_asks_the_readers_of_every_language(readers):
    module, _, _, _ = readers

    publish_must_read(module, "Refunds within 30 days.")

    assert asked() == ["dewi", "nadia"]


def test_a_change_to_a_translation_asks_only_its_readers(readers):
    _, translated, _, _ = readers

    publish_must_read(translated, "Pengembalian dalam 30 hari.")

    assert asked() == ["dewi"]


def test_a_reader_whose_translation_is_not_updated_sees_the_changes_in_the_original(
    readers, client
):
    module, _, _, in_indonesian = readers
    publish_must_read(module, "Refunds within 30 days.")
    client.force_login(in_indonesian.trainee)

    page = client.get(reverse("coaching:step", args=[in_indonesian.pk, 1])).text

    assert "Pengembalian dana" in page  # the module in her language
    assert "Bahasa Inggris" in page  # the note naming the original's language
    assert '<dd class="diff" lang="en">Refunds within' in page
    assert '<span class="addition">30 days.</span>' in page


def test_once_the_translation_is_updated_its_reader_sees_the_changes_in_her_language(
    readers, client
):
    module, translated, _, in_indonesian = readers
    publish_must_read(module, "Refunds within 30 days.")
    updated = type(translated).objects.get(pk=translated.pk)
    updated.summary = "Pengembalian dalam 30 hari."
    updated.save_revision().publish()
    client.force_login(in_indonesian.trainee)

    page = client.get(reverse("coaching:step", args=[in_indonesian.pk, 1])).text

    assert "Pengembalian dalam 30 hari." in page
    assert "Refunds within 30 days." not in page
    assert ReadAgain.objects.filter(progress__assignment=in_indonesian).count() == 1
