"""Repeating 1:1s and the agenda a person starts each one from.

A repeating 1:1 plans its next meeting once it is held (its time has passed), one at a
time, rather than a whole series up to a horizon: each 1:1 is an entry on the record, with
its own agenda, notes, reminders and "planned" notice, so a series planned ahead would
fill the timeline and the new hire's notifications with meetings months away, would have
to be moved one by one when the time changes, and would end at the horizon. One ahead,
the series goes on while the coach coaches the new hire, and changing a meeting's time or
how often it repeats changes the series from there on. The reminder sweep
(`manage.py send_reminders`, on a schedule) calls `plan_next_meetings`; the next 1:1 is
unique per meeting (`OneOnOne.follows`), so a sweep run twice or on two servers plans it
once.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from coaching.common.types import User
from coaching.people.models import CoachRelationship
from coaching.record import writing
from coaching.record.models import AgendaItem, AgendaTemplate, OneOnOne, Repeats, agenda_lines


def save_default_agenda(person: User, text: str) -> None:
    AgendaTemplate.objects.update_or_create(
        owner=person, defaults={"items": "\n".join(agenda_lines(text))}
    )


def add_agenda(meeting: OneOnOne, text: str, *, author: User | None) -> None:
    """Put each line of `text` on the meeting's agenda, in order."""
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, author=author, text=line) for line in agenda_lines(text)
    )


def plan(meeting: OneOnOne, *, trainee: User, author: User, agenda: str, save_agenda: bool):
    """Plan a 1:1 (from the form), with its first agenda items, and keep that agenda as
    the author's default when they ask."""
    with transaction.atomic():
        writing.write_entry(meeting, trainee=trainee, author=author)
        add_agenda(meeting, agenda, author=author)
        if save_agenda:
            save_default_agenda(author, agenda)
    return meeting


def plan_next_meetings(now: datetime | None = None) -> int:
    """Plan the next 1:1 of every repeating series whose latest 1:1 is held, with its
    planner's default agenda; the number planned."""
    now = now or timezone.now()
    still_coaches = CoachRelationship.objects.active(timezone.localdate(now)).filter(
        coach=OuterRef("coach"), trainee=OuterRef("trainee")
    )
    held = (
        OneOnOne.objects.filter(
            meets_at__lte=now, next_meeting__isnull=True, trainee__is_active=True
        )
        .exclude(repeats=Repeats.NEVER)
        .filter(Exists(still_coaches))
        # with each planner's default agenda, rather than a query per meeting for it
        .select_related("trainee__agenda_template", "author__agenda_template")
    )
    planned = 0
    for meeting in held:
        meets_at = meeting.next_meets_at(after=now)
        assert meets_at is not None  # it repeats
        following = OneOnOne(
            meets_at=meets_at, coach_id=meeting.coach_id, repeats=meeting.repeats, follows=meeting
        )
        planner = meeting.author or meeting.trainee
        try:
            with transaction.atomic():
                writing.write_entry(following, trainee=meeting.trainee, author=planner)
                saved = getattr(planner, "agenda_template", None)  # None: they saved none
                add_agenda(following, saved.items if saved else "", author=planner)
        except IntegrityError:  # another sweep planned it first
            continue
        planned += 1
    return planned
