"""The iCalendar invite on the email about a 1:1 or a check-in (RFC 5545 and the iTIP
methods of RFC 5546): REQUEST when it is planned or moved, CANCEL when it is called off.

The notification keeps what the invite needs as data (`params["calendar"]`: the meeting's
key, sequence, method, time and people by id); the invite is written when the email is,
in the recipient's language and time zone.
"""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from coaching.common.names import display_name
from coaching.common.types import User
from coaching.notifications.messages import Message
from coaching.notifications.models import Notification
from lessons.i18n import in_reader_language_all

if TYPE_CHECKING:
    from coaching.record.models import OneOnOne

from . import ical

REQUEST, CANCEL = "REQUEST", "CANCEL"


def invite_params(
    key: str,
    *,
    sequence: int,
    starts_at: datetime,
    organizer_id: int | None,
    attendee_ids: set[int],
    cancelled: bool = False,
) -> dict[str, Any]:
    """What a notification keeps to write its invite (`params["calendar"]`)."""
    return {
        "key": key,
        "sequence": sequence,
        "method": CANCEL if cancelled else REQUEST,
        "starts_at": starts_at.isoformat(),
        "organizer": organizer_id,
        "attendees": sorted(attendee_ids),
    }


def one_on_one_invite(meeting: "OneOnOne", *, sequence: int, cancelled: bool = False) -> dict:
    return invite_params(
        ical.one_on_one_key(meeting.pk),
        sequence=sequence,
        starts_at=meeting.meets_at,
        organizer_id=meeting.coach_id or meeting.author_id,
        attendee_ids=meeting.people_ids(),
        cancelled=cancelled,
    )


def check_in_invite(
    progress_id: int,
    *,
    trainee_id: int,
    coach_id: int | None,
    when: datetime,
    sequence: int,
    cancelled: bool = False,
) -> dict:
    return invite_params(
        ical.check_in_key(progress_id),
        sequence=sequence,
        starts_at=when,
        organizer_id=coach_id,
        attendee_ids={trainee_id} | ({coach_id} if coach_id else set()),
        cancelled=cancelled,
    )


def _summary(params: dict[str, Any], recipient: User, people: dict[int, User]) -> str:
    others = [
        display_name(people[pk])
        for pk in params["calendar"]["attendees"]
        if pk != recipient.pk and pk in people
    ]
    other = " · ".join(others)
    if params.get("step"):
        shown = in_reader_language_all(params, params.get("translations") or {})
        if other:
            return _("Check-in with %(other)s: %(step)s") % {"other": other, "step": shown["step"]}
        return _("Check-in: %(step)s") % {"step": shown["step"]}
    if other:
        return _("1:1 with %(other)s") % {"other": other}
    return _("1:1 with your coach")


def invite_for(notification: Notification, message: Message, url: str) -> tuple[bytes, str] | None:
    """The notification's invite and its method, in the active language, or None when it
    is about no meeting."""
    params = notification.params
    details = params.get("calendar")
    if not details:
        return None
    starts_at = parse_datetime(details["starts_at"])
    if starts_at is None:
        return None
    recipient = notification.recipient
    ids = {*details["attendees"], *([details["organizer"]] if details["organizer"] else [])}
    people = {person.pk: person for person in get_user_model().objects.filter(pk__in=ids)}
    organizer = people.get(details["organizer"]) if details["organizer"] else None
    method = details["method"]
    meeting = ical.Meeting(
        key=details["key"],
        starts_at=starts_at,
        summary=_summary(params, recipient, people),
        sequence=details["sequence"],
        description="\n".join([*message.lines, url]).strip(),
        url=url,
        cancelled=method == CANCEL,
        organizer=ical.Person(display_name(organizer), organizer.email) if organizer else None,
        attendees=[
            ical.Person(display_name(people[pk]), people[pk].email)
            for pk in details["attendees"]
            if pk in people
        ],
    )
    return ical.calendar([meeting], zone=ical.zone_of(recipient), method=method), method


def attach_invite(
    email: EmailMultiAlternatives, notification: Notification, message: Message, url: str
) -> None:
    """Put the invite on the email twice, as calendar apps expect: as an alternative part
    (text/calendar; method=...), which Outlook and Gmail show as an invitation, and as an
    invite.ics attachment for the apps that read only attachments."""
    found = invite_for(notification, message, url)
    if found is None:
        return
    content, method = found
    text = content.decode()
    mimetype = f"text/calendar; method={method}"
    email.attach_alternative(text, mimetype)
    email.attach("invite.ics", text, mimetype)
