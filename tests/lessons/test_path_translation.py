"""Learning paths and knowledge checks translated with wagtail-localize: a translation is
the same path in another language, never a path of its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from lessons.models import LearningPath, PathVersion
from tests import builders

pytestmark = pytest.mark.django_db

INDONESIAN = {
    "Orientation": "Orientasi",
    "Shadow a call": "Dampingi satu panggilan",
    "Do it well.": "Kerjakan dengan sungguh-sungguh.",
}


@pytest.fixture
def path(portal):
    return builders.make_path(
        steps=[
            builders.make_module(portal, title="Empathy"),
            "Shadow a call",
            builders.make_check(),
        ]
    )


def test_a_translated_step_keeps_the_source_key_kind_module_and_check(path):
    translated = builders.translate(path, INDONESIAN)

    def shape(learning_path):
        return [
            (step.key, step.kind, step.page_id, step.knowledge_check_id)
            for step in learning_path.steps.order_by("sort_order")
        ]

    assert shape(translated) == shape(path)
    assert [step.title for step in translated.steps.order_by("sort_order")][1] == (
        "Dampingi satu panggilan"
    )


def test_a_published_translation_records_no_version_and_is_not_assignable(path):
    translated = builders.translate(path, INDONESIAN)

    assert translated.live
    assert translated.current_version is None
    assert PathVersion.objects.count() == 1
    assert list(LearningPath.objects.assignable()) == [path]


def test_publishing_a_translation_writes_its_titles_into_the_source_version(path):
    builders.translate(path, INDONESIAN)

    version = PathVersion.objects.get(path=path)
    task = version.steps.get(position=1)
    with translation.override("id"):
        assert (version.localized_title, task.localized_title) == (
            "Orientasi",
            "Dampingi satu panggilan",
        )
        assert task.localized_instructions == "Kerjakan dengan sungguh-sungguh."
        # A step the translator left as it was reads as the source.
        assert version.steps.get(position=0).localized_title == "Empathy"
    with translation.override("en"):
        assert (version.localized_title, task.localized_title) == ("Orientation", "Shadow a call")


def test_a_new_version_of_the_source_carries_the_translations_titles(path):
    builders.translate(path, INDONESIAN)

    path.save_revision().publish()
    path.refresh_from_db()

    assert path.current_version.number == 2
    with translation.override("id"):
        assert path.current_version.localized_title == "Orientasi"
        assert path.current_version.steps.get(position=1).localized_title == (
            "Dampingi satu panggilan"
        )


def test_a_translated_check_is_graded_by_the_source_in_the_readers_words():
    check = builders.make_check()
    translated = builders.translate(
        check,
        {
            "What do you do first?": "Apa yang Anda lakukan pertama kali?",
            "Listen": "Mendengarkan",
            "Yes.": "Benar.",
        },
    )
    first, second = (block.id for block in check.questions)
    answers = {first: ["0"], second: ["true"]}

    english, indonesian = check.grade(answers), check.grade(answers, wording=translated)

    assert (indonesian.score, indonesian.passed) == (english.score, english.passed) == (50, True)
    assert indonesian.questions[0].question == "Apa yang Anda lakukan pertama kali?"
    assert indonesian.questions[0].choices[0].text == "Mendengarkan"
    assert indonesian.questions[0].choices[0].explanation == "Benar."
    assert [q["id"] for q in check.question_choices(translated)] == [first, second]


def test_stored_results_are_shown_in_the_translations_words():
    check = builders.make_check()
    translated = builders.translate(check, {"Listen": "Mendengarkan"})
    first = check.questions[0].id
    stored = [
        {
            "id": first,
            "question": "What do you do first?",
            "correct": True,
            "explanation": "",
            "choices": [
                {"text": "Listen", "correct": True, "chosen": True, "explanation": "Yes."},
                {"text": "Interrupt", "correct": False, "chosen": False, "explanation": "No."},
            ],
        }
    ]

    shown = translated.reworded(stored)

    assert [choice["text"] for choice in shown[0]["choices"]] == ["Mendengarkan", "Interrupt"]
    assert shown[0]["choices"][0]["chosen"] is True


def test_the_listings_translate_buttons_cost_the_same_for_any_number_of_paths(admin_client):
    """wagtail-localize's own listing hook asks twice per row; ours once per page."""
    Locale.objects.get_or_create(language_code="id")
    url = reverse("wagtailsnippets_lessons_learningpath:list")
    builders.make_path("One", slug="one")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as one:
        response = admin_client.get(url)
    assert "Translate &#x27;One&#x27;" in response.text
    for n in range(5):
        builders.make_path(f"Path {n}", slug=f"path-{n}")
    with CaptureQueriesContext(connection) as six:
        admin_client.get(url)
    assert len(six) == len(one)
