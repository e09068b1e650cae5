"""Erasure on request, in two sizes, each logged (who, which pseudonymous person, when, what
and why; never what was erased):

- `erase_record`: the development record. Every entry on it and what hangs off it, the
  notes and coach's comments on their learning steps, the evidence files attached to their
  practical tasks, the answers to their knowledge checks, their notifications; what they
  wrote on others' records stays without their name.
- `erase_person`: someone who left and asked to be forgotten. The record as above, and
  everything else of theirs: coaching links, profile, preferences, their default 1:1
  agenda, Wagtail's profile, sessions, the free text of the audit trail about them, their
  name wherever a log kept it; the account stays, deactivated and anonymised, holding
  their assignments and completions as anonymous figures for the reports.

`record_parts` and `person_parts` say beforehand what each removes, with counts.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Count, Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coaching.account.languages import forget_language
from coaching.account.models import Preferences
from coaching.audit import trail
from coaching.audit.models import CoachingLogEntry
from coaching.buddies.models import BuddyQuestion
from coaching.common.types import User
from coaching.learning.models import Assignment, CheckAttempt, Evidence, StepProgress
from coaching.notifications import inbox
from coaching.notifications.models import Notification
from coaching.notifications.sending import unread_cache_key
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.record import forgetting
from coaching.record.models import (
    ActionItem,
    AgendaItem,
    AgendaTemplate,
    Cheer,
    Deactivation,
    Entry,
    EntryRevision,
    ErasureScope,
    GoalCheckIn,
    RecordErasure,
    Reply,
    ReviewAction,
)

# Sent inside the erasing transaction, before the account is anonymised, so that a host
# site can forget the person in its own tables (a sign-in throttle's log, say):
# `person` is the user, `identifiers` their username, names and email as they were.
person_erased = Signal()


@dataclass(frozen=True)
class Part:
    """One line of what an erasure does, for the confirmation page."""

    text: str
    count: int
    kept: bool = False  # stays (without a name), rather than being removed


def _person_fields() -> Iterator[tuple[type[models.Model], models.ForeignKey[Any, Any]]]:
    """(model, field) for every field of a record that points at a person other than the
    record's owner: what erasure clears (or, where a row means nothing without its person,
    as with a cheer, deletes). Found from the models, so a new field cannot be missed."""
    entry_kinds: list[type[models.Model]] = [
        model for model in apps.get_app_config("coaching").get_models() if issubclass(model, Entry)
    ]
    user_model = get_user_model()
    record_models: tuple[type[models.Model], ...] = (
        *entry_kinds,
        Reply,
        Cheer,
        AgendaItem,
        ActionItem,
        ReviewAction,
        GoalCheckIn,
        EntryRevision,
    )
    for model in record_models:
        for field in model._meta.get_fields(include_parents=False):
            if (
                isinstance(field, models.ForeignKey)
                and field.many_to_one
                and field.related_model is user_model
                and field.name != "trainee"
            ):
                yield model, field


def _notes(person: User) -> models.QuerySet[StepProgress]:
    return StepProgress.objects.filter(assignment__trainee=person).filter(
        ~Q(note="") | ~Q(coach_comment="")
    )


def _evidence(person: User) -> models.QuerySet[Evidence]:
    return Evidence.objects.filter(progress__assignment__trainee=person)


def _attempts(person: User) -> models.QuerySet[CheckAttempt]:
    return CheckAttempt.objects.filter(assignment__trainee=person)


def _links(person: User) -> models.QuerySet[CoachRelationship]:
    return CoachRelationship.objects.filter(Q(coach=person) | Q(trainee=person))


def _questions(person: User) -> models.QuerySet[BuddyQuestion]:
    """What the person asked their buddy, with the answers: part of their record."""
    return BuddyQuestion.objects.asked_by(person)


def _answers_given(person: User) -> models.QuerySet[BuddyQuestion]:
    """What the person answered as someone's buddy: stays with the new hire who asked."""
    return BuddyQuestion.objects.filter(answered_by=person).exclude(asker=person)


def _buddy_of(person: User) -> models.QuerySet[TraineeProfile]:
    return TraineeProfile.objects.filter(buddy=person)


def _trail_reasons(person: User) -> models.QuerySet[CoachingLogEntry]:
    entries: models.QuerySet[CoachingLogEntry] = CoachingLogEntry.objects.filter(
        trainee_id=person.pk, data__has_key="reason"
    )
    return entries


def already_erased(person: User) -> bool:
    return RecordErasure.objects.people().filter(person_id_erased=person.pk).exists()


def _counted(count: int, text: str, *, kept: bool = False) -> Part:
    return Part(text % {"count": count}, count, kept)


def _shown(parts: list[Part]) -> list[Part]:
    return [part for part in parts if part.count]


