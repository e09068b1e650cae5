"""Entries of every kind, made straight through the ORM: the tests that are not about
writing an entry through its form start from these."""

from datetime import date, datetime

from django.utils import timezone

from coaching.models import (
    ActionItem,
    AgendaItem,
    Cheer,
    Feedback,
    Goal,
    KeyResult,
    LearningReview,
    Milestone,
    OneOnOne,
    Recognition,
    Reflection,
    Reply,
    ReviewAction,
)
from lessons.models import CompanyValue

MEETS_AT = timezone.make_aware(datetime(2026, 3, 2, 10, 0))


def value(name="One team"):
    slug = name.lower().replace(" ", "-")
    return CompanyValue.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def feedback(trainee, author, text="Listened before answering.", **extra):
    fields = {
        "feedback_kind": "appreciation",
        "situation": text,
        "behaviour": text,
        "impact": text,
        "suggestion": text,
    }
    fields.update(extra)
    return Feedback.objects.create(trainee=trainee, author=author, **fields)


def recognition(trainee, author, message="Thanks for covering my shift!", public=True, **extra):
    return Recognition.objects.create(
        trainee=trainee,
        author=author,
        value=extra.pop("value", None) or value(),
        message=message,
        is_public=public,
        **extra,
    )


def reflection(trainee, title="Week one", text="Harder than I thought, but good.", **extra):
    return Reflection.objects.create(
        trainee=trainee, author=trainee, title=title, text=text, **extra
    )


def goal(trainee, author, title="Handle calls alone", results=("Calls handled",), **extra):
    made = Goal.objects.create(
        trainee=trainee,
        author=author,
        title=title,
        description=extra.pop("description", ""),
        **extra,
    )
    KeyResult.objects.bulk_create(
        KeyResult(goal=made, title=result, target_value=10, position=number)
        for number, result in enumerate(results)
    )
    return made


def one_on_one(trainee, author, notes="Talked about the first week.", **extra):
    return OneOnOne.objects.create(
        trainee=trainee,
        author=author,
        meets_at=extra.pop("meets_at", MEETS_AT),
        notes=notes,
        **extra,
    )


def review(trainee, author, text="The queue overflowed.", **extra):
    fields = {
        "title": text[:200],
        "happened_on": date(2026, 1, 5),
        "timeline": text,
        "conditions": text,
        "went_well": text,
        "learned": text,
        "proposed_module_title": text[:200],
        "proposed_module_summary": text,
    }
    fields.update(extra)
    return LearningReview.objects.create(trainee=trainee, author=author, **fields)


def milestone(trainee, title="Path completed: Orientation", key="path_completed:assignment:1"):
    return Milestone.objects.create(
        trainee=trainee, milestone_kind="path_completed", title=title, key=f"{trainee.pk}:{key}"
    )


def reply(entry, author, text="Thank you, that helps."):
    return Reply.objects.create(entry=entry, author=author, text=text)


def cheer(recognition_entry, author, message=""):
    return Cheer.objects.create(recognition=recognition_entry, author=author, message=message)


def agenda_item(meeting, author, text="How do I escalate?"):
    return AgendaItem.objects.create(meeting=meeting, author=author, text=text)


def action_item(meeting, owner, text="Shadow a senior agent"):
    return ActionItem.objects.create(meeting=meeting, owner=owner, text=text)


def review_action(learning_review, owner, text="Add an overflow alert"):
    return ReviewAction.objects.create(review=learning_review, owner=owner, text=text)


def one_of_each(trainee, coach):
    """One entry of every kind on `trainee`'s record, by kind slug."""
    return {
        "feedback": feedback(trainee, coach),
        "recognition": recognition(trainee, coach),
        "goal": goal(trainee, coach),
        "one-on-one": one_on_one(trainee, coach),
        "review": review(trainee, coach),
        "reflection": reflection(trainee),
        "milestone": milestone(trainee),
    }
