"""/people: an HR token adds people and changes them; a coach's token sees only the
coach's new hires; errors name each field; nothing opens without a token in scope."""

import pytest
from django.core import mail
from django.utils import timezone

from coaching.audit.models import CoachingLogEntry
from coaching.models import TraineeProfile
from tests import builders

from .client import Api, make_token

pytestmark = pytest.mark.django_db


def test_an_hr_token_adds_a_person_and_assigns_a_path(
    hr_api, coach, trainee, published_path, django_capture_on_commit_callbacks
):
    unit = builders.make_unit("Customer Service")
    with django_capture_on_commit_callbacks(execute=True):
        added = hr_api.post(
            "/people/",
            {
                "first_name": "Ayu",
                "last_name": "Lestari",
                "email": "Ayu@Example.com",
                "start_date": "2027-01-04",
                "unit_id": unit.pk,
                "job_title": "Agent",
                "coach_id": coach.pk,
            },
        )
    assert added.status_code == 201
    person = added.json()
    assert person["email"] == "ayu@example.com"
    assert person["unit"] == {"id": unit.pk, "name": "Customer Service"}
    assert person["coaches"] == [
        {"id": coach.pk, "name": "Citra", "primary": True, "ends_on": None}
    ]
    assert mail.outbox[-1].to == ["ayu@example.com"]  # invited to choose a password
    assert CoachingLogEntry.objects.filter(action="coaching.hire", trainee_id=person["id"]).exists()

    assigned = hr_api.post(
        "/assignments/",
        {"path_id": published_path.pk, "person_ids": [person["id"]], "due_on": "2027-02-01"},
    )
    assert assigned.status_code == 201
    assert assigned.json()["created"] == 1
    listed = hr_api.get("/assignments/", person_id=person["id"]).json()
    assert listed["count"] == 1
    assignment = listed["items"][0]
    assert (assignment["path"]["name"], assignment["status"], assignment["due_on"]) == (
        "Orientation",
        "active",
        "2027-02-01",
    )
    assert (assignment["steps_done"], assignment["steps_total"], assignment["percent"]) == (0, 2, 0)


