"""Telling the people of a 1:1 or a check-in that it moved or is called off, each email
with the invite that updates (same UID, higher SEQUENCE) or cancels (METHOD:CANCEL) the
one their calendar has."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.common.names import display_name
from coaching.common.titles import titles
from coaching.common.types import User
from coaching.learning.models import Assignment, ProgressStatus, StepProgress
from coaching.notifications.models import NotificationKind
from coaching.notifications.sending import Notice, notify
from coaching.record.models import OneOnOne, Repeats

from . import ical
from .invites import check_in_invite, one_on_one_invite
from .models import next_sequence


class CancelRefused(Exception):
    """A 1:1 that cannot be cancelled, with the reason for the person asking."""


def _tell(meeting: OneOnOne, kind: str, key: str, url: str, *, by: User, cancelled: bool) -> None:
    sequence = next_sequence(ical.one_on_one_key(meeting.pk))
    params = {
        "author": display_name(by),
        "meets_at": meeting.meets_at.isoformat(),
        "calendar": one_on_one_invite(meeting, sequence=sequence, cancelled=cancelled),
    }
    notify(
        Notice(recipient_id=person_id, kind=kind, key=key, params=params, url=url)
        for person_id in sorted(meeting.people_ids() - {by.pk})
    )


def one_on_one_moved(meeting: OneOnOne, *, by: User) -> None:
    """The 1:1's time changed: the other person gets the updated invite."""
    key = f"entry:{meeting.pk}:moved:{meeting.meets_at.isoformat()}"
    url = reverse("coaching:entry", args=[meeting.pk])
    _tell(meeting, NotificationKind.ONE_ON_ONE_MOVED, key, url, by=by, cancelled=False)


def cancel_refusal(meeting: OneOnOne) -> str | None:
    """Why the 1:1 cannot be cancelled, or None: only one still to come, with nothing
    written on it yet that would be lost."""
    if meeting.meets_at <= timezone.now():
        return _("This 1:1 has taken place; only a 1:1 still to come can be cancelled.")
    if meeting.notes or meeting.actions.exists():
        return _("This 1:1 has notes or action items. Edit its time instead of cancelling it.")
    return None


def cancel_one_on_one(meeting: OneOnOne, *, by: User) -> None:
    """Call off a 1:1 still to come: it leaves the record (with its agenda), a repeating
    series ends with it, and the other person gets the cancellation for their calendar."""
    with transaction.atomic():
        locked = OneOnOne.objects.select_for_update().filter(pk=meeting.pk).first()
        if locked is None:  # cancelled from another tab already
            return
        if refusal := cancel_refusal(locked):
            raise CancelRefused(refusal)
        url = reverse("coaching:record", args=[locked.trainee_id])
        key = f"entry:{locked.pk}:cancelled"
        _tell(locked, NotificationKind.ONE_ON_ONE_CANCELLED, key, url, by=by, cancelled=True)
        if locked.follows_id:  # the sweep would plan it again after the one before
            OneOnOne.objects.filter(pk=locked.follows_id).update(repeats=Repeats.NEVER)
        locked.delete()


def check_ins_cancelled(assignment: Assignment, *, by: User | None) -> None:
    """The path was cancelled: its check-ins still to come are called off, for the new
    hire and the coach who planned them (unless they cancelled it themselves)."""
    planned = StepProgress.objects.filter(
        assignment=assignment,
        status=ProgressStatus.PLANNED,
        scheduled_for__gt=timezone.now(),
    ).select_related("step")
    notices = []
    for progress in planned:
        assert progress.scheduled_for is not None  # the filter asks for one
        sequence = next_sequence(ical.check_in_key(progress.pk))
        params = {
            **titles(assignment.version, progress.step),
            "author": display_name(by),
            "meets_at": progress.scheduled_for.isoformat(),
            "calendar": check_in_invite(
                progress.pk,
                trainee_id=assignment.trainee_id,
                coach_id=progress.reviewed_by_id,
                when=progress.scheduled_for,
                sequence=sequence,
                cancelled=True,
            ),
        }
        # The new hire opens their path; the coach, the new hire's page.
        urls = {assignment.trainee_id: reverse("coaching:assignment", args=[assignment.pk])}
        if progress.reviewed_by_id and progress.reviewed_by_id != assignment.trainee_id:
            urls[progress.reviewed_by_id] = reverse(
                "coaching:trainee", args=[assignment.trainee_id]
            )
        for person_id, url in sorted(urls.items()):
            if by is not None and person_id == by.pk:
                continue
            notices.append(
                Notice(
                    recipient_id=person_id,
                    kind=NotificationKind.ONE_ON_ONE_CANCELLED,
                    key=f"check-in:{progress.pk}:cancelled",
                    params=params,
                    url=url,
                )
            )
    notify(notices)
