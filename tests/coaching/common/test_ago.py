"""Every page says how long ago something was the same way: "just now" in its first minute."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.models import Notification, NotificationKind
from coaching.templatetags.coaching_tags import ago


def test_the_first_minute_is_just_now():
    assert ago(timezone.now() - timedelta(seconds=20)) == "just now"


def test_later_it_is_how_long_ago():
    assert (
        ago(timezone.now() - timedelta(hours=3)) == "3\xa0hours ago"
    )  # timesince keeps it on one line


@pytest.mark.django_db
def test_a_notification_written_a_moment_ago_reads_just_now(client, trainee):
    Notification.objects.create(
        recipient=trainee, kind=NotificationKind.FEEDBACK, key="entry:1", params={"author": "X"}
    )
    client.force_login(trainee)

    html = client.get(reverse("coaching:notifications")).content.decode()

    assert "just now" in html and "0 minutes" not in html
