"""The welcome page costs the same number of queries with few and many paths and steps."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.learning import progress
from coaching.models import CoachRelationship, TraineeProfile
from lessons.models import BusinessUnit, CompanyProfilePage, LearningPathStep, StepKind
from tests import builders

pytestmark = pytest.mark.django_db


def build(portal, size):
    """A new hire starting in five days, of a unit with a first day, under a company
    profile with one; `size` coaches and `size` paths of `size` steps, half of them before
    day one, the first of each done."""
    unit = builders.make_unit("Network Operations")
    BusinessUnit.objects.filter(pk=unit.pk).update(first_day_host="Agus, at the gate")
    profile = builders.make_profile(portal)
    CompanyProfilePage.objects.filter(pk=profile.pk).update(
        first_day_place="Menara Nusantara", first_day_notes="<p>Lunch with the team.</p>"
    )
    buddy = builders.make_trainee("nadia")
    new_hire = builders.make_trainee(
        "dian", start_date=timezone.localdate() + datetime.timedelta(days=5), unit=unit
    )
    TraineeProfile.objects.filter(user=new_hire).update(buddy=buddy)
    for number in range(size):
        coach = builders.make_user(f"coach{number}")
        CoachRelationship.objects.create(coach=coach, trainee=new_hire, is_primary=number == 0)
    modules = [builders.make_module(portal, f"M{i}", slug=f"m{i}") for i in range(size)]
    for number in range(size):
        steps = [
            LearningPathStep(kind=StepKind.MODULE, page=module, before_day_one=i % 2 == 0)
            for i, module in enumerate(modules)
        ]
        assignment = builders.assign(builders.make_path(f"Path {number}", steps=steps), new_hire)
        progress.complete_module(assignment, builders.steps_of(assignment)[0])
    return new_hire


@pytest.mark.parametrize("size", [2, 30])
def test_the_welcome_page_makes_a_fixed_number_of_queries(client, portal, size):
    new_hire = build(portal, size)
    client.force_login(new_hire)
    url = reverse("coaching:welcome")
    client.get(url)  # warm per-process caches (content types)

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)

    assert response.status_code == 200
    assert response.text.count('class="person-card"') == size + 1  # coaches and the buddy
    assert response.text.count("Path ") >= size
    # session, user; the profile with its unit and buddy (and the buddy's photo and job
    # title); the active locale (the unit in the reader's language); the site (the portals,
    # for the header and the company profile, are cached); the company
    # profile in the reader's language; the coaches (with their photos and job titles);
    # the paths with steps before day one, those steps, their progress
    assert len(context) == 10, [query["sql"] for query in context.captured_queries]
