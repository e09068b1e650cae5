"""What an identity provider's changes do to people, in the plugin's terms: an account, a
new hire's profile (unit, job title, start date), a primary coach (the manager), and
access that ends when the account is deactivated. The SCIM adapters (adapters.py) turn
requests into the `Changes` below; everything here runs in one transaction per request.

People are made the way HR makes them (coaching/people/hiring.py): the account, the
profile with an ordinary save (so that what listens to a profile's post_save runs), the
coaching link and the invitation, which `COACHING_SCIM_INVITE` may switch off. The trail
says which identity provider (which token) did it.
"""

from datetime import date
from typing import Any, TypedDict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from coaching.audit import trail
from coaching.common.types import User
from coaching.conf import coaching_settings
from coaching.people.hiring import EmailTaken, _new_account, email_taken, set_primary_coach
from coaching.people.invitation import invite
from coaching.people.models import TraineeProfile
from coaching.provisioning.models import ProvisionedPerson, ProvisioningToken
from lessons.models import BusinessUnit


class Changes(TypedDict, total=False):
    """What a request sets; a key left out is left as it is. None clears a unit or coach."""

    email: str
    first_name: str
    last_name: str
    external_id: str
    active: bool
    job_title: str
    unit_name: str | None
    manager_id: str | None
    start_date: date | None


