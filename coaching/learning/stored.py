"""Figures stored on each assignment so that pages read them instead of counting progress
rows on every request: `Assignment.steps_done`, the steps of its version done.

The code that changes progress writes them in the same transaction as the change, and in
the same conditional UPDATE's turn: `_mark_done` adds one only when it is the call that
made the step done, so a double click or two tabs still count once. A move to a newer
version, which carries some progress over and leaves some behind, recounts. `recount` and
`drift` serve `manage.py check_stored_progress` and the tests.
"""

from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Assignment, ProgressStatus, StepProgress


def counted_done() -> Any:
    """The steps done of the outer assignment's own version, counted from its rows."""
    rows = (
        StepProgress.objects.filter(
            assignment=OuterRef("pk"),
            status=ProgressStatus.DONE,
            step__version=OuterRef("version"),
        )
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def one_more_done(assignment_id: int) -> None:
    """A step of the assignment was just made done, by this call and no other."""
    Assignment.objects.filter(pk=assignment_id).update(steps_done=F("steps_done") + 1)


def recount(assignments: QuerySet[Assignment]) -> int:
    """Write the figures of `assignments` from their progress rows: one UPDATE."""
    return Assignment.objects.filter(pk__in=assignments.values("pk")).update(
        steps_done=counted_done()
    )


def drift(assignments: QuerySet[Assignment] | None = None) -> list[tuple[int, int, int]]:
    """(assignment id, stored, counted) of each assignment whose stored figure is not
    what its rows say: one query."""
    rows = (assignments if assignments is not None else Assignment.objects.all()).annotate(
        counted=counted_done()
    )
    return list(
        rows.filter(~Q(steps_done=F("counted")))
        .order_by("pk")
        .values_list("pk", "steps_done", "counted")
    )
