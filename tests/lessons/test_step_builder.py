"""The path editor's step builder: each step headed by what it is, only its kind's fields
shown, saved steps collapsed, and drafts (autosave) that may be incomplete."""

import re

import pytest
from django.urls import reverse

from lessons.models import LearningPath
from tests import builders
from tests.lessons.test_admin_forms import module_step, path_form

pytestmark = pytest.mark.django_db

EMPTY = {"kind": "", "page": "", "knowledge_check": "", "title": "", "instructions": ""}


def edit_url(learning_path):
    return reverse("wagtailsnippets_lessons_learningpath:edit", args=[learning_path.pk])


def edit_form(learning_path, steps, **extra):
    """What the edit form posts: the path's saved steps (with their ids) then `steps`."""
    saved = [
        {
            "id": step.pk,
            "kind": step.kind,
            "page": step.page_id or "",
            "knowledge_check": step.knowledge_check_id or "",
            "title": step.title,
            "instructions": step.instructions,
        }
        for step in learning_path.steps.all()
    ]
    revision = learning_path.latest_revision
    data = path_form(
        learning_path.title,
        saved + steps,
        loaded_revision_id=revision.pk,
        loaded_revision_created_at=revision.created_at.isoformat(),
        **extra,
    )
    data["steps-INITIAL_FORMS"] = str(len(saved))
    return data


def autosave(client, learning_path, steps):
    """Wagtail 8's autosave: a draft save that asks for JSON."""
    return client.post(
        edit_url(learning_path), edit_form(learning_path, steps), HTTP_ACCEPT="application/json"
    )


@pytest.fixture
def learning_path(portal):
    module = builders.make_module(portal)
    check = builders.make_check()
    return builders.make_path("Orientation", steps=[module, "Shadow a call", check])


def headings(html):
    return [
        re.sub(r"\s+", " ", heading).strip()
        for heading in re.findall(r"<span data-step-heading>(.*?)</span>", html, re.S)
    ]


def test_each_step_is_headed_by_its_kind_and_title(admin_client, learning_path):
    html = admin_client.get(edit_url(learning_path)).text

    # The last heading is the template of a step still to add.
    assert headings(html) == [
        "Module: Serving customers",
        "Practical task: Shadow a call",
        "Knowledge check: Empathy check",
        "New step",
    ]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "Step 1 · Module: Serving customers" in text and "Steps 1" not in text


def test_saved_steps_start_collapsed_and_the_new_step_template_open(admin_client, learning_path):
    html = admin_client.get(edit_url(learning_path)).text

    sections = re.findall(r'<section class="([^"]*)" id="inline_child_steps-([^"]*)-panel', html)
    assert sections == [
        ("w-panel collapsed", "0"),
        ("w-panel collapsed", "1"),
        ("w-panel collapsed", "2"),
        ("w-panel", "__prefix__"),
    ]


def field_wrapper(html, field):
    """The opening tag of the wrapper of a step field."""
    match = re.search(
        r'(<div class="w-panel__wrapper"[^>]*>)\s*<label class="w-field__label" for="id_'
        + field
        + '"',
        html,
    )
    assert match, field
    return match.group(1)


def test_a_task_step_hides_the_module_and_check_choosers(admin_client, learning_path):
    html = admin_client.get(edit_url(learning_path)).text

    # Step 0 is a module, step 1 a task, step 2 a check.
    assert " hidden" not in field_wrapper(html, "steps-0-page")
    assert " hidden" in field_wrapper(html, "steps-0-knowledge_check")
    assert " hidden" in field_wrapper(html, "steps-1-page")
    assert " hidden" in field_wrapper(html, "steps-1-knowledge_check")
    assert " hidden" in field_wrapper(html, "steps-2-page")
    assert " hidden" not in field_wrapper(html, "steps-2-knowledge_check")
    # w-rules shows each again when the kind changes to the one that uses it.
    assert "{&quot;steps-1-kind&quot;: [&quot;module&quot;]}" in field_wrapper(html, "steps-1-page")
    assert 'data-controller="w-rules"' in html
    assert '<option value="" selected>Choose what this step is</option>' in html
    assert "---------" not in html
    assert "lessons/admin/step_builder.js" in html


def test_an_added_untouched_step_does_not_fail_autosave_and_is_not_kept(
    admin_client, learning_path
):
    response = autosave(admin_client, learning_path, [EMPTY])

    assert response.json()["success"] is True
    draft = LearningPath.objects.get(pk=learning_path.pk).latest_revision.as_object()
    assert [step.kind for step in draft.steps.all()] == ["module", "task", "knowledge_check"]


def test_autosave_keeps_a_step_whose_title_is_still_being_typed(admin_client, learning_path):
    half_done = dict(EMPTY, kind="task")

    response = autosave(admin_client, learning_path, [half_done])

    assert response.json()["success"] is True
    draft = LearningPath.objects.get(pk=learning_path.pk).latest_revision.as_object()
    assert [step.kind for step in draft.steps.all()] == [
        "module",
        "task",
        "knowledge_check",
        "task",
    ]


def test_publishing_a_module_step_without_its_module_is_refused_beside_the_field(
    admin_client, learning_path
):
    module_without_page = dict(EMPTY, kind="module")
    data = edit_form(learning_path, [module_without_page], **{"action-publish": "publish"})

    response = admin_client.post(edit_url(learning_path), data)

    step_form = response.context["form"].formsets["steps"].forms[3]
    assert step_form.errors == {"page": ["Choose the module this step asks the trainee to read."]}
    # The error shows beside the chooser, which shows although the kind hides it normally.
    assert "Choose the module this step asks the trainee to read." in response.text
    assert " hidden" not in field_wrapper(response.text, "steps-3-page")
    assert LearningPath.objects.get(pk=learning_path.pk).current_version.step_count == 3


def test_a_module_left_on_a_step_turned_into_a_task_is_dropped(admin_client, portal):
    module = builders.make_module(portal)
    task_with_module = dict(module_step(module), kind="task", title="Shadow a call")
    url = reverse("wagtailsnippets_lessons_learningpath:add")

    admin_client.post(url, path_form("Tasks", [task_with_module], **{"action-publish": "publish"}))

    step = LearningPath.objects.get(slug="tasks").current_version.steps.get()
    assert (step.kind, step.page_id, step.estimated_minutes) == ("task", None, 0)
