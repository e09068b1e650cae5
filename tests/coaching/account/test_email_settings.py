"""The email settings offer only what can reach the person: no coach's digest for a new
hire, no "a path is assigned to me" for a coach."""

import pytest
from django.urls import reverse

from coaching.models import NotificationKind, Preferences

pytestmark = pytest.mark.django_db

SIGN_OFF = 'value="sign_off"'
ASSIGNED = 'value="assigned"'
FEEDBACK = 'value="feedback"'


def settings_page(client, person):
    client.force_login(person)
    return client.get(reverse("coaching:preferences")).content.decode()


def test_a_new_hire_is_offered_no_coachs_settings(client, trainee):
    html = settings_page(client, trainee)

    assert ASSIGNED in html and FEEDBACK in html
    assert SIGN_OFF not in html and 'value="overdue_digest"' not in html


def test_a_coach_is_offered_no_new_hires_settings(client, coach, trainee):
    html = settings_page(client, coach)

    assert SIGN_OFF in html and FEEDBACK in html
    assert ASSIGNED not in html and 'value="task_sent_back"' not in html


def test_saving_keeps_the_choice_on_kinds_not_offered(client, trainee):
    Preferences.objects.create(user=trainee, muted_kinds=[NotificationKind.SIGN_OFF])
    client.force_login(trainee)

    client.post(reverse("coaching:preferences"), {"emailed": [NotificationKind.FEEDBACK]})

    muted = set(Preferences.objects.get(user=trainee).muted_kinds)
    assert NotificationKind.SIGN_OFF in muted  # as it was
    assert NotificationKind.ASSIGNED in muted and NotificationKind.FEEDBACK not in muted
    assert NotificationKind.OVERDUE_DIGEST not in muted  # never chosen: left on


def test_a_coach_on_my_onboarding_is_pointed_to_the_dashboard(client, coach, trainee):
    client.force_login(coach)

    html = client.get(reverse("coaching:home")).content.decode()

    assert "Your coach will assign" not in html
    assert "No learning paths of your own" in html
    assert f'class="button" href="{reverse("coaching:dashboard")}"' in html


def test_an_editor_on_my_onboarding_is_pointed_to_the_admin(client, editor):
    client.force_login(editor)

    html = client.get(reverse("coaching:home")).content.decode()

    assert "Your coach will assign" not in html
    assert f'class="button" href="{reverse("wagtailadmin_home")}"' in html


def test_a_new_hire_with_nothing_yet_still_reads_that_their_coach_will_assign(client, trainee):
    client.force_login(trainee)

    html = client.get(reverse("coaching:home")).content.decode()

    assert "Your coach will assign your learning paths soon." in html
