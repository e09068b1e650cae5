"""Moving an assignment to its path's latest version: progress on the steps that carry
over is kept, new steps start open, what was done on dropped steps stays on record, the
due date can change at once, and doing it twice moves and records it once."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.audit.models import CoachingLogEntry
from coaching.learning import progress
from coaching.learning.assigning import assign_path
from coaching.learning.version_views import on_publishing_path
from coaching.learning.versions import move_to_latest, on_older_versions
from coaching.models import Assignment, ProgressStatus, StepProgress, TraineeProfile
from tests import builders

pytestmark = pytest.mark.django_db

DUE = timezone.localdate() + datetime.timedelta(days=30)


def publish_again(learning_path):
    """Version 2: keeps "Read the handbook" and "Shadow a call", drops "Old task", adds
    "Meet the team"."""
    keep = [step for step in learning_path.steps.all() if step.title != "Old task"]
    builders.republish(learning_path, [*keep, "Meet the team"])
    return learning_path.current_version


def done(assignment, title):
    step = assignment.version.steps.get(title=title)
    progress.submit_task(assignment, step)
    progress.sign_off(assignment, step, coach=assignment.assigned_by)


@pytest.fixture
def on_version_1(coach, trainee):
    learning_path = builders.make_path(
        "Orientation", steps=["Read the handbook", "Shadow a call", "Old task"]
    )
    assignment = builders.assign(learning_path, trainee, by=coach)
    done(assignment, "Read the handbook")
    done(assignment, "Old task")
    publish_again(learning_path)
    return assignment


def states(assignment):
    """Each step of the assignment's version, with its status ("" for open)."""
    by_step = {row.step_id: row.status for row in assignment.progress.all()}
    return [(step.title, by_step.get(step.pk, "")) for step in assignment.version.steps.all()]


def move(client, coach, assignment, version=2, due_on=DUE):
    client.force_login(coach)
    return client.post(
        reverse("coaching:move_version", args=[assignment.pk]),
        {"version": version, "due_on": due_on.isoformat() if due_on else ""},
        follow=True,
    )


def test_moving_keeps_progress_on_steps_that_carry_over_and_opens_new_ones(
    client, coach, on_version_1
):
    response = move(client, coach, on_version_1)

    assignment = Assignment.objects.with_progress().get(pk=on_version_1.pk)
    assert assignment.version.number == 2 and assignment.due_on == DUE
    assert states(assignment) == [
        ("Read the handbook", ProgressStatus.DONE),
        ("Shadow a call", ""),
        ("Meet the team", ""),
    ]
    assert (assignment.done_count, assignment.percent) == (1, 33)
    assert "Moved to the latest version." in response.content.decode()


def test_what_was_done_on_a_dropped_step_stays_on_record(client, coach, on_version_1):
    move(client, coach, on_version_1)

    kept = StepProgress.objects.get(assignment=on_version_1, step__title="Old task")
    assert kept.status == ProgressStatus.DONE and kept.step.version.number == 1


def test_moving_from_two_tabs_moves_and_records_once(client, coach, on_version_1):
    move(client, coach, on_version_1)
    second = move(client, coach, on_version_1)

    assert "on the latest version already" in second.content.decode()
    entries = CoachingLogEntry.objects.filter(action="coaching.move_version")
    assert [(entry.data["old"], entry.data["new"]) for entry in entries] == [(1, 2)]
    assert CoachingLogEntry.objects.filter(action="coaching.change_due").count() == 1


def test_a_path_published_again_since_the_page_was_shown_is_not_moved_blindly(
    client, coach, on_version_1
):
    publish_again(on_version_1.path)  # version 3

    response = move(client, coach, on_version_1, version=2)

    on_version_1.refresh_from_db()
    assert on_version_1.version.number == 1
    assert "The path has changed again" in response.content.decode()


def test_someone_else_s_assignment_is_not_there(client, other_coach, on_version_1):
    response = move(client, other_coach, on_version_1)

    assert response.status_code == 404
    on_version_1.refresh_from_db()
    assert on_version_1.version.number == 1


def test_a_bad_due_date_comes_back_beside_its_field(client, coach, on_version_1):
    client.force_login(coach)
    response = client.post(
        reverse("coaching:move_version", args=[on_version_1.pk]),
        {"version": 2, "due_on": "someday"},
    )

    assert response.status_code == 200
    assert 'class="field__error"' in response.content.decode()
    on_version_1.refresh_from_db()
    assert on_version_1.version.number == 1


def test_the_trainee_page_offers_the_move_only_on_an_older_version(
    client, coach, trainee, on_version_1
):
    client.force_login(coach)
    url = reverse("coaching:trainee", args=[trainee.pk])

    before = client.get(url).content.decode()
    move(client, coach, on_version_1)
    after = client.get(url).content.decode()

    assert "Version 2 has been published since." in before
    assert "Move to version 2" in before
    assert "Move to version 2" not in after


def test_assigning_a_path_someone_has_on_an_older_version_offers_the_move_with_the_due_date(
    client, coach, trainee, on_version_1
):
    client.force_login(coach)
    response = client.post(
        reverse("coaching:assign") + f"?trainee={trainee.pk}",
        {
            "path": on_version_1.path_id,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "date",
            "due_on": DUE.isoformat(),
        },
    )

    page = response.content.decode()
    assert "They have this path already, on an older version" in page
    assert reverse("coaching:move_version", args=[on_version_1.pk]) in page
    assert f'value="{DUE:%d/%m/%Y}"' in page  # the due date typed, shown day first
    assert Assignment.objects.filter(trainee=trainee).count() == 1


