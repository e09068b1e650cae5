"""Content withdrawn under a path in progress: the step says what happened, the coach
waives it and the path completes; editors are warned before it goes, and the admin's
report lists the steps nobody can complete."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coaching.models import ProgressStatus, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db

REPORT = reverse("coaching_stuck_steps:index")


@pytest.fixture
def path_in_progress(portal, trainee):
    """A path of a module (no check of its own) then a knowledge check, assigned to the
    trainee, who has done neither."""
    module = builders.make_module(portal, title="Empathy")
    check = builders.make_check(title="Outage check")
    learning_path = builders.make_path(steps=[module, check])
    return builders.assign(learning_path, trainee), module, check


def withdraw(assignment, module, check, change):
    """Unpublish or delete the module or the check. The path is published again without
    the step first when the check goes: a path's draft steps protect their check."""
    if change == "unpublish module":
        module.unpublish()
    elif change == "delete module":
        module.delete()
    elif change == "unpublish check":
        check.live = False
        check.save()
    else:
        learning_path = assignment.path
        learning_path.steps = [builders.as_step(module)]
        learning_path.save_revision().publish()
        check.delete()
    return 1 if "module" in change else 2  # the step's number


CHANGES = ["unpublish module", "delete module", "unpublish check", "delete check"]
SAYS = {
    "unpublish module": "The module was unpublished",
    "delete module": "The module was deleted",
    "unpublish check": "The knowledge check was unpublished",
    "delete check": "The knowledge check was deleted",
}


