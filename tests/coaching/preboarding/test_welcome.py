"""The new hire's welcome page before day one: who sees it, the countdown, their first day,
their coach and buddy, and the steps they can do before they start."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from coaching.learning import progress
from coaching.models import CoachRelationship, TraineeProfile
from coaching.preboarding.welcome import countdown
from lessons.models import LearningPathStep, StepKind
from tests import builders

pytestmark = pytest.mark.django_db

URL = reverse("coaching:welcome")
TODAY = datetime.date(2026, 12, 2)


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def new_hire(coach):
    """dian, who starts in five days, coached by citra."""
    return builders.make_trainee("dian", start_date=in_days(5), job_title="Technician", coach=coach)


def early(page, **extra):
    return LearningPathStep(kind=StepKind.MODULE, page=page, before_day_one=True, **extra)


# The countdown: worked out from two dates, no query.


@pytest.mark.parametrize(
    ("start", "headline"),
    [
        (TODAY + datetime.timedelta(days=5), "5 days to go"),
        (TODAY + datetime.timedelta(days=2), "2 days to go"),
        (TODAY + datetime.timedelta(days=1), "Tomorrow is your first day"),
        (TODAY, "Today is your first day"),
        (None, "Your start date is not set yet"),
    ],
)
def test_the_countdown_says_how_long_is_left(start, headline, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert countdown(start, TODAY).headline == headline


def test_after_the_first_day_the_countdown_says_when_they_started():
    found = countdown(TODAY - datetime.timedelta(days=3), TODAY)

    assert found.has_started and not found.starts_later
    assert found.headline.startswith("You started on ")
    assert "29" in found.headline  # 29 November 2026


def test_only_a_day_before_counts_as_starting_later():
    assert countdown(TODAY + datetime.timedelta(days=1), TODAY).starts_later
    assert not countdown(TODAY, TODAY).starts_later
    assert not countdown(None, TODAY).starts_later


# Who sees it.


def test_the_new_hire_sees_their_own_welcome_page(client, new_hire):
    client.force_login(new_hire)

    response = client.get(URL)

    assert response.status_code == 200
    assert "5 days to go" in response.text


@pytest.mark.parametrize("who", ["colleague", "coach", "hr", "superuser"])
def test_people_without_a_new_hires_profile_get_404(client, people, who):
    client.force_login(people[who])

    assert client.get(URL).status_code == 404


def test_a_visitor_is_asked_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_it_shows_nothing_of_another_new_hires(client, new_hire, other_trainee, portal):
    """Their own coach and paths only: nothing of other_trainee's is on the page."""
    other_path = builders.make_path("Secret path", steps=[early(builders.make_module(portal))])
    builders.assign(other_path, other_trainee)
    client.force_login(new_hire)

    page = client.get(URL).text

    assert "Secret path" not in page
    assert "Agus" not in page  # other_trainee's coach


def test_after_the_start_date_the_page_says_they_have_started(client, coach):
    started = builders.make_trainee("dian", start_date=in_days(-3), coach=coach)
    client.force_login(started)

    response = client.get(URL)

    assert response.status_code == 200
    assert "You started on" in response.text
    assert reverse("coaching:home") in response.text


def test_without_a_start_date_the_page_says_hr_will_tell_them(client, coach):
    undated = builders.make_trainee("dian", coach=coach)
    client.force_login(undated)

    assert "Your start date is not set yet" in client.get(URL).text


# My onboarding leads there before the start date, and not after.


def test_my_onboarding_leads_to_the_welcome_page_before_the_start_date(client, new_hire):
    client.force_login(new_hire)

    page = client.get(reverse("coaching:home")).text

    assert URL in page
    assert "5 days to go" in page


@pytest.mark.parametrize("days", [0, -4, None])
def test_my_onboarding_does_not_lead_there_from_the_first_day(client, coach, days):
    start = in_days(days) if days is not None else None
    started = builders.make_trainee("dian", start_date=start, coach=coach)
    client.force_login(started)

    assert URL not in client.get(reverse("coaching:home")).text


# The people.


