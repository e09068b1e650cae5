"""What coaching puts in the portal's header: the notifications badge in sight, and a
Reports link for coaches, who have reports but no Admin link."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coaching.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db

REPORTS = reverse("onboarding_reports:completion", kwargs={"by": "path"})


def header(client, person):
    client.force_login(person)
    html = client.get(reverse("coaching:my_record"), follow=True).text
    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


def test_the_unread_count_is_a_badge_with_a_label_beside_the_menu(client, trainee):
    Notification.objects.create(recipient=trainee, kind=NotificationKind.FEEDBACK, key="entry:1")

    html = header(client, trainee)

    pinned = re.search(r'<div class="site-header__pinned">(.*?)</div>', html, re.S).group(1)
    assert f'href="{reverse("coaching:notifications")}"' in pinned
    assert re.search(r'badge--count">1<span class="visually-hidden"> unread</span>', pinned)


def test_a_coach_with_the_admin_gets_a_reports_link(client, coach, trainee):
    coach.user_permissions.add(Permission.objects.get(codename="access_admin"))

    assert f'href="{REPORTS}">Reports</a>' in header(client, coach)


@pytest.mark.parametrize("who", ["trainee", "colleague", "superuser"])
def test_others_get_no_reports_link(client, people, who):
    # a new hire and a colleague see no reports; staff have the Admin link instead
    assert ">Reports</a>" not in header(client, people[who])
