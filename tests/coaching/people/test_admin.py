"""HR manages new hires and coach relationships in the Wagtail admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.models import CoachRelationship, TraineeProfile
from tests import builders

pytestmark = pytest.mark.django_db


def test_hr_lists_new_hires_and_relationships(admin_client):
    coach = builders.make_user("citra")
    builders.make_trainee("nadia", coach=coach)

    for name in ("trainees:index", "coach_relationships:index"):
        response = admin_client.get(reverse(name))
        assert response.status_code == 200
        assert "Nadia" in response.text


def test_hr_makes_someone_a_coach(admin_client):
    coach = builders.make_user("citra")
    trainee = builders.make_trainee("nadia")

    response = admin_client.post(
        reverse("coach_relationships:add"),
        {"coach": coach.pk, "trainee": trainee.pk, "is_primary": "on", "starts_on": "2026-11-01"},
    )

    assert response.status_code == 302
    assert CoachRelationship.objects.get().is_primary


def test_a_second_open_primary_coach_is_refused_with_a_message(admin_client):
    trainee = builders.make_trainee("nadia", coach=builders.make_user("citra"))
    other = builders.make_user("dewi")

    response = admin_client.post(
        reverse("coach_relationships:add"),
        {"coach": other.pk, "trainee": trainee.pk, "is_primary": "on", "starts_on": "2026-11-01"},
    )

    assert response.status_code == 200
    assert "already has a primary coach" in response.text
    assert CoachRelationship.objects.count() == 1


def test_a_relationship_cannot_end_before_it_starts(admin_client):
    trainee = builders.make_trainee("nadia")

    response = admin_client.post(
        reverse("coach_relationships:add"),
        {
            "coach": builders.make_user("citra").pk,
            "trainee": trainee.pk,
            "starts_on": "2026-11-01",
            "ends_on": "2026-10-01",
        },
    )

    assert "cannot end before it starts" in response.text
    assert not CoachRelationship.objects.exists()


def test_hr_changes_a_new_hires_start_date_and_unit(admin_client):
    trainee = builders.make_trainee("rizky")
    unit = builders.make_unit("Network Operations")

    admin_client.post(
        reverse("trainees:edit", args=[trainee.trainee_profile.pk]),
        {
            "user": trainee.pk,
            "start_date": "2026-12-01",
            "business_unit": unit.pk,
            "job_title": "Technician",
        },
    )

    profile = TraineeProfile.objects.get(user=trainee)
    assert profile.start_date == datetime.date(2026, 12, 1) and profile.business_unit == unit


def test_a_coaching_link_is_active_from_its_first_day_to_its_last():
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    coach = builders.make_user("citra")

    def link(name, starts_on, ends_on=None):
        trainee = builders.make_trainee(name)
        return CoachRelationship.objects.create(
            coach=coach, trainee=trainee, starts_on=starts_on, ends_on=ends_on
        )

    links = [
        link("nadia", today),
        link("bima", today - day, today),
        link("dewi", today + day),
        link("eko", today - 2 * day, today - day),
    ]

    assert [one.is_active for one in links] == [True, True, False, False]
    active = set(CoachRelationship.objects.active().values_list("pk", flat=True))
    assert {one.pk for one in links if one.is_active} == active
