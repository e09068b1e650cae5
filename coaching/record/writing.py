"""What people do on a development record: write, edit (keeping history), reply, cheer,
check in on goals, keep 1:1s, and what the system writes (milestones).

Who may do what is decided in `coaching.record.roles`; views only ask.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.calendars.changes import one_on_one_moved
from coaching.common.types import User
from coaching.notifications import events
from coaching.record.models import (
    ActionItem,
    Cheer,
    Entry,
    EntryRevision,
    Goal,
    GoalCheckIn,
    GoalStatus,
    KeyResult,
    Milestone,
    MilestoneKind,
    OneOnOne,
    Recognition,
    Reply,
)
from coaching.record.models.entries import OwnedAction, milestone_heading
from lessons.i18n import wordings

if TYPE_CHECKING:
    from coaching.record.forms import KeyResultForm

# A snapshot's values: what JSON keeps as it is, and the rest as text.
Snapshot: TypeAlias = dict[str, bool | int | str | None]


class RecordError(Exception):
    """A record action that is not allowed now, with a message for the person asking."""


def snapshot(entry: Entry) -> Snapshot:
    """The entry's editable fields as JSON, for its history."""
    values: Snapshot = {}
    for name in entry.editable_fields:
        value = entry.serializable_value(name)  # a foreign key's id, not its object
        values[name] = value if isinstance(value, bool | int | str | None) else str(value)
    return values


def write_entry(
    entry: Entry,
    *,
    trainee: User,
    author: User,
    key_results: "BaseInlineFormSet[KeyResult, Goal, KeyResultForm] | None" = None,
) -> Entry:
    """Save a new entry (and a goal's key results) on `trainee`'s record, and tell them."""
    with transaction.atomic():
        entry.trainee, entry.author = trainee, author
        entry.save()
        if key_results is not None:
            assert isinstance(entry, Goal), "key results belong to a goal"
            key_results.instance = entry
            key_results.save()
        events.entry_written(entry)
    return entry


def save_edit(form: ModelForm[Entry], *, editor: User) -> Entry:
    """Save an edited entry and keep what it said before."""
    with transaction.atomic():
        before = Entry.objects.get(pk=form.instance.pk)
        previous = snapshot(before)
        entry = form.save()
        if snapshot(entry) != previous:
            EntryRevision.objects.create(entry=entry, edited_by=editor, previous=previous)
        if isinstance(entry, OneOnOne) and entry.meets_at != getattr(before, "meets_at", None):
            one_on_one_moved(entry, by=editor)  # the updated invite
    return entry


def reply(entry: Entry, *, author: User, text: str) -> Reply:
    return Reply.objects.create(entry=entry, author=author, text=text)


def cheer_refusal(author: User, entry: Entry) -> str | None:
    """Why `author` may not cheer `entry`, or None if they may: colleagues cheer a
    recognition; the people named in it do not."""
    if not isinstance(entry, Recognition):
        return _("Only recognition can be cheered.")
    if author.pk in (entry.trainee_id, entry.author_id):
        return _("Cheers come from colleagues, not from the people named in it.")
    return None


CHEERED, MAY_CHEER = "cheered", "may_cheer"


def cheer_state(author: User, entry: Entry) -> str | None:
    """Whether `author` cheered `entry` already (CHEERED), may cheer it (MAY_CHEER), or
    neither (None: it is not recognition, or they are named in it). Reads the entry's
    prefetched cheers, so a page of recognition asks nothing more."""
    if cheer_refusal(author, entry) is not None:
        return None
    assert isinstance(entry, Recognition)
    if any(given.author_id == author.pk for given in entry.cheers.all()):
        return CHEERED
    return MAY_CHEER


def cheer(recognition: Entry, *, author: User, message: str = "") -> bool:
    """Join in a recognition once; a second cheer from the same person changes nothing."""
    if refusal := cheer_refusal(author, recognition):
        raise RecordError(refusal)
    assert isinstance(recognition, Recognition)  # cheer_refusal refuses anything else
    try:
        with transaction.atomic():
            Cheer.objects.create(recognition=recognition, author=author, message=message)
    except IntegrityError:
        return False
    return True


def check_in_on_goal(
    goal: Goal,
    *,
    author: User,
    status: str,
    confidence: int,
    comment: str,
    values: Mapping[int, Decimal | bool],
) -> GoalCheckIn:
    """Update the goal's key results (`values`: key result id -> number or done) and keep
    the check-in, with the results as they stand after it."""
    with transaction.atomic():
        results = []
        for result in goal.key_results.select_for_update():
            if result.pk in values:
                if result.is_binary:
                    result.done = bool(values[result.pk])
                else:
                    result.current_value = values[result.pk]
                result.save(update_fields=["done", "current_value"])
            results.append(
                {
                    "id": result.pk,
                    "title": result.title,
                    "value": str(result.current_value),
                    "done": result.done,
                }
            )
        check_in = GoalCheckIn.objects.create(
            goal=goal,
            author=author,
            status=status,
            confidence=confidence,
            comment=comment,
            results=results,
        )
        set_goal_status(goal, status)
        events.goal_checked_in(goal)
    return check_in


def set_goal_status(goal: Goal, status: str) -> None:
    achieved = status == GoalStatus.DONE and goal.status != GoalStatus.DONE
    goal.status = status
    goal.achieved_at = timezone.now() if status == GoalStatus.DONE else None
    goal.save(update_fields=["status", "achieved_at", "updated_at"])
    if achieved:
        write_milestone(goal.trainee_id, MilestoneKind.GOAL_ACHIEVED, goal.title, f"goal:{goal.pk}")


def open_action_items(trainee: User) -> QuerySet[ActionItem]:
    """Action items from any 1:1 of this person not done yet: they carry over."""
    return ActionItem.objects.filter(meeting__trainee=trainee, done_at__isnull=True).select_related(
        "owner", "meeting"
    )


def mark_done(item: OwnedAction) -> None:
    """Mark a 1:1 action item or review follow-up done, once."""
    type(item)._default_manager.filter(pk=item.pk, done_at__isnull=True).update(
        done_at=timezone.now()
    )


def write_milestone(
    trainee_id: int,
    kind: str,
    subject: str,
    key: str,
    translations: Mapping[str, str] | None = None,
) -> None:
    """Write a milestone once per event, however often the event is reported (a racing
    request's insert fails on the unique key; get_or_create then reads its row).
    `subject`: what it is about as published; `translations`: that in other languages
    ({language code: words}), for each reader to read it in theirs."""
    about = {"subject": subject, "translations": wordings(subject=dict(translations or {}))}
    Milestone.objects.get_or_create(
        trainee_id=trainee_id,
        key=f"{trainee_id}:{kind}:{key}",
        defaults={
            "milestone_kind": kind,
            "title": milestone_heading(kind, subject)[:255],
            "about": about,
        },
    )