def record_parts(person: User) -> list[Part]:
    """What `erase_record` removes, and what it keeps without their name, counted."""
    entries = Entry.objects.filter(trainee=person).count()
    notes = _notes(person).count()
    files = _evidence(person).count()
    attempts = _attempts(person).count()
    notifications = Notification.objects.filter(recipient=person).count()
    # The questions they asked their buddy, and the answers they gave as someone's buddy:
    # one query.
    buddy_counts = BuddyQuestion.objects.filter(Q(asker=person) | Q(answered_by=person)).aggregate(
        asked=Count("pk", filter=Q(asker=person)),
        answered=Count("pk", filter=Q(answered_by=person) & ~Q(asker=person)),
    )
    asked, answered = buddy_counts["asked"], buddy_counts["answered"]
    cheers = Cheer.objects.filter(author=person).exclude(recognition__trainee=person).count()
    elsewhere = (
        Entry.objects.filter(author=person).exclude(trainee=person).count()
        + Reply.objects.filter(author=person).exclude(entry__trainee=person).count()
    )
    return [
        _counted(
            entries,
            ngettext(
                "%(count)s entry on the development record, with its replies, cheers, "
                "agenda, actions, check-ins and edit history",
                "%(count)s entries on the development record, with their replies, cheers, "
                "agendas, actions, check-ins and edit history",
                entries,
            ),
        ),
        *_shown(
            [
                _counted(
                    notes,
                    ngettext(
                        "The notes on %(count)s learning step, from them or their coach (the "
                        "step's status and dates stay)",
                        "The notes on %(count)s learning steps, from them or their coach (the "
                        "steps' status and dates stay)",
                        notes,
                    ),
                ),
                _counted(
                    files,
                    ngettext(
                        "%(count)s evidence file attached to a practical task",
                        "%(count)s evidence files attached to practical tasks",
                        files,
                    ),
                ),
                _counted(
                    attempts,
                    ngettext(
                        "The answers to %(count)s knowledge check attempt (the score stays)",
                        "The answers to %(count)s knowledge check attempts (the scores stay)",
                        attempts,
                    ),
                ),
                _counted(
                    asked,
                    ngettext(
                        "%(count)s question to their buddy, with its answer",
                        "%(count)s questions to their buddy, with their answers",
                        asked,
                    ),
                ),
                _counted(
                    notifications,
                    ngettext(
                        "%(count)s notification of theirs, with its email",
                        "%(count)s notifications of theirs, with their emails",
                        notifications,
                    ),
                ),
                _counted(
                    cheers,
                    ngettext(
                        "%(count)s cheer they gave on someone else's recognition",
                        "%(count)s cheers they gave on others' recognition",
                        cheers,
                    ),
                ),
                _counted(
                    elsewhere,
                    ngettext(
                        "%(count)s entry or reply they wrote on someone else's record stays "
                        "there, without their name",
                        "%(count)s entries and replies they wrote on others' records stay "
                        "there, without their name",
                        elsewhere,
                    ),
                    kept=True,
                ),
                _counted(
                    answered,
                    ngettext(
                        "%(count)s answer they gave as a buddy stays with the new hire who "
                        "asked, without their name",
                        "%(count)s answers they gave as a buddy stay with the new hires who "
                        "asked, without their name",
                        answered,
                    ),
                    kept=True,
                ),
            ]
        ),
    ]


def person_parts(person: User) -> list[Part]:
    """What `erase_person` removes and keeps, counted: the record's parts, and the rest."""
    links = _links(person).count()
    buddy_of = _buddy_of(person).count()
    settings_rows = (
        TraineeProfile.objects.filter(user=person).count()
        + Preferences.objects.filter(user=person).count()
        + AgendaTemplate.objects.filter(owner=person).count()
        + forgetting.wagtail_profiles(person).count()
    )
    sessions = len(forgetting.sessions_of(person))
    reasons = _trail_reasons(person).count()
    assignments = Assignment.objects.filter(trainee=person).count()
    account = _(
        "The account %(username)s is deactivated and renamed %(pseudonym)s, with no name, "
        "email or password"
    ) % {"username": person.get_username(), "pseudonym": forgetting.pseudonym(person)}
    return [
        *record_parts(person),
        *_shown(
            [
                _counted(
                    links,
                    ngettext(
                        "%(count)s coaching link (as coach or new hire)",
                        "%(count)s coaching links (as coach or new hire)",
                        links,
                    ),
                ),
                _counted(
                    buddy_of,
                    ngettext(
                        "Being the buddy of %(count)s new hire",
                        "Being the buddy of %(count)s new hires",
                        buddy_of,
                    ),
                ),
                _counted(
                    settings_rows,
                    ngettext(
                        "Their profile or settings (%(count)s)",
                        "Their profile and settings (%(count)s)",
                        settings_rows,
                    ),
                ),
                _counted(
                    sessions,
                    ngettext("%(count)s sign-in session", "%(count)s sign-in sessions", sessions),
                ),
                _counted(
                    reasons,
                    ngettext(
                        "The reason typed in %(count)s audit trail entry about them (what "
                        "happened stays)",
                        "The reasons typed in %(count)s audit trail entries about them (what "
                        "happened stays)",
                        reasons,
                    ),
                ),
                _counted(
                    assignments,
                    ngettext(
                        "%(count)s assigned path stays, with its steps' status and dates, as "
                        "anonymous figures for the reports",
                        "%(count)s assigned paths stay, with their steps' status and dates, "
                        "as anonymous figures for the reports",
                        assignments,
                    ),
                    kept=True,
                ),
            ]
        ),
        Part(account, 1),
    ]


