"""Where each new hire's onboarding stands, in HR's new hires list and on HR's admin home."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from coaching.account.languages import remember_language
from coaching.learning import stored
from coaching.learning.progress import complete_module
from coaching.people.models import TraineeProfile
from coaching.people.onboarding import OnboardingStatus, overview_figures, with_status
from tests import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
QUERIES = 12


@pytest.fixture
def two_modules(portal):
    return builders.make_path(
        "Orientation",
        steps=[builders.make_module(portal, "Welcome"), builders.make_module(portal, "Our units")],
    )


def started(name, path, done, **extra):
    """A new hire with `path` assigned and `done` of its steps completed."""
    trainee = builders.make_trainee(name, **extra)
    assignment = builders.assign(path, trainee, **extra.pop("assign", {}))
    for step in builders.steps_of(assignment)[:done]:
        complete_module(assignment, step)
    return trainee


def backdate(trainee, **fields):
    """Put the new hire's assignments in the past (a due date passed, a path finished long
    ago), then recount their stored figures as every change of an assignment does."""
    trainee.assignments.update(**fields)
    stored.refresh_trainees([trainee.pk])


def statuses():
    return {
        profile.user.username: profile.onboarding_status
        for profile in with_status(TraineeProfile.objects.select_related("user"))
    }


def test_each_new_hire_is_not_started_in_progress_overdue_or_completed(two_modules):
    builders.make_trainee("ayu")
    started("bima", two_modules, 0)
    started("citra", two_modules, 1)
    started("dewi", two_modules, 2)
    late = started("eka", two_modules, 1)
    backdate(late, due_on=TODAY - datetime.timedelta(days=1))

    assert statuses() == {
        "ayu": OnboardingStatus.NOT_STARTED,
        "bima": OnboardingStatus.NOT_STARTED,
        "citra": OnboardingStatus.IN_PROGRESS,
        "dewi": OnboardingStatus.COMPLETED,
        "eka": OnboardingStatus.OVERDUE,
    }


def test_the_figures_count_starting_soon_in_progress_overdue_and_completed_this_month(
    two_modules,
):
    builders.make_trainee("ayu", start_date=TODAY + datetime.timedelta(days=3))
    builders.make_trainee("bima", start_date=TODAY + datetime.timedelta(days=30))
    started("citra", two_modules, 1)
    started("dewi", two_modules, 2)
    backdate(started("eka", two_modules, 1), due_on=TODAY - datetime.timedelta(days=1))
    finished_long_ago = started("fajar", two_modules, 2)
    backdate(finished_long_ago, completed_at=timezone.now() - datetime.timedelta(days=62))

    assert overview_figures() == {
        "starting_soon": 1,
        "in_progress": 1,
        "overdue": 1,
        "completed_this_month": 1,
    }


def test_hr_sees_the_overview_on_the_admin_home_with_links_to_the_lists(client, two_modules):
    hr = builders.make_hr()
    hr.user_permissions.add(*admin_access())
    started("citra", two_modules, 1)
    client.force_login(hr)

    home = client.get(reverse("wagtailadmin_home")).text

    assert "Onboarding overview" in home
    assert "new hire in progress" in home
    assert reverse("trainees:index") + "?status=in_progress" in home


def test_people_without_hr_permission_get_no_overview(client):
    editor = builders.make_user("eko")
    editor.user_permissions.add(*admin_access())
    client.force_login(editor)

    assert "Onboarding overview" not in client.get(reverse("wagtailadmin_home")).text


def admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


@pytest.mark.parametrize("size", [2, 8])
def test_the_figures_take_one_query_for_any_number_of_new_hires(
    two_modules, size, django_assert_num_queries
):
    for number in range(size):
        started(f"person{number}", two_modules, number % 3)

    with django_assert_num_queries(1):  # one aggregate over every new hire
        overview_figures()


def test_the_list_shows_names_coach_progress_and_status(admin_client, two_modules):
    coach = builders.make_user("citra", last_name="Lestari")
    started("nadia", two_modules, 1, coach=coach)

    page = admin_client.get(reverse("trainees:index")).text

    assert "Nadia" in page and "Citra Lestari" in page
    assert "50 %" in page
    assert "In progress" in page


def test_the_list_filtered_by_status_shows_only_those(admin_client, two_modules):
    started("nadia", two_modules, 1)
    started("rizky", two_modules, 2)

    page = admin_client.get(reverse("trainees:index"), {"status": "completed"}).text

    assert "Rizky" in page and "Nadia" not in page


@pytest.mark.parametrize("size", [2, 8])
def test_the_list_takes_the_same_queries_for_any_number_of_new_hires(
    portal, admin_client, admin_user, two_modules, size, django_assert_num_queries
):
    for number in range(size):
        started(f"person{number}", two_modules, number % 3, coach=admin_user)
    admin_client.get(reverse("trainees:index"))  # Wagtail's caches warmed

    # session, user, count, the page of new hires (progress and status annotated), their
    # primary coaches, and Wagtail's own (site, locale, menus, permissions)
    with django_assert_num_queries(QUERIES):
        admin_client.get(reverse("trainees:index"))


@pytest.fixture
def many_starting_soon(db):
    """1,234 new hires who start in three days, made in bulk."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"hire{number}") for number in range(1234)
    )
    TraineeProfile.objects.bulk_create(
        TraineeProfile(user=user, start_date=TODAY + datetime.timedelta(days=3)) for user in users
    )


@pytest.mark.parametrize(("language", "shown"), [("id", "1.234"), ("en", "1,234")])
def test_hrs_home_groups_a_count_over_a_thousand_as_the_reader_writes_it(
    client, hr, many_starting_soon, language, shown
):
    remember_language(hr, language)
    client.force_login(hr)

    page = client.get(reverse("wagtailadmin_home")).text

    assert f'<span class="w-font-bold">{shown}</span>' in page