def test_a_coach_token_cannot_see_another_coachs_new_hire(
    coach_api, trainee, other_trainee, published_path
):
    theirs = builders.assign(published_path, other_trainee)
    listed = coach_api.get("/people/").json()
    assert [person["id"] for person in listed["items"]] == [trainee.pk]
    assert coach_api.get(f"/people/{other_trainee.pk}").status_code == 404
    assert coach_api.get(f"/assignments/{theirs.pk}").status_code == 404
    assert coach_api.post(f"/assignments/{theirs.pk}/cancel").status_code == 404
    assert coach_api.get("/assignments/").json()["count"] == 0
    refused = coach_api.post(
        "/assignments/", {"path_id": published_path.pk, "person_ids": [other_trainee.pk]}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["body", "payload", "person_ids"]
    theirs.refresh_from_db()
    assert theirs.status == "active"


def test_each_error_names_its_field(hr_api, trainee):
    missing = hr_api.post("/people/", {"first_name": "Ayu", "email": "ayu@example.com"})
    assert missing.status_code == 422
    assert missing["Content-Type"] == "application/problem+json"
    assert ["body", "payload", "start_date"] in [error["loc"] for error in missing.json()["errors"]]

    refused = hr_api.post(
        "/people/",
        {
            "first_name": "Nadia",
            "email": "NADIA@example.com",  # taken, in other letters
            "start_date": "2027-01-04",
            "unit_id": 999,
        },
    )
    assert refused.status_code == 422
    by_field = {error["loc"][-1]: error["msg"] for error in refused.json()["errors"]}
    assert set(by_field) == {"email", "unit_id"}
    assert "already has an account" in by_field["email"]
    assert TraineeProfile.objects.count() == 1  # nothing half-saved


def test_only_hr_writes_people(coach, trainee):
    # A coach's token given write:people directly (the admin refuses it): still refused.
    api = Api(make_token(coach, "read:people", "write:people"))
    answer = api.post(
        "/people/", {"first_name": "Ayu", "email": "a@example.com", "start_date": "2027-01-04"}
    )
    assert answer.status_code == 403
    assert api.patch(f"/people/{trainee.pk}", {"job_title": "Lead"}).status_code == 403


def test_a_token_opens_only_its_scopes(hr, trainee):
    api = Api(make_token(hr, "read:paths"))
    refused = api.get("/people/")
    assert refused.status_code == 403
    assert "read:people" in refused.json()["detail"]
    assert api.get("/paths/").status_code == 200


def test_no_token_a_revoked_one_or_a_session_opens_nothing(client, hr, trainee):
    assert Api().get("/people/").status_code == 401
    key = make_token(hr, "read:people")
    assert Api(key).get("/people/").status_code == 200
    hr.api_tokens.get().revoke()
    revoked = Api(key).get("/people/")
    assert revoked.status_code == 401
    assert revoked["WWW-Authenticate"].startswith("Bearer")
    assert Api("wagtail_not-a-token").get("/people/").status_code == 401
    client.force_login(hr)
    assert Api(client=client).get("/people/").status_code == 401  # a cookie is not a token


def test_a_deactivated_owners_token_opens_nothing(hr, trainee):
    key = make_token(hr, "read:people")
    hr.is_active = False
    hr.save()
    assert Api(key).get("/people/").status_code == 401


def test_a_change_keeps_what_was_not_sent(hr_api, trainee, coach, other_coach, other_trainee):
    unit = builders.make_unit("Sales")
    changed = hr_api.patch(
        f"/people/{trainee.pk}", {"unit_id": unit.pk, "coach_id": other_coach.pk}
    )
    assert changed.status_code == 200
    person = changed.json()
    assert person["unit"]["name"] == "Sales"
    assert person["job_title"] == "Agent"  # not sent: kept
    # The new primary coach from today; the former one's coaching ends today.
    ends = {coach["id"]: coach["ends_on"] for coach in person["coaches"]}
    assert ends == {other_coach.pk: None, coach.pk: timezone.localdate().isoformat()}
    assert CoachingLogEntry.objects.filter(
        action="coaching.api_change", trainee_id=trainee.pk
    ).exists()
    cleared = hr_api.patch(f"/people/{trainee.pk}", {"unit_id": None}).json()
    assert cleared["unit"] is None
    bad = hr_api.patch(
        f"/people/{trainee.pk}", {"buddy_id": other_coach.pk, "coach_id": other_coach.pk}
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"][-1] == "buddy_id"


def test_updated_since_lists_who_changed(hr_api, trainee, other_trainee):
    since = timezone.now()
    assert hr_api.get("/people/", updated_since=since.isoformat()).json()["count"] == 0
    other_trainee.first_name = "Rizky Ananda"
    other_trainee.save()
    changed = hr_api.get("/people/", updated_since=since.isoformat()).json()
    assert [person["id"] for person in changed["items"]] == [other_trainee.pk]
    other_trainee.save(update_fields=["last_login"])  # signing in is no change


def test_pages_of_people(hr_api):
    for name in ("ani", "budi", "cici"):
        builders.make_trainee(name)
    first = hr_api.get("/people/", limit=2).json()
    second = hr_api.get("/people/", limit=2, offset=2).json()
    assert first["count"] == second["count"] == 3
    ids = [person["id"] for person in first["items"] + second["items"]]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert hr_api.get("/people/", limit=0).status_code == 422


def test_too_many_requests_wait(settings, hr, trainee):
    settings.COACHING_API_RATE = "3/m"
    api = Api(make_token(hr, "read:people"))
    for _ in range(3):
        assert api.get("/people/").status_code == 200
    limited = api.get("/people/")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert Api(make_token(hr, "read:people", name="Another")).get("/people/").status_code == 200


@pytest.mark.parametrize("size", [2, 6])
def test_listing_people_takes_the_same_queries(hr, size, django_assert_num_queries):
    coach = builders.make_user("citra")
    for number in range(size):
        builders.make_trainee(
            f"person{number}", coach=coach, unit=builders.make_unit(f"Unit {number}")
        )
    api = Api(make_token(hr, "read:people"))
    api.get("/people/")  # the token's last use is written once a minute
    # token, HR's permissions (user, groups), count, page, coaches
    with django_assert_num_queries(6):
        answer = api.get("/people/")
    assert answer.json()["count"] == size
