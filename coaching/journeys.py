"""A new hire's assignments as they see them: each step's state and what comes next."""

from dataclasses import dataclass

from django.db.models import Prefetch

from coaching.models import Assignment, AssignmentStatus, ProgressStatus, StepProgress
from lessons.models import PathVersionStep


@dataclass
class StepState:
    step: PathVersionStep
    progress: StepProgress | None
    number: int  # 1-based, as people count

    @property
    def status(self):
        return self.progress.status if self.progress else ""

    @property
    def is_done(self):
        return self.status == ProgressStatus.DONE


@dataclass
class Journey:
    """One assignment with its steps in order; `assignment` carries `percent` and `done_count`."""

    assignment: Assignment
    steps: list

    @property
    def next_step(self):
        if self.assignment.status != AssignmentStatus.ACTIVE:
            return None
        return next((state for state in self.steps if not state.is_done), None)


def journeys(assignments):
    """Journeys for an assignment queryset, in a fixed number of queries:
    the annotated assignments, their versions' steps, and their progress rows."""
    rows = (
        assignments.with_progress()
        .select_related("version", "path")
        .prefetch_related(
            Prefetch(
                "version__steps",
                queryset=PathVersionStep.objects.select_related("page", "knowledge_check"),
            ),
            "progress",
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


def recent_completions(user, limit=5):
    return (
        StepProgress.objects.filter(assignment__trainee=user, status=ProgressStatus.DONE)
        .select_related("step", "assignment__version")
        .order_by("-completed_at")[:limit]
    )
