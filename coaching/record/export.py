"""A person's whole record as plain data, for the export they own."""

from django.db.models import Prefetch, prefetch_related_objects

from coaching.common.names import display_name
from coaching.learning.models import Assignment, ProgressStatus, StepProgress
from coaching.record.models import Goal
from coaching.record.timeline import filtered_entries, load_related

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


def record_as_data(person):
    entries = load_related(filtered_entries(person), trainee=person)
    prefetch_related_objects(
        [entry for entry in entries if isinstance(entry, Goal)], "check_ins__author"
    )
    assignments = (
        Assignment.objects.for_trainee(person)
        .with_progress()
        .select_related("version")
        .prefetch_related(
            Prefetch("progress", queryset=StepProgress.objects.select_related("step"))
        )
    )
    return {
        "person": {"username": person.get_username(), "name": _name(person)},
        "entries": [entry_as_data(entry) for entry in entries],
        "learning": [
            {
                "path": assignment.version.title,
                "status": assignment.status,
                "assigned_at": assignment.assigned_at,
                "due_on": assignment.due_on,
                "completed_at": assignment.completed_at,
                "steps_done": assignment.done_count,
                "steps": assignment.version.step_count,
                "steps_detail": [
                    {
                        "step": progress.step.title,
                        "status": progress.status,
                        "done": progress.status == ProgressStatus.DONE,
                        "completed_at": progress.completed_at,
                        "note": progress.note,
                        "coach_comment": progress.coach_comment,
                        "waived": progress.is_waived,
                        "waived_reason": progress.waived_reason,
                    }
                    for progress in assignment.progress.all()
                ],
            }
            for assignment in assignments
        ],
    }
