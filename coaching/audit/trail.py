"""Writing the onboarding audit trail: the coaching actions Wagtail's log knows, and `record`.

Every coaching action (assigning, cancelling, a new due date, signing off, sending back,
more attempts, waiving a step, a coaching link starting or ending, erasing) calls `record`
with the object it changed, who did it and whose onboarding it concerns. What an entry
keeps is structured (`data`): a path's or step's title (with its translations, under
`translations`: {language: {"path", "step"}}), dates as ISO strings, a number of attempts,
an administrative reason; never what someone wrote on a development record. The messages
below turn that data into a sentence in the reader's language: titles in their
translation there (entries written before they kept one read as they were written), dates
in the reader's format.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry, LogFormatter, get_active_log_context

from coaching.common.names import display_name
from coaching.common.titles import titles
from coaching.common.types import Text, User
from coaching.learning.models import Assignment
from coaching.people.models import CoachRelationship, TraineeProfile
from coaching.record.models import RecordErasure
from lessons.i18n import in_reader_language_all
from lessons.models import PathVersionStep

from .models import CoachingLogEntry

# The models whose log entries go to the onboarding trail.
TRAILED_MODELS: tuple[type[models.Model], ...] = (
    Assignment,
    CoachRelationship,
    TraineeProfile,
    RecordErasure,
)

# action: (label in the action filter, message with %(placeholders)s from the entry's data)
ACTIONS: Mapping[str, tuple[Text, Text]] = {
    "coaching.assign": (_("Onboarding: assign a path"), _("Assigned %(path)s")),
    "coaching.assign_by_rule": (
        _("Onboarding: a path assigned by an enrolment rule"),
        _("Assigned %(path)s by the rule “%(rule)s”"),
    ),
    "coaching.cancel": (_("Onboarding: cancel an assignment"), _("Cancelled %(path)s")),
    "coaching.change_due": (
        _("Onboarding: change a due date"),
        _("Due date of %(path)s changed from %(old)s to %(new)s"),
    ),
    "coaching.move_version": (
        _("Onboarding: move to a new version"),
        _("Moved %(path)s from version %(old)s to version %(new)s"),
    ),
    "coaching.sign_off": (_("Onboarding: sign off a task"), _("Signed off %(step)s in %(path)s")),
    "coaching.send_back": (
        _("Onboarding: send a task back"),
        _("Sent back %(step)s in %(path)s"),
    ),
    "coaching.grant_attempts": (
        _("Onboarding: grant more attempts"),
        _("Granted %(attempts)s more attempts at %(step)s in %(path)s"),
    ),
    "coaching.waive": (_("Onboarding: waive a step"), _("Waived %(step)s in %(path)s")),
    "coaching.ask_read_again": (
        _("Onboarding: ask to read a module again"),
        _("Asked to read %(step)s in %(path)s again"),
    ),
    "coaching.link_start": (
        _("Onboarding: a coaching link starts"),
        _("%(coach)s coaches this new hire from %(starts_on)s"),
    ),
    "coaching.link_start_by_rule": (
        _("Onboarding: a coaching link added by an enrolment rule"),
        _("%(coach)s coaches this new hire from %(starts_on)s, by the rule “%(rule)s”"),
    ),
    "coaching.link_end": (
        _("Onboarding: a coaching link ends"),
        _("%(coach)s stops coaching this new hire on %(ends_on)s"),
    ),
    "coaching.erase_record": (
        _("Onboarding: erase a development record"),
        _("Erased the development record"),
    ),
    "coaching.erase_person": (_("Onboarding: erase a person"), _("Erased the person")),
    "coaching.export": (
        _("Onboarding: export a person's data"),
        _("Exported this person's data on request"),
    ),
    "coaching.hire": (
        _("Onboarding: add a new hire"),
        _("Added as a new hire starting on %(start_date)s"),
    ),
    "coaching.api_change": (
        _("Onboarding: change a new hire through the API"),
        _("Changed through the API token %(token)s: %(fields)s"),
    ),
    "coaching.import": (
        _("Onboarding: import new hires"),
        _("Imported %(file)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged"),
    ),
    "coaching.import_update": (
        _("Onboarding: update a new hire from an import"),
        _("Updated from the import of %(file)s"),
    ),
    "coaching.invite": (
        _("Onboarding: invite to choose a password"),
        _("Sent the invitation to choose a password"),
    ),
    # Provisioning (coaching/provisioning): `provider` is the name of the identity
    # provider's token.
    "coaching.provision": (
        _("Onboarding: added by the identity provider"),
        _("Added by the identity provider %(provider)s"),
    ),
    "coaching.provision_update": (
        _("Onboarding: updated by the identity provider"),
        _("Updated by the identity provider %(provider)s"),
    ),
    "coaching.deactivate": (
        _("Onboarding: deactivated by the identity provider"),
        _("Deactivated by the identity provider %(provider)s: signed out, record kept"),
    ),
    "coaching.reactivate": (
        _("Onboarding: reactivated by the identity provider"),
        _("Reactivated by the identity provider %(provider)s"),
    ),
}

# The data keys that may hold free text typed by a person (a reason): erasing a person
# removes them from the trail, where their name might have been written.
FREE_TEXT = ("reason",)
# The data keys that hold a day (ISO), shown in the reader's format; "" is no due date.
DAYS = ("old", "new", "starts_on", "ends_on", "start_date")


def _day(action: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not value and action == "coaching.change_due":
        return _("no due date")
    day = parse_date(value) if value else None
    return formats.date_format(day, "DATE_FORMAT") if day else value


def readable(action: str, data: dict[str, Any]) -> dict[str, Any]:
    """An entry's data as its message shows it to the reader: titles in their language,
    days in their format. (Older entries kept a due date's absence in the words of the
    person who acted, and titles without translations: those read as they were kept.)"""
    shown = in_reader_language_all(data, data.get("translations") or {})
    for key in DAYS:
        if key in shown:
            shown[key] = _day(action, shown[key])
    return shown


def _formatter(label: Text, message: Text) -> type[LogFormatter]:
    class CoachingLogFormatter(LogFormatter):
        def format_message(self, log_entry: Any) -> str:
            try:
                return str(message) % readable(log_entry.action, log_entry.data)
            except (KeyError, TypeError, ValueError):
                return str(label)

        def format_comment(self, log_entry: Any) -> str:
            return str(log_entry.data.get("reason", ""))

    CoachingLogFormatter.label = label
    return CoachingLogFormatter


def register_actions(actions: LogActionRegistry) -> None:
    """The `register_log_actions` hook: the coaching actions, logged into CoachingLogEntry
    for the coaching models (Wagtail's own views' creations and edits of them too)."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action)(_formatter(label, message))
    for model in TRAILED_MODELS:
        actions.register_model(model, CoachingLogEntry)


