"""The coach's view of their new hires: one annotated row each, counted by the database."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeAlias, TypedDict, cast

from django.db.models import (
    Aggregate,
    Case,
    Exists,
    F,
    Model,
    OrderBy,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from coaching.common.percent import percent_of
from coaching.learning.models import Assignment
from coaching.people.models import TraineeProfile
from lessons.i18n import in_reader_language, localized_field
from lessons.models import BusinessUnit

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class Overview(TypedDict):
    """What `trainee_overview` annotates on each new hire's profile."""

    unit_name: str | None  # their business unit's, in the reader's language
    steps_total: int
    steps_done: int
    overdue_steps: int
    waiting_count: int
    last_activity: datetime | None
    next_due: date | None
    percent: int


class PathProgress(TypedDict):
    """One current path of a new hire, as `attach_paths` lists it."""

    trainee_id: int
    percent: int
    title: str


class OverviewWithPaths(Overview):
    paths: list[PathProgress]


OverviewRow: TypeAlias = "WithAnnotations[TraineeProfile, Overview]"

SORTS: dict[str, list[str | OrderBy]] = {
    "name": ["user__first_name", "user__last_name"],
    "progress": ["percent", "user__first_name"],
    "-progress": ["-percent", "user__first_name"],
    "overdue": ["-overdue_steps", "user__first_name"],
    "waiting": ["-waiting_count", "user__first_name"],
    "activity": [F("last_activity").desc(nulls_last=True), "user__first_name"],
    "due": [F("next_due").asc(nulls_last=True), "user__first_name"],
}


def per_trainee(
    queryset: QuerySet[Model], aggregate: Aggregate, trainee_field: str = "trainee"
) -> Subquery:
    """A correlated subquery: `aggregate` over `queryset` for the row's new hire."""
    return Subquery(
        queryset.filter(**{trainee_field: OuterRef("user_id")})
        .order_by()
        .values(trainee_field)
        .annotate(value=aggregate)
        .values("value")[:1]
    )


def trainee_overview(
    profiles: QuerySet[TraineeProfile], today: date | None = None
) -> QuerySet[OverviewRow]:
    """Annotate new hires' profiles with progress across their paths, overdue steps,
    last activity and next due date."""
    today = today or timezone.localdate()
    overdue = Assignment.objects.overdue(today)
    zero = Value(0)
    # The figures are each new hire's stored ones (TraineeFigures, coaching/learning/
    # stored.py), not counted from assignments and progress rows; only the overdue steps,
    # which depend on today, are summed over the overdue assignments (of new hires with
    # a path due before today: the stored next due date says which).
    figures = "user__learning_figures__"
    steps_left = F("version__step_count") - F("steps_done")
    return (
        profiles.select_related("user")
        .annotate(
            unit_name=localized_field(BusinessUnit, via="business_unit__"),
            steps_total=Coalesce(F(f"{figures}steps_total"), zero),
            steps_done=Coalesce(F(f"{figures}steps_done"), zero),
            waiting_count=Coalesce(F(f"{figures}waiting_count"), zero),
            last_activity=F(f"{figures}last_activity_at"),
            next_due=F(f"{figures}next_due"),
            overdue_steps=Case(
                When(
                    **{f"{figures}next_due__lt": today},
                    then=Coalesce(per_trainee(overdue, Sum(steps_left)), zero),
                ),
                default=zero,
            ),
        )
        .annotate(percent=percent_of("steps_done", "steps_total", empty=0))
    )


def attach_paths(
    rows: Iterable[OverviewRow],
) -> list["WithAnnotations[TraineeProfile, OverviewWithPaths]"]:
    """Give each overview row `paths`: its current assignments' titles and percentages,
    in one light query (values, not model instances) for the whole page of rows."""
    # Each row gets its `paths` here, before the template reads them.
    with_paths = [cast("WithAnnotations[TraineeProfile, OverviewWithPaths]", row) for row in rows]
    by_trainee = {row.user_id: row for row in with_paths}
    for row in with_paths:
        row.paths = []
    paths = (
        Assignment.objects.current()
        .filter(trainee_id__in=by_trainee)
        .with_progress()
        .order_by("due_on", "pk")
        .values(
            "trainee_id",
            "percent",
            title=F("version__title"),
            translations=F("version__translations"),
        )
    )
    for path in paths:
        path["title"] = in_reader_language(path.pop("translations"), "title", path["title"])
        # values() with an expression (the title) types its rows as dict[str, Any].
        by_trainee[path["trainee_id"]].paths.append(cast(PathProgress, path))
    return with_paths


def filter_overview(
    rows: QuerySet[OverviewRow],
    *,
    unit: int | None = None,  # a business unit's id
    path: int | None = None,  # a learning path's id
    overdue_only: bool = False,
) -> QuerySet[OverviewRow]:
    if unit:
        rows = rows.filter(business_unit=unit)
    if path:
        assigned = Assignment.objects.current().filter(trainee=OuterRef("user_id"), path=path)
        rows = rows.filter(Exists(assigned))
    if overdue_only:
        rows = rows.filter(overdue_steps__gt=0)
    return rows
