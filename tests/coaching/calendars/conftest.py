from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.users.models import UserProfile

from tests import builders


def invite_of(email):
    """The email's invite, parsed, after checking it is both an alternative part and an
    attachment with the same method."""
    [(content, mimetype)] = [
        alt for alt in email.alternatives if alt[1].startswith("text/calendar")
    ]
    [(filename, attached, attached_type)] = email.attachments
    assert filename == "invite.ics" and attached == content and attached_type == mimetype
    calendar = Calendar.from_ical(content)
    assert mimetype == f"text/calendar; method={calendar['METHOD']}"
    return calendar


def event_of(calendar):
    [event] = calendar.walk("VEVENT")
    return event


def addresses(event, name):
    found = event.get(name)
    found = found if isinstance(found, list) else [found]
    return sorted(str(address).removeprefix("mailto:") for address in found if address)


@pytest.fixture
def soon():
    """Next Monday-ish at 10:00 in the site's zone (Asia/Jakarta), a week away."""
    when = timezone.localtime() + timedelta(days=7)
    return when.replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.fixture
def in_london(trainee):
    """The new hire reads times in London (their Wagtail account's time zone)."""
    UserProfile.objects.update_or_create(
        user=trainee, defaults={"current_time_zone": "Europe/London"}
    )
    return trainee


@pytest.fixture
def checkin_assignment(portal, trainee, coach):
    learning_path = builders.make_path(steps=[builders.checkin_step()])
    return builders.assign(learning_path, trainee, by=coach)
