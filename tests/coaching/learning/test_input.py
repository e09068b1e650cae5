"""Hostile and mistaken input: escaped on every page, refused with a clear message."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from coaching.models import Assignment, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    "<iframe src=//evil.example></iframe>",
]
# What any of the payloads would leave in a page if it were not escaped.
UNESCAPED = ["<script>alert", "<img src=x", "<svg onload", "<iframe src", 'href="javascript:']


@pytest.fixture
def assignment(portal, trainee):
    """A one-task path assigned to nadia (coached by citra)."""
    return builders.assign(builders.make_path(steps=["Shadow a call"]), trainee)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_notes_and_comments_are_escaped_everywhere(client, coach, trainee, assignment, payload):
    client.force_login(trainee)
    submitted = client.post(
        reverse("coaching:submit_task", args=[assignment.pk, 1]), {"text": payload}
    )
    client.force_login(coach)
    sent_back = client.post(
        reverse("coaching:send_back", args=[assignment.pk, 1]), {"text": payload}
    )

    pages = [client.get(reverse("coaching:trainee", args=[trainee.pk])).text]
    client.force_login(trainee)
    pages.append(client.get(reverse("coaching:step", args=[assignment.pk, 1])).text)

    assert (submitted.status_code, sent_back.status_code) == (302, 302)
    for page in pages:
        assert payload not in page
        assert escape(payload) in page
        for live_markup in UNESCAPED:
            assert live_markup not in page


def test_an_oversized_note_is_refused_with_a_message(client, trainee, assignment):
    client.force_login(trainee)

    response = client.post(
        reverse("coaching:submit_task", args=[assignment.pk, 1]), {"text": "x" * 5000}, follow=True
    )

    assert "at most 4000 characters" in response.text
    assert not StepProgress.objects.exists()


def test_a_due_date_in_the_past_is_refused_beside_the_field(client, coach, trainee, assignment):
    learning_path = builders.make_path("Second path", steps=["A task"])
    client.force_login(coach)

    response = client.post(
        reverse("coaching:assign"),
        {
            "path": learning_path.pk,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "date",
            "due_on": "2001-01-01",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"due_on": ["The due date has already passed."]}
    assert Assignment.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"target": "unit", "due_kind": "none"}, "business_unit"),
        ({"target": "cohort", "due_kind": "none"}, "cohort"),
        ({"target": "people", "due_kind": "relative"}, "due_after_start_days"),
        (
            {"target": "people", "due_kind": "relative", "due_after_start_days": "-3"},
            "due_after_start_days",
        ),
        ({"target": "nonsense", "due_kind": "none"}, "target"),
        ({"path": "abc", "target": "people", "due_kind": "none"}, "path"),
    ],
)
def test_assign_form_errors_land_beside_their_field(client, coach, trainee, data, field):
    client.force_login(coach)

    response = client.post(
        reverse("coaching:assign"), {"trainees": [trainee.trainee_profile.pk], **data}
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors


def test_a_step_number_out_of_range_answers_404(client, trainee, assignment):
    client.force_login(trainee)

    for number in (0, 2, 99999):
        assert client.get(reverse("coaching:step", args=[assignment.pk, number])).status_code == 404