def test_assign_more_goes_back_to_the_trainee(client, coach, trainee):
    learning_path = builders.make_path("Orientation", steps=["Shadow a call"])
    client.force_login(coach)
    url = reverse("coaching:assign") + f"?trainee={trainee.pk}"

    form = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "path": learning_path.pk,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "none",
        },
    )

    profile = trainee.trainee_profile.pk
    assert f'value="{profile}" id="id_trainees_0" checked' in form
    assert response.status_code == 302
    assert response.url == reverse("coaching:trainee", args=[trainee.pk])
    assert Assignment.objects.filter(trainee=trainee, path=learning_path).exists()


def build(coach, size):
    learning_path = builders.make_path(
        "Orientation", steps=["Read the handbook", "Shadow a call", "Old task"]
    )
    for n in range(size):
        builders.make_trainee(f"p{n}", coach=coach)
    assign_path(learning_path, TraineeProfile.objects.all(), assigned_by=coach)
    for assignment in Assignment.objects.select_related("version", "assigned_by"):
        done(assignment, "Read the handbook")
    publish_again(learning_path)
    return learning_path


@pytest.mark.parametrize("size", [2, 20])
def test_moving_everyone_costs_the_same_queries_for_any_number_of_people(coach, size):
    learning_path = build(coach, size)

    latest = learning_path.current_version.number

    with CaptureQueriesContext(connection) as context:
        moved = move_to_latest(
            learning_path, on_older_versions(learning_path), by=coach, version_number=latest
        )

    # the path; any to move?; the savepoint; lock the assignments, read them; the new
    # version's steps, the old ones'; move the progress, the attempts, the extra attempts;
    # the assignments; their stored steps done, recounted; their new hires' stored
    # figures (locked, counted from the assignments and the tasks waiting, one upsert:
    # 4); the trail's entries; those now finished; the savepoint released
    assert (moved, len(context)) == (size, 19)
    assert not on_older_versions(learning_path).exists()
    assert StepProgress.objects.filter(step__version__number=2).count() == size


def test_hr_moves_everyone_from_the_admin(client, hr, coach):
    learning_path = build(coach, 3)
    client.force_login(hr)
    url = reverse("coaching_path_versions:move", args=[learning_path.pk])

    page = client.get(url).content.decode()
    response = client.post(url, {"version": 2}, follow=True)
    again = client.post(url, {"version": 2}, follow=True)

    assert "Move all 3 people to version 2" in page
    assert "Moved 3 people to version 2." in response.content.decode()
    assert "Everyone is on the latest version already." in again.content.decode()
    assert not on_older_versions(learning_path).exists()
    assert CoachingLogEntry.objects.filter(action="coaching.move_version").count() == 3


def test_an_editor_opening_the_path_is_told_how_many_are_on_older_versions(client, editor, coach):
    learning_path = build(coach, 3)
    client.force_login(editor)

    edit = client.get(reverse("wagtailsnippets_lessons_learningpath:edit", args=[learning_path.pk]))

    page = edit.content.decode()
    assert "3 people are on an older version of this path." in page
    assert reverse("coaching_path_versions:move", args=[learning_path.pk]) in page


def test_an_editor_publishing_the_path_is_told_too(rf, editor, coach):
    learning_path = build(coach, 2)
    request = rf.post("/", {"action-publish": "publish"})
    request.user = editor
    request.session = {}
    request._messages = FallbackStorage(request)

    on_publishing_path(request, learning_path)

    (message,) = [str(message) for message in request._messages]
    assert message.startswith("2 people are on an older version of this path.")
    assert reverse("coaching_path_versions:move", args=[learning_path.pk]) in message


def test_a_coach_with_the_admin_open_cannot_move_everyone(client, coach):
    learning_path = build(coach, 1)
    coach.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(coach)

    response = client.post(
        reverse("coaching_path_versions:move", args=[learning_path.pk]), {"version": 2}
    )

    assert response.status_code == 404
    assert on_older_versions(learning_path).exists()


def test_after_the_move_the_dashboard_counts_only_the_new_version_s_steps(
    client, coach, on_version_1
):
    move(client, coach, on_version_1)

    page = client.get(reverse("coaching:dashboard")).content.decode()

    assert "1 of 3 steps" in page  # "Old task", done on version 1, no longer counts


def test_the_personal_data_export_keeps_what_was_done_on_a_dropped_step(
    client, coach, trainee, on_version_1
):
    move(client, coach, on_version_1)
    client.force_login(trainee)

    exported = json.loads(client.get(reverse("coaching:export_record")).content)
    printed = client.get(reverse("coaching:print_record")).content.decode()

    learning = exported["learning"][0]
    assert [step["step"] for step in learning["steps_detail"]] == [
        "Read the handbook",
        "Shadow a call",
        "Meet the team",
    ]
    assert [(step["step"], step["done"]) for step in learning["earlier_version_steps"]] == [
        ("Old task", True)
    ]
    earlier = printed.split("Earlier version steps", 1)[1]
    assert "<strong>Old task</strong>" in earlier
