"""The import of new hires as a django-import-export Resource: each row becomes a plan for
one person (new, updated or unchanged), checked against what is known, then applied.

Everything the rows name (people by address, who may coach, open primary coaching links,
business units in every language) is fetched once in `before_import`, so a dry run costs
the same few queries for 10 rows or 500. Applying makes new people with
`coaching.people.hiring.hire` and updates the others with ordinary `save()` (so whatever
listens to a profile's post_save hears it).
"""

import copy
import dataclasses
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import resources
from import_export.fields import Field
from import_export.instance_loaders import BaseInstanceLoader

from coaching.audit import trail
from coaching.common.names import display_name
from coaching.common.types import User
from coaching.people import hiring
from coaching.people.models import CoachRelationship, TraineeProfile
from lessons.models import BusinessUnit

from .cells import AddressWidget, DayWidget, LookupWidget, TextWidget, clean_address


@dataclasses.dataclass
class NewHire:
    """What a row says of one person; `profile` is theirs if they are a new hire already,
    `account` an account with the address that is not a new hire's."""

    email: str = ""
    first_name: str | None = None
    last_name: str | None = None
    start_date: date | None = None
    unit_id: int | None = None
    job_title: str | None = None
    coach_id: int | None = None
    buddy_id: int | None = None
    profile: TraineeProfile | None = None
    account: Any = None

    def __deepcopy__(self, memo: Any) -> "NewHire":
        return copy.copy(self)  # the original's values, sharing its profile


# The columns of a plan that an update compares, with their labels.
def labels() -> dict[str, str]:
    return {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "email": _("Email"),
        "start_date": _("Start date"),
        "unit_id": _("Business unit"),
        "job_title": _("Job title"),
        "coach_id": _("Coach"),
        "buddy_id": _("Buddy"),
    }


class Known:
    """What the rows name, fetched at once: the people with their addresses (those of the
    new hires, coaches and buddies), who of them may coach, the open primary coaching links
    of the new hires among them, and every business unit's name in every language."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        addresses = set()
        for row in rows:
            for column in ("email", "coach", "buddy"):
                address = str(row.get(column) or "").strip().lower()
                if address:
                    addresses.add(address)
        user_model = get_user_model()
        email, username = user_model.get_email_field_name(), user_model.USERNAME_FIELD
        found = (
            user_model.objects.annotate(lower_email=Lower(email), lower_username=Lower(username))
            .filter(Q(lower_email__in=addresses) | Q(lower_username__in=addresses))
            .select_related("trainee_profile")
            .order_by("pk")
        )
        self.people: dict[str, Any] = {}
        for person in found:
            self.people.setdefault(person.lower_email, person)
            self.people.setdefault(person.lower_username, person)
        ids = {person.pk for person in self.people.values()}
        self.coaches = set(
            hiring.possible_coaches().filter(pk__in=ids).values_list("pk", flat=True)
        )
        self.by_id = {person.pk: person for person in self.people.values()}
        self.primary = {
            link.trainee_id: link
            for link in CoachRelationship.objects.filter(
                trainee__in=ids, is_primary=True, ends_on__isnull=True
            )
        }
        self.units: dict[int, BusinessUnit] = {}
        self.unit_names: dict[str, int] = {}
        translations: dict[Any, list[BusinessUnit]] = {}
        for unit in BusinessUnit.objects.order_by("pk"):
            translations.setdefault(unit.translation_key, []).append(unit)
        for rows_of_unit in translations.values():
            original = rows_of_unit[0]  # the first row written: what profiles point at
            self.units[original.pk] = original
            for unit in rows_of_unit:
                for name in (unit.name, unit.slug):
                    self.unit_names.setdefault(" ".join(name.lower().split()), original.pk)

    def has_profile(self, person: Any) -> bool:
        return hasattr(person, "trainee_profile")

    def unit(self, value: Any, row: Any) -> int:
        name = " ".join(str(value).lower().split())
        if name not in self.unit_names:
            known = ", ".join(sorted(unit.name for unit in self.units.values()))
            raise ValueError(
                _("No business unit is called “%(name)s”. The units: %(known)s.")
                % {"name": value, "known": known}
            )
        return self.unit_names[name]

    def _person(self, value: Any, row: Any, itself: str) -> Any:
        address = hiring_address(value)
        if address and address == str(row.get("email") or "").strip().lower():
            raise ValueError(itself)
        person = self.people.get(address)
        if person is None or not person.is_active:
            raise ValueError(_("No one here has the address %(email)s.") % {"email": address})
        return person

    def coach(self, value: Any, row: Any) -> int:
        person = self._person(value, row, _("A new hire cannot be their own coach."))
        if person.pk not in self.coaches:
            raise ValueError(
                _("%(name)s may not coach yet: add them to a group of coaches first.")
                % {"name": display_name(person)}
            )
        return int(person.pk)

    def buddy(self, value: Any, row: Any) -> int:
        person = self._person(value, row, _("A new hire cannot be their own buddy."))
        if self.has_profile(person):
            raise ValueError(
                _("%(name)s is a new hire too: a buddy knows the everyday ways already.")
                % {"name": display_name(person)}
            )
        return int(person.pk)


def hiring_address(value: Any) -> str:
    return clean_address(value)


class Loader(BaseInstanceLoader):
    """Finds the plan of a row's person by their address, among the people known."""

    def get_instance(self, row: dict[str, Any]) -> NewHire | None:
        resource: NewHireResource = self.resource
        address = str(row.get("email") or "").strip().lower()
        person = resource.known.people.get(address) if address else None
        if person is None:
            return None
        if not resource.known.has_profile(person):
            return NewHire(email=address, account=person)
        profile = person.trainee_profile
        link = resource.known.primary.get(person.pk)
        return NewHire(
            email=address,
            first_name=person.first_name,
            last_name=person.last_name,
            start_date=profile.start_date,
            unit_id=profile.business_unit_id,
            job_title=profile.job_title,
            coach_id=link.coach_id if link else None,
            buddy_id=profile.buddy_id,
            profile=profile,
        )


