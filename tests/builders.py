"""Small builders for test data: each test makes exactly what it needs."""

import json
import uuid

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale, Page, PageViewRestriction, Site

from config.demo.translations import translate_segments
from lessons.models import (
    BusinessUnit,
    BusinessUnitPage,
    CompanyProfilePage,
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


def make_user(username="person", **extra):
    extra.setdefault("email", f"{username}@example.com")
    extra.setdefault("password", "pw")
    return get_user_model().objects.create_user(
        username=username, first_name=username.title(), **extra
    )


def make_portal(title="Onboarding", slug="onboarding", parent=None):
    """A published portal, private to signed-in people as the README says to set it: the
    default site's root, or a page under `parent` (another site's home page, say)."""
    portal = LearningPortalPage(title=title, slug=slug, intro="<p>Welcome aboard.</p>")
    (parent or Page.get_first_root_node()).add_child(instance=portal)
    portal.save_revision().publish()
    PageViewRestriction.objects.create(page=portal, restriction_type=PageViewRestriction.LOGIN)
    if parent is None:
        Site.objects.filter(is_default_site=True).update(root_page=portal)
    return portal


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def learnable(title, **extra):
    fields = {"title": title, "summary": f"About {title}.", "estimated_minutes": 10, "body": BODY}
    fields.update(extra)
    return fields


def make_module(parent, title="Serving customers", **extra):
    return publish_child(parent, ModulePage(**learnable(title, **extra)))


def make_profile(portal, title="Company profile"):
    return publish_child(
        portal, CompanyProfilePage(mission="Connect everyone.", **learnable(title))
    )


def make_unit(name="Customer Service", slug=None):
    return BusinessUnit.objects.create(name=name, slug=slug or name.lower().replace(" ", "-"))


def make_unit_page(portal, unit=None, title=None):
    unit = unit or make_unit()
    return publish_child(portal, BusinessUnitPage(unit=unit, **learnable(title or unit.name)))


def answer(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def make_check(title="Empathy check", pass_mark=50, max_attempts=None, live=True):
    questions = [
        {
            "type": "single_choice",
            "value": {
                "question": "What do you do first?",
                # Answers as Wagtail's editor stores them, each with an id: wagtail-localize
                # finds a list's items by id when it writes their translation back.
                "choices": [
                    answer({"text": "Listen", "correct": True, "explanation": "Yes."}),
                    answer({"text": "Interrupt", "correct": False, "explanation": "No."}),
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
    check = KnowledgeCheck.objects.create(
        title=title,
        pass_mark=pass_mark,
        max_attempts=max_attempts,
        questions=json.dumps(questions),
        live=live,
    )
    check.save_revision()
    return check


def make_path(title="Orientation", slug=None, steps=(), publish=True):
    """A path with the given steps: pages become module steps, checks become check steps,
    and strings become practical tasks."""
    learning_path = LearningPath(
        title=title, slug=slug or title.lower().replace(" ", "-"), live=False
    )
    set_steps(learning_path, steps)
    learning_path.save()
    revision = learning_path.save_revision()
    if publish:
        revision.publish()
        learning_path.refresh_from_db()
    return learning_path


def set_steps(learning_path, items):
    """Give the path these steps (as for `make_path`), numbered in this order as the admin's
    form numbers them: a step left without a sort_order sorts first on SQLite and last on
    PostgreSQL, and steps that all lack one come back in any order there."""
    made = [as_step(item) for item in items]
    for position, step in enumerate(made):
        step.sort_order = position
    learning_path.steps = made


def republish(learning_path, items):
    """An editor's edit of the path's steps (`set_steps`), published: a new version."""
    set_steps(learning_path, items)
    learning_path.save_revision().publish()
    learning_path.refresh_from_db()
    return learning_path


def as_step(item):
    if isinstance(item, LearningPathStep):
        return item
    if isinstance(item, Page):
        return LearningPathStep(kind=StepKind.MODULE, page=item)
    if isinstance(item, KnowledgeCheck):
        return LearningPathStep(kind=StepKind.KNOWLEDGE_CHECK, knowledge_check=item)
    return LearningPathStep(kind=StepKind.TASK, title=item, instructions="Do it well.")


def page_form_data(page, **extra):
    """What an editor's browser posts for a page of ours, built with Wagtail's helpers."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = {"title": page.title, "slug": page.slug}
    if isinstance(page, LearningPortalPage):
        data["intro"] = rich_text("<p>Welcome aboard.</p>")
    else:
        data.update(
            summary=page.summary,
            estimated_minutes=page.estimated_minutes,
            body=streamfield(
                [("heading", "Why it matters"), ("paragraph", rich_text("<p>Hi</p>"))]
            ),
            knowledge_check=page.knowledge_check_id or "",
        )
    if isinstance(page, CompanyProfilePage):
        data["mission"] = page.mission
    if isinstance(page, BusinessUnitPage):
        data["unit"] = page.unit_id
        data["contacts"] = inline_formset([{"name": "Ayu", "topic": "Rosters", "email": ""}])
    if isinstance(page, ModulePage):
        data["business_unit"] = page.business_unit_id or ""
    data.update(extra)
    return nested_form_data(data)


def make_trainee(username="nadia", start_date=None, unit=None, job_title="Agent", coach=None):
    """A new hire with a profile, optionally coached (as primary) by `coach`."""
    from coaching.models import CoachRelationship, TraineeProfile

    user = make_user(username)
    TraineeProfile.objects.create(
        user=user, start_date=start_date, business_unit=unit, job_title=job_title
    )
    if coach is not None:
        CoachRelationship.objects.create(coach=coach, trainee=user, is_primary=True)
    return user


def make_hr(username="hana"):
    from django.contrib.auth.models import Permission

    user = make_user(username)
    user.user_permissions.add(Permission.objects.get(codename="manage_all_trainees"))
    return user


def assign(learning_path, trainee, by=None, **kwargs):
    """Assign a published path to one new hire and return the assignment."""
    from coaching.learning.assigning import assign_path
    from coaching.models import Assignment, TraineeProfile

    assign_path(
        learning_path, TraineeProfile.objects.filter(user=trainee), assigned_by=by, **kwargs
    )
    return Assignment.objects.select_related("version").get(path=learning_path, trainee=trainee)


def steps_of(assignment):
    return list(assignment.version.steps.select_related("page", "knowledge_check"))


def checkin_step(title="Check-in with your coach"):
    return LearningPathStep(kind=StepKind.CHECKIN, title=title, instructions="Bring questions.")


def make_path_of_every_kind(portal, max_attempts=3):
    """A published path with one step of each kind, in this order: a module, a module that
    ends with a knowledge check, a practical task, a knowledge check, a check-in."""
    check = make_check(max_attempts=max_attempts)
    return make_path(
        "Service essentials",
        steps=[
            make_module(portal, title="Empathy"),
            make_module(portal, title="Outages", knowledge_check=check),
            "Shadow three calls",
            check,
            checkin_step("Readiness check-in"),
        ],
    )


def translated_copy(original, locale, publish=True, **fields):
    """A translation of a page or snippet into `locale` with these fields, saved directly
    (not through wagtail-localize's segments: see `translate`). A page's translation (and
    those of the pages above it, as Wagtail needs) gets a revision, published unless
    `publish` is False."""
    if not isinstance(original, Page):
        copy = original.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save()
        return copy
    copy = original.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
        copy.refresh_from_db()
    return copy


def translate(instance, words, language="id"):
    """Translate a page or snippet the way a translator does in wagtail-localize: submit it
    for translation, translate its segments (`words`: source text to translated text; any
    other segment stays as in the source) and publish the translation. Returns it."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    # wagtail-localize publishes once the transaction commits; a test's never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_segments(instance, words, locale)
    return type(instance).objects.get(translation_key=instance.translation_key, locale=locale)
