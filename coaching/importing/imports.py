"""Taking an upload in, showing what it would do (a dry run), and applying it once."""

import dataclasses
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.results import Result, RowResult

from coaching.audit import trail
from coaching.common.types import User
from coaching.conf import coaching_settings

from .models import ImportStatus, PeopleImport
from .reading import read_rows
from .resource import NewHire, NewHireResource, labels

NEW, UPDATED, UNCHANGED, PROBLEM = "new", "updated", "unchanged", "problem"


@dataclasses.dataclass
class PlannedRow:
    """One row of the preview: what will happen to whom, and why not if it cannot."""

    number: int
    name: str
    email: str
    outcome: str
    changes: list[str]
    problems: list[tuple[str, str]]


@dataclasses.dataclass
class Preview:
    rows: list[PlannedRow]

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def has_problems(self) -> bool:
        return any(row.outcome == PROBLEM for row in self.rows)


def take_upload(upload: Any, file_format: str, *, by: User) -> PeopleImport:
    """Keep an upload until it is confirmed; forget the uploads nobody confirmed in time."""
    stale = timezone.now() - timedelta(hours=coaching_settings.IMPORT_KEEP_HOURS)
    PeopleImport.objects.filter(status=ImportStatus.PENDING, uploaded_at__lt=stale).delete()
    content = upload.read()
    return PeopleImport.objects.create(
        uploaded_by=by,
        file_name=upload.name[-255:],
        file_format=file_format,
        content=content,
        rows=len(read_rows(content, file_format)),
    )


def _run(people_import: PeopleImport, *, dry_run: bool, by: User | None) -> Result:
    dataset = read_rows(bytes(people_import.content), people_import.file_format)
    resource = NewHireResource(by=by, file_name=people_import.file_name)
    return resource.import_data(
        dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
    )


def _planned(number: int, row: RowResult, data: dict[str, Any]) -> PlannedRow:
    plan: NewHire | None = row.instance
    name = " ".join(str(part) for part in (data.get("first_name"), data.get("last_name")) if part)
    email = str(data.get("email") or "")
    column = labels()
    if row.import_type in (RowResult.IMPORT_TYPE_INVALID, RowResult.IMPORT_TYPE_ERROR):
        error = row.validation_error
        problems = (
            [
                (column.get(field, ""), str(message))
                for field, messages in error.message_dict.items()
                for message in messages
            ]
            if error is not None
            else [("", _("This row could not be read."))]
        )
        return PlannedRow(number, name, email, PROBLEM, [], problems)
    if row.import_type == RowResult.IMPORT_TYPE_NEW:
        return PlannedRow(number, name, email, NEW, [], [])
    if row.import_type == RowResult.IMPORT_TYPE_SKIP:
        return PlannedRow(number, name, email, UNCHANGED, [], [])
    original = row.original
    changes = [
        label
        for field, label in column.items()
        if plan is not None and getattr(plan, field) != getattr(original, field)
    ]
    return PlannedRow(number, name, email, UPDATED, changes, [])


def _preview(result: Result, people_import: PeopleImport) -> Preview:
    dataset = read_rows(bytes(people_import.content), people_import.file_format)
    return Preview(
        [
            _planned(number, row, dict(zip(dataset.headers, values, strict=True)))
            for number, (row, values) in enumerate(zip(result.rows, dataset, strict=True), 1)
        ]
    )


def preview(people_import: PeopleImport) -> Preview:
    """What applying the upload would do now, row by row (nothing is written)."""
    return _preview(_run(people_import, dry_run=True, by=None), people_import)


class NotApplied(Exception):
    """Some row has a problem now (the data changed since the preview): nothing applied."""

    def __init__(self, preview: Preview) -> None:
        super().__init__("rows with problems")
        self.preview = preview


def apply(people_import: PeopleImport, *, by: User) -> bool:
    """Apply the upload, all of it or nothing, once: False if it was applied already (a
    second tab, a double click). Raises NotApplied if a row has a problem."""
    with transaction.atomic():
        # Claim it: of two confirmations, the second waits here and then finds it claimed.
        claimed = PeopleImport.objects.filter(
            pk=people_import.pk, status=ImportStatus.PENDING
        ).update(status=ImportStatus.APPLIED, applied_at=timezone.now())
        if not claimed:
            return False
        result = _run(people_import, dry_run=False, by=by)
        if result.has_errors() or result.has_validation_errors():
            raise NotApplied(_preview(result, people_import))
        totals = result.totals
        people_import.status = ImportStatus.APPLIED
        people_import.created = totals[RowResult.IMPORT_TYPE_NEW]
        people_import.updated = totals[RowResult.IMPORT_TYPE_UPDATE]
        people_import.unchanged = totals[RowResult.IMPORT_TYPE_SKIP]
        people_import.content = b""  # names and addresses are kept on the people, not here
        PeopleImport.objects.filter(pk=people_import.pk).update(
            created=people_import.created,
            updated=people_import.updated,
            unchanged=people_import.unchanged,
            content=b"",
        )
        trail.record(
            people_import,
            "coaching.import",
            by=by,
            trainee_id=None,
            file=people_import.file_name,
            created=people_import.created,
            updated=people_import.updated,
            unchanged=people_import.unchanged,
        )
    return True
