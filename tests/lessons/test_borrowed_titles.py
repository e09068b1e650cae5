"""A step without a title of its own reads its module's or knowledge check's title, and
does so in every language the module or check is published in: a path never translated
shows its module steps in Indonesian once the modules are."""

import pytest
from django.utils import translation

from lessons.models import LearningPathStep, PathVersion, StepKind
from lessons.models.paths import borrowed_titles
from tests import builders

pytestmark = pytest.mark.django_db


def titles(version, language):
    with translation.override(language):
        return [step.localized_title for step in version.steps.order_by("position")]


def publish(copy):
    """A snippet translation published, as wagtail-localize publishes it."""
    copy.save_revision().publish()
    return copy


def test_a_path_never_translated_shows_its_modules_in_their_translation(portal, indonesian):
    empathy = builders.make_module(portal, title="Empathy")
    builders.translated_copy(empathy, indonesian, title="Empati")
    path = builders.make_path(steps=[empathy, "Shadow a call"])

    assert titles(path.current_version, "id") == ["Empati", "Shadow a call"]
    assert titles(path.current_version, "en") == ["Empathy", "Shadow a call"]


def test_a_module_translated_after_the_path_was_published_is_followed(portal, indonesian):
    empathy = builders.make_module(portal, title="Empathy")
    path = builders.make_path(steps=[empathy])

    builders.translated_copy(empathy, indonesian, title="Empati")

    assert titles(path.current_version, "id") == ["Empati"]


def test_a_check_translated_after_the_path_was_published_is_followed(portal, indonesian):
    check = builders.make_check("Empathy check")
    path = builders.make_path(steps=[check])

    publish(builders.translated_copy(check, indonesian, title="Kuis empati"))

    assert titles(path.current_version, "id") == ["Kuis empati"]


def test_a_step_with_its_own_title_keeps_it_when_the_module_is_translated(portal, indonesian):
    empathy = builders.make_module(portal, title="Empathy")
    path = builders.make_path(
        steps=[LearningPathStep(kind=StepKind.MODULE, page=empathy, title="Read about empathy")]
    )

    builders.translated_copy(empathy, indonesian, title="Empati")

    assert titles(path.current_version, "id") == ["Read about empathy"]


def test_only_the_current_version_follows_a_later_translation(portal, indonesian):
    empathy = builders.make_module(portal, title="Empathy")
    path = builders.make_path(steps=[empathy])
    first = path.current_version
    builders.republish(path, [empathy, "Shadow a call"])

    builders.translated_copy(empathy, indonesian, title="Empati")

    assert titles(PathVersion.objects.get(pk=first.pk), "id") == ["Empathy"]
    assert titles(path.current_version, "id") == ["Empati", "Shadow a call"]


def test_a_translated_paths_own_step_wording_is_kept_beside_the_borrowed_title(portal, indonesian):
    empathy = builders.make_module(portal, title="Empathy")
    path = builders.make_path(steps=[empathy])
    builders.translate(path, {"Orientation": "Orientasi"})

    builders.translated_copy(empathy, indonesian, title="Empati")

    step = path.current_version.steps.get()
    assert step.translations["id"]["title"] == "Empati"
    assert "instructions" in step.translations["id"]  # the translated path's, kept


@pytest.mark.parametrize("modules", [1, 5])
def test_the_borrowed_titles_take_two_queries_for_any_number_of_steps(
    portal, indonesian, modules, django_assert_num_queries
):
    pages = [builders.make_module(portal, title=f"Module {n}") for n in range(modules)]
    for n, page in enumerate(pages):
        builders.translated_copy(page, indonesian, title=f"Modul {n}")
    check = builders.make_check()
    publish(builders.translated_copy(check, indonesian, title="Kuis"))
    path = builders.make_path(steps=[*pages, check])
    steps = list(path.steps.select_related("page", "knowledge_check"))

    with django_assert_num_queries(2):  # the modules' translations, the checks'
        borrowed = borrowed_titles(steps, path.locale_id)

    assert sorted(title for found in borrowed.values() for title in found.values()) == sorted(
        [*[f"Modul {n}" for n in range(modules)], "Kuis"]
    )
    assert titles(path.current_version, "id") == [*[f"Modul {n}" for n in range(modules)], "Kuis"]
