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

Each new hire's figures over their current paths (`TraineeFigures`: steps, steps done,
tasks waiting, paths in progress, last activity, next due date, last completion) are
written by `refresh_trainees` after each change of their assignments or progress: it
locks their row, then counts their assignments (each statement's snapshot comes after
the lock, so the last refresh to run has seen every change committed before it: two
tabs, or a coach and a new hire at once, end in the right figures), then writes them in
one upsert.
`trainee_drift` checks them.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from lessons.models import PathVersion, PathVersionStep

from .models import Assignment, AssignmentStatus, ProgressStatus, StepProgress, TraineeFigures

FIGURES = ("steps_done", "next_step_id", "minutes_left")
# Counts, zero for a new hire with no current path (whose dates stay empty).
ZEROED = ("steps_total", "steps_done", "waiting_count", "paths_current", "paths_active")
# Rows of one upsert: 9 parameters each, within PostgreSQL's 65,535 a statement.
PEOPLE_PER_UPSERT = 5000
TRAINEE_FIGURES = (
    "steps_total",
    "steps_done",
    "waiting_count",
    "paths_current",
    "paths_active",
    "last_activity_at",
    "next_due",
    "finished_at",
)


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


def step_done(assignment_id: int) -> Assignment:
    """A step of the assignment was just made done, by this call and no other. Returns
    the assignment, locked until the transaction ends, with its version and new hire and
    its steps done as now stored (what `progress.complete_if_finished` reads)."""
    # The lock first: the UPDATE after it then reads what other calls committed.
    locked = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("version", "trainee")
        .get(pk=assignment_id)
    )
    figures = counted()
    Assignment.objects.filter(pk=assignment_id).update(
        steps_done=F("steps_done") + 1,
        next_step_id=figures["next_step_id"],
        minutes_left=figures["minutes_left"],
    )
    locked.steps_done += 1
    return locked


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


def _grouped(trainee_ids: list[int] | None = None) -> defaultdict[int, dict[str, Any]]:
    """Each new hire's figures (of `trainee_ids`, or everyone's), counted in two grouped
    passes over their current assignments and their tasks waiting, not a subquery per
    person: as fast for 10,000 as for one. Someone with no current path counts zeros."""
    mine = {} if trainee_ids is None else {"trainee_id__in": trainee_ids}
    active = Q(status=AssignmentStatus.ACTIVE)
    rows = (
        Assignment.objects.current()
        .filter(**mine)
        .order_by()
        .values("trainee_id")
        .annotate(
            steps_total=Sum("version__step_count"),
            steps_done=Sum("steps_done"),
            paths_current=Count("pk"),
            paths_active=Count("pk", filter=active),
            last_activity_at=Max("last_activity_at"),
            next_due=Min("due_on", filter=active),
            finished_at=Max("completed_at"),
        )
    )
    figures: defaultdict[int, dict[str, Any]] = defaultdict(
        lambda: {**dict.fromkeys(TRAINEE_FIGURES), **dict.fromkeys(ZEROED, 0)}
    )
    for row in rows:
        figures[row.pop("trainee_id")].update(row)
    waiting = (
        StepProgress.objects.waiting_for_sign_off()
        .filter(**{f"assignment__{lookup}": ids for lookup, ids in mine.items()})
        .order_by()
        .values_list("assignment__trainee_id")
        .annotate(count=Count("pk"))
    )
    for trainee_id, count in waiting:
        figures[trainee_id]["waiting_count"] = count
    return figures


def refresh_trainees(trainee_ids: Iterable[int]) -> None:
    """Recount the figures of these new hires from their assignments: their rows locked,
    then counted (after the lock, so from everything committed before it), then written
    in one upsert (4 queries; one upsert a PEOPLE_PER_UPSERT new hires)."""
    ids = sorted(set(trainee_ids))
    if not ids:
        return
    with transaction.atomic(savepoint=False):  # the caller's transaction, or its own
        list(
            TraineeFigures.objects.select_for_update().filter(trainee_id__in=ids).values_list("pk")
        )
        counted = _grouped(ids)
        now = timezone.now()
        TraineeFigures.objects.bulk_create(
            [TraineeFigures(trainee_id=pk, changed_at=now, **counted[pk]) for pk in ids],
            update_conflicts=True,
            unique_fields=["trainee"],
            update_fields=[*TRAINEE_FIGURES, "changed_at"],
            batch_size=PEOPLE_PER_UPSERT,
        )


def trainee_drift(trainee_ids: Iterable[int] | None = None) -> list[tuple[Any, ...]]:
    """(new hire's id, stored figures, counted figures) of each new hire with an assignment
    (of `trainee_ids`, or anyone) whose figures (TRAINEE_FIGURES, in that order) are not
    what their assignments say; (id, None, "missing") for one without figures."""
    ids = None if trainee_ids is None else sorted(set(trainee_ids))
    assignments = (
        Assignment.objects.all() if ids is None else Assignment.objects.filter(trainee_id__in=ids)
    )
    missing = (
        assignments.exclude(trainee__in=TraineeFigures.objects.values("trainee"))
        .order_by("trainee_id")
        .values_list("trainee_id", flat=True)
        .distinct()
    )
    found: list[tuple[Any, ...]] = [(pk, None, "missing") for pk in missing]
    counted = _grouped(ids)
    kept_rows = (
        TraineeFigures.objects.filter(trainee__in=assignments.values("trainee"))
        .order_by("pk")
        .values_list("pk", *TRAINEE_FIGURES)
    )
    for pk, *kept in kept_rows.iterator(2000):
        recounted = tuple(counted[pk][name] for name in TRAINEE_FIGURES)
        if tuple(kept) != recounted:
            found.append((pk, tuple(kept), recounted))
    return found