def record(
    instance: models.Model,
    action: str,
    *,
    by: User | None,
    trainee_id: int | None,
    **data: Any,
) -> None:
    """Write one coaching action to the trail. `data` fills the action's message. The
    instance may be of any model (an export is about a person's account), so the entry is
    written to the trail's own log model rather than to the one Wagtail registers for it."""
    assert action in ACTIONS, action
    CoachingLogEntry.objects.log_action(
        instance,
        action,
        user=by,
        uuid=get_active_log_context().uuid,
        trainee_id=trainee_id,
        data=data,
    )


def record_on_assignment(
    assignment: Assignment,
    action: str,
    *,
    by: User | None,
    step: PathVersionStep | None = None,
    **data: Any,
) -> None:
    """Write an action on an assignment (or one of its steps): whose it is, and the titles
    of its path and step, never what anyone wrote."""
    record(
        assignment,
        action,
        by=by,
        trainee_id=assignment.trainee_id,
        **titles(assignment.version, step),
        **data,
    )


def record_on_link(link: CoachRelationship, action: str, *, by: User | None) -> None:
    """Write a coaching link's start or end: whose it is, its coach's name and its dates."""
    record(
        link,
        action,
        by=by,
        trainee_id=link.trainee_id,
        coach=display_name(link.coach),
        starts_on=link.starts_on.isoformat(),
        ends_on=link.ends_on.isoformat() if link.ends_on else "",
    )


def record_many(
    instances: Sequence[models.Model],
    action: str,
    *,
    by: User | None,
    each: Callable[[Any], dict[str, Any]] | None = None,
    **data: Any,
) -> None:
    """Write the same action for many saved objects (a bulk assignment) in one insert.
    `each` gives an object's own part of its message (a due date's old and new days)."""
    assert action in ACTIONS, action
    if not instances:
        return
    content_type = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
    now = timezone.now()
    # One request's entries share its log context's id, as `record`'s do (Wagtail's
    # log_action sets it; bulk_create does not).
    uuid = get_active_log_context().uuid
    CoachingLogEntry.objects.bulk_create(
        CoachingLogEntry(
            content_type=content_type,
            object_id=str(instance.pk),
            label=CoachingLogEntry.objects.get_instance_title(instance),
            action=action,
            timestamp=now,
            uuid=uuid,
            user=by,
            trainee_id=getattr(instance, "trainee_id", None),
            data={**data, **each(instance)} if each else data,
        )
        for instance in instances
    )


def forget(person_id: int) -> None:
    """Remove the free text (reasons) from the trail's entries about an erased person,
    keeping what happened. Their name, wherever a log holds it (a coaching link's entry
    names its coach), is replaced for every log by `record.forgetting.forget_in_logs`."""
    entries = [
        entry
        for entry in CoachingLogEntry.objects.filter(trainee_id=person_id).only("pk", "data")
        if any(key in entry.data for key in FREE_TEXT)
    ]
    for entry in entries:
        entry.data = {key: value for key, value in entry.data.items() if key not in FREE_TEXT}
    CoachingLogEntry.objects.bulk_update(entries, ["data"], batch_size=500)
