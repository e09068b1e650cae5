"""A translator's workflow with wagtail-localize, through its admin views as an editor
uses them: make the Indonesian translation of a module, translate its segments, publish;
the new hire who reads Bahasa Indonesia then reads it in her path."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from coaching.account.languages import remember_language
from lessons.models import ModulePage
from tests import builders

pytestmark = pytest.mark.django_db

INDONESIAN = {
    "Serving customers": "Melayani pelanggan",
    "Listen before you answer.": "Dengarkan dulu sebelum menjawab.",
    "serving-customers": "melayani-pelanggan",
    "Why it matters": "Mengapa ini penting",
    "Customers remember how we made them feel.": (
        "Pelanggan ingat bagaimana kita membuat mereka merasa."
    ),
    "Key takeaways": "Poin penting",
}


@pytest.fixture
def module(portal):
    return builders.make_module(portal, "Serving customers", summary="Listen before you answer.")


def translate_in_the_admin(client, module, indonesian, on_commit):
    """What the translator does: Translate, each segment, Publish (wagtail-localize
    publishes once the transaction commits: `on_commit` runs it)."""
    submitted = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[module.pk]),
        {"locales": [indonesian.pk]},
    )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance_or_none(module),
        target_locale=indonesian,
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        answer = client.put(
            url,
            encode_multipart(BOUNDARY, {"value": INDONESIAN[segment.string.data]}),
            content_type=MULTIPART_CONTENT,
        )
        assert answer.status_code == 201, segment.string.data
    target = translation.get_target_instance()
    with on_commit(execute=True):
        published = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
        )
    assert published.status_code == 302
    return ModulePage.objects.get(pk=target.pk)


def test_a_module_translated_segment_by_segment_is_published_in_indonesian(
    client, superuser, module, indonesian, django_capture_on_commit_callbacks
):
    client.force_login(superuser)

    translated = translate_in_the_admin(
        client, module, indonesian, django_capture_on_commit_callbacks
    )

    assert translated.live
    assert translated.locale == indonesian
    assert translated.translation_key == module.translation_key
    assert translated.title == "Melayani pelanggan"
    assert translated.summary == "Dengarkan dulu sebelum menjawab."
    total, translated_segments = Translation.objects.get(target_locale=indonesian).get_progress()
    assert translated_segments == total > 0


def test_the_indonesian_reader_reads_the_published_translation_in_her_path(
    client, superuser, trainee, module, indonesian, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    translate_in_the_admin(client, module, indonesian, django_capture_on_commit_callbacks)
    assignment = builders.assign(builders.make_path(steps=[module]), trainee)
    remember_language(trainee, "id")
    client.force_login(trainee)

    page = client.get(reverse("coaching:step", args=[assignment.pk, 1])).content.decode()

    assert "Melayani pelanggan" in page
    assert "Pelanggan ingat bagaimana kita membuat mereka merasa." in page
    assert "Customers remember how we made them feel." not in page


def test_the_module_translated_keeps_the_original_unit(
    client, superuser, portal, indonesian, django_capture_on_commit_callbacks
):
    unit = builders.make_unit("Customer Service")
    module = builders.make_module(
        portal, "Serving customers", summary="Listen before you answer.", business_unit=unit
    )
    client.force_login(superuser)

    translated = translate_in_the_admin(
        client, module, indonesian, django_capture_on_commit_callbacks
    )

    assert translated.business_unit_id == unit.pk
