"""A person's data as they (or HR, on a subject access request) take it away: their
development record, their learning (every step's status, dates, notes, the coach's
comments and the evidence files they attached, listed by name) and their knowledge check
attempts with the answers they gave and their grades.
One data structure, served as JSON and rendered as a readable document."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponse
from django.utils import timezone

from coaching.buddies.models import BuddyQuestion
from coaching.common.names import display_name
from coaching.common.types import User
from coaching.learning.models import (
    Assignment,
    CheckAttempt,
    Evidence,
    ProgressStatus,
    StepProgress,
)
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.record.models import Goal
from coaching.record.timeline import filtered_entries, load_related
from lessons.i18n import localized_field
from lessons.models import BusinessUnit

SKIPPED_FIELDS = {"id", "entry_ptr", "polymorphic_ctype", "trainee"}


def _name(user):
    return display_name(user) or None


def _fields(instance):
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        value = getattr(instance, field.name)
        if field.is_relation:
            value = (
                _name(value) if hasattr(value, "get_username") else (str(value) if value else None)
            )
        data[field.name] = value
    return data


def _items(related):
    return [_fields(item) for item in related.all()]


def entry_as_data(entry):
    data = {"kind": entry.kind, **_fields(entry)}
    data["replies"] = [
        {"author": _name(reply.author), "text": reply.text, "created_at": reply.created_at}
        for reply in entry.replies.all()
    ]
    for relation in ("key_results", "cheers", "agenda", "actions", "check_ins"):
        if hasattr(entry, relation):
            data[relation] = _items(getattr(entry, relation))
    return data


def _attempt_as_data(attempt: CheckAttempt) -> dict[str, Any]:
    return {
        "attempt": attempt.number,
        "taken_at": attempt.created_at,
        "score": attempt.score,
        "passed": attempt.passed,
        "questions": [
            {
                "question": question.get("question", ""),
                "correct": question.get("correct"),
                "answers": [
                    choice.get("text", "")
                    for choice in question.get("choices", [])
                    if choice.get("chosen")
                ],
            }
            for question in attempt.results
        ],
        "answers": attempt.answers,
    }


def _step_as_data(step, progress: StepProgress | None, attempts: list[CheckAttempt]):
    return {
        # Titles in the language of the person exporting, as the document's words are.
        "step": step.localized_title,
        "kind": step.kind,
        "status": progress.status if progress else None,
        "status_label": ProgressStatus(progress.status).label if progress else None,
        "done": progress is not None and progress.status == ProgressStatus.DONE,
        "planned_for": progress.scheduled_for if progress else None,
        "completed_at": progress.completed_at if progress else None,
        "updated_at": progress.updated_at if progress else None,
        "note": progress.note if progress else "",
        "coach_comment": progress.coach_comment if progress else "",
        "waived": progress is not None and progress.is_waived,
        "waived_reason": progress.waived_reason if progress else "",
        "knowledge_check_attempts": [_attempt_as_data(attempt) for attempt in attempts],
        "evidence": [_evidence_as_data(file) for file in progress.evidence.all()]
        if progress
        else [],
    }


def _evidence_as_data(file: Evidence) -> dict[str, Any]:
    """An evidence file, listed (the file itself is theirs to download from the task)."""
    return {
        "name": file.name,
        "type": file.content_type,
        "size_bytes": file.size,
        "attached_at": file.uploaded_at,
    }


def learning_as_data(person: User) -> list[dict[str, Any]]:
    """Every assignment of the person with each step of its version, in order."""
    assignments = (
        Assignment.objects.for_trainee(person)
        .with_progress()
        .select_related("version")
        .prefetch_related(
            "version__steps",
            # with its step: progress left on a step a newer version dropped names it
            Prefetch("progress", queryset=StepProgress.objects.select_related("step")),
            "progress__evidence",
            "attempts",
        )
    )
    learning = []
    for assignment in assignments:
        progress = {row.step_id: row for row in assignment.progress.all()}
        version_id = assignment.version_id
        attempts: dict[int, list[CheckAttempt]] = {}
        for attempt in sorted(assignment.attempts.all(), key=lambda a: a.number):
            attempts.setdefault(attempt.step_id, []).append(attempt)
        learning.append(
            {
                "path": assignment.version.localized_title,
                "status": assignment.status,
                "assigned_at": assignment.assigned_at,
                "due_on": assignment.due_on,
                "completed_at": assignment.completed_at,
                "cancelled_at": assignment.cancelled_at,
                "steps_done": assignment.done_count,
                "steps": assignment.version.step_count,
                "percent": assignment.percent,
                "steps_detail": [
                    _step_as_data(step, progress.get(step.pk), attempts.get(step.pk, []))
                    for step in assignment.version.steps.all()
                ],
                # what was done on steps the version the assignment moved to dropped
                "earlier_version_steps": [
                    _step_as_data(row.step, row, attempts.get(row.step_id, []))
                    for row in sorted(
                        (row for row in progress.values() if row.step.version_id != version_id),
                        key=lambda row: (row.step.version_id, row.step.position),
                    )
                ],
            }
        )
    return learning


def profile_as_data(person: User) -> dict[str, Any] | None:
    profile = (
        TraineeProfile.objects.filter(user=person)
        .select_related("buddy")
        .annotate(unit_name=localized_field(BusinessUnit, via="business_unit__"))
        .first()
    )
    if profile is None:
        return None
    return {
        "start_date": profile.start_date,
        # Named in the language of the person asking for it.
        "business_unit": profile.unit_name,
        "job_title": profile.job_title,
        "buddy": _name(profile.buddy),
    }


def coaches_as_data(person: User) -> list[dict[str, Any]]:
    links = CoachRelationship.objects.filter(trainee=person).select_related("coach")
    return [
        {
            "coach": _name(link.coach),
            "primary": link.is_primary,
            "starts_on": link.starts_on,
            "ends_on": link.ends_on,
        }
        for link in links
    ]


def buddy_questions_as_data(person: User) -> list[dict[str, Any]]:
    """The questions the person asked their buddy, with the answers: theirs to take away."""
    asked = BuddyQuestion.objects.asked_by(person).select_related("buddy", "answered_by")
    return [
        {
            "question": question.text,
            "asked_at": question.asked_at,
            "buddy": _name(question.buddy),
            "answer": question.answer,
            "answered_by": _name(question.answered_by),
            "answered_at": question.answered_at,
        }
        for question in asked.order_by("asked_at", "pk")
    ]


def record_as_data(person: User) -> dict[str, Any]:
    entries = load_related(filtered_entries(person), trainee=person)
    prefetch_related_objects(
        [entry for entry in entries if isinstance(entry, Goal)], "check_ins__author"
    )
    return {
        "person": {
            "username": person.get_username(),
            "name": _name(person),
            "email": getattr(person, person.get_email_field_name(), ""),
            "date_joined": getattr(person, "date_joined", None),
        },
        "profile": profile_as_data(person),
        "coaches": coaches_as_data(person),
        "entries": [entry_as_data(entry) for entry in entries],
        "learning": learning_as_data(person),
        "buddy_questions": buddy_questions_as_data(person),
        "exported_at": timezone.now(),
    }


def json_download(person: User) -> HttpResponse:
    """The whole export as a JSON file to save."""
    response = HttpResponse(
        json.dumps(record_as_data(person), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"personal-data-{person.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
