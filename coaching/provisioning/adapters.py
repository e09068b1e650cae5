"""django-scim2's adapters, fitted to the plugin: a SCIM User is a person (their account,
new hire's profile and primary coach), a SCIM Group is a business unit whose members are
the unit's people. The library parses requests and PATCH operations and calls these;
what a change means is decided in people.py."""

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scim import constants, exceptions
from django_scim.adapters import SCIMGroup, SCIMUser
from wagtail.models import Locale

from coaching.common.names import display_name
from coaching.provisioning import people
from coaching.provisioning.listing import people_listed, units_listed
from coaching.provisioning.models import ProvisionedUnit, ProvisioningToken
from coaching.provisioning.reading import ENTERPRISE, ONBOARDING, as_body, read_person
from lessons.models import BusinessUnit


class Located:
    """Where a resource lives: this site's own address (no SCIM_SERVICE_PROVIDER setting)."""

    url_name: str
    obj: Any
    request: Any

    @property
    def id(self) -> str:
        return str(self.obj.pk)

    @property
    def location(self) -> str:
        return self.request.build_absolute_uri(reverse(self.url_name, kwargs={"uuid": self.id}))

    @property
    def token(self) -> ProvisioningToken:
        return self.request.provisioning_token

    def _default_validate_op(self, path: Any, value: Any, operation: dict[str, Any]) -> None:
        """The values are checked as they are read (reading.py)."""

    def parse_path_and_values(self, path: str | None, value: Any) -> list[tuple[str, Any]]:
        # Paths stay text: reading.as_body knows the shapes identity providers send.
        if not path:
            if not isinstance(value, dict):
                raise exceptions.BadRequestError(_("An operation without a path needs an object."))
            return list(value.items())
        return [(path, value)]


class PersonAdapter(Located, SCIMUser):
    """A person as a SCIM User with the enterprise extension (department: the business
    unit, title: the job title, manager: the primary coach) and ours (startDate)."""

    url_name = "coaching:scim_user"
    id_field = "pk"

    def __init__(self, obj: Any, request: Any = None) -> None:
        super().__init__(obj, request)
        self.changes: people.Changes = {}

    def to_dict(self) -> dict[str, Any]:
        person = self.obj
        profile = getattr(person, "trainee_profile", None) if person.pk else None
        link = getattr(person, "provisioned", None) if person.pk else None
        coaches = getattr(person, "scim_primary_links", [])
        enterprise: dict[str, Any] = {}
        onboarding: dict[str, Any] = {}
        groups = []
        if profile is not None:
            unit = profile.business_unit
            if unit is not None:
                enterprise["department"] = unit.name
                groups.append(
                    {
                        "value": str(unit.pk),
                        "display": unit.name,
                        "$ref": self.request.build_absolute_uri(
                            reverse("coaching:scim_group", kwargs={"uuid": unit.pk})
                        ),
                    }
                )
            if coaches:
                coach = coaches[0].coach
                enterprise["manager"] = {"value": str(coach.pk), "displayName": display_name(coach)}
            if profile.start_date:
                onboarding["startDate"] = profile.start_date.isoformat()
        body: dict[str, Any] = {
            "schemas": [constants.SchemaURI.USER, ENTERPRISE, ONBOARDING],
            "id": self.id,
            "externalId": link.external_id if link is not None and link.external_id else None,
            "userName": person.get_username(),
            "name": {
                "givenName": person.first_name,
                "familyName": person.last_name,
                "formatted": display_name(person),
            },
            "displayName": display_name(person),
            "emails": [{"value": person.email, "type": "work", "primary": True}],
            "active": person.is_active,
            "title": profile.job_title if profile is not None else "",
            "groups": groups,
            ENTERPRISE: enterprise,
            ONBOARDING: onboarding,
            "meta": {
                "resourceType": "User",
                "created": person.date_joined.isoformat(),
                "location": self.location,
            },
        }
        return {key: value for key, value in body.items() if value is not None}

    def validate_dict(self, d: dict[str, Any]) -> None:
        if not isinstance(d, dict):
            raise exceptions.BadRequestError(_("The body should be a SCIM User object."))

    def from_dict(self, d: dict[str, Any]) -> None:
        self.changes = read_person(d, whole=True)

    def handle_add(self, path: str, value: Any, operation: dict[str, Any]) -> None:
        self.changes.update(read_person(as_body(path, value), whole=False))

    handle_replace = handle_add

    def handle_remove(self, path: str, value: Any, operation: dict[str, Any]) -> None:
        cleared = read_person(as_body(path, None), whole=False)
        if "manager" in path:
            cleared["manager_id"] = None
        if path in ("department", "organization") or path.endswith(
            (":department", ":organization")
        ):
            cleared["unit_name"] = None
        self.changes.update(cleared)

    def handle_operations(self, operations: list[dict[str, Any]]) -> None:
        _check(operations)
        super().handle_operations(operations)
        self.save()

    def save(self) -> None:
        try:
            if self.obj.pk is None:
                self.obj = people.provision(self.changes, token=self.token)
            else:
                people.update(self.obj, self.changes, token=self.token)
        except people.Refused as refused:
            raise as_scim_error(refused) from refused
        self.obj = _fresh_person(self.obj.pk)

    def delete(self) -> None:
        """Deactivate, never delete: the person's development record stays."""
        people.deactivate(self.obj, token=self.token)


