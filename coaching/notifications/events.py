"""Notifications written when something happens, and cleared when the work they ask for
is done. Each names its event in `key`, so it is written once however often the code that
calls it runs."""

from collections.abc import Iterable
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone

from coaching.calendars.ical import check_in_key, one_on_one_key
from coaching.calendars.invites import check_in_invite, one_on_one_invite
from coaching.calendars.models import next_sequence
from coaching.common.names import display_name
from coaching.common.titles import titles
from coaching.common.types import User
from coaching.learning.models import Assignment, StepProgress
from coaching.notifications.inbox import clear, mark_read
from coaching.notifications.models import Notification, NotificationKind
from coaching.people.models import CoachRelationship
from coaching.record.models import Entry, Feedback, Goal, OneOnOne, Recognition
from coaching.webhooks import events as webhooks
from lessons.i18n import translated_names, wordings
from lessons.models import PathVersion, PathVersionStep

from .sending import Notice, notify


def path_completed(assignment: Assignment, trainee: User) -> None:
    """The new hire finished the path: its overdue notices have nothing left to ask, and
    are read now (one UPDATE). Webhooks hear of it."""
    webhooks.path_completed(assignment, trainee)
    mark_read(
        trainee,
        Notification.objects.filter(
            kind=NotificationKind.OVERDUE, key__startswith=f"overdue:{assignment.pk}:"
        ),
    )


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def paths_assigned(
    assignments: Iterable[Assignment], *, version: PathVersion, assigned_by: User | None
) -> None:
    """Tell each new hire about the path they were just given (new assignments only),
    and webhooks."""
    assignments = list(assignments)
    webhooks.paths_assigned(assignments, version)
    kept = titles(version)
    notify(
        Notice(
            recipient_id=assignment.trainee_id,
            kind=NotificationKind.ASSIGNED,
            key=f"assignment:{assignment.pk}",
            params={
                **kept,
                "assigner": display_name(assigned_by),
                "due_on": _iso(assignment.due_on),
            },
            url=reverse("coaching:assignment", args=[assignment.pk]),
        )
        for assignment in assignments
    )


def task_submitted(progress: StepProgress, assignment: Assignment, step: PathVersionStep) -> None:
    """Tell the new hire's coaches that a practical task waits for their sign-off. Called
    once per submission (the caller makes sure), so each submission is its own event."""
    submitted_at = timezone.now().isoformat()
    webhooks.task_submitted(assignment, step, submitted_at)
    trainee = assignment.trainee
    coach_ids = (
        CoachRelationship.objects.active()
        .filter(trainee=trainee)
        .values_list("coach_id", flat=True)
    )
    anchor = f"#step-{assignment.pk}-{step.position + 1}"
    url = reverse("coaching:trainee", args=[trainee.pk]) + anchor
    notify(
        Notice(
            recipient_id=coach_id,
            kind=NotificationKind.SIGN_OFF,
            key=f"sign-off:{progress.pk}:{submitted_at}",
            params={"trainee": display_name(trainee), **titles(assignment.version, step)},
            url=url,
        )
        for coach_id in set(coach_ids)
    )


def task_reviewed(
    assignment: Assignment,
    step: PathVersionStep,
    progress_id: int,
    *,
    coach: User,
    comment: str,
    signed_off: bool,
) -> None:
    """A coach signed off a practical task, or sent it back (its StepProgress row, by id):
    its "waits for your sign-off" notifications are read for every coach of the new hire,
    and the new hire is told, and webhooks."""
    webhooks.task_reviewed(assignment, step, coach=coach, signed_off=signed_off)
    # Among the notifications of the new hire's coaches (by the recipient's index), those
    # of any submission of this task.
    coaches = CoachRelationship.objects.filter(trainee_id=assignment.trainee_id).values("coach")
    clear(
        Notification.objects.filter(
            recipient__in=coaches,
            kind=NotificationKind.SIGN_OFF,
            key__startswith=f"sign-off:{progress_id}:",
        )
    )
    if signed_off:  # once: a task is signed off once
        kind, key = NotificationKind.TASK_SIGNED_OFF, f"signed-off:{progress_id}"
    else:  # each time it is sent back
        kind = NotificationKind.TASK_SENT_BACK
        key = f"sent-back:{progress_id}:{timezone.now().isoformat()}"
    notice = _step_notice(assignment, step, kind, key, coach=display_name(coach), comment=comment)
    notify([notice])


