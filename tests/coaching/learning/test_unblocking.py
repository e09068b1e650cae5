"""Nobody stays stuck: a coach (or HR) grants more attempts at a knowledge check, or
waives a step, with a reason; a waived step counts as done and says so everywhere."""

import pytest
from django.urls import reverse

from coaching.audit.models import CoachingLogEntry
from coaching.learning.progress import take_check
from coaching.models import Assignment, CheckAttempt, ExtraAttempts, ProgressStatus, StepProgress
from coaching.notifications.messages import message_for
from coaching.notifications.models import Notification, NotificationKind
from coaching.reports.filters import ReportFilters
from coaching.reports.funnel import step_funnel
from coaching.reports.scope import ReportScope
from tests import builders

pytestmark = pytest.mark.django_db


def wrong_answers(check):
    return {question["id"]: ["1"] for question in check.question_choices()}


def right_answers(check):
    return {
        question.id: [choice.key for choice in question.choices if choice.correct]
        for question in check.grade({}).questions
    }


@pytest.fixture
def out_of_attempts(trainee):
    """A path of a knowledge check (one attempt, used and failed) then a practical task."""
    check = builders.make_check(max_attempts=1)
    assignment = builders.assign(builders.make_path(steps=[check, "Shadow a call"]), trainee)
    step = builders.steps_of(assignment)[0]
    take_check(assignment, step, {})
    return assignment, step, check


def as_(client, user):
    client.force_login(user)
    return client


def grant(client, user, assignment, attempts=2, reason="A second chance after the outage"):
    return as_(client, user).post(
        reverse("coaching:grant_attempts", args=[assignment.pk, 1]),
        {"attempts": attempts, "reason": reason},
        follow=True,
    )


def waive(client, user, assignment, number=1, reason="Already certified"):
    return as_(client, user).post(
        reverse("coaching:waive", args=[assignment.pk, number]), {"reason": reason}, follow=True
    )


def step_page(client, trainee, assignment, number=1):
    return as_(client, trainee).get(reverse("coaching:step", args=[assignment.pk, number]))