def test_it_shows_the_coach_and_the_buddy_with_how_to_reach_them(client, new_hire, trainee):
    TraineeProfile.objects.filter(user=new_hire).update(buddy=trainee)
    client.force_login(new_hire)

    page = client.get(URL).text

    assert "Your coach" in page and "mailto:citra@example.com" in page
    assert "Your buddy" in page and "mailto:nadia@example.com" in page
    assert "Agent" in page  # the buddy's job title, from their own new hire's profile
    assert ">C<" in page.replace(" ", "")  # citra's initials stand in for a photo
    assert "gravatar" not in page


def test_a_person_with_a_wagtail_avatar_shows_their_photo(client, new_hire, coach):
    UserProfile.objects.create(user=coach, avatar="avatar_images/citra.png")
    client.force_login(new_hire)

    page = client.get(URL).text

    assert "avatar_images/citra.png" in page


def test_no_coach_and_no_buddy_yet_are_said_kindly(client, db):
    alone = builders.make_trainee("dian", start_date=in_days(5))
    client.force_login(alone)

    page = client.get(URL).text

    assert "No coach yet" in page
    assert "No buddy yet" in page


def test_an_ended_coaching_is_not_shown_and_a_coaching_starting_on_day_one_is(
    client, new_hire, former_coach, other_coach
):
    CoachRelationship.objects.create(
        coach=former_coach,
        trainee=new_hire,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    CoachRelationship.objects.create(coach=other_coach, trainee=new_hire, starts_on=in_days(5))
    client.force_login(new_hire)

    page = client.get(URL).text

    assert "Yusuf" not in page
    assert "Also coaching you" in page and "Agus" in page


@pytest.mark.parametrize("phone_attribute", ["phone", ""])
def test_a_phone_number_shows_when_the_user_model_has_one(
    client, new_hire, coach, settings, phone_attribute, monkeypatch
):
    settings.COACHING_PHONE_ATTRIBUTE = phone_attribute
    monkeypatch.setattr(get_user_model(), "phone", "+62 812 555 0101", raising=False)
    client.force_login(new_hire)

    page = client.get(URL).text

    assert ("tel:+62%20812%20555%200101" in page) is bool(phone_attribute)


# The steps before day one.


def test_only_the_steps_before_day_one_are_listed_with_their_progress(client, new_hire, portal):
    first, second, later = (
        builders.make_module(portal, "Who we are"),
        builders.make_module(portal, "Your role"),
        builders.make_module(portal, "Climbing towers"),
    )
    orientation = builders.make_path(
        "Orientation",
        steps=[early(first), LearningPathStep(kind=StepKind.MODULE, page=later), early(second)],
    )
    assignment = builders.assign(orientation, new_hire)
    progress.complete_module(assignment, builders.steps_of(assignment)[0])
    client.force_login(new_hire)

    page = client.get(URL).text

    assert "Who we are" in page and "Your role" in page
    assert "Climbing towers" not in page
    assert "1 of 2 steps done" in page
    # Each step links to its place in the path, numbered as the path numbers it.
    assert reverse("coaching:step", args=[assignment.pk, 3]) in page


def test_a_path_without_steps_before_day_one_is_not_listed(client, new_hire, portal):
    builders.assign(builders.make_path("Towers", steps=[builders.make_module(portal)]), new_hire)
    client.force_login(new_hire)

    page = client.get(URL).text

    assert "Towers" not in page
    assert "Nothing to do before your first day" in page


def test_a_cancelled_path_is_not_listed(client, new_hire, portal):
    assignment = builders.assign(
        builders.make_path("Cancelled path", steps=[early(builders.make_module(portal))]),
        new_hire,
    )
    assignment.status = "cancelled"
    assignment.save()
    client.force_login(new_hire)

    assert "Cancelled path" not in client.get(URL).text


def test_the_flag_is_copied_into_the_published_version(portal):
    path = builders.make_path(
        "Orientation", steps=[early(builders.make_module(portal)), "A task to do on site"]
    )

    steps = list(path.current_version.steps.order_by("position"))

    assert [step.before_day_one for step in steps] == [True, False]