def checkin_planned(
    assignment: Assignment,
    step: PathVersionStep,
    *,
    coach: User,
    when: datetime,
    progress_id: int,
    moved: bool = False,
) -> None:
    """Tell the new hire of the check-in step their coach planned (again, if moved), with
    its calendar invite (updated, when moved)."""
    key = f"check-in:{assignment.pk}:{step.pk}:{when.isoformat()}"
    sequence = next_sequence(check_in_key(progress_id))
    notice = _step_notice(
        assignment,
        step,
        NotificationKind.ONE_ON_ONE_MOVED if moved else NotificationKind.ONE_ON_ONE_PLANNED,
        key,
        author=display_name(coach),
        meets_at=when.isoformat(),
        calendar=check_in_invite(
            progress_id,
            trainee_id=assignment.trainee_id,
            coach_id=coach.pk,
            when=when,
            sequence=sequence,
        ),
    )
    notify([notice])


def goal_checked_in(goal: Goal) -> None:
    """A goal was checked in on: its "time for a check-in" reminders are read."""
    url = reverse("coaching:goal_check_in", args=[goal.pk])
    reminders = Notification.objects.filter(recipient_id=goal.trainee_id, url=url)
    clear(reminders.filter(kind=NotificationKind.GOAL_CHECK_IN))


def _step_notice(
    assignment: Assignment, step: PathVersionStep, kind: str, key: str, **params: object
) -> Notice:
    """A notice to the new hire about one of their steps, linking to it."""
    return Notice(
        recipient_id=assignment.trainee_id,
        kind=kind,
        key=key,
        params={**titles(assignment.version, step), **params},
        url=reverse("coaching:step", args=[assignment.pk, step.position + 1]),
    )


def attempts_granted(
    assignment: Assignment, step: PathVersionStep, *, attempts: int, by: User
) -> None:
    """Tell the new hire they may take a step's check again. Each grant is its own event."""
    key = f"attempts:{assignment.pk}:{step.pk}:{timezone.now().isoformat()}"
    notice = _step_notice(
        assignment,
        step,
        NotificationKind.ATTEMPTS_GRANTED,
        key,
        attempts=attempts,
        coach=display_name(by),
    )
    notify([notice])


def step_waived(assignment: Assignment, step: PathVersionStep, *, reason: str, by: User) -> None:
    """Tell the new hire a step of theirs was waived, and why (a step is waived once)."""
    key = f"waived:{assignment.pk}:{step.pk}"
    notice = _step_notice(
        assignment, step, NotificationKind.STEP_WAIVED, key, reason=reason, coach=display_name(by)
    )
    notify([notice])


def asked_to_read_again(
    progress_rows: Iterable[StepProgress], asked_at: datetime, **params: object
) -> None:
    """Tell each new hire that a module step they completed is to be read again: it changed
    (`note`), or their coach asks (`coach`, `message`). The rows come with their
    assignment's version and their step (select_related)."""
    notify(
        _step_notice(
            progress.assignment,
            progress.step,
            NotificationKind.READ_AGAIN,
            f"read_again:{progress.pk}:{asked_at.isoformat()}",
            **params,
        )
        for progress in progress_rows
    )


def entry_written(entry: Entry) -> None:
    """Tell a person about feedback or recognition written on their record by someone else,
    and the people of a 1:1 that someone else planned it."""
    if isinstance(entry, OneOnOne):
        _one_on_one_planned(entry)
        return
    if isinstance(entry, Recognition):
        webhooks.recognition_given(entry)  # public recognition only
    if entry.author_id == entry.trainee_id:
        return
    params: dict[str, object] = {"author": display_name(entry.author)}
    if isinstance(entry, Feedback):
        kind = NotificationKind.FEEDBACK
    elif isinstance(entry, Recognition):
        kind = NotificationKind.RECOGNITION
        params["value"] = entry.value.name
        if translated := wordings(value=translated_names(entry.value)):
            params["translations"] = translated
    else:
        return
    notify(
        [
            Notice(
                recipient_id=entry.trainee_id,
                kind=kind,
                key=f"entry:{entry.pk}",
                params=params,
                url=reverse("coaching:entry", args=[entry.pk]),
            )
        ]
    )


def _one_on_one_planned(meeting: OneOnOne) -> None:
    """The new hire, or the coach, is told of a 1:1 the other one planned with them."""
    sequence = next_sequence(one_on_one_key(meeting.pk))
    params = {
        "author": display_name(meeting.author),
        "meets_at": meeting.meets_at.isoformat(),
        "calendar": one_on_one_invite(meeting, sequence=sequence),
    }
    notify(
        Notice(
            recipient_id=person_id,
            kind=NotificationKind.ONE_ON_ONE_PLANNED,
            key=f"entry:{meeting.pk}",
            params=params,
            url=reverse("coaching:entry", args=[meeting.pk]),
        )
        for person_id in sorted(meeting.people_ids() - {meeting.author_id})
    )
