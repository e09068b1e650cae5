"""A knowledge check whose editor says people who passed must pass its new version: they
take it again; their step stays done and their earlier attempts keep their grades."""

import pytest
from django.urls import reverse

from coaching.learning.progress import StepError, grant_attempts, take_check
from coaching.models import (
    Assignment,
    AssignmentStatus,
    CheckAttempt,
    ProgressStatus,
    ReadAgain,
    StepProgress,
)
from lessons.models import KnowledgeCheck
from tests import builders

pytestmark = pytest.mark.django_db


def right_answers(check):
    return {
        question.id: [choice.key for choice in question.choices if choice.correct]
        for question in check.grade({}).questions
    }


def wrong_answers(check):
    return {question["id"]: ["1"] for question in check.question_choices()}


@pytest.fixture
def passed(db):
    """Nadia passed a one-check path (it completed); Omar has not taken it."""
    check = builders.make_check(max_attempts=2)
    learning_path = builders.make_path(steps=[check])
    nadia, omar = builders.make_trainee("nadia"), builders.make_trainee("omar")
    done = builders.assign(learning_path, nadia)
    builders.assign(learning_path, omar)
    take_check(done, builders.steps_of(done)[0], right_answers(check))
    return check, Assignment.objects.get(pk=done.pk)


def publish(check, must_pass):
    check = KnowledgeCheck.objects.get(pk=check.pk)
    check.intro = "Now with the new refund rules."
    check.change_must_be_passed = must_pass
    check.save_revision().publish()
    return KnowledgeCheck.objects.get(pk=check.pk)


def test_an_attempt_records_the_checks_revision(passed):
    check, done = passed

    attempt = CheckAttempt.objects.get(assignment=done)

    assert attempt.check_revision_id == check.live_revision_id


def test_a_change_that_need_not_be_passed_asks_nobody(passed):
    check, _ = passed

    publish(check, must_pass=False)

    assert not ReadAgain.objects.exists()


def test_those_who_passed_are_asked_and_keep_their_step_and_grades(passed):
    check, done = passed

    check = publish(check, must_pass=True)

    request = ReadAgain.objects.get()
    assert request.reason == "check" and request.progress.assignment == done
    assert StepProgress.objects.get(assignment=done).status == ProgressStatus.DONE
    assert Assignment.objects.get(pk=done.pk).status == AssignmentStatus.COMPLETED
    assert CheckAttempt.objects.get(assignment=done).passed is True
    assert check.change_must_be_passed is False  # the next publish asks afresh


def test_passing_the_new_version_closes_the_request_on_a_completed_path(passed, client):
    check, done = passed
    check = publish(check, must_pass=True)
    step = builders.steps_of(done)[0]
    client.force_login(done.trainee)
    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text
    assert "The knowledge check changed since you passed it" in page and 'id="check-form"' in page

    take_check(done, step, wrong_answers(check))
    assert ReadAgain.objects.get().read_at is None
    take_check(done, step, right_answers(check))

    assert ReadAgain.objects.get().read_at is not None
    attempts = list(CheckAttempt.objects.filter(assignment=done).order_by("number"))
    assert [(a.number, a.passed) for a in attempts] == [(1, True), (2, False), (3, True)]
    assert attempts[2].check_revision_id == check.live_revision_id
    with pytest.raises(StepError):  # passed again: nothing left to take
        take_check(done, step, right_answers(check))


def test_only_the_attempts_since_count_against_the_limit(passed):
    check, done = passed  # the limit is 2, and one attempt was used before
    check = publish(check, must_pass=True)
    step = builders.steps_of(done)[0]

    take_check(done, step, wrong_answers(check))
    take_check(done, step, wrong_answers(check))

    with pytest.raises(StepError):
        take_check(done, step, right_answers(check))


def test_the_button_does_not_close_a_check_to_pass(passed, client):
    check, done = passed
    publish(check, must_pass=True)
    client.force_login(done.trainee)

    client.post(reverse("coaching:read_again_done", args=[done.pk, 1]))

    assert ReadAgain.objects.get().read_at is None


def test_the_editor_is_asked_when_publishing_and_it_starts_unticked(passed, admin_client):
    check, _ = passed
    edit = reverse("wagtailsnippets_lessons_knowledgecheck:edit", args=[check.pk])

    form = admin_client.get(edit).context["form"]

    assert "change_must_be_passed" in form.fields
    assert form["change_must_be_passed"].value() is False


def test_a_coach_can_grant_more_attempts_at_the_new_version(passed):
    check, done = passed
    check = publish(check, must_pass=True)
    step = builders.steps_of(done)[0]
    take_check(done, step, wrong_answers(check))
    take_check(done, step, wrong_answers(check))  # the limit of 2 since the request is used

    grant_attempts(done, step, coach=builders.make_user("citra"), attempts=1, reason="Ill")
    take_check(done, step, right_answers(check))

    assert ReadAgain.objects.get().read_at is not None


def test_the_retake_shows_only_the_attempts_since(passed, client):
    check, done = passed
    publish(check, must_pass=True)
    client.force_login(done.trainee)

    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text

    assert "Attempt 1" not in page  # the passed attempt, with its answers, is not shown


def test_a_module_and_its_check_changed_together_ask_both_and_each_closes_its_own(portal, client):
    check = builders.make_check()
    module = builders.make_module(portal, title="Outages", knowledge_check=check)
    done = builders.assign(builders.make_path(steps=[module]), builders.make_trainee("nadia"))
    step = builders.steps_of(done)[0]
    take_check(done, step, right_answers(check))
    module = type(module).objects.get(pk=module.pk)
    module.summary, module.change_must_be_read = "Call the network team first.", True
    module.save_revision().publish()
    check = publish(check, must_pass=True)

    assert sorted(ReadAgain.objects.values_list("reason", flat=True)) == ["changed", "check"]
    client.force_login(done.trainee)
    page = client.get(reverse("coaching:step", args=[done.pk, 1])).text
    assert "Updated since you read it" in page
    assert "The knowledge check changed since you passed it" in page

    client.post(reverse("coaching:read_again_done", args=[done.pk, 1]))
    assert list(ReadAgain.objects.still_open().values_list("reason", flat=True)) == ["check"]
    take_check(done, step, right_answers(check))
    assert not ReadAgain.objects.still_open().exists()
