"""What new hires and coaches do on a step: read, answer, submit, sign off, record.

Every operation is safe to repeat and to race: progress rows are unique per step, each
state change is a conditional UPDATE, and an assignment completes under a row lock.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coaching.audit import trail
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.learning import evidence, stored
from coaching.learning.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    Evidence,
    ExtraAttempts,
    ProgressStatus,
    StepProgress,
)
from coaching.notifications import events
from coaching.record import loops
from coaching.record.models import MilestoneKind
from coaching.record.writing import write_milestone
from coaching.rereading import changes as rereading
from coaching.rereading.changes import revision_read
from coaching.webhooks import events as webhooks
from lessons.i18n import texts_of
from lessons.models import CheckResult, KnowledgeCheck, PathVersionStep, QuestionResult, StepKind


class StepError(Exception):
    """A step action that is not allowed now, with a message for the person asking."""


PATH_CHANGED = gettext_lazy(
    "This path was updated since you opened that page, so nothing was changed. "
    "Here it is as it stands now."
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _on_its_version(
    action: Callable[Concatenate[Assignment, PathVersionStep, _P], _R],
) -> Callable[Concatenate[Assignment, PathVersionStep, _P], _R]:
    """Refuse a step of another version than the assignment's: a page shown before the
    assignment moved to a newer version of its path (the views check the step's key;
    this is the rule itself, where the work is done). After the action, in its
    transaction, the new hire's stored figures are recounted (`stored.refresh_trainees`)."""

    @wraps(action)
    def checked(
        assignment: Assignment, step: PathVersionStep, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> _R:
        if step.version_id != assignment.version_id:
            raise StepError(str(PATH_CHANGED))
        # The action and the new hire's figures that follow it commit together; a refused
        # action (StepError) changes neither.
        with transaction.atomic():
            done = action(assignment, step, *args, **kwargs)
            stored.refresh_trainees([assignment.trainee_id])
        return done

    return checked


def knowledge_check_for(step: PathVersionStep) -> KnowledgeCheck | None:
    """The live knowledge check a step asks for: its own, or its module page's."""
    if step.kind == StepKind.KNOWLEDGE_CHECK:
        check = step.knowledge_check
    elif step.kind == StepKind.MODULE and step.page is not None:
        check = getattr(step.page.specific, "knowledge_check", None)
    else:
        check = None
    return check if check is not None and check.live else None


def attempt_limit(
    assignment: Assignment, step: PathVersionStep, check: KnowledgeCheck
) -> int | None:
    """How many attempts the new hire has at the step's check: the check's limit and every
    attempt granted since (None: no limit)."""
    if check.max_attempts is None:
        return None
    extra = (
        ExtraAttempts.objects.filter(assignment=assignment, step=step)
        .values_list("count", flat=True)
        .first()
    )
    return check.max_attempts + (extra or 0)


def _require_active(assignment: Assignment) -> None:
    if assignment.status != AssignmentStatus.ACTIVE:
        raise StepError(_("This path is no longer in progress."))


def _already_done(assignment: Assignment, step: PathVersionStep) -> bool:
    """Whether the step is done: a retry, a double click or a second tab changes nothing."""
    return StepProgress.objects.filter(
        assignment=assignment, step=step, status=ProgressStatus.DONE
    ).exists()


def _progress(
    assignment: Assignment, step: PathVersionStep, status: ProgressStatus, **fields: Any
) -> tuple[StepProgress, bool]:
    """The step's progress row, and whether this call created it (with `status`)."""
    return StepProgress.objects.get_or_create(
        assignment=assignment, step=step, defaults={"status": status, **fields}
    )


def _finish(assignment: Assignment, step: PathVersionStep, **fields: Any) -> StepProgress | None:
    """Complete a step the person finishes themselves or a coach confirms, and return its
    progress row. A step already done is a quiet no-op (None), even once its path has
    completed: a retry, a double click or a second tab that read the assignment before it
    completed."""
    if _already_done(assignment, step):
        return None
    _require_active(assignment)
    return _mark_done(assignment, step, **fields)


def _mark_done(assignment: Assignment, step: PathVersionStep, **fields: Any) -> StepProgress | None:
    """Mark the step done once; return its progress row only to the one call that did it."""
    now = timezone.now()
    with transaction.atomic():
        progress, created = _progress(
            assignment, step, ProgressStatus.DONE, completed_at=now, **fields
        )
        newly_done = created or bool(
            StepProgress.objects.filter(pk=progress.pk)
            .exclude(status=ProgressStatus.DONE)
            .update(status=ProgressStatus.DONE, completed_at=now, updated_at=now, **fields)
        )
        if newly_done:
            locked = stored.step_done(assignment.pk)
            webhooks.step_completed(locked, step, now, waived="waived_at" in fields)
            complete_if_finished(assignment, now, locked=locked)
    return progress if newly_done else None


def complete_if_finished(
    assignment: Assignment, now: datetime, locked: Assignment | None = None
) -> None:
    """Complete the assignment, with its milestone, if every step of its version is done.
    `locked`: the assignment already locked by this transaction, with its version and new
    hire (as `stored.step_done` returns it); else it is locked and read here."""
    if locked is None:
        locked = (
            Assignment.objects.select_for_update()
            .select_related("version", "trainee")
            .get(pk=assignment.pk)
        )
    if locked.status == AssignmentStatus.ACTIVE and locked.steps_done >= locked.version.step_count:
        Assignment.objects.filter(pk=locked.pk).update(
            status=AssignmentStatus.COMPLETED, completed_at=now
        )
        assignment.status, assignment.completed_at = AssignmentStatus.COMPLETED, now
        version = locked.version
        write_milestone(
            locked.trainee_id,
            MilestoneKind.PATH_COMPLETED,
            version.title,
            f"assignment:{locked.pk}",
            translations=texts_of(version.translations),
        )
        events.path_completed(locked, locked.trainee)
        loops.path_completed(locked)


def _touch(assignment: Assignment) -> None:
    now = timezone.now()
    Assignment.objects.filter(pk=assignment.pk).update(last_activity_at=now)
    assignment.last_activity_at = now


@_on_its_version
def complete_module(assignment: Assignment, step: PathVersionStep) -> bool:
    """The new hire has read a module (or the company profile, or a unit page)."""
    if step.kind != StepKind.MODULE:
        raise StepError(_("Only a module is marked as done by its reader."))
    if knowledge_check_for(step) is not None:
        raise StepError(_("Pass the knowledge check to complete this module."))
    newly_done = _finish(assignment, step, read_revision_id=revision_read(step)) is not None
    if newly_done:
        _touch(assignment)
    return newly_done


@_on_its_version
def take_check(
    assignment: Assignment, step: PathVersionStep, answers: Mapping[str, Iterable[str]]
) -> tuple[CheckAttempt, CheckResult]:
    """Grade a knowledge check attempt, keep it, and complete the step when it passes. A
    step asked to pass its check's new version (coaching.rereading) takes it again, even on
    a completed path: passing closes the request, and the step, done, stays as it was."""
    check = knowledge_check_for(step)
    if check is None:
        raise StepError(_("This step has no knowledge check to take."))
    with transaction.atomic():
        # Lock the assignment so that two submissions at once get distinct numbers and
        # cannot both slip under the attempt limit.
        Assignment.objects.select_for_update().filter(pk=assignment.pk).first()
        retake = rereading.open_check_request(assignment, step)
        if retake is None:
            _require_active(assignment)
            if _already_done(assignment, step):
                raise StepError(_("You have already passed this check."))
        used = (
            CheckAttempt.objects.filter(assignment=assignment, step=step).aggregate(
                n=Max("number")
            )["n"]
            or 0
        )
        limit = attempt_limit(assignment, step, check)
        if limit is not None and attempts_counted(assignment, step, retake, used) >= limit:
            raise StepError(
                _(
                    "You have used every attempt for this check. Your coach can give you "
                    "more attempts."
                )
            )
        result = check.grade(answers)
        attempt = CheckAttempt.objects.create(
            assignment=assignment,
            step=step,
            knowledge_check=check,
            check_revision_id=check.live_revision_id,
            number=used + 1,
            answers=answers,
            results=[_question_json(question) for question in result.questions],
            score=result.score,
            passed=result.passed,
        )
        _touch(assignment)
        if result.passed and retake is not None:
            rereading.close(retake)
        elif result.passed:
            _mark_done(assignment, step, read_revision_id=revision_read(step))
            write_milestone(
                assignment.trainee_id,
                MilestoneKind.CHECK_PASSED,
                check.subject,
                f"assignment:{assignment.pk}:step:{step.pk}",
                translations=check.subjects_in_translation(),
            )
    return attempt, result


def attempts_counted(assignment: Assignment, step: PathVersionStep, retake: Any, used: int) -> int:
    """The attempts that count against the limit: all of them (`used`), or those since the
    step was asked to pass the check's new version (`retake`, an open request)."""
    if retake is None:
        return used
    return CheckAttempt.objects.filter(
        assignment=assignment, step=step, created_at__gte=retake.asked_at
    ).count()


def _question_json(question: QuestionResult) -> dict[str, Any]:
    return {
        "id": question.id,
        "question": question.question,
        "correct": question.correct,
        "explanation": question.explanation,
        "choices": [
            {
                "text": str(choice.text),
                "correct": choice.correct,
                "chosen": choice.chosen,
                "explanation": choice.explanation,
            }
            for choice in question.choices
        ],
    }


@_on_its_version
def submit_task(
    assignment: Assignment,
    step: PathVersionStep,
    note: str = "",
    *,
    files: Sequence[tuple[UploadedFile, evidence.Kind]] = (),
    by: User | None = None,
) -> StepProgress:
    """The new hire says a practical task is ready for the coach to sign off, with a note
    and any evidence files (already checked by `evidence.check`)."""
    _require_active(assignment)
    if step.kind != StepKind.TASK:
        raise StepError(_("Only a practical task is submitted for sign-off."))
    with transaction.atomic():
        progress, created = _progress(assignment, step, ProgressStatus.SUBMITTED, note=note)
        # Only the call that moves the task to "waiting" tells the coaches: a second tab,
        # or a changed note on a task already waiting, does not.
        resubmitted = StepProgress.objects.filter(
            pk=progress.pk, status=ProgressStatus.RETURNED
        ).update(status=ProgressStatus.SUBMITTED, note=note, updated_at=timezone.now())
        # A task signed off meanwhile (from a coach's tab at the same moment) stays as the
        # coach left it, and gets no files.
        waiting = resubmitted or StepProgress.objects.filter(
            pk=progress.pk, status=ProgressStatus.SUBMITTED
        ).update(note=note, updated_at=timezone.now())
        if not waiting:
            raise StepError(_("Your coach has already signed off this task."))
        # The form counted the files held before; this counts them again with the task's
        # row locked by the update above, so that two tabs together stay within the limit.
        held = progress.evidence.count() if files else 0
        if held + len(files) > coaching_settings.EVIDENCE_MAX_FILES:
            raise StepError(evidence.too_many(held))
        for upload, kind in files:
            Evidence.objects.create(
                progress=progress,
                file=upload,
                name=(upload.name or "evidence")[-200:],
                content_type=kind.content_type,
                size=upload.size or 0,
                uploaded_by=by,
            )
        _touch(assignment)
        progress.refresh_from_db()
        if created or resubmitted:
            events.task_submitted(progress, assignment, step)
    return progress


@_on_its_version
def remove_evidence(
    assignment: Assignment, step: PathVersionStep, evidence_id: int
) -> Evidence | None:
    """Remove a file the new hire attached to a task not signed off yet (on a path still in
    progress), and from storage once that is committed. None when there is no such file:
    gone already (a double click, a second tab), signed off, or not this task's."""
    with transaction.atomic():
        found = (
            Evidence.objects.select_for_update()
            .filter(
                pk=evidence_id,
                progress__assignment=assignment,
                progress__assignment__status=AssignmentStatus.ACTIVE,
                progress__step=step,
            )
            .exclude(progress__status=ProgressStatus.DONE)
            .first()
        )
        if found is None:
            return None
        found.delete()  # its file goes once this is committed (evidence.delete_stored_file)
    return found


@_on_its_version
def sign_off(
    assignment: Assignment, step: PathVersionStep, *, coach: User, comment: str = ""
) -> bool:
    """The coach confirms a practical task is done."""
    if step.kind != StepKind.TASK:
        raise StepError(_("Only a practical task is signed off."))
    with transaction.atomic():
        done = _finish(assignment, step, reviewed_by=coach, coach_comment=comment)
        if done is not None:
            trail.record_on_assignment(assignment, "coaching.sign_off", by=coach, step=step)
            events.task_reviewed(
                assignment, step, done.pk, coach=coach, comment=comment, signed_off=True
            )
    return done is not None


@_on_its_version
def send_back(assignment: Assignment, step: PathVersionStep, *, coach: User, comment: str) -> None:
    """The coach asks for more on a submitted task, and says what."""
    _require_active(assignment)
    if not comment.strip():
        raise StepError(_("Say what is missing, so the new hire knows what to do next."))
    with transaction.atomic():
        submitted = StepProgress.objects.filter(status=ProgressStatus.SUBMITTED)
        progress_id = (
            submitted.filter(assignment=assignment, step=step).values_list("pk", flat=True).first()
        )
        if progress_id is None or not submitted.filter(pk=progress_id).update(
            status=ProgressStatus.RETURNED,
            coach_comment=comment,
            reviewed_by=coach,
            updated_at=timezone.now(),
        ):
            raise StepError(_("Only a task waiting for sign-off can be sent back."))
        trail.record_on_assignment(assignment, "coaching.send_back", by=coach, step=step)
        events.task_reviewed(
            assignment, step, progress_id, coach=coach, comment=comment, signed_off=False
        )


@_on_its_version
def plan_checkin(
    assignment: Assignment, step: PathVersionStep, *, coach: User, when: datetime
) -> None:
    _require_active(assignment)
    if step.kind != StepKind.CHECKIN:
        raise StepError(_("Only a check-in is planned."))
    with transaction.atomic():
        progress, created = _progress(assignment, step, ProgressStatus.PLANNED, scheduled_for=when)
        planned = StepProgress.objects.filter(pk=progress.pk, status=ProgressStatus.PLANNED)
        # Locked: two tabs moving it at once tell of each time once, in turn.
        before = (
            None
            if created
            else planned.select_for_update().values_list("scheduled_for", flat=True).first()
        )
        updated = planned.update(scheduled_for=when, reviewed_by=coach, updated_at=timezone.now())
        if updated and before != when:  # planned again at the same time: nothing new
            events.checkin_planned(
                assignment,
                step,
                coach=coach,
                when=when,
                progress_id=progress.pk,
                moved=before is not None,
            )
    if not updated:
        raise StepError(_("This check-in has already been recorded."))


@_on_its_version
def record_checkin(
    assignment: Assignment, step: PathVersionStep, *, coach: User, notes: str = ""
) -> bool:
    """The coach records that the check-in took place; the step is then done."""
    if step.kind != StepKind.CHECKIN:
        raise StepError(_("Only a check-in is recorded."))
    return _finish(assignment, step, reviewed_by=coach, coach_comment=notes) is not None


@_on_its_version
def grant_attempts(
    assignment: Assignment, step: PathVersionStep, *, coach: User, attempts: int, reason: str
) -> None:
    """The coach (or HR) gives the new hire more attempts at a step's knowledge check.
    Each grant adds to the figure in the database: two at once both count. A done step
    asked to pass its check's new version (even on a completed path) takes more too."""
    retake = rereading.open_check_request(assignment, step)
    if retake is None:
        _require_active(assignment)
    if knowledge_check_for(step) is None:
        raise StepError(_("This step has no knowledge check to take again."))
    if attempts < 1:
        raise StepError(_("Grant at least one attempt."))
    with transaction.atomic():
        if retake is None and _already_done(assignment, step):
            raise StepError(_("This step is already done."))
        extra, created = ExtraAttempts.objects.get_or_create(
            assignment=assignment, step=step, defaults={"count": attempts}
        )
        if not created:
            ExtraAttempts.objects.filter(pk=extra.pk).update(count=F("count") + attempts)
        trail.record_on_assignment(
            assignment,
            "coaching.grant_attempts",
            by=coach,
            step=step,
            attempts=attempts,
            reason=reason,
        )
        events.attempts_granted(assignment, step, attempts=attempts, by=coach)


@_on_its_version
def waive(assignment: Assignment, step: PathVersionStep, *, coach: User, reason: str) -> None:
    """The coach (or HR) excuses the new hire from a step: it counts as done, marked as
    waived, with the reason. A step already done (waived from a second tab, say) stays
    as it was, and the second call says so."""
    if not reason.strip():
        raise StepError(_("Say why this step is waived."))
    if _already_done(assignment, step):
        raise StepError(_("This step is already done."))
    _require_active(assignment)
    with transaction.atomic():
        waived = _mark_done(
            assignment, step, waived_at=timezone.now(), waived_by=coach, waived_reason=reason
        )
        if waived is not None:
            trail.record_on_assignment(
                assignment, "coaching.waive", by=coach, step=step, reason=reason
            )
            events.step_waived(assignment, step, reason=reason, by=coach)
    if waived is None:
        raise StepError(_("This step is already done."))


def ask_to_read_again(
    assignment: Assignment, step: PathVersionStep, *, coach: User, message: str
) -> None:
    """A coach asks the new hire to read a module they completed again: the step stays done
    (and the path completed); the new hire sees the request and confirms they read it."""
    if step.version_id != assignment.version_id:
        raise StepError(str(PATH_CHANGED))
    done = StepProgress.objects.filter(
        assignment=assignment, step=step, status=ProgressStatus.DONE
    ).first()
    if (
        step.kind != StepKind.MODULE
        or done is None
        or done.is_waived
        or assignment.status == AssignmentStatus.CANCELLED
    ):
        raise StepError(_("Only a module that is done can be read again."))
    done.assignment, done.step = assignment, step
    if not rereading.ask_to_read_again(done, by=coach, message=message):
        raise StepError(_("They are already asked to read this module again."))
    trail.record_on_assignment(assignment, "coaching.ask_read_again", by=coach, step=step)