class Refused(Exception):
    """A request the plugin cannot carry out, and why (in the site's language)."""

    def __init__(self, detail: str, *, conflict: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.conflict = conflict


def provisioned_people() -> QuerySet[Any]:
    """Everyone an identity provider may see and change: superusers are left out, so a
    leaked provisioning token can never lock the site's administrators out."""
    return get_user_model().objects.filter(is_superuser=False)


def unit_named(name: str) -> BusinessUnit:
    unit = BusinessUnit.objects.originals().filter(name__iexact=name.strip()).first()
    if unit is None:
        raise Refused(
            _(
                "No business unit is named “%(name)s”. Add it in the admin (Snippets, "
                "Business units) or push it as a group first."
            )
            % {"name": name}
        )
    return unit


def manager_of(person: User | None, manager_id: str) -> User:
    manager = None
    if str(manager_id).isdigit():
        manager = provisioned_people().filter(pk=int(manager_id), is_active=True).first()
    if manager is None:
        raise Refused(_("No active person has the id “%(id)s”.") % {"id": manager_id})
    if person is not None and manager.pk == person.pk:
        raise Refused(_("A person cannot be their own manager."))
    return manager


def provision(changes: Changes, *, token: ProvisioningToken) -> User:
    """A new person from the identity provider: their account and new hire's profile, the
    manager as primary coach, and (by the setting) the invitation. Raises Refused."""
    email = changes.get("email", "")
    if not email:
        raise Refused(_("A person needs an email address (userName or emails)."))
    if email_taken(email):
        raise Refused(
            _("Someone already has the userName “%(email)s”.") % {"email": email}, conflict=True
        )
    unit_name = changes.get("unit_name")
    unit = unit_named(unit_name) if unit_name else None
    with transaction.atomic():
        try:
            person = _new_account(
                changes.get("first_name", ""), changes.get("last_name", ""), email
            )
        except EmailTaken as taken:  # another request created it a moment ago
            raise Refused(
                _("Someone already has the userName “%(email)s”.") % {"email": email}, conflict=True
            ) from taken
        ProvisionedPerson.objects.create(user=person, external_id=changes.get("external_id", ""))
        profile = TraineeProfile(
            user=person,
            start_date=changes.get("start_date"),
            business_unit=unit,
            job_title=changes.get("job_title", ""),
        )
        profile.save()
        trail.record(
            profile, "coaching.provision", by=None, trainee_id=person.pk, provider=token.name
        )
        if changes.get("manager_id"):
            set_primary_coach(person, manager_of(person, str(changes["manager_id"])), by=None)
        if changes.get("active") is False:
            _deactivate(person, token=token)
        elif coaching_settings.SCIM_INVITE:
            invite(profile, by=None)
    return person


def update(person: User, changes: Changes, *, token: ProvisioningToken) -> None:
    """Apply the identity provider's changes to a person, all or nothing. The unit, job
    title, start date and coach are a new hire's: someone without a profile (staff added
    by hand) keeps only their account in step. Raises Refused."""
    with transaction.atomic():
        changed = _update_account(person, changes)
        if "external_id" in changes:
            ProvisionedPerson.objects.update_or_create(
                user=person, defaults={"external_id": changes["external_id"]}
            )
        profile = TraineeProfile.objects.filter(user=person).first()
        if profile is not None:
            changed |= _update_profile(profile, changes)
            if "manager_id" in changes:
                manager = changes["manager_id"]
                coach = manager_of(person, str(manager)) if manager else None
                changed |= set_primary_coach(person, coach, by=None)
        if changed:
            _record(person, profile, "coaching.provision_update", token)
        if changes.get("active") is False and person.is_active:
            _deactivate(person, token=token)
        elif changes.get("active") is True and not person.is_active:
            _reactivate(person, profile, token=token)


def deactivate(person: User, *, token: ProvisioningToken) -> None:
    """End the person's access and keep everything about them (DELETE does this too)."""
    with transaction.atomic():
        if person.is_active:
            _deactivate(person, token=token)


def _update_account(person: User, changes: Changes) -> bool:
    user_model = get_user_model()
    fields = []
    email = changes.get("email")
    if email and email != person.email:
        if email_taken(email):
            raise Refused(
                _("Someone already has the userName “%(email)s”.") % {"email": email}, conflict=True
            )
        setattr(person, user_model.USERNAME_FIELD, email)
        setattr(person, user_model.get_email_field_name(), email)
        fields += [user_model.USERNAME_FIELD, user_model.get_email_field_name()]
    for name in ("first_name", "last_name"):
        if name in changes and getattr(person, name) != changes[name]:
            setattr(person, name, changes[name])
            fields.append(name)
    if fields:
        person.save(update_fields=sorted(set(fields)))
    return bool(fields)


def _update_profile(profile: TraineeProfile, changes: Changes) -> bool:
    before = (profile.business_unit_id, profile.job_title, profile.start_date)
    if "unit_name" in changes:
        name = changes["unit_name"]
        profile.business_unit = unit_named(name) if name else None
    if "job_title" in changes:
        profile.job_title = changes["job_title"][:120]
    if "start_date" in changes:
        profile.start_date = changes["start_date"]
    if before == (profile.business_unit_id, profile.job_title, profile.start_date):
        return False
    profile.save()  # an ordinary save: enrolment rules listen to it
    return True


def _deactivate(person: User, *, token: ProvisioningToken) -> None:
    """No more access, at once: the account is inactive (no sign-in, no emails), and its
    password is cleared, which ends every session it has (Django checks each session
    against the password) even under a backend that lets inactive people in. Nothing
    else changes: the development record, progress and coaching links stay."""
    person.is_active = False
    person.set_unusable_password()
    person.save(update_fields=["is_active", "password"])
    _record(person, None, "coaching.deactivate", token)


def _reactivate(person: User, profile: TraineeProfile | None, *, token: ProvisioningToken) -> None:
    """Access again; with no password since deactivation, a new invitation (by the setting)."""
    person.is_active = True
    person.save(update_fields=["is_active"])
    _record(person, profile, "coaching.reactivate", token)
    if profile is not None and coaching_settings.SCIM_INVITE:
        invite(profile, by=None)


def _record(
    person: User, profile: TraineeProfile | None, action: str, token: ProvisioningToken
) -> None:
    profile = profile or TraineeProfile.objects.filter(user=person).first()
    trail.record(profile or person, action, by=None, trainee_id=person.pk, provider=token.name)


def move_to_unit(
    unit: BusinessUnit, *, joining: list[Any], leaving: list[Any], token: ProvisioningToken
) -> None:
    """A group's members changed: `joining` (ids) now belong to the unit, `leaving` no
    longer do (if they still belong to it). People without a new hire's profile have no
    unit, and are passed over. Each profile is saved as any edit saves it."""
    ids = {str(pk) for pk in [*joining, *leaving]}
    known = dict(
        provisioned_people()
        .filter(pk__in=[int(pk) for pk in ids if pk.isdigit()])
        .values_list("pk", "pk")
    )
    unknown = sorted(pk for pk in ids if not pk.isdigit() or int(pk) not in known)
    if unknown:
        raise Refused(_("No person has the id “%(id)s”.") % {"id": unknown[0]})
    with transaction.atomic():
        profiles = TraineeProfile.objects.select_related("user").filter(
            user_id__in=[int(pk) for pk in ids]
        )
        joining_ids = {int(pk) for pk in joining}
        for profile in profiles:
            if profile.user_id in joining_ids:
                if profile.business_unit_id == unit.pk:
                    continue
                profile.business_unit = unit
            elif profile.business_unit_id == unit.pk:
                profile.business_unit = None
            else:
                continue
            profile.save()
            _record(profile.user, profile, "coaching.provision_update", token)