class UnitAdapter(Located, SCIMGroup):
    """A business unit as a SCIM Group: its members are the people in the unit."""

    url_name = "coaching:scim_group"
    id_field = "pk"

    def __init__(self, obj: Any, request: Any = None) -> None:
        super().__init__(obj, request)
        self.name: str | None = None
        self.external_id: str | None = None
        self.joining: list[str] = []
        self.leaving: list[str] = []
        self.replacing_members: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        unit = self.obj
        link = getattr(unit, "provisioned", None)
        body: dict[str, Any] = {
            "schemas": [constants.SchemaURI.GROUP],
            "id": self.id,
            "externalId": link.external_id if link is not None and link.external_id else None,
            "displayName": unit.name,
            "meta": {"resourceType": "Group", "location": self.location},
        }
        members = getattr(unit, "scim_members", None)
        if members is not None:  # left out when asked to (excludedAttributes=members)
            body["members"] = [
                {
                    "value": str(profile.user_id),
                    "display": display_name(profile.user),
                    "$ref": self.request.build_absolute_uri(
                        reverse("coaching:scim_user", kwargs={"uuid": profile.user_id})
                    ),
                }
                for profile in members
            ]
        return {key: value for key, value in body.items() if value is not None}

    def validate_dict(self, d: dict[str, Any]) -> None:
        if not isinstance(d, dict):
            raise exceptions.BadRequestError(_("The body should be a SCIM Group object."))

    def from_dict(self, d: dict[str, Any]) -> None:
        name = d.get("displayName")
        if not isinstance(name, str) or not name.strip():
            raise exceptions.BadRequestError(_("A group needs a displayName: its unit's name."))
        self.name = name.strip()[:120]
        if "externalId" in d:
            self.external_id = str(d["externalId"] or "")[:255]
        if "members" in d:
            self.replacing_members = _member_ids(d["members"])

    def handle_add(self, path: str, value: Any, operation: dict[str, Any]) -> None:
        if path == "members":
            self.joining += _member_ids(value)
        elif path == "displayName":
            self.name = _group_name(value)
        elif path == "externalId":
            self.external_id = str(value or "")[:255]
        elif path in ("id", "schemas", "meta"):
            pass  # Okta repeats the group's id in a replace without a path
        else:
            raise exceptions.BadRequestError(
                _("A group has no attribute “%(path)s”.") % {"path": path}
            )

    def handle_replace(self, path: str, value: Any, operation: dict[str, Any]) -> None:
        if path == "members":
            self.replacing_members = _member_ids(value)
        else:
            self.handle_add(path, value, operation)

    def handle_remove(self, path: str, value: Any, operation: dict[str, Any]) -> None:
        # Entra ID and Okta name the member in the path: members[value eq "42"].
        if path.startswith("members[") and path.endswith("]"):
            self.leaving += [_filtered_member(path)]
        elif path == "members":
            if value is None:
                self.replacing_members = []
            else:
                self.leaving += _member_ids(value)
        else:
            raise exceptions.BadRequestError(
                _("A group's “%(path)s” cannot be removed.") % {"path": path}
            )

    def handle_operations(self, operations: list[dict[str, Any]]) -> None:
        _check(operations)
        super().handle_operations(operations)
        self.save()

    def save(self) -> None:
        try:
            with transaction.atomic():
                if self.obj.pk is None:
                    assert self.name is not None
                    self.obj = _unit_for(self.name)
                elif self.name and self.name != self.obj.name:
                    _rename(self.obj, self.name)
                if self.external_id is not None or not hasattr(self.obj, "provisioned"):
                    ProvisionedUnit.objects.update_or_create(
                        unit=self.obj, defaults={"external_id": self.external_id or ""}
                    )
                joining, leaving = self.joining, self.leaving
                if self.replacing_members is not None:
                    current = [
                        str(pk) for pk in self.obj.trainees.values_list("user_id", flat=True)
                    ]
                    joining = joining + self.replacing_members
                    leaving = leaving + [pk for pk in current if pk not in self.replacing_members]
                if joining or leaving:
                    people.move_to_unit(
                        self.obj, joining=joining, leaving=leaving, token=self.token
                    )
        except people.Refused as refused:
            raise as_scim_error(refused) from refused
        self.obj = _fresh_unit(self.obj.pk)

    def delete(self) -> None:
        """The identity provider stops keeping the group: the unit, its pages and its
        people stay (HR deletes units); only the link to the group goes."""
        ProvisionedUnit.objects.filter(unit=self.obj).delete()


