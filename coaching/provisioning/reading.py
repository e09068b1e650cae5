"""Reading what an identity provider sends about a person: a whole SCIM User (POST, PUT)
or one PATCH operation's path and value, in the shapes Okta and Microsoft Entra ID send,
into `people.Changes`. Anything malformed is refused with the attribute it concerns."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from coaching.provisioning.people import Changes, Refused

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
# Our extension: what the enterprise one lacks. Entra ID names custom attributes with
# this shape (urn:ietf:params:scim:schemas:extension:<name>:2.0:User:<attribute>).
ONBOARDING = "urn:ietf:params:scim:schemas:extension:onboarding:2.0:User"
EXTENSIONS = (ENTERPRISE, ONBOARDING)

NAME_LENGTH = 150


def _text(value: Any, attribute: str, *, length: int = 255) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise Refused(_("“%(attribute)s” should be text.") % {"attribute": attribute})
    text = str(value).strip()
    if "\x00" in text:
        raise Refused(_("“%(attribute)s” holds a NUL character.") % {"attribute": attribute})
    return text[:length]


def _active(value: Any) -> bool:
    # Entra ID has sent "True" and "False" as text in PATCH operations.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise Refused(_("“active” should be true or false."))


def _email(value: Any) -> str:
    email = _text(value, "userName", length=150).lower()
    try:
        EmailValidator()(email)
    except ValidationError as invalid:
        raise Refused(
            _("“%(value)s” is not an email address: people sign in with their work email.")
            % {"value": email}
        ) from invalid
    return email


def _primary_email(emails: Any) -> str:
    if isinstance(emails, dict):  # OneLogin sends one address as an object
        emails = [emails]
    if not isinstance(emails, list) or not all(isinstance(e, dict) for e in emails):
        raise Refused(_("“emails” should be a list of addresses."))
    ranked = sorted(emails, key=lambda e: (not e.get("primary"), e.get("type") != "work"))
    return _email(ranked[0].get("value")) if ranked else ""


def _manager(value: Any) -> str | None:
    # Okta sends {"value": id, "displayName": ...}; Entra ID the id alone, or "" to clear.
    if isinstance(value, dict):
        value = value.get("value")
    return _text(value, "manager") or None


def _start_date(value: Any) -> Any:
    text = _text(value, "startDate")
    if not text:
        return None
    moment = parse_datetime(text) if "T" in text else None
    try:
        day = moment.date() if moment else parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise Refused(
            _("“startDate” should be a date such as 2026-03-02, not “%(value)s”.") % {"value": text}
        )
    return day


def read_person(body: dict[str, Any], *, whole: bool) -> Changes:
    """A SCIM User's attributes as changes. `whole` (POST, PUT): the names and job title
    it leaves out are cleared; a PATCH's partial body changes only what it names."""
    changes: Changes = {}
    if whole:
        changes["first_name"], changes["last_name"], changes["job_title"] = "", "", ""
    user_name = body.get("userName")
    if user_name:
        text = _text(user_name, "userName")
        if "@" in text:
            changes["email"] = _email(text)
    if body.get("emails") and "email" not in changes:
        changes["email"] = _primary_email(body["emails"])
    if "externalId" in body:
        changes["external_id"] = _text(body["externalId"], "externalId")
    name = body.get("name")
    if name is not None:
        if not isinstance(name, dict):
            raise Refused(_("“name” should hold givenName and familyName."))
        for scim, ours in (("givenName", "first_name"), ("familyName", "last_name")):
            if scim in name:
                changes[ours] = _text(name[scim], scim, length=NAME_LENGTH)  # type: ignore[literal-required]
    elif whole and body.get("displayName"):
        first, _space, last = _text(body["displayName"], "displayName").partition(" ")
        changes["first_name"], changes["last_name"] = first[:NAME_LENGTH], last[:NAME_LENGTH]
    if "active" in body:
        changes["active"] = _active(body["active"])
    if "title" in body:
        changes["job_title"] = _text(body["title"], "title", length=120)
    enterprise = body.get(ENTERPRISE)
    if enterprise is not None:
        if not isinstance(enterprise, dict):
            raise Refused(_("“%(schema)s” should be an object.") % {"schema": ENTERPRISE})
        # The department names the unit; the organisation stands in for a missing one.
        for attribute in ("department", "organization"):
            given = enterprise.get(attribute)
            if given is not None and not changes.get("unit_name"):
                changes["unit_name"] = _text(given, attribute, length=120) or None
        if "manager" in enterprise:
            changes["manager_id"] = _manager(enterprise["manager"])
    onboarding = body.get(ONBOARDING)
    if onboarding is not None:
        if not isinstance(onboarding, dict):
            raise Refused(_("“%(schema)s” should be an object.") % {"schema": ONBOARDING})
        if "startDate" in onboarding:
            changes["start_date"] = _start_date(onboarding["startDate"])
    return changes


def as_body(path: str, value: Any) -> dict[str, Any]:
    """One PATCH operation's path and value as the partial SCIM body it stands for:
    `name.givenName`, `emails[type eq "work"].value`, and extension attributes named by
    their schema (`urn:...:enterprise:2.0:User:department`) are the shapes sent."""
    for schema in EXTENSIONS:
        if path.lower().startswith(schema.lower() + ":"):
            return {schema: {path[len(schema) + 1 :]: value}}
        if path.lower() == schema.lower():
            return {schema: value}
    if path.startswith("emails"):
        return {"emails": value if isinstance(value, list | dict) else [{"value": value}]}
    head, _dot, tail = path.partition(".")
    if tail:
        return {head: {tail: value}}
    return {path: value}
