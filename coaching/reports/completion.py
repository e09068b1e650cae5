"""Completion of assigned paths, grouped by path, business unit, coach or start-date cohort.

One grouped query counts assigned, in progress, overdue and completed assignments per
group (cancelled ones never count), and on PostgreSQL also takes the median days from
assignment to completion; elsewhere one more query finds the medians
(`aggregates.median_days_by_group`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OrderBy, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from coaching.common.names import name_from
from coaching.common.types import Text
from coaching.learning.models import AssignmentStatus
from coaching.people.models import CoachRelationship
from lessons.i18n import localized_field
from lessons.models import BusinessUnit, LearningPath

from .aggregates import median_days_by_group, median_days_column, median_in_query

UNIT = "trainee__trainee_profile__business_unit"
START = "trainee__trainee_profile__start_date"
COACH = "trainee__coach_relationships__coach"


@dataclass(frozen=True)
class Dimension:
    """One way to group assignments: the group's key, what names it, how to order groups."""

    slug: str
    heading: Text
    key: Callable  # () -> expression of the group key
    label_fields: tuple[str, ...]
    ordering: tuple[str | OrderBy, ...]
    label: Callable  # (row) -> the group's name
    prepare: Callable | None = None  # (assignments, scope) -> assignments joined for the key
    # () -> {name: expression} of what names a group, built in the reader's language
    named: Callable[[], dict[str, Any]] = dict


def _with_active_coaches(assignments, scope):
    """One row per assignment and active coach of its new hire; a coach in scope sees
    only their own row."""
    relationships = CoachRelationship.objects.active()
    if not scope.everyone:
        relationships = relationships.filter(coach=scope.coach)
    return assignments.filter(trainee__coach_relationships__in=relationships)


DIMENSIONS = {
    dimension.slug: dimension
    for dimension in (
        Dimension(
            slug="path",
            heading=_("Learning path"),
            key=lambda: F("path_id"),
            label_fields=(),
            named=lambda: {"path_title": localized_field(LearningPath, "title", via="path__")},
            ordering=("path_title", "group_key"),
            label=lambda row: row["path_title"],
        ),
        Dimension(
            slug="unit",
            heading=_("Business unit"),
            key=lambda: F(UNIT),
            label_fields=(),
            named=lambda: {"unit_name": localized_field(BusinessUnit, via=f"{UNIT}__")},
            ordering=(F("unit_name").asc(nulls_last=True),),
            label=lambda row: row["unit_name"] or _("No business unit"),
        ),
        Dimension(
            slug="coach",
            heading=_("Coach"),
            key=lambda: F(COACH),
            label_fields=(f"{COACH}__first_name", f"{COACH}__last_name", f"{COACH}__username"),
            ordering=(f"{COACH}__first_name", f"{COACH}__last_name", "group_key"),
            label=lambda row: name_from(
                row[f"{COACH}__first_name"],
                row[f"{COACH}__last_name"],
                row[f"{COACH}__username"],
            ),
            prepare=_with_active_coaches,
        ),
        Dimension(
            slug="cohort",
            heading=_("Start-date cohort"),
            key=lambda: TruncMonth(START),
            label_fields=(),
            ordering=(F("group_key").asc(nulls_last=True),),
            label=lambda row: (
                date_format(row["group_key"], "YEAR_MONTH_FORMAT")
                if row["group_key"]
                else _("No start date")
            ),
        ),
    )
}


def percent(part, whole):
    return round(part * 100 / whole) if whole else 0


def completion(scope, filters, by="path", today=None):
    """Rows of completion figures, one per group of `by` (a key of DIMENSIONS)."""
    today = today or timezone.localdate()
    dimension = DIMENSIONS[by]
    assignments = scope.assignments(filters)
    if dimension.prepare:
        assignments = dimension.prepare(assignments, scope)
    active = Q(status=AssignmentStatus.ACTIVE)
    completed = Q(status=AssignmentStatus.COMPLETED, completed_at__isnull=False)
    columns = {
        "assigned": Count("pk", distinct=True),
        "in_progress": Count("pk", filter=active, distinct=True),
        "overdue": Count("pk", filter=active & Q(due_on__lt=today), distinct=True),
        "completed": Count("pk", filter=Q(status=AssignmentStatus.COMPLETED), distinct=True),
    }
    if median_in_query():
        columns["median_days"] = median_days_column(completed)
    rows = list(
        assignments.annotate(group_key=dimension.key())
        .values("group_key", *dimension.label_fields, **dimension.named())
        .annotate(**columns)
        .order_by(*dimension.ordering)
    )
    if not median_in_query():
        medians = median_days_by_group(assignments.filter(completed), dimension.key())
        for row in rows:
            row["median_days"] = medians.get(row["group_key"])
    for row in rows:
        row["label"] = dimension.label(row)
        row["on_track"] = row["in_progress"] - row["overdue"]
        row["completion_rate"] = percent(row["completed"], row["assigned"])
        if row["median_days"] is not None:
            row["median_days"] = round(row["median_days"], 1)
    return rows
