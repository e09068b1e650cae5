"""A person's own export names their paths and steps in the language they read."""

import json

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
from tests import builders

pytestmark = pytest.mark.django_db

WORDS = {"Company orientation": "Orientasi perusahaan", "Shadow a call": "Dampingi panggilan"}


@pytest.fixture
def assigned(portal, trainee):
    learning_path = builders.make_path("Company orientation", steps=["Shadow a call"])
    builders.translate(learning_path, WORDS)
    learning_path.refresh_from_db()
    return builders.assign(learning_path, trainee)


def test_the_json_export_has_the_titles_in_the_readers_language(client, trainee, assigned):
    remember_language(trainee, "id")
    client.force_login(trainee)

    (path,) = json.loads(client.get(reverse("coaching:export_record")).content)["learning"]

    assert path["path"] == "Orientasi perusahaan"
    assert [step["step"] for step in path["steps_detail"]] == ["Dampingi panggilan"]


def test_the_readable_document_has_them_too(client, trainee, assigned):
    remember_language(trainee, "id")
    client.force_login(trainee)

    page = client.get(reverse("coaching:print_record")).content.decode()

    assert "Orientasi perusahaan" in page and "Dampingi panggilan" in page
    assert "Company orientation" not in page


def test_in_english_the_export_keeps_the_english_titles(client, trainee, assigned):
    remember_language(trainee, "en")
    client.force_login(trainee)

    (path,) = json.loads(client.get(reverse("coaching:export_record")).content)["learning"]

    assert path["path"] == "Company orientation"
