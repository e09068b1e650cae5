"""What people do on a development record: write, edit (keeping history), reply, cheer,
check in on goals, keep 1:1s, and what the system writes (milestones).

Who may do what is decided in `coaching.record.roles`; views only ask.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.notifications import events
from coaching.record.models import (
    ActionItem,
    Cheer,
    Entry,
    EntryRevision,
    GoalCheckIn,
    GoalStatus,
    Milestone,
    MilestoneKind,
    Recognition,
    Reply,
)


class RecordError(Exception):
    """A record action that is not allowed now, with a message for the person asking."""


def snapshot(entry):
    """The entry's editable fields as JSON, for its history."""
    values = {}
    for name in entry.editable_fields:
        field = entry._meta.get_field(name)
        value = field.value_from_object(entry)
        values[name] = value if isinstance(value, bool | int | str | None) else str(value)
    return values


def write_entry(entry, *, trainee, author, key_results=None):
    """Save a new entry (and a goal's key results) on `trainee`'s record, and tell them."""
    with transaction.atomic():
        entry.trainee, entry.author = trainee, author
        entry.save()
        if key_results is not None:
            key_results.instance = entry
            key_results.save()
        events.entry_written(entry)
    return entry


def save_edit(form, *, editor):
    """Save an edited entry and keep what it said before."""
    with transaction.atomic():
        before = Entry.objects.get(pk=form.instance.pk)
        previous = snapshot(before)
        entry = form.save()
        if snapshot(entry) != previous:
            EntryRevision.objects.create(entry=entry, edited_by=editor, previous=previous)
    return entry


def reply(entry, *, author, text):
    return Reply.objects.create(entry=entry, author=author, text=text)


def cheer(recognition, *, author, message=""):
    """Join in a recognition once; a second cheer from the same person changes nothing."""
    if not isinstance(recognition, Recognition):
        raise RecordError(_("Only recognition can be cheered."))
    if author.pk in (recognition.trainee_id, recognition.author_id):
        raise RecordError(_("Cheers come from colleagues, not from the people named in it."))
    try:
        with transaction.atomic():
            Cheer.objects.create(recognition=recognition, author=author, message=message)
    except IntegrityError:
        return False
    return True


def check_in_on_goal(goal, *, author, status, confidence, comment, values):
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
    return check_in


def set_goal_status(goal, status):
    achieved = status == GoalStatus.DONE and goal.status != GoalStatus.DONE
    goal.status = status
    goal.achieved_at = timezone.now() if status == GoalStatus.DONE else None
    goal.save(update_fields=["status", "achieved_at", "updated_at"])
    if achieved:
        write_milestone(
            goal.trainee_id,
            MilestoneKind.GOAL_ACHIEVED,
            _("Goal achieved: %(goal)s") % {"goal": goal.title},
            f"goal:{goal.pk}",
        )


def open_action_items(trainee):
    """Action items from any 1:1 of this person not done yet: they carry over."""
    return ActionItem.objects.filter(meeting__trainee=trainee, done_at__isnull=True).select_related(
        "owner", "meeting"
    )


def mark_done(item):
    """Mark a 1:1 action item or review follow-up done, once."""
    type(item).objects.filter(pk=item.pk, done_at__isnull=True).update(done_at=timezone.now())


def write_milestone(trainee_id, kind, title, key):
    """Write a milestone once per event, however often the event is reported (a racing
    request's insert fails on the unique key; get_or_create then reads its row)."""
    Milestone.objects.get_or_create(
        trainee_id=trainee_id,
        key=f"{trainee_id}:{kind}:{key}",
        defaults={"milestone_kind": kind, "title": title[:255]},
    )
