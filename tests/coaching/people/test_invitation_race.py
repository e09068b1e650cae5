"""Two HR people (or two tabs) click "Send a new invitation" at the same moment: one
invitation is sent and logged, the other click is told one went a moment ago, and neither
answers an error, on SQLite too (real threads with their own connections; see
tests/racing.py)."""

import datetime

import pytest
from django.core import mail
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from coaching.audit.models import CoachingLogEntry
from coaching.people import hiring
from coaching.people.invitation import invite_again
from coaching.people.models import TraineeProfile
from tests import builders
from tests.racing import race

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 4


@pytest.fixture
def deferred_transactions(monkeypatch):
    """On SQLite, transactions that begin as SQLite's default does (DEFERRED, which a site
    has unless it asks for IMMEDIATE as the test settings do): they take the write lock only
    when they first write, and two that have both read cannot both get it."""
    if connection.vendor == "sqlite":
        options = connections.settings[DEFAULT_DB_ALIAS]["OPTIONS"]
        monkeypatch.setitem(options, "transaction_mode", "DEFERRED")


def test_racing_new_invitations_send_one(deferred_transactions):
    hr = builders.make_hr()
    profile = hiring.hire(
        first_name="Rizky",
        last_name="",
        email="rizky@example.com",
        start_date=timezone.localdate() + datetime.timedelta(days=14),
        by=hr,
    )
    invitations = CoachingLogEntry.objects.filter(action="coaching.invite")
    invitations.update(timestamp=timezone.now() - datetime.timedelta(days=4))  # it expired
    mail.outbox.clear()

    results = race(lambda: invite_again(TraineeProfile.objects.get(pk=profile.pk), by=hr), RACERS)

    assert sorted(results, key=repr) == [False] * (RACERS - 1) + [True], results
    assert invitations.count() == 2  # the first one, and one again
    assert [message.to for message in mail.outbox] == [["rizky@example.com"]]
