"""Forgetting a person beyond their record, for `erasure.erase_person`: how data names
them, the pseudonym their account keeps, their sessions, Wagtail's profile, their name in
the logs, and the account itself, anonymised."""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.models import BaseLogEntry

from coaching.common.names import display_name, mentioning, without_name
from coaching.common.types import User
from coaching.people.models import TraineeProfile

WAGTAIL_PROFILE = ("wagtail.users", "wagtailusers", "UserProfile")


def stand_in() -> str:
    """What others' data says where it named an erased person (who may still work here:
    erasing a record leaves them employed)."""
    return _("a person whose data was erased")


def pseudonym(person: User) -> str:
    """The username an erased person's account keeps: their number, never their name."""
    return f"erased-{person.pk}"


def wagtail_profiles(person: User) -> models.QuerySet[Any]:
    app, label, model = WAGTAIL_PROFILE
    if not apps.is_installed(app):
        return TraineeProfile.objects.none()
    profiles: models.QuerySet[Any] = apps.get_model(label, model)._default_manager.filter(
        user=person
    )
    return profiles


def sessions_of(person: User) -> list[str]:
    """The keys of the person's stored sessions (the database's, when it keeps them)."""
    if not apps.is_installed("django.contrib.sessions"):
        return []
    session_model = apps.get_model("sessions", "Session")
    return [
        session.session_key
        for session in session_model.objects.only("session_key", "session_data").iterator()
        if session.get_decoded().get(SESSION_KEY) == str(person.pk)
    ]


def identifiers(person: User) -> set[str]:
    """How data may name the person: username, full name, the name shown, email."""
    found = {
        person.get_username(),
        display_name(person),
        person.get_full_name(),
        getattr(person, person.get_email_field_name(), ""),
    }
    return {value for value in found if value}


def forget_in_logs(person: User, names: set[str]) -> None:
    """Logs name objects by their str(): Wagtail's (pages', models', the onboarding trail)
    and Django's admin log, when installed. Entries about the person's account, or labelled
    with their name, get the pseudonym; their name in any entry's data becomes the
    stand-in."""
    user_type = ContentType.objects.get_for_model(person, for_concrete_model=False)
    about_account = Q(content_type=user_type, object_id=str(person.pk))
    for model in apps.get_models():
        if not issubclass(model, BaseLogEntry):
            continue
        rows = model._base_manager.all()
        about_them = Q(label__in=names)
        if any(field.name == "object_id" for field in model._meta.concrete_fields):
            about_them |= about_account
        rows.filter(about_them).update(label=pseudonym(person))
        changed: dict[int, Any] = {
            entry.pk: entry
            for name in names
            for entry in mentioning(rows, "data", name).only("pk", "data")
        }
        for entry in changed.values():
            entry.data = without_name(entry.data, names, stand_in())
        model._base_manager.bulk_update(changed.values(), ["data"], batch_size=500)
    if apps.is_installed("django.contrib.admin"):
        admin_log = apps.get_model("admin", "LogEntry")._base_manager
        admin_log.filter(about_account | Q(object_repr__in=names)).update(
            object_repr=pseudonym(person)
        )


def end_sessions(person: User) -> None:
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    for key in sessions_of(person):
        store(session_key=key).delete()


def anonymise(person: User) -> None:
    """The account stays for the figures hanging off it, with nothing that names anyone:
    every text field emptied (custom user models' too), a pseudonym, no password."""
    for field in person._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and field.blank:
            setattr(person, field.attname, None if field.null else "")
    setattr(person, person.USERNAME_FIELD, pseudonym(person))
    person.set_unusable_password()
    for flag in ("is_active", "is_staff", "is_superuser"):
        if hasattr(person, flag):
            setattr(person, flag, False)
    person.last_login = None
    person.save()
    for related in ("groups", "user_permissions"):
        if hasattr(person, related):
            getattr(person, related).clear()