def test_out_of_attempts_the_page_says_the_coach_can_give_more(client, trainee, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    page = step_page(client, trainee, assignment)

    assert "Your coach can see this on your page and can give you more attempts" in page.text
    assert reverse("coaching:take_check", args=[assignment.pk, 1]) not in page.text


def test_the_coach_grants_more_attempts_and_the_check_is_offered_again(
    client, coach, trainee, out_of_attempts
):
    assignment, step, _check = out_of_attempts

    response = grant(client, coach, assignment, attempts=2)

    assert "More attempts granted" in response.text
    assert ExtraAttempts.objects.get(assignment=assignment, step=step).count == 2
    entry = CoachingLogEntry.objects.get(action="coaching.grant_attempts")
    assert entry.data["attempts"] == 2 and entry.data["reason"].startswith("A second chance")
    assert entry.trainee_id == trainee.pk
    page = step_page(client, trainee, assignment)
    assert "2 attempts left" in page.text and "Try again" in page.text


def test_the_new_hire_can_pass_with_granted_attempts(client, coach, trainee, out_of_attempts):
    assignment, _step, check = out_of_attempts
    grant(client, coach, assignment, attempts=1)

    as_(client, trainee).post(
        reverse("coaching:take_check", args=[assignment.pk, 1]), right_answers(check)
    )

    assert CheckAttempt.objects.filter(assignment=assignment).count() == 2
    assert StepProgress.objects.get(assignment=assignment).status == ProgressStatus.DONE


def test_two_grants_from_two_tabs_both_count(client, coach, trainee, out_of_attempts):
    assignment, step, _check = out_of_attempts

    grant(client, coach, assignment, attempts=1)
    grant(client, coach, assignment, attempts=2)

    assert ExtraAttempts.objects.get(assignment=assignment, step=step).count == 3
    assert CoachingLogEntry.objects.filter(action="coaching.grant_attempts").count() == 2


def test_granted_attempts_are_still_limited(client, coach, trainee, out_of_attempts):
    assignment, step, _check = out_of_attempts
    grant(client, coach, assignment, attempts=1)
    take_check(assignment, step, {})

    response = as_(client, trainee).post(
        reverse("coaching:take_check", args=[assignment.pk, 1]), wrong_answers(_check), follow=True
    )

    assert "You have used every attempt" in response.text
    assert CheckAttempt.objects.filter(assignment=assignment).count() == 2


def test_granting_needs_a_reason_beside_the_field(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    response = grant(client, coach, assignment, reason="  ")

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert f'id="grant-attempts-{assignment.pk}-1-reason"' in response.text
    assert not ExtraAttempts.objects.exists()


def test_granting_a_number_out_of_range_is_refused(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    response = grant(client, coach, assignment, attempts=0)

    assert "greater than or equal to 1" in response.text
    assert not ExtraAttempts.objects.exists()


def test_hr_grants_attempts_too(client, hr, out_of_attempts):
    assignment, step, _check = out_of_attempts

    grant(client, hr, assignment, attempts=1)

    assert ExtraAttempts.objects.get(assignment=assignment, step=step).count == 1


def test_someone_elses_coach_cannot_grant_or_waive(client, other_coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    assert grant(client, other_coach, assignment).status_code == 404
    assert waive(client, other_coach, assignment).status_code == 404
    assert not ExtraAttempts.objects.exists() and not StepProgress.objects.exists()


def test_a_step_without_a_check_gets_no_attempts(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    response = as_(client, coach).post(
        reverse("coaching:grant_attempts", args=[assignment.pk, 2]),
        {"attempts": 1, "reason": "Why not"},
        follow=True,
    )

    assert "This step has no knowledge check to take again." in response.text
    assert not ExtraAttempts.objects.exists()


def test_the_coach_waives_a_step_and_it_counts_as_done(client, coach, trainee, out_of_attempts):
    assignment, step, _check = out_of_attempts

    response = waive(client, coach, assignment)

    assert "Step waived. It counts as done." in response.text
    progress = StepProgress.objects.get(assignment=assignment, step=step)
    assert progress.status == ProgressStatus.DONE
    assert progress.waived_by == coach and progress.waived_reason == "Already certified"
    entry = CoachingLogEntry.objects.get(action="coaching.waive")
    assert entry.data["reason"] == "Already certified" and entry.trainee_id == trainee.pk
    assert "1 of 2 steps" in as_(client, trainee).get(reverse("coaching:home")).text


def test_waiving_every_step_left_completes_the_path(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    waive(client, coach, assignment, 1)
    waive(client, coach, assignment, 2, reason="Did it in their last job")

    assignment.refresh_from_db()
    assert assignment.status == "completed" and assignment.completed_at is not None


def test_a_waived_step_shows_as_waived_with_the_reason(client, coach, trainee, out_of_attempts):
    assignment, _step, _check = out_of_attempts
    waive(client, coach, assignment)

    portal_step = step_page(client, trainee, assignment)
    path_page = as_(client, trainee).get(reverse("coaching:assignment", args=[assignment.pk]))
    coach_page = as_(client, coach).get(reverse("coaching:trainee", args=[trainee.pk]))

    for page in (portal_step, path_page, coach_page):
        assert "Waived" in page.text and "Already certified" in page.text
    assert "This step counts as done." in portal_step.text


def test_waiving_needs_a_reason_beside_the_field(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    response = waive(client, coach, assignment, reason="")

    assert "This field is required." in response.text
    assert f'id="waive-{assignment.pk}-1-reason"' in response.text
    assert response.text.count('<details class="confirm" open>') == 1  # the refused form
    assert not StepProgress.objects.exists()


def test_waiving_twice_records_it_once(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    waive(client, coach, assignment)
    again = waive(client, coach, assignment, reason="Second tab")

    assert "This step is already done." in again.text
    assert StepProgress.objects.get(assignment=assignment).waived_reason == "Already certified"
    assert CoachingLogEntry.objects.filter(action="coaching.waive").count() == 1


def test_a_cancelled_assignment_is_not_waived(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts
    Assignment.objects.filter(pk=assignment.pk).update(status="cancelled")

    response = waive(client, coach, assignment)

    assert "This path is no longer in progress." in response.text
    assert not StepProgress.objects.exists()


def test_the_step_funnel_counts_waived_steps_as_done(client, coach, out_of_attempts):
    assignment, _step, _check = out_of_attempts
    waive(client, coach, assignment)

    rows, _assigned = step_funnel(ReportScope(), ReportFilters(path=assignment.path))

    assert [(row["done"], row["waived"]) for row in rows] == [(1, 1), (0, 0)]


def test_the_new_hire_is_told_of_more_attempts(client, coach, trainee, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    grant(client, coach, assignment, attempts=2)

    notice = Notification.objects.get(recipient=trainee, kind=NotificationKind.ATTEMPTS_GRANTED)
    assert notice.url == reverse("coaching:step", args=[assignment.pk, 1])
    message = message_for(notice)
    assert message.subject == "More attempts at Empathy check"
    assert "Citra gave you 2 more attempts at “Empathy check” on Orientation." in message.lines


def test_the_new_hire_is_told_once_of_a_waived_step(client, coach, trainee, out_of_attempts):
    assignment, _step, _check = out_of_attempts

    waive(client, coach, assignment)
    waive(client, coach, assignment, reason="Second tab")

    notice = Notification.objects.get(recipient=trainee, kind=NotificationKind.STEP_WAIVED)
    assert "Why: Already certified" in message_for(notice).lines
