"""Assigning learning paths, in bulk, and changing assignments afterwards."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.audit import trail
from coaching.calendars.changes import check_ins_cancelled
from coaching.common.names import name_from
from coaching.common.titles import titles
from coaching.common.types import User
from coaching.learning import stored
from coaching.learning.models import Assignment, AssignmentStatus
from coaching.notifications import events
from coaching.people.models import TraineeProfile
from lessons.models import LearningPath, PathVersion

if TYPE_CHECKING:
    from coaching.automation.models import EnrolmentRule


class AssignmentError(Exception):
    """An assignment that cannot be made or changed, with a message for the person asking."""


@dataclass(frozen=True)
class OlderVersion:
    """Someone who has the path already, on an older version: they can move to the latest
    one, with the due date typed for them."""

    assignment_id: int
    name: str
    due_on: date | None


@dataclass(frozen=True)
class OtherDueDate:
    """Someone who has the path already, on this version and in progress, due on another
    day than the one typed (`due_on` now, `typed` asked)."""

    profile_id: int
    name: str
    due_on: date | None
    typed: date


@dataclass
class AssignResult:
    created: int = 0
    already_assigned: list[str] = field(default_factory=list)  # names, left as they were
    on_older_version: list[OlderVersion] = field(default_factory=list)
    without_start_date: list[str] = field(default_factory=list)
    # On this version already, due on another day: offered the change, or given it.
    other_due_date: list[OtherDueDate] = field(default_factory=list)
    due_date_changed: list[OtherDueDate] = field(default_factory=list)


def assign_path(
    learning_path: LearningPath,
    profiles: QuerySet[TraineeProfile],
    *,
    assigned_by: User | None,
    due_on: date | None = None,
    due_after_start_days: int | None = None,
    change_due_dates: bool = False,
    rule: "EnrolmentRule | None" = None,
) -> AssignResult:
    """Assign the path's current version to every new hire in `profiles` (a queryset).

    People who already have this path are skipped and named in the result (apart, those
    on an older version of it, who can move to this one: `versions`). Those who have it
    on this version, in progress, due on another day than the one typed are named apart
    too (`other_due_date`), so the coach can be offered the change; with
    `change_due_dates` their due date is changed instead (`due_date_changed`), each in
    the audit trail, as `change_due_date` would. An enrolment `rule` that assigns is
    named on each assignment it makes. The rest are inserted together, and
    everything commits whole or not at all. The number of queries does not depend on how
    many people there are.
    """
    version = learning_path.current_version
    if not learning_path.live or version is None:
        raise AssignmentError(_("Only a published learning path can be assigned."))
    now = timezone.now()
    already = Assignment.objects.current().filter(path=learning_path, trainee=OuterRef("user_id"))
    rows = profiles.annotate(
        already=Subquery(already.values("pk")[:1]),
        already_version=Subquery(already.values("version_id")[:1]),
        already_status=Subquery(already.values("status")[:1]),
        already_due=Subquery(already.values("due_on")[:1]),
    ).values_list(
        "pk",
        "user_id",
        "start_date",
        "already",
        "already_version",
        "already_status",
        "already_due",
        "user__first_name",
        "user__last_name",
        "user__username",
    )
    result = AssignResult()
    new, new_due_dates = [], {}
    starting: dict[str, Any] | None = None
    for row in rows:
        profile_id, user_id, start_date, assigned, assigned_version, status, current_due = row[:7]
        name = name_from(*row[7:])
        due = due_on
        if due_after_start_days is not None:
            due = None if start_date is None else start_date + timedelta(days=due_after_start_days)
        if assigned and assigned_version == version.pk:
            if due is None or due == current_due or status != AssignmentStatus.ACTIVE:
                result.already_assigned.append(name)
            elif change_due_dates:
                result.due_date_changed.append(OtherDueDate(profile_id, name, current_due, due))
                new_due_dates[assigned] = due
            else:
                result.other_due_date.append(OtherDueDate(profile_id, name, current_due, due))
            continue
        if due_after_start_days is not None and start_date is None:
            result.without_start_date.append(name)
        if assigned:
            result.on_older_version.append(OlderVersion(assigned, name, due))
        else:
            starting = starting or stored.starting(version)
            new.append(
                Assignment(
                    trainee_id=user_id,
                    path=learning_path,
                    version=version,
                    assigned_by=assigned_by,
                    rule=rule,
                    assigned_at=now,
                    due_on=due,
                    **starting,
                )
            )
    with transaction.atomic():
        Assignment.objects.bulk_create(new)
        if rule is None:
            trail.record_many(new, "coaching.assign", by=assigned_by, **titles(version))
        else:
            trail.record_many(
                new, "coaching.assign_by_rule", by=assigned_by, rule=rule.name, **titles(version)
            )
        events.paths_assigned(new, version=version, assigned_by=assigned_by)
        changed = _change_due_dates(new_due_dates, version=version, by=assigned_by)
        stored.refresh_trainees([*(assignment.trainee_id for assignment in new), *changed])
    result.created = len(new)
    return result


def _change_due_dates(
    due_dates: dict[int, date], *, version: PathVersion, by: User | None
) -> list[int]:
    """Give each assignment (by id) its new due date, if it is still in progress, and
    write each change to the audit trail as `change_due_date` does: a fixed number of
    queries for any number of assignments. Returns the ids of the new hires changed."""
    if not due_dates:
        return []
    changing = list(
        Assignment.objects.select_for_update()
        .filter(pk__in=due_dates, status=AssignmentStatus.ACTIVE)
        .only("pk", "trainee_id", "due_on")
    )
    old = {assignment.pk: assignment.due_on for assignment in changing}
    for assignment in changing:
        assignment.due_on = due_dates[assignment.pk]
    Assignment.objects.bulk_update(changing, ["due_on"])
    trail.record_many(
        changing,
        "coaching.change_due",
        by=by,
        each=lambda assignment: {
            "old": _date_text(old[assignment.pk]),
            "new": _date_text(assignment.due_on),
        },
        **titles(version),
    )
    return [assignment.trainee_id for assignment in changing]


def cancel_assignment(assignment: Assignment, *, by: User | None) -> None:
    """Cancel an assignment in progress. Its progress stays on record."""
    with transaction.atomic():
        updated = Assignment.objects.filter(
            pk=assignment.pk, status=AssignmentStatus.ACTIVE
        ).update(status=AssignmentStatus.CANCELLED, cancelled_at=timezone.now())
        if not updated:
            raise AssignmentError(_("Only an assignment in progress can be cancelled."))
        # Only the fields the update changed: the path's version, already read, stays.
        assignment.refresh_from_db(fields=["status", "cancelled_at"])
        trail.record_on_assignment(assignment, "coaching.cancel", by=by)
        check_ins_cancelled(assignment, by=by)  # their calendars let them go
        stored.refresh_trainees([assignment.trainee_id])


def change_due_date(assignment: Assignment, due_on: date | None, *, by: User | None) -> None:
    if assignment.status != AssignmentStatus.ACTIVE:
        raise AssignmentError(_("Only an assignment in progress can get a new due date."))
    old = assignment.due_on
    if old == due_on:
        return
    with transaction.atomic():
        assignment.due_on = due_on
        assignment.save(update_fields=["due_on"])
        trail.record_on_assignment(
            assignment, "coaching.change_due", by=by, old=_date_text(old), new=_date_text(due_on)
        )
        stored.refresh_trainees([assignment.trainee_id])


def _date_text(day: date | None) -> str:
    """A due date as the trail keeps it: ISO, or "" for none (shown in the reader's words)."""
    return day.isoformat() if day else ""
