"""Who may act on assignments, beyond what tests/security/test_every_url.py asks of every
URL: the CSRF token, assigning to someone one does not coach, and coaching that ended."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from coaching.models import CoachRelationship
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(portal, trainee):
    module = builders.make_module(portal, knowledge_check=builders.make_check())
    return builders.assign(builders.make_path(steps=[module, "Shadow a call"]), trainee)


def test_actions_need_the_csrf_token(trainee, assignment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(reverse("coaching:complete_module", args=[assignment.pk, 1]))

    assert response.status_code == 403


def test_a_coach_cannot_assign_to_someone_they_do_not_coach(
    client, trainee, other_coach, other_trainee, assignment
):
    client.force_login(other_coach)

    response = client.post(
        reverse("coaching:assign"),
        {
            "path": assignment.path.pk,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "none",
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert trainee.assignments.count() == 1


def test_an_ended_coaching_relationship_ends_access(client, coach, trainee):
    CoachRelationship.objects.filter(coach=coach).update(
        starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 12, 31)
    )
    client.force_login(coach)

    assert client.get(reverse("coaching:trainee", args=[trainee.pk])).status_code == 404