class NewHireResource(resources.Resource):
    """One row, one person. Built for one import: `by` is who imports, `file_name` the
    file (both named in the audit trail)."""

    first_name = Field(
        attribute="first_name",
        column_name="first_name",
        saves_null_values=False,
        widget=TextWidget(150),
    )
    last_name = Field(
        attribute="last_name",
        column_name="last_name",
        saves_null_values=False,
        widget=TextWidget(150),
    )
    email = Field(
        attribute="email", column_name="email", saves_null_values=False, widget=AddressWidget()
    )
    start_date = Field(
        attribute="start_date",
        column_name="start_date",
        saves_null_values=False,
        widget=DayWidget(),
    )
    unit = Field(attribute="unit_id", column_name="unit", saves_null_values=False)
    job_title = Field(
        attribute="job_title",
        column_name="job_title",
        saves_null_values=False,
        widget=TextWidget(120),
    )
    coach = Field(attribute="coach_id", column_name="coach", saves_null_values=False)
    buddy = Field(attribute="buddy_id", column_name="buddy", saves_null_values=False)

    class Meta:
        import_id_fields = ["email"]
        instance_loader_class = Loader
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        store_instance = True
        # Rows are kept and applied at the end (bulk_create/bulk_update below, one save per
        # person): no savepoint per row, so a dry run's queries do not grow with the rows.
        use_bulk = True
        batch_size = None

    def __init__(self, *, by: User | None = None, file_name: str = "") -> None:
        super().__init__()
        self.by, self.file_name = by, file_name
        self.known: Known
        self.seen: dict[str, int] = {}
        self.row_number = 0

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        self.known = Known(list(dataset.dict))
        self.fields["unit"].widget = LookupWidget(self.known.unit)
        self.fields["coach"].widget = LookupWidget(self.known.coach)
        self.fields["buddy"].widget = LookupWidget(self.known.buddy)

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        self.row_number = kwargs.get("row_number", 0)

    def init_instance(self, row: Any = None) -> NewHire:
        return NewHire()

    def skip_row(
        self, instance: Any, original: Any, row: Any, import_validation_errors: Any = None
    ) -> bool:
        if instance.profile is None:
            return False  # someone new, or an address that is not a new hire's: never skipped
        return bool(super().skip_row(instance, original, row, import_validation_errors))

    def validate_instance(
        self, instance: Any, import_validation_errors: Any = None, validate_unique: bool = True
    ) -> None:
        errors: dict[str, list[Any]] = {
            key: list(value) for key, value in (import_validation_errors or {}).items()
        }

        def problem(field: str, message: str) -> None:
            errors.setdefault(field, []).append(ValidationError(message))

        plan: NewHire = instance
        if not plan.email and "email" not in errors:
            problem("email", _("The email address is missing: the invitation goes there."))
        elif plan.email:
            if plan.email in self.seen:
                problem(
                    "email",
                    _("This address is on row %(row)s too.") % {"row": self.seen[plan.email]},
                )
            else:
                self.seen[plan.email] = self.row_number
        if plan.account is not None:
            problem(
                "email",
                _(
                    "This address belongs to %(name)s, who is not a new hire: "
                    "they are left as they are."
                )
                % {"name": display_name(plan.account)}
                if plan.account.is_active
                else _("This address belongs to a deactivated account."),
            )
        if plan.profile is None and plan.account is None:
            if not plan.first_name and "first_name" not in errors:
                problem("first_name", _("The name is missing."))
            if plan.start_date is None and "start_date" not in errors:
                problem("start_date", _("The start date is missing."))
        if plan.buddy_id is not None and plan.buddy_id == plan.coach_id:
            problem("buddy_id", _("Pick someone other than the coach as the buddy."))
        if errors:
            raise ValidationError(errors)

    # Applying: only when not a dry run, one person at a time with ordinary saves.
    def bulk_create(
        self,
        using_transactions: bool,
        dry_run: bool,
        raise_errors: bool,
        batch_size: Any = None,
        result: Any = None,
    ) -> None:
        plans: list[Any] = list(self.create_instances)
        self.create_instances: list[Any] = []
        if dry_run:
            return
        for plan in plans:
            hiring.hire(
                first_name=plan.first_name or "",
                last_name=plan.last_name or "",
                email=plan.email,
                start_date=plan.start_date,
                business_unit=self.known.units.get(plan.unit_id) if plan.unit_id else None,
                job_title=plan.job_title or "",
                coach=self.known.by_id.get(plan.coach_id) if plan.coach_id else None,
                buddy=self.known.by_id.get(plan.buddy_id) if plan.buddy_id else None,
                by=self.by,
            )

    def bulk_update(
        self,
        using_transactions: bool,
        dry_run: bool,
        raise_errors: bool,
        batch_size: Any = None,
        result: Any = None,
    ) -> None:
        plans: list[Any] = list(self.update_instances)
        self.update_instances: list[Any] = []
        if dry_run:
            return
        for plan in plans:
            self.update(plan)

    def bulk_delete(
        self, using_transactions: bool, dry_run: bool, raise_errors: bool, result: Any = None
    ) -> None:
        self.delete_instances: list[Any] = []  # an import never deletes anyone

    def update(self, plan: NewHire) -> None:
        """Bring a new hire's account, profile and primary coach in line with the row."""
        profile = plan.profile
        assert profile is not None
        person = profile.user
        if (person.first_name, person.last_name) != (plan.first_name, plan.last_name):
            person.first_name, person.last_name = plan.first_name or "", plan.last_name or ""
            person.save(update_fields=["first_name", "last_name"])
        profile.start_date = plan.start_date
        profile.business_unit_id = plan.unit_id
        profile.job_title = plan.job_title or ""
        profile.buddy_id = plan.buddy_id
        profile.save()
        link = self.known.primary.get(person.pk)
        if plan.coach_id is not None and (link is None or link.coach_id != plan.coach_id):
            today = timezone.localdate()
            if link is not None:
                self.end(link, today)
            new_link = CoachRelationship.objects.create(
                coach=self.known.by_id[plan.coach_id],
                trainee=person,
                is_primary=True,
                starts_on=today,
            )
            trail.record_on_link(new_link, "coaching.link_start", by=self.by)
        trail.record(
            profile, "coaching.import_update", by=self.by, trainee_id=person.pk, file=self.file_name
        )

    def end(self, link: CoachRelationship, today: date) -> None:
        """End a primary coaching link that a new coach replaces: yesterday, so that today
        the new coach is the only primary one; a link that had not begun before today never
        held, and goes (its start and its end are in the trail)."""
        link.ends_on = max(link.starts_on, today - timedelta(days=1))
        trail.record_on_link(link, "coaching.link_end", by=self.by)
        if link.starts_on >= today:
            link.delete()
        else:
            link.save(update_fields=["ends_on"])
