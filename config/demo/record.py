"""The demo's development records: feedback, recognition, a goal, 1:1s (one repeating,
its coach with a default agenda), a blameless review and a reflection, written once (a
person's record is seeded only while empty)."""

from datetime import timedelta

from django.utils import timezone

from coaching.calendars.models import CalendarFeed
from coaching.notifications import events
from coaching.record.models import (
    ActionItem,
    AgendaItem,
    AgendaTemplate,
    Entry,
    Feedback,
    Goal,
    KeyResult,
    LearningReview,
    Milestone,
    OneOnOne,
    Recognition,
    Reflection,
    ReviewAction,
)
from lessons.models import BusinessUnit, CompanyValue


def ensure_records(rows, people, report):
    seeded = {
        username
        for username, person in people.items()
        if Entry.objects.filter(trainee=person).not_instance_of(Milestone).exists()
    }

    def fresh(row):
        return row["trainee"] not in seeded

    def who(row):
        return {
            "trainee": people[row["trainee"]],
            "author": people[row.get("author", row["trainee"])],
        }

    for row in filter(fresh, rows["feedback"]):
        fields = {k: v for k, v in row.items() if k not in ("trainee", "author")}
        feedback = Feedback.objects.create(**who(row), **fields)
        events.entry_written(feedback)
        report.add(feedback)
    for row in filter(fresh, rows["recognition"]):
        value = CompanyValue.objects.originals().get(slug=row["value"])
        recognition = Recognition.objects.create(
            **who(row), value=value, message=row["message"], is_public=row["is_public"]
        )
        events.entry_written(recognition)
        report.add(recognition)
    for row in filter(fresh, rows["goals"]):
        goal = Goal.objects.create(
            **who(row),
            title=row["title"],
            description=row["description"],
            cadence=row["cadence"],
            set_by=row["set_by"],
        )
        for position, result in enumerate(row["key_results"]):
            KeyResult.objects.create(goal=goal, position=position, **result)
        report.add(goal)
    for row in rows["agenda_templates"]:  # a coach's default agenda, kept once
        AgendaTemplate.objects.get_or_create(
            owner=people[row["owner"]], defaults={"items": row["items"]}
        )
    for row in filter(fresh, rows["one_on_ones"]):
        meeting = OneOnOne.objects.create(
            **who(row),
            coach=people.get(row.get("coach")),  # planned by the new hire: the coach they chose
            meets_at=timezone.now() + timedelta(days=row["days_from_now"]),
            repeats=row.get("repeats", ""),
        )
        for author, text in row["agenda"]:
            AgendaItem.objects.create(meeting=meeting, author=people[author], text=text)
        for owner, text in row["actions"]:
            ActionItem.objects.create(meeting=meeting, owner=people[owner], text=text)
        report.add(meeting)
    # The people of the demo's 1:1s have a calendar link in their Settings, ready to add.
    for row in rows["one_on_ones"]:
        for name in {row["trainee"], row["author"], row.get("coach") or row["author"]}:
            CalendarFeed.objects.get_or_create(person=people[name])
    for row in filter(fresh, rows["reviews"]):
        fields = {
            k: v
            for k, v in row.items()
            if k not in ("trainee", "author", "days_ago", "actions", "learners_unit")
        }
        # Who must learn its lesson once the proposed module is published (record/loops.py).
        fields["learners_unit"] = BusinessUnit.objects.originals().get(slug=row["learners_unit"])
        happened = timezone.localdate() - timedelta(days=row["days_ago"])
        review = LearningReview.objects.create(**who(row), happened_on=happened, **fields)
        for owner, text in row["actions"]:
            ReviewAction.objects.create(review=review, owner=people[owner], text=text)
        report.add(review)
    for row in filter(fresh, rows["reflections"]):
        report.add(Reflection.objects.create(**who(row), title=row["title"], text=row["text"]))