def as_(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("change", CHANGES)
def test_the_step_says_what_happened_and_that_the_coach_can_waive_it(
    client, trainee, path_in_progress, change
):
    assignment, module, check = path_in_progress
    number = withdraw(assignment, module, check, change)

    step = as_(client, trainee).get(reverse("coaching:step", args=[assignment.pk, number]))
    path_page = client.get(reverse("coaching:assignment", args=[assignment.pk]))

    assert SAYS[change] in step.text
    assert "waive this step" in step.text
    assert "Withdrawn" in path_page.text and "Your coach can waive this step." in path_page.text


@pytest.mark.parametrize("change", ["unpublish check", "delete check"])
def test_taking_a_withdrawn_check_says_so_instead_of_404(client, trainee, path_in_progress, change):
    assignment, module, check = path_in_progress
    withdraw(assignment, module, check, change)

    response = as_(client, trainee).post(
        reverse("coaching:take_check", args=[assignment.pk, 2]), {}, follow=True
    )

    assert response.status_code == 200
    assert "This knowledge check is not available any more." in response.text


@pytest.mark.parametrize("change", CHANGES)
def test_the_path_completes_once_the_coach_waives_the_withdrawn_step(
    client, coach, trainee, path_in_progress, change
):
    assignment, module, check = path_in_progress
    number = withdraw(assignment, module, check, change)
    coach_page = as_(client, coach).get(reverse("coaching:trainee", args=[trainee.pk]))
    assert SAYS[change] in coach_page.text and "You can waive this step." in coach_page.text
    other = 3 - number
    if other == 1:
        as_(client, trainee).post(reverse("coaching:complete_module", args=[assignment.pk, 1]))
    else:
        client.post(
            reverse("coaching:waive", args=[assignment.pk, other]), {"reason": "Known already"}
        )

    as_(client, coach).post(
        reverse("coaching:waive", args=[assignment.pk, number]), {"reason": "Content withdrawn"}
    )

    assignment.refresh_from_db()
    assert assignment.status == "completed"
    waived = StepProgress.objects.get(assignment=assignment, step__position=number - 1)
    assert waived.status == ProgressStatus.DONE and waived.waived_reason == "Content withdrawn"


@pytest.mark.parametrize("change", CHANGES)
def test_the_report_lists_the_step_with_the_people_waiting(
    client, hr, trainee, path_in_progress, change
):
    assignment, module, check = path_in_progress
    withdraw(assignment, module, check, change)

    report = as_(client, hr).get(REPORT)

    assert report.status_code == 200
    assert SAYS[change] in report.text
    assert reverse("coaching:trainee", args=[trainee.pk]) in report.text


def test_an_editor_sees_how_many_wait_but_not_who(client, editor, trainee, path_in_progress):
    assignment, module, check = path_in_progress
    withdraw(assignment, module, check, CHANGES[0])

    report = as_(client, editor).get(REPORT)
    export = client.get(REPORT + "?export=csv")

    assert SAYS[CHANGES[0]] in report.text
    assert "People waiting" in report.text
    assert "Their coach pages" not in report.text
    assert reverse("coaching:trainee", args=[trainee.pk]) not in report.text
    assert "New hires" not in b"".join(export.streaming_content).decode()


def test_the_report_leaves_out_steps_done_and_content_still_there(
    client, hr, trainee, path_in_progress
):
    assignment, module, _check = path_in_progress
    module.unpublish()
    as_(client, trainee).post(reverse("coaching:complete_module", args=[assignment.pk, 1]))

    report = as_(client, hr).get(REPORT)

    assert "Every step in progress can be completed" in report.text
    assert reverse("coaching:trainee", args=[trainee.pk]) not in report.text


def test_the_report_is_not_there_for_a_coach(client, coach, path_in_progress):
    coach.user_permissions.add(Permission.objects.get(codename="access_admin"))

    assert as_(client, coach).get(REPORT).status_code == 404


def test_the_report_is_in_the_reports_menu_of_editors(client, editor, path_in_progress):
    home = as_(client, editor).get(reverse("wagtailadmin_home"))

    assert REPORT in home.text


@pytest.mark.parametrize("size", [2, 12])
def test_the_report_makes_a_fixed_number_of_queries(client, portal, hr, size):
    coach = builders.make_user("coach")
    for number in range(size):
        module = builders.make_module(portal, title=f"Module {number}", slug=f"m{number}")
        learning_path = builders.make_path(f"Path {number}", steps=[module, "A task"])
        for person in range(size):
            builders.assign(
                learning_path, builders.make_trainee(f"t{number}-{person}", coach=coach)
            )
        module.unpublish()
    as_(client, hr).get(REPORT)

    with CaptureQueriesContext(connection) as queries:
        report = client.get(REPORT)

    assert report.text.count("The module was unpublished") == size
    # session, user, HR? (two permission lookups), the admin's user profile; the count
    # and the page of steps, the steps done, the people waiting; Wagtail's admin
    # around it (locales, page and collection permissions, the explorer's root page,
    # the site, the menu's page count)
    assert len(queries) == 14


def test_unpublishing_a_module_in_use_asks_again_with_the_count(
    client, superuser, path_in_progress
):
    _assignment, module, _check = path_in_progress
    url = reverse("wagtailadmin_pages:unpublish", args=[module.pk])

    asked = as_(client, superuser).post(url)

    module.refresh_from_db()
    assert module.live
    assert "1 new hire still has to complete a step" in asked.text
    assert 'name="confirm_withdraw_in_use"' in asked.text

    client.post(url, {"confirm_withdraw_in_use": "1"})

    module.refresh_from_db()
    assert not module.live


def test_unpublishing_a_module_nobody_needs_is_not_asked_again(client, superuser, portal):
    module = builders.make_module(portal, title="Unused")

    client = as_(client, superuser)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[module.pk]))

    module.refresh_from_db()
    assert not module.live


def test_deleting_a_module_in_use_warns_on_the_confirmation(client, superuser, path_in_progress):
    _assignment, module, _check = path_in_progress

    page = as_(client, superuser).get(reverse("wagtailadmin_pages:delete", args=[module.pk]))

    assert "1 new hire still has to complete a step" in page.text
    assert "Once it is deleted" in page.text


def test_unpublishing_a_check_in_use_asks_again(client, superuser, path_in_progress):
    _assignment, _module, check = path_in_progress
    url = reverse("wagtailsnippets_lessons_knowledgecheck:unpublish", args=[check.pk])

    asked = as_(client, superuser).post(url)

    check.refresh_from_db()
    assert check.live and "1 new hire still has to complete a step" in asked.text

    client.post(url, {"confirm_withdraw_in_use": "1"})

    check.refresh_from_db()
    assert not check.live


def test_deleting_a_check_in_use_warns_on_the_confirmation(client, superuser, path_in_progress):
    assignment, module, check = path_in_progress
    learning_path = assignment.path
    learning_path.steps = [builders.as_step(module)]
    learning_path.save_revision().publish()

    page = as_(client, superuser).get(
        reverse("wagtailsnippets_lessons_knowledgecheck:delete", args=[check.pk])
    )

    assert "1 new hire still has to complete a step" in page.text
