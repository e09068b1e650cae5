"""Editors create modules, knowledge checks and paths through Wagtail's admin forms."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from lessons.models import KnowledgeCheck, LearningPath, ModulePage
from tests import builders

pytestmark = pytest.mark.django_db


def list_block(items):
    """A ListBlock as the admin posts it (the form-data helpers have none for lists)."""
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index, "id": ""}
    return data


def test_an_editor_creates_and_publishes_a_module(admin_client, portal):
    url = reverse("wagtailadmin_pages:add", args=["lessons", "modulepage", portal.pk])
    data = nested_form_data(
        {
            "title": "Serving customers with empathy",
            "slug": "empathy",
            "summary": "How to listen first.",
            "estimated_minutes": 15,
            "body": streamfield(
                [
                    ("heading", "Listen first"),
                    ("paragraph", rich_text("<p>Let the customer finish.</p>")),
                    (
                        "callout",
                        {"tone": "tip", "title": "Try this", "text": rich_text("<p>Pause.</p>")},
                    ),
                    (
                        "checklist",
                        {"title": "Before a call", "items": list_block(["Open the CRM"])},
                    ),
                ]
            ),
            "knowledge_check": "",
            "business_unit": "",
            "action-publish": "publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    module = ModulePage.objects.get(slug="empathy")
    assert module.live
    assert [block.block_type for block in module.body] == [
        "heading",
        "paragraph",
        "callout",
        "checklist",
    ]


def test_publishing_a_module_without_a_summary_is_refused_with_a_message(admin_client, portal):
    url = reverse("wagtailadmin_pages:add", args=["lessons", "modulepage", portal.pk])
    data = nested_form_data(
        {
            "title": "Empty",
            "slug": "empty",
            "summary": "",
            "estimated_minutes": 0,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "summary" in errors and "estimated_minutes" in errors
    assert not ModulePage.objects.filter(slug="empty").exists()


def path_form(title, steps, **extra):
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "description": "For everyone.",
        "business_unit": "",
        "role": "",
        "steps": inline_formset(steps),
    }
    data.update(extra)
    return nested_form_data(data)


def module_step(page):
    return {
        "kind": "module",
        "page": page.pk,
        "knowledge_check": "",
        "title": "",
        "instructions": "",
    }


def test_an_editor_creates_and_publishes_a_path(admin_client, portal):
    module = builders.make_module(portal)
    check = builders.make_check()
    task = {
        "kind": "task",
        "page": "",
        "knowledge_check": "",
        "title": "Shadow a call",
        "instructions": "Listen.",
    }
    quiz = {
        "kind": "knowledge_check",
        "page": "",
        "knowledge_check": check.pk,
        "title": "",
        "instructions": "",
    }
    url = reverse("wagtailsnippets_lessons_learningpath:add")

    response = admin_client.post(
        url,
        path_form(
            "Orientation", [module_step(module), task, quiz], **{"action-publish": "publish"}
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    learning_path = LearningPath.objects.get(slug="orientation")
    assert learning_path.live
    steps = learning_path.current_version.steps.order_by("position")
    assert [(s.kind, s.title) for s in steps] == [
        ("module", "Serving customers"),
        ("task", "Shadow a call"),
        ("knowledge_check", "Empathy check"),
    ]


def test_saving_a_draft_path_publishes_nothing(admin_client, portal):
    module = builders.make_module(portal)
    url = reverse("wagtailsnippets_lessons_learningpath:add")

    admin_client.post(url, path_form("Draft path", [module_step(module)]))

    learning_path = LearningPath.objects.get(slug="draft-path")
    assert not learning_path.live and learning_path.current_version is None


def test_publishing_a_step_missing_what_it_needs_is_refused_beside_the_field(admin_client, portal):
    url = reverse("wagtailsnippets_lessons_learningpath:add")
    task = {"kind": "task", "page": "", "knowledge_check": "", "title": "", "instructions": ""}

    response = admin_client.post(url, path_form("Broken", [task], **{"action-publish": "publish"}))

    assert response.status_code == 200
    step_errors = response.context["form"].formsets["steps"].forms[0].errors
    assert step_errors == {"title": ["Give this step a title the trainee will recognise."]}
    assert not LearningPath.objects.exists()


def test_an_editor_creates_a_knowledge_check(admin_client):
    url = reverse("wagtailsnippets_lessons_knowledgecheck:add")
    question = {
        "question": "Blame fixes systems.",
        "correct_answer": False,
        "explanation": "Systems thinking fixes systems.",
    }
    data = nested_form_data(
        {
            "title": "Blameless basics",
            "intro": "",
            "pass_mark": 80,
            "max_attempts": 3,
            "questions": streamfield([("true_false", question)]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    check = KnowledgeCheck.objects.get(title="Blameless basics")
    assert check.live and check.max_attempts == 3
    assert check.questions[0].value["correct_answer"] is False


def test_the_path_preview_shows_its_steps(admin_client, portal):
    learning_path = builders.make_path(steps=[builders.make_module(portal), "Shadow a call"])
    url = reverse("wagtailsnippets_lessons_learningpath:preview_on_edit", args=[learning_path.pk])
    form = path_form(
        "Orientation",
        [
            module_step(learning_path.steps.first().page),
            {
                "kind": "task",
                "page": "",
                "knowledge_check": "",
                "title": "Shadow a call",
                "instructions": "",
            },
        ],
    )

    assert admin_client.post(url, form).json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url)

    assert response.status_code == 200
    assert "Shadow a call" in response.text and "Serving customers" in response.text
