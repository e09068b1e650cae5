"""What an attacker or a broken client sends never makes a 500, and text comes back as
data, never as markup: every answer here is checked against the served schema too."""

import pytest

from .client import Api, make_token

pytestmark = pytest.mark.django_db
TOO_BIG = 10**20  # more than a database integer holds (SQLite raises on it)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (f"/people/{TOO_BIG}", {}),
        (f"/paths/{TOO_BIG}", {}),
        (f"/assignments/{TOO_BIG}", {}),
        ("/people/", {"unit_id": TOO_BIG}),
        ("/people/", {"offset": TOO_BIG}),
        ("/people/", {"updated_since": "yesterday"}),
        ("/assignments/", {"person_id": TOO_BIG, "status": "lost"}),
        ("/completions/", {"path_id": -1}),
        ("/reports/completion", {"by": "salary"}),
    ],
)
def test_odd_reads_are_refused_by_field(hr_api, path, query):
    answer = hr_api.get(path, **query)
    assert answer.status_code == 422
    assert answer.json()["errors"]


@pytest.mark.parametrize(
    "body",
    [
        {"path_id": TOO_BIG, "person_ids": [TOO_BIG]},
        {"path_id": "one", "person_ids": "everyone"},
        {"path_id": 1, "person_ids": []},
        {"path_id": 1, "person_ids": [1], "due_after_start_days": -5},
    ],
)
def test_odd_assignments_are_refused_by_field(hr_api, body):
    assert hr_api.post("/assignments/", body).status_code == 422


@pytest.mark.parametrize(
    "body",
    [
        {"first_name": "x" * 500, "email": "a@example.com", "start_date": "2027-01-04"},
        {"first_name": "Ayu", "email": "not an address", "start_date": "2027-01-04"},
        {"first_name": None, "email": "a@example.com", "start_date": "2027-01-04"},
        {"first_name": "Ayu", "email": "a@example.com", "start_date": "2027-02-30"},
        {
            "first_name": "Ayu",
            "email": "a@example.com",
            "start_date": "2027-01-04",
            "coach_id": TOO_BIG,
        },
    ],
)
def test_odd_people_are_refused_by_field(hr_api, trainee, body):
    assert hr_api.post("/people/", body).status_code == 422
    assert hr_api.patch(f"/people/{trainee.pk}", body).status_code == 422


def test_a_body_that_is_not_an_object_is_refused(hr_api):
    answer = hr_api.client.post(
        "/onboarding/api/v1/people/",
        "not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {hr_api.key}"},
    )
    assert answer.status_code == 400
    assert hr_api.call("post", "/people/", [1]).status_code == 422


def test_markup_comes_back_as_data(hr, trainee):
    api = Api(make_token(hr, "read:people", "write:people"))
    answer = api.patch(f"/people/{trainee.pk}", {"first_name": "<script>alert(1)</script>"})
    assert answer["Content-Type"] == "application/json; charset=utf-8"
    assert answer.json()["first_name"] == "<script>alert(1)</script>"
