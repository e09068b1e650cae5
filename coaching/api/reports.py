"""/reports and /me: the completion report's figures, counted as its admin page counts
them and for the same people (`report_scope`); and who the token acts for, with their
own development record for a token that may read it."""

from datetime import date
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from coaching.api.auth import require
from coaching.api.errors import PROBLEMS, Invalid
from coaching.api.models import Scope, TokenScopes
from coaching.api.schemas import CompletionRow, Id, Me
from coaching.common.names import display_name
from coaching.record.export import record_as_data
from coaching.reports.completion import completion
from coaching.reports.filters import ReportFilters
from coaching.reports.scope import report_scope
from lessons.models import BusinessUnit, LearningPath

router = Router(tags=["reports"])
me = Router(tags=["me"])


class CompletionQuery(Schema):
    by: Literal["path", "unit", "coach", "cohort"] = "path"
    unit_id: Id | None = None
    path_id: Id | None = None


@router.get(
    "/completion", response={200: list[CompletionRow], **PROBLEMS}, summary="Completion figures"
)
def completion_figures(request: HttpRequest, query: Query[CompletionQuery]) -> Any:
    """One row per path (or unit, coach, start-date cohort): assigned, in progress, on
    track, overdue, completed, the completion rate and the median days to complete."""
    require(request, Scope.READ_REPORTS)
    scope = report_scope(request.user)
    if scope is None:
        raise PermissionDenied(_("Only HR, L&D and coaches can read reports."))
    unit = path = None
    if query.unit_id is not None:
        unit = BusinessUnit.objects.originals().filter(pk=query.unit_id).first()
        if unit is None:
            raise Invalid({"unit_id": [_("No business unit has this id.")]}, where=("query",))
    if query.path_id is not None:
        path = LearningPath.objects.assignable().filter(pk=query.path_id).first()
        if path is None:
            raise Invalid(
                {"path_id": [_("No published learning path has this id.")]}, where=("query",)
            )
    rows = completion(scope, ReportFilters(unit=unit, path=path), by=query.by)
    return [{**row, "key": _key(row["group_key"]), "label": str(row["label"])} for row in rows]


def _key(group: Any) -> str | int | None:
    """A group's id as JSON holds it: a cohort's is its month's first day, ISO."""
    return group.isoformat() if isinstance(group, date) else group


@me.get("/", response={200: Me, **PROBLEMS}, summary="Who the token acts for")
def whoami(request: HttpRequest) -> Any:
    held: TokenScopes = request.auth  # type: ignore[attr-defined]
    person = request.user
    return {
        "id": person.pk,
        "name": display_name(person),  # type: ignore[arg-type]
        "email": getattr(person, person.get_email_field_name(), "") or "",  # type: ignore[union-attr]
        "scopes": sorted(held.scopes),
    }


@me.get("/record", response={200: dict[str, Any], **PROBLEMS}, summary="My own record")
def own_record(request: HttpRequest) -> Any:
    """The token owner's own development record and learning, as their personal data
    export holds it (Your record, Export): nobody else's. Only through a token its owner
    made: one HR made for someone (HR sees the key) reads nothing, so a person's record
    never leaves through HR's hands unlogged (HR answers requests with the logged export)."""
    held = require(request, Scope.READ_OWN_RECORD)
    if held.created_by_id != request.user.pk:
        raise PermissionDenied(_("Only a token its owner made can read their own record."))
    return record_as_data(request.user)  # type: ignore[arg-type]
