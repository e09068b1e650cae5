"""Publishing a path records an immutable version; later edits never change it."""

import pytest
from django.urls import reverse

from lessons.models import LearningPath, LearningPathStep, PathVersion, StepKind
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules(portal):
    return [builders.make_module(portal, title=title) for title in ("Alpha", "Bravo", "Charlie")]


def titles(version):
    return list(version.steps.order_by("position").values_list("title", flat=True))


def test_publishing_records_a_version_with_the_steps_in_order(modules):
    learning_path = builders.make_path(steps=[*modules, "Shadow a call"])

    version = learning_path.current_version
    assert version.number == 1
    assert titles(version) == ["Alpha", "Bravo", "Charlie", "Shadow a call"]
    assert version.step_count == 4
    assert version.estimated_minutes == 30  # three modules of 10 minutes; tasks add none


def test_a_draft_records_no_version(modules):
    learning_path = builders.make_path(steps=modules, publish=False)

    assert learning_path.current_version is None
    assert not PathVersion.objects.exists()


def test_reordering_and_removing_steps_leaves_the_earlier_version_readable(modules):
    learning_path = builders.make_path(steps=modules)
    first = learning_path.current_version
    alpha, _bravo, charlie = learning_path.steps.order_by("sort_order")

    builders.republish(learning_path, [charlie, alpha])

    assert learning_path.current_version.number == 2
    assert titles(learning_path.current_version) == ["Charlie", "Alpha"]
    first.refresh_from_db()
    assert titles(first) == ["Alpha", "Bravo", "Charlie"]
    # Wagtail's own revision of the first publish still holds all three steps too.
    old = first.revision.as_object()
    assert [step.page.title for step in old.steps.all()] == ["Alpha", "Bravo", "Charlie"]


def test_a_step_keeps_its_key_across_versions(modules):
    learning_path = builders.make_path(steps=modules)
    alpha, bravo, charlie = learning_path.steps.order_by("sort_order")

    builders.republish(learning_path, [bravo, alpha, charlie])

    first, second = PathVersion.objects.filter(path=learning_path).order_by("number")
    assert dict(first.steps.values_list("key", "title")) == dict(
        second.steps.values_list("key", "title")
    )


def test_an_added_step_gets_a_new_key(modules):
    learning_path = builders.make_path(steps=modules[:2])
    first_keys = set(learning_path.current_version.steps.values_list("key", flat=True))

    builders.republish(learning_path, [*learning_path.steps.all(), modules[2]])

    new_keys = set(learning_path.current_version.steps.values_list("key", flat=True))
    assert first_keys < new_keys and len(new_keys - first_keys) == 1


def test_deleting_a_module_keeps_the_published_steps_title(modules):
    learning_path = builders.make_path(steps=modules)

    modules[1].delete()

    version = learning_path.current_version
    assert titles(version) == ["Alpha", "Bravo", "Charlie"]
    assert version.steps.get(title="Bravo").page is None


def test_a_published_path_cannot_be_deleted_from_the_admin(admin_client, modules):
    learning_path = builders.make_path(steps=modules)
    url = reverse("wagtailsnippets_lessons_learningpath:delete", args=[learning_path.pk])

    page = admin_client.get(url)
    response = admin_client.post(url)

    assert page.status_code == 200
    assert page.context["is_protected"] is True
    assert response.status_code == 302  # Wagtail's admin answers a refusal with a redirect
    assert LearningPath.objects.filter(pk=learning_path.pk).exists()


def test_a_draft_path_can_be_deleted_from_the_admin(admin_client, modules):
    learning_path = builders.make_path(steps=modules, publish=False)
    url = reverse("wagtailsnippets_lessons_learningpath:delete", args=[learning_path.pk])

    admin_client.post(url)

    assert not LearningPath.objects.filter(pk=learning_path.pk).exists()


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (StepKind.MODULE, "page"),
        (StepKind.KNOWLEDGE_CHECK, "knowledge_check"),
        (StepKind.TASK, "title"),
        (StepKind.CHECKIN, "title"),
    ],
)
def test_each_step_kind_names_what_it_needs(kind, field):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        LearningPathStep(kind=kind).clean()

    assert field in caught.value.message_dict


def test_a_check_used_by_a_path_cannot_be_deleted_from_the_admin(admin_client, portal):
    check = builders.make_check()
    builders.make_path(steps=[check], publish=False)
    url = reverse("wagtailsnippets_lessons_knowledgecheck:delete", args=[check.pk])

    assert admin_client.get(url).context["is_protected"] is True
    admin_client.post(url)

    assert type(check).objects.filter(pk=check.pk).exists()


def test_a_unit_with_a_page_cannot_be_deleted_from_the_admin(admin_client, portal):
    unit_page = builders.make_unit_page(portal)
    url = reverse("wagtailsnippets_lessons_businessunit:delete", args=[unit_page.unit_id])

    assert admin_client.get(url).context["is_protected"] is True
    admin_client.post(url)

    assert type(unit_page.unit).objects.filter(pk=unit_page.unit_id).exists()
