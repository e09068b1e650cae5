"""The whole loop through HTTP: a coach assigns, a new hire completes every kind of step,
the coach signs off and records the check-in, and the assignment completes."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coaching.models import Assignment, AssignmentStatus, ProgressStatus, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning_path(portal):
    return builders.make_path_of_every_kind(portal)


def answers(check, right=True):
    single, true_false = (block.id for block in check.questions)
    return {single: "0" if right else "1", true_false: "false"}


def as_(client, user):
    client.force_login(user)
    return client


def test_the_whole_loop(client, coach, trainee, learning_path):
    # The coach assigns the path.
    as_(client, coach)
    response = client.post(
        reverse("coaching:assign"),
        {
            "path": learning_path.pk,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "none",
        },
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(trainee=trainee)

    # The new hire sees it and works through it.
    as_(client, trainee)
    home = client.get(reverse("coaching:home"))
    assert "Service essentials" in home.text and "0 of 5 steps" in home.text
    step = lambda n: reverse("coaching:step", args=[assignment.pk, n])  # noqa: E731
    assert "Empathy" in client.get(step(1)).text
    client.post(reverse("coaching:complete_module", args=[assignment.pk, 1]))
    check = learning_path.current_version.steps.get(position=1).page.specific.knowledge_check
    failed = client.post(
        reverse("coaching:take_check", args=[assignment.pk, 2]),
        answers(check, right=False),
        follow=True,
    )
    assert "Not quite" in failed.text and "Listening comes first." in failed.text
    client.post(reverse("coaching:take_check", args=[assignment.pk, 2]), answers(check))
    client.post(reverse("coaching:submit_task", args=[assignment.pk, 3]), {"text": "Shadowed Ayu."})
    client.post(reverse("coaching:take_check", args=[assignment.pk, 4]), answers(check))
    assert "3 of 5 steps" in client.get(reverse("coaching:home")).text

    # The coach signs off the task and records the check-in.
    as_(client, coach)
    page = client.get(reverse("coaching:trainee", args=[trainee.pk]))
    assert "Waiting for your sign-off" in page.text and "Shadowed Ayu." in page.text
    client.post(reverse("coaching:sign_off", args=[assignment.pk, 3]), {"text": "Good notes."})
    client.post(reverse("coaching:record_checkin", args=[assignment.pk, 5]), {"text": "Ready."})

    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.COMPLETED
    assert (
        StepProgress.objects.filter(assignment=assignment, status=ProgressStatus.DONE).count() == 5
    )
    dashboard = client.get(reverse("coaching:dashboard"))
    assert "100%" in dashboard.text


def test_a_returned_task_shows_the_coachs_comment(client, coach, trainee, learning_path):
    assignment = builders.assign(learning_path, trainee)
    as_(client, trainee).post(
        reverse("coaching:submit_task", args=[assignment.pk, 3]), {"text": "Done."}
    )
    as_(client, coach).post(
        reverse("coaching:send_back", args=[assignment.pk, 3]),
        {"text": "Add your reflections <b>please</b>."},
    )

    page = as_(client, trainee).get(reverse("coaching:step", args=[assignment.pk, 3]))

    assert "Your coach sent this back" in page.text
    assert "Add your reflections &lt;b&gt;please&lt;/b&gt;." in page.text


def test_an_unanswered_check_question_gets_a_message_beside_it(client, trainee, learning_path):
    assignment = builders.assign(learning_path, trainee)

    page = as_(client, trainee).post(reverse("coaching:take_check", args=[assignment.pk, 4]), {})

    assert page.status_code == 200
    assert "Answer this question." in page.text
    assert not assignment.attempts.exists()


def test_sending_back_without_a_comment_is_refused_with_a_message(
    client, coach, trainee, learning_path
):
    assignment = builders.assign(learning_path, trainee)
    as_(client, trainee).post(reverse("coaching:submit_task", args=[assignment.pk, 3]))

    page = as_(client, coach).post(
        reverse("coaching:send_back", args=[assignment.pk, 3]), {"text": ""}, follow=True
    )

    assert "This field is required." in page.text
    assert StepProgress.objects.get(assignment=assignment).status == ProgressStatus.SUBMITTED


def test_empty_states(client, coach):
    trainee = builders.make_trainee("bima")

    assert (
        "Nothing is assigned to you yet" in as_(client, trainee).get(reverse("coaching:home")).text
    )
    coach.user_permissions.add(Permission.objects.get(codename="coach_trainees"))
    assert (
        "You are not coaching anyone yet"
        in as_(client, coach).get(reverse("coaching:dashboard")).text
    )


def test_the_dashboard_counts_tasks_waiting_for_sign_off(client, coach, trainee, learning_path):
    assignment = builders.assign(learning_path, trainee)
    as_(client, trainee).post(reverse("coaching:submit_task", args=[assignment.pk, 3]))

    dashboard = as_(client, coach).get(reverse("coaching:dashboard"), {"sort": "waiting"})

    (row,) = dashboard.context["page_obj"]
    assert row.waiting_count == 1
    assert "1 task waiting for sign-off" in dashboard.text


def test_the_dashboard_lists_each_trainees_paths_with_their_progress(
    client, coach, trainee, learning_path, portal
):
    from coaching.learning.progress import complete_module

    assignment = builders.assign(learning_path, trainee)
    complete_module(assignment, builders.steps_of(assignment)[0])
    other = builders.assign(builders.make_path("Tools", steps=["Set up a laptop"]), trainee)
    builders.make_trainee("bima", coach=coach)  # nothing assigned

    dashboard = as_(client, coach).get(reverse("coaching:dashboard"))

    paths = {row.user.username: row.paths for row in dashboard.context["page_obj"]}
    assert [(p["title"], p["percent"]) for p in paths["nadia"]] == [
        (assignment.version.title, 20),
        (other.version.title, 0),
    ]
    assert paths["bima"] == []
    assert f"{assignment.version.title}: 20%" in dashboard.text
    assert "Nothing assigned" in dashboard.text
