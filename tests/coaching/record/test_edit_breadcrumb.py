"""The edit page's breadcrumb leads where its author may go: the record for those who
keep it, the entry for a colleague who gave recognition."""

import pytest
from django.urls import reverse

from tests.coaching.record import make

pytestmark = pytest.mark.django_db


def breadcrumb_links(client, person, entry):
    client.force_login(person)
    html = client.get(reverse("coaching:edit_entry", args=[entry.pk])).content.decode()
    nav = html[html.index('class="breadcrumbs"') : html.index("</nav>", html.index("breadcrumbs"))]
    return nav


def test_a_colleague_editing_their_recognition_is_led_back_to_it(client, trainee, colleague):
    recognition = make.recognition(trainee, colleague)

    nav = breadcrumb_links(client, colleague, recognition)

    assert reverse("coaching:record", args=[trainee.pk]) not in nav
    assert f'href="{reverse("coaching:entry", args=[recognition.pk])}"' in nav
    assert client.get(reverse("coaching:entry", args=[recognition.pk])).status_code == 200


def test_a_coach_editing_feedback_is_led_to_the_record_and_the_entry(client, trainee, coach):
    feedback = make.feedback(trainee, coach)

    nav = breadcrumb_links(client, coach, feedback)

    assert f'href="{reverse("coaching:record", args=[trainee.pk])}"' in nav
    assert f'href="{reverse("coaching:entry", args=[feedback.pk])}"' in nav
