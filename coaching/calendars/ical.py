"""Writing iCalendar (RFC 5545) with the `icalendar` library: one place that knows how a
meeting, a due date and a whole calendar are spelled, for invites and feeds alike."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from coaching.conf import coaching_settings

PRODID = "-//Wagtail coaching//Calendars//EN"


def uid_domain() -> str:
    """The domain every UID ends in: COACHING_CALENDAR_DOMAIN, else the site's host."""
    if coaching_settings.CALENDAR_DOMAIN:
        return str(coaching_settings.CALENDAR_DOMAIN)
    site_url = coaching_settings.SITE_URL or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return urlsplit(site_url).hostname or "localhost"


def uid_for(key: str) -> str:
    """A meeting's UID: the same in every invite and feed, for as long as it exists."""
    return f"{key}@{uid_domain()}"


def one_on_one_key(pk: int) -> str:
    return f"one-on-one-{pk}"


def check_in_key(progress_pk: int) -> str:
    return f"check-in-{progress_pk}"


def due_key(assignment_pk: int) -> str:
    return f"due-{assignment_pk}"


def zone_of(user) -> ZoneInfo:
    """The person's time zone (their Wagtail account's, else the site's TIME_ZONE)."""
    profile = getattr(user, "wagtail_userprofile", None)
    name = (profile.current_time_zone if profile is not None else "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def meeting_length() -> timedelta:
    return timedelta(minutes=int(coaching_settings.MEETING_MINUTES))


@dataclass
class Person:
    name: str
    email: str


@dataclass
class Meeting:
    """A timed event: a 1:1 or a check-in step."""

    key: str
    starts_at: datetime
    summary: str
    sequence: int = 0
    description: str = ""
    url: str = ""
    cancelled: bool = False
    organizer: Person | None = None
    attendees: list[Person] = field(default_factory=list)


@dataclass
class DueDate:
    """An all-day event: the day a path is due."""

    key: str
    day: date
    summary: str
    url: str = ""


def _address(person: Person, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = vText(person.name or person.email)
    for name, value in params.items():
        address.params[name] = vText(value)
    return address


def meeting_event(meeting: Meeting, zone: ZoneInfo, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid_for(meeting.key))
    event.add("dtstamp", stamp)
    start = timezone.localtime(meeting.starts_at, zone)
    event.add("dtstart", start)
    event.add("dtend", start + meeting_length())
    event.add("summary", meeting.summary)
    event.add("sequence", meeting.sequence)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    if meeting.description:
        event.add("description", meeting.description)
    if meeting.url:
        event.add("url", meeting.url)
    if meeting.organizer is not None and meeting.organizer.email:
        event.add("organizer", _address(meeting.organizer))
    for attendee in meeting.attendees:
        if attendee.email:
            event.add(
                "attendee",
                _address(
                    attendee,
                    ROLE="REQ-PARTICIPANT",
                    PARTSTAT="NEEDS-ACTION",
                    RSVP="FALSE",
                ),
            )
    return event


def due_event(due: DueDate, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid_for(due.key))
    event.add("dtstamp", stamp)
    event.add("dtstart", due.day)  # a date: an all-day event
    event.add("dtend", due.day + timedelta(days=1))
    event.add("summary", due.summary)
    event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy
    if due.url:
        event.add("url", due.url)
    return event


def calendar(
    meetings: Iterable[Meeting],
    *,
    zone: ZoneInfo,
    method: str | None = None,
    due_dates: Iterable[DueDate] = (),
    name: str = "",
) -> bytes:
    """A VCALENDAR of the meetings (in `zone`, with its VTIMEZONE) and due dates."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", str(zone))
    stamp = timezone.now()
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, zone, stamp))
    for due in due_dates:
        cal.add_component(due_event(due, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()
