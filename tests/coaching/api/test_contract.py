"""The contract: every operation of the served OpenAPI schema is called, and every
answer (results and errors alike) is what the schema says, checked by openapi-core."""

import pytest
from django.test import Client

from .client import ROOT, Api, make_token, served_schema

pytestmark = pytest.mark.django_db


def test_every_operation_answers_as_the_schema_says(hr, coach, trainee, published_path):
    api = Api(
        make_token(
            hr,
            "read:people",
            "write:people",
            "read:paths",
            "read:assignments",
            "write:assignments",
            "read:reports",
            "read:own_record",
        )
    )
    person = api.post(
        "/people/", {"first_name": "Ayu", "email": "ayu@example.com", "start_date": "2027-01-04"}
    ).json()["id"]
    api.post("/people/", {"first_name": "Ayu"})  # 422
    api.get("/people/")
    api.get(f"/people/{person}")
    api.get("/people/999")  # 404
    api.patch(f"/people/{person}", {"job_title": "Agent", "coach_id": coach.pk})
    api.patch(f"/people/{person}", {"start_date": "not a date"})  # 422
    api.get("/paths/")
    api.get(f"/paths/{published_path.pk}")
    assigned = api.post(
        "/assignments/", {"path_id": published_path.pk, "person_ids": [person, trainee.pk]}
    )
    first = assigned.json()["assignments"][0]["id"]
    api.get("/assignments/", status="active")
    api.get(f"/assignments/{first}")
    api.post(f"/assignments/{first}/cancel")
    api.post(f"/assignments/{first}/cancel")  # 409
    api.get("/completions/")
    for by in ("path", "unit", "coach", "cohort"):
        api.get("/reports/completion", by=by)
    api.get("/me/")
    api.get("/me/record")
    Api().get("/me/")  # 401
    operations = {
        (method, path.removeprefix(ROOT))
        for path, item in served_schema()["paths"].items()
        for method in item
    }
    called = {(method, path.removeprefix(ROOT)) for method, path in api.called}
    assert operations - called == set()
    assert len(operations) == 14


def test_the_schema_and_its_docs_are_served(client: Client):
    schema = client.get(f"{ROOT}/openapi.json").json()
    assert schema["info"]["title"] == "Onboarding API"
    assert schema["components"]["securitySchemes"]["ScopedToken"]["scheme"] == "bearer"
    docs = client.get(f"{ROOT}/docs")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()
