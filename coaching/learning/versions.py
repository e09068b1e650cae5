"""Moving assignments to their path's latest published version, progress and all.

A step keeps its `key` from version to version, so what a new hire did on a step that
carries over (its progress, check attempts and extra attempts granted) moves to the same
step of the new version. Steps new in that version start open. Progress on steps the new
version dropped stays where it is, on the old version's step: history someone earned is
never deleted, and it no longer counts towards the path (progress counts only the steps
of the assignment's own version).
"""

from collections import defaultdict
from datetime import date

from django.db import models, transaction
from django.db.models import Case, F, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.audit import trail
from coaching.common.titles import titles
from coaching.common.types import User
from coaching.learning import assigning, progress, stored
from coaching.learning.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ExtraAttempts,
    StepProgress,
)
from lessons.models import LearningPath, PathVersion, PathVersionStep

# What moves with an assignment, each tied to a step of its version.
STEP_ROWS: tuple[type[models.Model], ...] = (StepProgress, CheckAttempt, ExtraAttempts)


def on_older_versions(learning_path: LearningPath) -> QuerySet[Assignment]:
    """Assignments in progress on a version of the path older than its current one."""
    return (
        Assignment.objects.active()
        .filter(path=learning_path)
        .exclude(version=learning_path.current_version_id)
    )


def move_to_latest(
    learning_path: LearningPath,
    assignments: QuerySet[Assignment],
    *,
    by: User | None,
    version_number: int | None,
) -> int:
    """Move those of `assignments` that are in progress on an older version of
    `learning_path` to its current version, `version_number` (the one the person was
    offered: a path published again since is not moved blindly), and say how many moved.
    Queries do not grow with the number of people; moving the same assignments twice (two
    tabs, a double click) moves them once and records it once."""
    target, version = _latest_version(learning_path.pk, version_number)
    return _move(target, version, assignments, by=by)


def _latest_version(learning_path_id: int, offered: int | None) -> tuple[LearningPath, PathVersion]:
    """The path, read afresh, and its current version, if that is the one offered."""
    target = LearningPath.objects.select_related("current_version").get(pk=learning_path_id)
    version = target.current_version
    if version is None or not target.live:
        raise assigning.AssignmentError(_("Only a published learning path has a latest version."))
    if version.number != offered:
        raise assigning.AssignmentError(
            _("The path has changed again since this page was shown. Please look again.")
        )
    return target, version


def _move(
    target: LearningPath,
    version: PathVersion,
    assignments: QuerySet[Assignment],
    *,
    by: User | None,
) -> int:
    candidates = on_older_versions(target).filter(pk__in=assignments.values("pk"))
    if not candidates.exists():
        return 0  # nothing to move, and nothing written
    with transaction.atomic():
        # A write first: it takes the rows' locks (the database's, on SQLite), so a
        # second move waiting behind this one finds them moved already when it reads.
        candidates.update(status=F("status"))
        rows = list(candidates.values_list("pk", "trainee_id", "version_id", "version__number"))
        if not rows:
            return 0
        old_versions = {version_id for _pk, _trainee, version_id, _number in rows}
        new_step = dict(PathVersionStep.objects.filter(version=version).values_list("key", "pk"))
        moves = {
            pk: new_step[key]
            for pk, key in PathVersionStep.objects.filter(version__in=old_versions).values_list(
                "pk", "key"
            )
            if key in new_step
        }
        if moves:
            step = Case(
                *(When(step_id=old, then=Value(new)) for old, new in moves.items()),
                output_field=models.IntegerField(),
            )
            for model in STEP_ROWS:
                model._default_manager.filter(
                    assignment__in=candidates.values("pk"), step_id__in=moves
                ).update(step_id=step)
        moved = [Assignment(pk=pk, trainee_id=trainee) for pk, trainee, _v, _n in rows]
        candidates.update(version=version)
        # What carried over counts on the new version; what it dropped stays as history.
        stored.recount(Assignment.objects.filter(pk__in=[pk for pk, *_rest in rows]))
        by_number = defaultdict(list)
        for assignment, (_pk, _trainee, _version, number) in zip(moved, rows, strict=True):
            by_number[number].append(assignment)
        for number, group in by_number.items():
            trail.record_many(
                group,
                "coaching.move_version",
                by=by,
                **titles(version),
                old=number,
                new=version.number,
            )
        _complete_finished(moved)
        # Last: the new hires' figures count the paths the move has just completed too.
        stored.refresh_trainees(trainee for _pk, trainee, _v, _n in rows)
    return len(rows)


def _complete_finished(moved: list[Assignment]) -> None:
    """Complete the moved assignments whose every step is now done (the new version
    dropped the only steps left): one query, and one more for each such rare path."""
    finished = (
        Assignment.objects.filter(pk__in=[assignment.pk for assignment in moved])
        .with_progress()
        .filter(done_count__gte=F("version__step_count"))
    )
    now = timezone.now()
    for assignment in finished:
        progress.complete_if_finished(assignment, now)


def move_assignment(
    assignment: Assignment, *, by: User | None, due_on: date | None, version_number: int
) -> None:
    """Move one assignment to its path's latest version, `version_number` (the one the
    person was offered), with a new due date if it changed."""
    if assignment.status != AssignmentStatus.ACTIVE:
        raise assigning.AssignmentError(_("Only an assignment in progress can move."))
    with transaction.atomic():
        target, version = _latest_version(assignment.path_id, version_number)
        if not _move(target, version, Assignment.objects.filter(pk=assignment.pk), by=by):
            raise assigning.AssignmentError(_("This assignment is on the latest version already."))
        assignment.version = version
        assigning.change_due_date(assignment, due_on, by=by)
