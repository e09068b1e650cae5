"""The editors' part of the benchmark data: a portal, modules, knowledge checks, paths.

Made through the content models, one page or snippet at a time, as an editor would publish
them (a benchmark's content is small; its people and progress are bulk inserted in
bench.data). bench/ keeps its own builders rather than importing the test suite's, so
that the benchmark stands on the plugin alone and a change to a test helper never changes
what the benchmark measures.
"""

import json

from wagtail.models import Page, Site

from lessons.models import (
    BusinessUnit,
    KnowledgeCheck,
    LearningPath,
    LearningPathStep,
    LearningPortalPage,
    ModulePage,
    StepKind,
)

BODY = json.dumps(
    [
        {"type": "heading", "value": "Why it matters"},
        {"type": "paragraph", "value": "<p>Customers remember how we made them feel.</p>"},
        {"type": "key_takeaways", "value": {"title": "Key takeaways", "items": ["Listen first"]}},
    ]
)
QUESTIONS = json.dumps(
    [
        {
            "type": "single_choice",
            "value": {
                "question": "What do you do first?",
                "choices": [
                    {"text": "Listen", "correct": True, "explanation": "Yes."},
                    {"text": "Interrupt", "correct": False, "explanation": "No."},
                ],
                "explanation": "Listening comes first.",
            },
        },
        {
            "type": "true_false",
            "value": {
                "question": "Blame fixes systems.",
                "correct_answer": False,
                "explanation": "",
            },
        },
    ]
)


def make_portal(title="Onboarding", slug="onboarding"):
    """A published portal that is the default site's root."""
    portal = LearningPortalPage(title=title, slug=slug, intro="<p>Welcome aboard.</p>")
    Page.get_first_root_node().add_child(instance=portal)
    portal.save_revision().publish()
    Site.objects.filter(is_default_site=True).update(root_page=portal)
    return portal


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_module(parent, title, **extra):
    fields = {"title": title, "summary": f"About {title}.", "estimated_minutes": 10, "body": BODY}
    return publish_child(parent, ModulePage(**fields, **extra))


def make_unit(name):
    return BusinessUnit.objects.create(name=name, slug=name.lower().replace(" ", "-"))


def make_check(title, pass_mark=50):
    """A live knowledge check of two questions."""
    check = KnowledgeCheck.objects.create(
        title=title, pass_mark=pass_mark, questions=QUESTIONS, live=True
    )
    check.save_revision()
    return check


def make_path(title, steps):
    """A published path: pages become module steps, checks become check steps, strings
    become practical tasks."""
    learning_path = LearningPath(title=title, slug=title.lower().replace(" ", "-"), live=False)
    learning_path.steps = [as_step(item) for item in steps]
    learning_path.save()
    learning_path.save_revision().publish()
    learning_path.refresh_from_db()
    return learning_path


def as_step(item):
    if isinstance(item, Page):
        return LearningPathStep(kind=StepKind.MODULE, page=item)
    if isinstance(item, KnowledgeCheck):
        return LearningPathStep(kind=StepKind.KNOWLEDGE_CHECK, knowledge_check=item)
    return LearningPathStep(kind=StepKind.TASK, title=item, instructions="Do it well.")
