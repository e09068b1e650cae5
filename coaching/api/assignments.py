"""/assignments and /completions: the paths people have, with the progress stored on
each (steps done, next step), and the steps they completed. A token sees the
assignments its owner may see on the site (`visible_assignments`: HR everyone's, a
coach their new hires'); anyone else's answers 404. Assigning and cancelling need
`write:assignments` and go through `assign_path` and `cancel_assignment`, as the coach
dashboard does."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from coaching.api.auth import require
from coaching.api.errors import PROBLEMS, Conflict, Invalid
from coaching.api.models import Scope
from coaching.api.paging import Paged
from coaching.api.schemas import (
    AssignedOut,
    AssignmentOut,
    AssignmentStatusName,
    CompletionOut,
    Id,
    NewAssignments,
)
from coaching.learning.assigning import AssignmentError, assign_path, cancel_assignment
from coaching.learning.lookups import visible_assignments
from coaching.learning.models import Assignment, AssignmentStatus, StepProgress
from coaching.people.access import can_coach, coached_profiles
from lessons.models import LearningPath

router = Router(tags=["assignments"])
completions = Router(tags=["assignments"])


class AssignmentFilter(Schema):
    updated_since: datetime | None = None
    person_id: Id | None = None
    path_id: Id | None = None
    status: AssignmentStatusName | None = None


class CompletionFilter(Schema):
    updated_since: datetime | None = None
    person_id: Id | None = None
    path_id: Id | None = None


def assignments_seen(user: Any) -> QuerySet[Assignment]:
    return visible_assignments(user).select_related("version", "next_step").order_by("pk")


@router.get("/", response={200: list[AssignmentOut], **PROBLEMS}, summary="List assignments")
@paginate(Paged)
def list_assignments(request: HttpRequest, filters: Query[AssignmentFilter]) -> Any:
    """`updated_since` finds every assignment changed since then: a person's assignments
    are all listed when any of them, or its progress, changed."""
    require(request, Scope.READ_ASSIGNMENTS)
    assignments = assignments_seen(request.user)
    if filters.updated_since is not None:
        assignments = assignments.filter(
            trainee__learning_figures__changed_at__gte=filters.updated_since
        )
    if filters.person_id is not None:
        assignments = assignments.filter(trainee_id=filters.person_id)
    if filters.path_id is not None:
        assignments = assignments.filter(path_id=filters.path_id)
    if filters.status is not None:
        assignments = assignments.filter(status=filters.status)
    return assignments


@router.get(
    "/{assignment_id}", response={200: AssignmentOut, **PROBLEMS}, summary="Read an assignment"
)
def read_assignment(request: HttpRequest, assignment_id: Id) -> Any:
    require(request, Scope.READ_ASSIGNMENTS)
    return get_object_or_404(assignments_seen(request.user), pk=assignment_id)


def require_coach(request: HttpRequest) -> None:
    require(request, Scope.WRITE_ASSIGNMENTS)
    if not can_coach(request.user):  # type: ignore[arg-type]
        raise PermissionDenied(_("Only coaches and HR can assign learning paths."))


@router.post("/", response={201: AssignedOut, **PROBLEMS}, summary="Assign a path")
def assign(request: HttpRequest, payload: NewAssignments) -> Any:
    """Assign a published path's current version to people the token's owner coaches (or
    anyone, for HR). People who have it already are left as they are."""
    require_coach(request)
    if payload.due_on is not None and payload.due_after_start_days is not None:
        raise Invalid({"due_on": [_("Give a due date or days after the start, not both.")]})
    path = LearningPath.objects.assignable().filter(pk=payload.path_id).first()
    if path is None:
        raise Invalid({"path_id": [_("No published learning path has this id.")]})
    wanted = set(payload.person_ids)
    people = coached_profiles(request.user).filter(user_id__in=wanted)  # type: ignore[arg-type]
    unknown = wanted - set(people.values_list("user_id", flat=True))
    if unknown:
        raise Invalid(
            {
                "person_ids": [
                    _("Nobody you can assign to has the id %(ids)s.")
                    % {"ids": ", ".join(str(pk) for pk in sorted(unknown))}
                ]
            }
        )
    try:
        result = assign_path(
            path,
            people,
            assigned_by=request.user,  # type: ignore[arg-type]
            due_on=payload.due_on,
            due_after_start_days=payload.due_after_start_days,
        )
    except AssignmentError as refused:
        raise Invalid({"path_id": [str(refused)]}) from refused
    assignments = (
        assignments_seen(request.user)
        .exclude(status=AssignmentStatus.CANCELLED)
        .filter(path=path, trainee_id__in=wanted)
    )
    return Status(
        201,
        {
            "created": result.created,
            "already_assigned": len(wanted) - result.created,
            "assignments": list(assignments),
        },
    )


@router.post(
    "/{assignment_id}/cancel",
    response={200: AssignmentOut, **PROBLEMS},
    summary="Cancel an assignment",
)
def cancel(request: HttpRequest, assignment_id: Id) -> Any:
    """Cancel an assignment in progress. Its progress stays on record."""
    require_coach(request)
    assignment = get_object_or_404(assignments_seen(request.user), pk=assignment_id)
    try:
        cancel_assignment(assignment, by=request.user)  # type: ignore[arg-type]
    except AssignmentError as refused:
        raise Conflict(str(refused)) from refused
    return get_object_or_404(assignments_seen(request.user), pk=assignment_id)


@completions.get(
    "/", response={200: list[CompletionOut], **PROBLEMS}, summary="List completed steps"
)
@paginate(Paged)
def list_completions(request: HttpRequest, filters: Query[CompletionFilter]) -> Any:
    """Steps done (or waived) on the steps of each assignment's own version."""
    require(request, Scope.READ_ASSIGNMENTS)
    done = (
        StepProgress.objects.done()
        .filter(assignment__in=visible_assignments(request.user))
        .select_related("assignment", "step")
        .order_by("pk")
    )
    if filters.updated_since is not None:
        done = done.filter(updated_at__gte=filters.updated_since)
    if filters.person_id is not None:
        done = done.filter(assignment__trainee_id=filters.person_id)
    if filters.path_id is not None:
        done = done.filter(assignment__path_id=filters.path_id)
    return done
