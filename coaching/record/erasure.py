"""Erasure on request: HR erases everything on a person's record, and logs that it happened."""

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils.translation import gettext as _

from coaching.common.names import display_name
from coaching.common.types import User
from coaching.notifications import inbox
from coaching.record.models import (
    ActionItem,
    AgendaItem,
    Cheer,
    Entry,
    EntryRevision,
    GoalCheckIn,
    RecordErasure,
    Reply,
    ReviewAction,
)


def _person_fields() -> Iterator[tuple[type[models.Model], models.ForeignKey[Any, Any]]]:
    """(model, field) for every field of a record that points at a person other than the
    record's owner: what erasure clears (or, where a row means nothing without its person,
    as with a cheer, deletes). Found from the models, so a new field cannot be missed."""
    entry_kinds: list[type[models.Model]] = [
        model for model in apps.get_app_config("coaching").get_models() if issubclass(model, Entry)
    ]
    user_model = get_user_model()
    record_models: tuple[type[models.Model], ...] = (
        *entry_kinds,
        Reply,
        Cheer,
        AgendaItem,
        ActionItem,
        ReviewAction,
        GoalCheckIn,
        EntryRevision,
    )
    for model in record_models:
        for field in model._meta.get_fields(include_parents=False):
            if (
                isinstance(field, models.ForeignKey)
                and field.many_to_one
                and field.related_model is user_model
                and field.name != "trainee"
            ):
                yield model, field


def erase_record(person: User, *, erased_by: User, reason: str = "") -> RecordErasure:
    """Erase everything on a person's record, including what others wrote about them, and
    log that it happened (not what it said). What they wrote on others' records, and the
    actions they own there, stay without their name."""
    with transaction.atomic():
        _rows, deleted = Entry.objects.non_polymorphic().filter(trainee=person).delete()
        count = deleted.get(Entry._meta.label, 0)
        for model, field in _person_fields():
            rows = model._base_manager.filter(**{field.name: person})
            if field.null:
                rows.update(**{field.name: None})
            else:
                rows.delete()
        inbox.forget(person, stand_in=_("a former colleague"))
        return RecordErasure.objects.create(
            person_id_erased=person.pk,
            person_name=display_name(person),
            erased_by=erased_by,
            entries_erased=count,
            reason=reason,
        )