def _check(operations: Any) -> None:
    """Each operation an object with an op, and a path that is text if there is one."""
    if not isinstance(operations, list) or not all(
        isinstance(o, dict)
        and isinstance(o.get("op"), str)
        and isinstance(o.get("path", ""), str | None)
        for o in operations
    ):
        raise exceptions.BadRequestError(
            _("“Operations” should be a list of operations, each with an op."),
            scim_type="invalidSyntax",
        )


def as_scim_error(refused: people.Refused) -> exceptions.SCIMException:
    if refused.conflict:
        return exceptions.IntegrityError(refused.detail, scim_type="uniqueness")
    return exceptions.BadRequestError(refused.detail, scim_type="invalidValue")


def _member_ids(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(member, dict) and isinstance(member.get("value"), str | int) for member in value
    ):
        raise exceptions.BadRequestError(_('“members” should be a list of {"value": id}.'))
    return [str(member["value"]) for member in value]


def _filtered_member(path: str) -> str:
    condition = path[len("members[") : -1].strip()
    attribute, _space, rest = condition.partition(" ")
    operator, _space, quoted = rest.partition(" ")
    if attribute != "value" or operator.lower() != "eq" or len(quoted) < 2:
        raise exceptions.BadRequestError(
            _('Only members[value eq "id"] can name a member, not “%(path)s”.') % {"path": path}
        )
    return quoted.strip('"')


def _group_name(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = value[0].get("value")
    if not isinstance(value, str) or not value.strip():
        raise exceptions.BadRequestError(_("A group needs a displayName: its unit's name."))
    return value.strip()[:120]


def _unit_for(name: str) -> BusinessUnit:
    """The unit of this name (HR may have made it), or a new one."""
    unit = BusinessUnit.objects.originals().filter(name__iexact=name).first()
    if unit is not None:
        return unit
    locale = Locale.get_default()
    base = slugify(name)[:100] or "unit"
    slug, number = base, 1
    while BusinessUnit.objects.filter(slug=slug, locale=locale).exists():
        number += 1
        slug = f"{base}-{number}"
    return BusinessUnit.objects.create(name=name, slug=slug, locale=locale)


def _rename(unit: BusinessUnit, name: str) -> None:
    taken = BusinessUnit.objects.filter(name__iexact=name, locale_id=unit.locale_id)
    if taken.exclude(pk=unit.pk).exists():
        raise people.Refused(
            _("Another business unit is named “%(name)s”.") % {"name": name}, conflict=True
        )
    unit.name = name
    unit.save(update_fields=["name"])


def _fresh_person(pk: int) -> Any:
    return people_listed().get(pk=pk)


def _fresh_unit(pk: int) -> Any:
    return units_listed(with_members=True).get(pk=pk)
