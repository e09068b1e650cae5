"""A new hire's assignments as they see them: each step's state and what comes next."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.utils.translation import ngettext

from coaching.common.numbers import figure
from coaching.common.types import User
from coaching.learning.models import (
    Assignment,
    AssignmentQuerySet,
    AssignmentStatus,
    CheckAttempt,
    Evidence,
    Progress,
    ProgressStatus,
    StepProgress,
)
from coaching.rereading.changes import with_read_again
from lessons.models import PathVersionStep

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


@dataclass
class StepState:
    step: PathVersionStep
    progress: StepProgress | None
    number: int  # 1-based, as people count
    # Filled in by the coach's page (dashboard_views): the step's check attempts, the
    # attempts granted beyond the check's limit, a task's evidence files, and the coach's
    # forms by action name.
    attempts: list[CheckAttempt] = field(default_factory=list)
    extra_attempts: int = 0
    evidence: list[Evidence] = field(default_factory=list)
    forms: object = None

    @property
    def status(self) -> str:
        return self.progress.status if self.progress else ""

    @property
    def is_done(self) -> bool:
        return self.status == ProgressStatus.DONE

    @property
    def is_waived(self) -> bool:
        return self.progress is not None and self.progress.is_waived

    @property
    def read_again(self) -> str | None:
        """Why a done module is asked to be read again (a ReadAgainReason), or None."""
        return getattr(self.progress, "read_again", None) if self.is_done else None

    @property
    def pass_again(self) -> bool:
        """Whether a done step is asked to pass its changed knowledge check again."""
        return self.is_done and bool(getattr(self.progress, "pass_again", False))

    @property
    def withdrawal(self) -> str:
        """Why the step's module or check is gone ("" if it is there): see `journeys`."""
        return str(self.step.withdrawal_label)


@dataclass
class Journey:
    """One assignment with its steps in order; `assignment` carries `percent` and `done_count`."""

    assignment: "WithAnnotations[Assignment, Progress]"
    steps: list[StepState]
    forms: object = None  # the coach's forms for the assignment, on the coach's page

    @property
    def next_step(self) -> StepState | None:
        if self.assignment.status != AssignmentStatus.ACTIVE:
            return None
        return next((state for state in self.steps if not state.is_done), None)

    def open_after(self, number: int) -> StepState | None:
        """Where to go once step `number` is done: the next step not done after it, else
        the first one not done before it; None when every other step is done."""
        if self.assignment.status != AssignmentStatus.ACTIVE:
            return None
        others = [state for state in self.steps if not state.is_done and state.number != number]
        return next((state for state in others if state.number > number), None) or next(
            iter(others), None
        )

    @property
    def minutes_left(self) -> int:
        """The estimated reading time of the steps not done yet (only modules have one)."""
        if self.assignment.status != AssignmentStatus.ACTIVE:
            return 0
        return sum(state.step.estimated_minutes for state in self.steps if not state.is_done)

    @property
    def time_left(self) -> str:
        return reading_left(self.minutes_left)


def journeys(assignments: AssignmentQuerySet[Assignment]) -> list[Journey]:
    """Journeys for an assignment queryset, in a fixed number of queries:
    the annotated assignments, their versions' steps, and their progress rows.

    Steps come without their pages and checks: a step keeps its own title and kind, and
    only the one step a person opens needs its content. Whether that content was
    withdrawn comes with the steps (joined), and who waived a step with its progress."""
    rows = (
        assignments.with_progress()
        # Who or which enrolment rule assigned it, named on the path's page.
        .select_related("version", "assigned_by", "rule")
        .prefetch_related(
            Prefetch("version__steps", queryset=PathVersionStep.objects.with_withdrawal()),
            Prefetch(
                "progress",
                queryset=with_read_again(StepProgress.objects.select_related("waived_by")),
            ),
        )
    )
    result = []
    for assignment in rows:
        by_step = {progress.step_id: progress for progress in assignment.progress.all()}
        states = [
            StepState(step, by_step.get(step.pk), step.position + 1)
            for step in assignment.version.steps.all()
        ]
        result.append(Journey(assignment, states))
    return result


@dataclass
class PathSummary:
    """One assignment for the portal home: progress (annotated) and the next step only."""

    assignment: "WithAnnotations[Assignment, Progress]"
    next_step: StepState | None
    minutes_left: int = 0

    @property
    def time_left(self) -> str:
        return reading_left(self.minutes_left)


def reading_left(minutes: int) -> str:
    """ "about 45 min of reading left", "about 2 hours of reading left"; "" for none. Only
    modules have an estimated time: tasks, checks and check-ins are not counted."""
    if minutes <= 0:
        return ""
    if minutes < 60:
        return ngettext(
            "about %(minutes)s min of reading left",
            "about %(minutes)s min of reading left",
            minutes,
        ) % {"minutes": figure(minutes)}
    hours = int(minutes / 60 + 0.5)  # rounded half up, as people round
    return ngettext(
        "about %(hours)s hour of reading left", "about %(hours)s hours of reading left", hours
    ) % {"hours": figure(hours)}


def summaries(assignments: AssignmentQuerySet[Assignment]) -> list[PathSummary]:
    """Path summaries for an assignment queryset in one query: each assignment's next step
    and reading time left are stored on it (coaching/learning/stored.py)."""
    rows = assignments.with_progress().select_related("version", "next_step")
    return [
        PathSummary(
            row,
            _next_state(row),
            row.minutes_left if row.status == AssignmentStatus.ACTIVE else 0,
        )
        for row in rows
    ]


def _next_state(assignment: Assignment) -> StepState | None:
    step = assignment.next_step
    if assignment.status != AssignmentStatus.ACTIVE or step is None:
        return None
    return StepState(step, None, step.position + 1)


def recent_completions(user: User, limit: int = 5) -> QuerySet[StepProgress]:
    return (
        StepProgress.objects.filter(assignment__trainee=user, status=ProgressStatus.DONE)
        .select_related("step", "assignment__version")
        .order_by("-completed_at")[:limit]
    )
