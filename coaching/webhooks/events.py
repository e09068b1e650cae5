"""What each event's payload says (docs/webhooks.md), and when it is sent: called where
the site's own notifications are written (coaching.notifications.events), so every way a
thing happens (a page, the admin, an import, a rule) sends it. Payloads carry ids, names
and dates, never the text of a private record; public recognition is public already."""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coaching.common.names import display_name
from coaching.common.types import User
from coaching.learning.models import Assignment, AssignmentStatus
from coaching.record.models import Recognition
from coaching.webhooks.models import WebhookEvent
from coaching.webhooks.sending import emit, emit_each, heard, slack_escaped
from lessons.models import PathVersion, PathVersionStep


def person(user: User | None) -> dict[str, Any] | None:
    """Who: their id, username and name (None for someone erased)."""
    if user is None:
        return None
    return {"id": user.pk, "username": user.get_username(), "name": display_name(user)}


def path(version: PathVersion) -> dict[str, Any]:
    return {
        "id": version.path_id,
        "version": version.number,
        "title": version.title,
    }


def _assignment(assignment: Assignment, version: PathVersion) -> dict[str, Any]:
    return {
        "id": assignment.pk,
        "person": person(assignment.trainee),
        "path": path(version),
        "status": assignment.status,
        "due_on": assignment.due_on.isoformat() if assignment.due_on else None,
    }


def _step(step: PathVersionStep) -> dict[str, Any]:
    return {
        "key": str(step.key),
        "number": step.position + 1,
        "kind": step.kind,
        "title": step.title,
    }


def paths_assigned(assignments: Iterable[Assignment], version: PathVersion) -> None:
    """One INSERT for everyone given the path at once (only if someone listens)."""
    emit_each(
        WebhookEvent.PATH_ASSIGNED,
        [(partial(_assignment, assignment, version), None) for assignment in assignments],
    )


def step_completed(
    assignment: Assignment, step: PathVersionStep, completed_at: Any, *, waived: bool
) -> None:
    """A step done, or waived by the coach (`waived`: it counts as done)."""
    emit(
        WebhookEvent.STEP_COMPLETED,
        lambda: {
            "assignment": _assignment(assignment, assignment.version),
            "step": _step(step),
            "completed_at": completed_at.isoformat(),
            "waived": waived,
        },
    )


def task_submitted(assignment: Assignment, step: PathVersionStep, submitted_at: str) -> None:
    emit(
        WebhookEvent.TASK_SUBMITTED,
        lambda: {
            "assignment": _assignment(assignment, assignment.version),
            "step": _step(step),
            "submitted_at": submitted_at,
        },
    )


def task_reviewed(
    assignment: Assignment, step: PathVersionStep, *, coach: User, signed_off: bool
) -> None:
    emit(
        WebhookEvent.TASK_SIGNED_OFF if signed_off else WebhookEvent.TASK_SENT_BACK,
        lambda: {
            "assignment": _assignment(assignment, assignment.version),
            "step": _step(step),
            "by": person(coach),
        },
    )


def path_completed(assignment: Assignment, trainee: User) -> None:
    version = assignment.version
    completed_at = timezone.now()
    emit(
        WebhookEvent.PATH_COMPLETED,
        lambda: {
            **_assignment(assignment, version),
            "status": AssignmentStatus.COMPLETED,
            "completed_at": completed_at.isoformat(),
        },
        slack=lambda: (
            _("%(person)s completed “%(path)s”. 🎓")
            % {"person": display_name(trainee), "path": version.title}
        ),
    )


def path_overdue(assignment: Assignment) -> None:
    """Called by the reminder sweep once per assignment and due date, as it reminds the
    new hire (the assignment with its version)."""
    emit(WebhookEvent.PATH_OVERDUE, partial(_assignment, assignment, assignment.version))


def recognition_given(recognition: Recognition) -> None:
    """Public recognition only: private recognition stays on the person's record."""
    if not recognition.is_public:
        return
    emit(
        WebhookEvent.RECOGNITION_GIVEN,
        lambda: {
            "id": recognition.pk,
            "from": person(recognition.author),
            "to": person(recognition.trainee),
            "value": recognition.value.name,
            "message": recognition.message,
            "given_at": recognition.created_at.isoformat(),
        },
        slack=lambda: (
            _("%(author)s recognised %(person)s for “%(value)s”: %(message)s")
            % {
                "author": slack_escaped(display_name(recognition.author)),
                "person": slack_escaped(display_name(recognition.trainee)),
                "value": slack_escaped(recognition.value.name),
                "message": slack_escaped(recognition.message),
            }
        ),
    )


def profile_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """post_save of TraineeProfile (CoachingConfig.ready): a new hire was added, by HR, an
    import, the identity provider (SCIM) or the admin."""
    if not created or kwargs.get("raw"):
        return
    emit(
        WebhookEvent.PERSON_CREATED,
        lambda: {
            "person": person(instance.user),
            "unit": instance.business_unit.slug if instance.business_unit_id else None,
            "job_title": instance.job_title,
            "start_date": instance.start_date.isoformat() if instance.start_date else None,
        },
        slack=lambda: _welcome(instance),
    )


def _welcome(profile: Any) -> str:
    name = slack_escaped(display_name(profile.user))
    if profile.start_date is None:
        return _("Welcome to %(person)s, who joins us.") % {"person": name}
    return _("Welcome to %(person)s, who joins on %(day)s.") % {
        "person": name,
        "day": date_format(profile.start_date),
    }


def user_saving(sender: Any, instance: Any, **kwargs: Any) -> None:
    """pre_save of the user model (CoachingConfig.ready): an account turned inactive, by
    the admin, HR or the identity provider. Asks the database only when someone hears of
    it and the save can change `is_active` (a sign-in's `last_login` cannot)."""
    fields = kwargs.get("update_fields")
    if kwargs.get("raw") or instance.pk is None or instance.is_active:
        return
    if fields is not None and "is_active" not in fields:
        return
    if not heard(WebhookEvent.PERSON_DEACTIVATED):
        return
    if type(instance)._default_manager.filter(pk=instance.pk, is_active=True).exists():
        emit(WebhookEvent.PERSON_DEACTIVATED, lambda: {"person": person(instance)})
