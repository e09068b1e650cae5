"""Figures stored on each assignment so that pages read them instead of counting progress
rows on every request: `Assignment.steps_done` (the steps of its version done),
`next_step` (its first step not done) and `minutes_left` (the reading time of the steps
not done).

The code that changes progress writes them in the same transaction as the change: only
the call whose conditional UPDATE made a step done calls `step_done`, so a double click or
two tabs still count once; it locks the assignment first, so the figures it writes read
every step another call made done before it. A new assignment starts with its version's
first step and reading time (`assigning.assign_path`); a move to a newer version, which
carries some progress over and leaves some behind, recounts. `recount` and `drift` serve
`manage.py check_stored_progress` and the tests.
"""

from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from lessons.models import PathVersion, PathVersionStep

from .models import Assignment, ProgressStatus, StepProgress

FIGURES = ("steps_done", "next_step_id", "minutes_left")


def _steps_not_done() -> QuerySet[PathVersionStep]:
    """The outer assignment's steps not done, in order."""
    done = StepProgress.objects.filter(
        assignment=OuterRef(OuterRef("pk")), step=OuterRef("pk"), status=ProgressStatus.DONE
    )
    return (
        PathVersionStep.objects.filter(version=OuterRef("version"))
        .exclude(Exists(done))
        .order_by("position")
    )


def counted() -> dict[str, Any]:
    """Each stored figure of the outer assignment, counted from its rows (expressions)."""
    done = (
        StepProgress.objects.filter(
            assignment=OuterRef("pk"), status=ProgressStatus.DONE, step__version=OuterRef("version")
        )
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    not_done = _steps_not_done()
    minutes = (
        not_done.order_by().values("version").annotate(total=Sum("estimated_minutes"))
    ).values("total")
    return {
        "steps_done": Coalesce(Subquery(done, output_field=IntegerField()), 0),
        "next_step_id": Subquery(not_done.values("pk")[:1]),
        "minutes_left": Coalesce(Subquery(minutes, output_field=IntegerField()), 0),
    }


def starting(version: PathVersion) -> dict[str, Any]:
    """The figures of a new assignment on `version`, nothing done yet (one query)."""
    first = version.steps.order_by("position").values_list("pk", flat=True).first()
    return {"steps_done": 0, "next_step_id": first, "minutes_left": version.estimated_minutes}


def step_done(assignment_id: int) -> None:
    """A step of the assignment was just made done, by this call and no other."""
    # The lock first: the UPDATE after it then reads what other calls committed.
    list(Assignment.objects.select_for_update().filter(pk=assignment_id).values_list("pk"))
    figures = counted()
    Assignment.objects.filter(pk=assignment_id).update(
        steps_done=F("steps_done") + 1,
        next_step_id=figures["next_step_id"],
        minutes_left=figures["minutes_left"],
    )


def recount(assignments: QuerySet[Assignment]) -> int:
    """Write the figures of `assignments` from their progress rows: one UPDATE."""
    return Assignment.objects.filter(pk__in=assignments.values("pk")).update(**counted())


def drift(assignments: QuerySet[Assignment] | None = None) -> list[tuple[Any, ...]]:
    """(assignment id, stored figures, counted figures) of each assignment whose stored
    figures (FIGURES, in that order) are not what its rows say: one query."""
    rows = (assignments if assignments is not None else Assignment.objects.all()).annotate(
        **{f"counted_{name}": expression for name, expression in counted().items()}
    )
    names = [*FIGURES, *(f"counted_{name}" for name in FIGURES)]
    found = []
    for pk, *values in rows.order_by("pk").values_list("pk", *names).iterator(chunk_size=2000):
        kept, recounted = tuple(values[: len(FIGURES)]), tuple(values[len(FIGURES) :])
        if kept != recounted:
            found.append((pk, kept, recounted))
    return found
