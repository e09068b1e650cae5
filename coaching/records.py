"""What people do on a development record: write, edit (keeping history), reply, cheer,
check in on goals, keep 1:1s, and what the system writes (milestones).

Who may do what is decided here and in `coaching.access`; views only ask.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.access import is_hr
from coaching.models import (
    ActionItem,
    AgendaItem,
    Cheer,
    CoachRelationship,
    Entry,
    EntryRevision,
    GoalCheckIn,
    GoalStatus,
    Milestone,
    MilestoneKind,
    Recognition,
    RecordErasure,
    Reply,
    ReviewAction,
)
from coaching.names import display_name
from coaching.notifications import events, inbox

User = get_user_model()


class RecordError(Exception):
    """A record action that is not allowed now, with a message for the person asking."""


# Who may read a whole record, and who writes what on it.


def coaches(user, trainee):
    return CoachRelationship.objects.active().filter(coach=user, trainee=trainee).exists()


@dataclass(frozen=True)
class RecordRole:
    """How a person stands to a record, worked out once per request: as its owner, as one
    of the owner's coaches or HR, or neither."""

    is_self: bool
    is_coach: bool  # a coach of the owner, or HR; never the owner themself

    @property
    def keeper(self):
        """The new hire, their coaches and HR: the people who read the whole record."""
        return self.is_self or self.is_coach


def role_on(user, trainee):
    is_self = user == trainee
    return RecordRole(is_self, not is_self and (is_hr(user) or coaches(user, trainee)))


def record_owner_or_404(user, person_id):
    """The person whose record `user` asks for, and `user`'s role on it; 404 unless they
    keep it."""
    person = get_object_or_404(User, pk=person_id, is_active=True)
    role = role_on(user, person)
    if not role.keeper:
        raise Http404
    return person, role


def entry_and_role_or_404(user, entry_id):
    """An entry `user` may read (on a record they keep, written by them, or public), with
    their role on its record."""
    entry = get_object_or_404(Entry.objects.select_related("trainee", "author"), pk=entry_id)
    role = role_on(user, entry.trainee)
    if not (entry.is_public or entry.author_id == user.pk or role.keeper):
        raise Http404
    return entry, role


def entry_or_404(user, entry_id):
    return entry_and_role_or_404(user, entry_id)[0]


def editable_entry_or_404(user, entry_id):
    """Only the author edits an entry; to anyone else it is not there to edit."""
    entry = entry_or_404(user, entry_id)
    if entry.author_id != user.pk or not entry.editable_fields:
        raise Http404
    return entry


# Writing and editing.


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


# Written by the system.


def write_milestone(trainee_id, kind, title, key):
    """Write a milestone once per event, however often the event is reported (a racing
    request's insert fails on the unique key; get_or_create then reads its row)."""
    Milestone.objects.get_or_create(
        trainee_id=trainee_id,
        key=f"{trainee_id}:{kind}:{key}",
        defaults={"milestone_kind": kind, "title": title[:255]},
    )


# Recognition by value, for the record page.


def recognition_by_value(trainee):
    return (
        Recognition.objects.non_polymorphic()
        .filter(trainee=trainee)
        .values("value__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "value__name")
    )


# Erasure on request.


def _person_fields():
    """(model, field) for every field of a record that points at a person other than the
    record's owner: what erasure clears (or, where a row means nothing without its person,
    as with a cheer, deletes). Found from the models, so a new field cannot be missed."""
    entry_kinds = [
        model for model in apps.get_app_config("coaching").get_models() if issubclass(model, Entry)
    ]
    parts = (*entry_kinds, Reply, Cheer, AgendaItem, ActionItem, ReviewAction, GoalCheckIn)
    for model in (*parts, EntryRevision):
        for field in model._meta.get_fields(include_parents=False):
            if field.many_to_one and field.related_model is User and field.name != "trainee":
                yield model, field


def erase_record(person, *, erased_by, reason=""):
    """Erase everything on a person's record, including what others wrote about them, and
    log that it happened (not what it said). What they wrote on others' records, and the
    actions they own there, stay without their name."""
    with transaction.atomic():
        _rows, deleted = Entry.objects.non_polymorphic().filter(trainee=person).delete()
        count = deleted.get(Entry._meta.label, 0)
        for model, field in _person_fields():
            rows = model._base_manager.filter(**{field.name: person})
            if field.null:
                rows.update(**{field.name: None})
            else:
                rows.delete()
        inbox.forget(person, stand_in=_("a former colleague"))
        return RecordErasure.objects.create(
            person_id_erased=person.pk,
            person_name=display_name(person),
            erased_by=erased_by,
            entries_erased=count,
            reason=reason,
        )
