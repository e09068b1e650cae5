"""Content someone keeps up to date: its owner, its next review (a date, or a period from
the last one), the owner's dashboard panel and reminder, and "last reviewed" for readers."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.models import Notification, NotificationKind
from coaching.notifications.messages import message_for
from coaching.notifications.reminders import sweep
from lessons.models.freshness import months_after
from tests import builders

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


@pytest.fixture
def owner(db):
    person = builders.make_user("edi", is_staff=True)
    person.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_learningpath"),
    )
    return person


def reviewed(page, owner, review_by):
    page = type(page).objects.get(pk=page.pk)
    page.content_owner, page.review_by = owner, review_by
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.mark.parametrize(
    ("day", "months", "then"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_the_next_review_follows_from_the_last_one_and_its_period(day, months, then):
    assert months_after(day, months) == then


def test_a_period_sets_the_next_review_on_publishing(portal):
    module = builders.make_module(portal)
    module.last_reviewed_on, module.review_every_months = date(2026, 6, 1), 6
    module.save_revision().publish()

    module.refresh_from_db()

    assert module.review_by == date(2026, 12, 1)


def test_the_owner_sees_reviews_due_on_their_dashboard(client, owner, portal):
    today = timezone.localdate()
    soon = reviewed(builders.make_module(portal, title="Refunds"), owner, today + timedelta(3))
    reviewed(builders.make_module(portal, title="Later"), owner, today + timedelta(60))
    path = builders.make_path("Orientation", steps=["A task"])
    path.content_owner, path.review_by = owner, today - timedelta(days=1)
    path.save()
    client.force_login(owner)

    html = client.get(HOME).text
    panel = re.search(r'id="onboarding-reviews-due-section".*?</section>', html, re.S).group(0)

    assert "Refunds" in panel and "Orientation" in panel and "Later" not in panel
    assert "overdue" in panel
    assert reverse("wagtailadmin_pages:edit", args=[soon.pk]) in panel


def test_the_home_costs_the_same_queries_for_any_number_of_reviews(client, owner, portal):
    today = timezone.localdate()
    reviewed(builders.make_module(portal, title="Module 0"), owner, today)
    client.force_login(owner)
    client.get(HOME)
    with CaptureQueriesContext(connection) as few:
        client.get(HOME)
    for number in range(1, 6):
        reviewed(builders.make_module(portal, title=f"Module {number}"), owner, today)
    client.get(HOME)
    with CaptureQueriesContext(connection) as many:
        client.get(HOME)

    assert len(many) == len(few)


def test_the_owner_is_reminded_once_per_review_date(owner, portal):
    module = reviewed(builders.make_module(portal, title="Refunds"), owner, timezone.localdate())

    sweep()
    sweep()

    reminder = Notification.objects.get(kind=NotificationKind.REVIEW_DUE)
    assert reminder.recipient == owner
    assert reminder.url == reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert "Refunds" in message_for(reminder).subject


def test_readers_see_when_a_page_was_last_reviewed(client, portal):
    module = builders.make_module(portal, title="Refunds")
    module.last_reviewed_on = date(2026, 11, 2)
    module.save_revision().publish()
    client.force_login(builders.make_user("nadia"))

    page = client.get(module.url).text

    assert "Last reviewed on Nov. 2, 2026" in page