def _lock(person: User) -> None:
    """Erasures of one person, from two tabs or two sweeps, run one after the other; the
    second sees what the first did."""
    get_user_model().objects.select_for_update().filter(pk=person.pk).values("pk").first()
    person.refresh_from_db()


def _erase_record(person: User) -> int:
    """Erase what is written about and by the person on their record; the entries erased."""
    _rows, deleted = Entry.objects.non_polymorphic().filter(trainee=person).delete()
    for model, field in _person_fields():
        rows = model._base_manager.filter(**{field.name: person})
        if field.null:
            rows.update(**{field.name: None})
        else:
            rows.delete()
    _notes(person).update(note="", coach_comment="")
    _evidence(person).delete()  # their files go once it is committed (delete_stored_file)
    _attempts(person).update(answers={}, results=[])
    _questions(person).delete()
    _answers_given(person).update(answered_by=None)
    inbox.forget(person, stand_in=forgetting.stand_in())
    return deleted.get(Entry._meta.label, 0)


def _nothing_to_erase(person: User) -> bool:
    # What they wrote on others' records counts too: it loses their name (and is then no
    # longer theirs, so a second tab finds nothing).
    return not any(part.count for part in record_parts(person))


def _log(
    person: User, scope: ErasureScope, erased_by: User | None, count: int, reason: str
) -> RecordErasure:
    """The erasure log's row (a pseudonymous id, never the name) and its trail entry."""
    erasure = RecordErasure.objects.create(
        person_id_erased=person.pk,
        scope=scope,
        erased_by=erased_by,
        entries_erased=count,
        reason=reason,
    )
    action = {
        ErasureScope.RECORD: "coaching.erase_record",
        ErasureScope.PERSON: "coaching.erase_person",
    }
    trail.record(erasure, action[scope], by=erased_by, trainee_id=person.pk, reason=reason)
    return erasure


def erase_record(person: User, *, erased_by: User, reason: str = "") -> RecordErasure | None:
    """Erase the person's development record, including what others wrote about them, and
    log that it happened. None if there was nothing left to erase (a second tab)."""
    with transaction.atomic():
        _lock(person)
        if _nothing_to_erase(person):
            return None
        count = _erase_record(person)
        erasure = _log(person, ErasureScope.RECORD, erased_by, count, reason)
    return erasure


def erase_person(person: User, *, erased_by: User | None, reason: str = "") -> RecordErasure | None:
    """Forget someone who left: everything of theirs, everywhere (see the module's doc).
    None if they were erased already (a second tab, a second sweep)."""
    with transaction.atomic():
        _lock(person)
        if already_erased(person):
            return None
        names = forgetting.identifiers(person)
        count = _erase_record(person)
        Assignment.objects.filter(assigned_by=person).update(assigned_by=None)
        StepProgress.objects.filter(reviewed_by=person).update(reviewed_by=None)
        _links(person).delete()
        _buddy_of(person).update(buddy=None, updated_at=timezone.now())
        # Their new hires' open questions wait for the next buddy (coaching.buddies).
        BuddyQuestion.objects.filter(buddy=person).update(buddy=None)
        TraineeProfile.objects.filter(user=person).delete()
        Preferences.objects.filter(user=person).delete()
        AgendaTemplate.objects.filter(owner=person).delete()  # their words, kept for 1:1s
        Deactivation.objects.filter(person=person).delete()
        forgetting.wagtail_profiles(person).delete()
        forgetting.end_sessions(person)
        trail.forget(person.pk)
        forgetting.forget_in_logs(person, names)
        person_erased.send(sender=type(person), person=person, identifiers=names)
        forgetting.anonymise(person)
        erasure = _log(person, ErasureScope.PERSON, erased_by, count, reason)
        transaction.on_commit(lambda: _forget_cached(person))
    return erasure


def _forget_cached(person: User) -> None:
    forget_language(person)
    cache.delete(unread_cache_key(person.pk))
