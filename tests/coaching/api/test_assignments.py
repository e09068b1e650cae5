"""/assignments, /completions, /reports and /me: stored progress as the site shows it,
`updated_since` for syncing, cancelling once, and a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from coaching.learning.progress import complete_module
from tests import builders

from .client import Api, held_token, make_token

pytestmark = pytest.mark.django_db


def test_progress_and_completions_as_stored(coach_api, trainee, published_path):
    assignment = builders.assign(published_path, trainee)
    module, task = builders.steps_of(assignment)
    since = timezone.now()
    assert coach_api.get("/assignments/", updated_since=since.isoformat()).json()["count"] == 0
    complete_module(assignment, module)
    changed = coach_api.get("/assignments/", updated_since=since.isoformat()).json()
    assert [row["id"] for row in changed["items"]] == [assignment.pk]
    row = changed["items"][0]
    assert (row["steps_done"], row["percent"], row["next_step_key"]) == (1, 50, str(task.key))
    done = coach_api.get("/completions/", updated_since=since.isoformat()).json()["items"]
    assert [(step["step_key"], step["step_kind"], step["waived"]) for step in done] == [
        (str(module.key), "module", False)
    ]


def test_cancelling_twice_cancels_once(coach_api, trainee, published_path):
    assignment = builders.assign(published_path, trainee)
    first = coach_api.post(f"/assignments/{assignment.pk}/cancel")
    assert first.status_code == 200
    assert first.json()["status"] == "cancelled"
    again = coach_api.post(f"/assignments/{assignment.pk}/cancel")
    assert again.status_code == 409
    assert "in progress" in again.json()["detail"]


def test_assigning_again_leaves_it_as_it_was(coach_api, trainee, published_path):
    body = {"path_id": published_path.pk, "person_ids": [trainee.pk]}
    assert coach_api.post("/assignments/", body).json()["created"] == 1
    again = coach_api.post("/assignments/", body).json()
    assert (again["created"], again["already_assigned"], len(again["assignments"])) == (0, 1, 1)
    unknown = coach_api.post("/assignments/", {**body, "path_id": 999})
    assert unknown.json()["errors"][0]["loc"][-1] == "path_id"


def test_a_person_without_coaching_rights_cannot_assign(colleague, trainee, published_path):
    api = Api(make_token(colleague, "write:assignments"))
    answer = api.post("/assignments/", {"path_id": published_path.pk, "person_ids": [trainee.pk]})
    assert answer.status_code == 403


def test_report_figures_for_the_coachs_people(coach_api, trainee, other_trainee, published_path):
    builders.assign(published_path, trainee)
    builders.assign(published_path, other_trainee)
    rows = coach_api.get("/reports/completion").json()
    assert [(row["label"], row["assigned"], row["completed"]) for row in rows] == [
        ("Orientation", 1, 0)
    ]
    assert coach_api.get("/reports/completion", by="unit").status_code == 200
    trainee.trainee_profile.start_date = datetime.date(2027, 1, 4)
    trainee.trainee_profile.save()
    cohorts = coach_api.get("/reports/completion", by="cohort").json()
    assert [row["key"] for row in cohorts] == ["2027-01-01"]
    assert coach_api.get("/reports/completion", unit_id=999).status_code == 422


def test_own_record_is_the_owners_only(trainee, coach, hr):
    held, key = held_token(trainee, "read:own_record")
    held.created_by = trainee
    held.save()
    api = Api(key)
    assert api.get("/me/").json()["scopes"] == ["read:own_record"]
    record = api.get("/me/record").json()
    assert record["person"]["email"] == "nadia@example.com"
    assert api.get("/people/").status_code == 403
    assert Api(make_token(coach, "read:people")).get("/me/record").status_code == 403
    # One HR made for her: HR saw its key, so it reads nothing of her record.
    made_by_hr, key = held_token(trainee, "read:own_record", name="By HR")
    made_by_hr.created_by = hr
    made_by_hr.save()
    assert Api(key).get("/me/record").status_code == 403


@pytest.mark.parametrize("size", [2, 6])
def test_listings_take_the_same_queries(hr, portal, size, django_assert_num_queries):
    learning_path = builders.make_path(steps=[builders.make_module(portal), "Shadow a call"])
    for number in range(size):
        assignment = builders.assign(learning_path, builders.make_trainee(f"person{number}"))
        complete_module(assignment, builders.steps_of(assignment)[0])
    api = Api(make_token(hr, "read:assignments", "read:paths"))
    api.get("/paths/")  # the token's last use is written once a minute
    # token, HR's permissions (user, groups), count, page
    with django_assert_num_queries(5):
        assert api.get("/assignments/").json()["count"] == size
    with django_assert_num_queries(5):
        assert api.get("/completions/").json()["count"] == size
    # token, count, page
    with django_assert_num_queries(3):
        assert api.get("/paths/").json()["count"] == 1
