"""After a load test: what the people saw done, against what the database holds.

A completion the person saw succeed (the POST redirected back to the step) must be a done
progress row; no step has two rows; a path is completed exactly when every step is done,
with exactly one "path completed" milestone; each assignment's stored steps done equals
its rows' count (coaching/learning/stored.py).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q

from coaching.learning import stored
from coaching.learning.models import Assignment, AssignmentStatus, ProgressStatus, StepProgress
from coaching.record.models import Milestone, MilestoneKind


@dataclass
class Verdict:
    acknowledged: int = 0  # completions the people saw succeed (distinct steps)
    double_posts: int = 0  # of which posted from two tabs at once
    done_rows: int = 0
    lost: list = field(default_factory=list)  # seen done, not done in the database
    unacknowledged: int = 0  # done in the database, but the person saw an error
    duplicated: list = field(default_factory=list)  # (assignment, step) with 2+ rows
    miscounted: list = field(default_factory=list)  # done rows != distinct done steps
    completed_paths: int = 0
    wrongly_completed: list = field(default_factory=list)  # completed, steps missing
    not_completed: list = field(default_factory=list)  # every step done, still active
    milestones_wrong: list = field(default_factory=list)  # not exactly one per completion
    drifted: list = field(default_factory=list)  # stored steps done != counted (stored.py)
    trainees_drifted: list = field(default_factory=list)  # a new hire's stored figures too
    per_trainee: list = field(default_factory=list)  # completions each new hire saw, sorted

    @property
    def sound(self):
        return not (
            self.lost
            or self.duplicated
            or self.miscounted
            or self.wrongly_completed
            or self.not_completed
            or self.milestones_wrong
            or self.drifted
            or self.trainees_drifted
        )


def verify(completions, assignment_ids):
    """Compare what the people saw with what the database holds."""
    verdict = Verdict()
    seen = {(c.assignment_id, c.number) for c in completions}
    verdict.acknowledged = len(seen)
    verdict.double_posts = len({(c.assignment_id, c.number) for c in completions if c.double})
    progress = StepProgress.objects.filter(assignment_id__in=assignment_ids)
    done = set(
        progress.filter(status=ProgressStatus.DONE).values_list("assignment_id", "step__position")
    )
    done = {(assignment_id, position + 1) for assignment_id, position in done}
    verdict.done_rows = progress.filter(status=ProgressStatus.DONE).count()
    verdict.lost = sorted(seen - done)
    verdict.unacknowledged = len(done - seen)
    verdict.duplicated = list(
        progress.values("assignment_id", "step_id")
        .annotate(rows=Count("pk"))
        .filter(rows__gt=1)
        .values_list("assignment_id", "step_id", "rows")
    )
    assignments = (
        Assignment.objects.filter(pk__in=assignment_ids)
        .select_related("version")
        .annotate(
            done_rows=Count("progress", filter=Q(progress__status=ProgressStatus.DONE)),
            done_steps=Count(
                "progress__step", filter=Q(progress__status=ProgressStatus.DONE), distinct=True
            ),
        )
    )
    keys = set(
        Milestone.objects.filter(milestone_kind=MilestoneKind.PATH_COMPLETED).values_list(
            "key", flat=True
        )
    )
    per_trainee = {}
    seen_per_assignment = Counter(assignment_id for assignment_id, _number in seen)
    for assignment in assignments:
        per_trainee.setdefault(assignment.trainee_id, 0)
        per_trainee[assignment.trainee_id] += seen_per_assignment[assignment.pk]
        all_done = assignment.done_steps >= assignment.version.step_count
        completed = assignment.status == AssignmentStatus.COMPLETED
        verdict.completed_paths += completed
        if assignment.done_rows != assignment.done_steps:
            verdict.miscounted.append(assignment.pk)
        if completed and not all_done:
            verdict.wrongly_completed.append(assignment.pk)
        if all_done and not completed:
            verdict.not_completed.append(assignment.pk)
        key = f"{assignment.trainee_id}:{MilestoneKind.PATH_COMPLETED}:assignment:{assignment.pk}"
        if (key in keys) != completed:
            verdict.milestones_wrong.append(assignment.pk)
    verdict.per_trainee = sorted(per_trainee.values())
    mine = Assignment.objects.filter(pk__in=assignment_ids)
    verdict.drifted = stored.drift(mine)
    verdict.trainees_drifted = stored.trainee_drift(mine.values_list("trainee_id", flat=True))
    return verdict


def spread(sorted_values):
    if not sorted_values:
        return (0, 0, 0)
    return (sorted_values[0], sorted_values[len(sorted_values) // 2], sorted_values[-1])


def print_verdict(verdict):
    print("\n### Completions, checked in the database afterwards\n")
    print("| check | count |")
    print("|---|---:|")
    rows = [
        ("step completions the people saw succeed", verdict.acknowledged),
        ("… of which posted from two tabs at once", verdict.double_posts),
        (
            "… per new hire: fewest / median / most",
            " / ".join(str(n) for n in spread(verdict.per_trainee)),
        ),
        ("steps done in the database", verdict.done_rows),
        ("lost (seen done, not done in the database)", len(verdict.lost)),
        ("duplicated (two progress rows for one step)", len(verdict.duplicated)),
        ("done rows ≠ distinct done steps (assignments)", len(verdict.miscounted)),
        ("done, though the person saw an error", verdict.unacknowledged),
        ("paths completed", verdict.completed_paths),
        ("completed with steps missing", len(verdict.wrongly_completed)),
        ("every step done, not completed", len(verdict.not_completed)),
        ("path milestones not exactly one per completed path", len(verdict.milestones_wrong)),
        ("stored steps done ≠ counted from the rows (assignments)", len(verdict.drifted)),
        (
            "stored figures ≠ counted from the assignments (new hires)",
            len(verdict.trainees_drifted),
        ),
    ]
    for label, count in rows:
        print(f"| {label} | {count:,} |" if isinstance(count, int) else f"| {label} | {count} |")
    if verdict.sound:
        print("\n**Verdict: no completion lost or duplicated.**")
    else:
        print("\n**Verdict: completions were lost or duplicated.**")
        names = (
            "lost",
            "duplicated",
            "miscounted",
            "wrongly_completed",
            "not_completed",
            "drifted",
            "trainees_drifted",
        )
        for name in names:
            if getattr(verdict, name):
                print(f"- {name}: {getattr(verdict, name)[:20]}")
        if verdict.milestones_wrong:
            print(f"- milestones_wrong: {verdict.milestones_wrong[:20]}")
