"""The completion report by path, on the page and in its exports, names each path in the
language of the person reading or exporting it."""

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
from coaching.learning.progress import take_check
from tests import builders

from .helpers import csv_rows, page_table, xlsx_rows

pytestmark = pytest.mark.django_db

URL = reverse("onboarding_reports:completion", kwargs={"by": "path"})


@pytest.fixture
def assigned(portal, trainee):
    learning_path = builders.make_path("Company orientation", steps=["Shadow a call"])
    builders.translate(learning_path, {"Company orientation": "Orientasi perusahaan"})
    return builders.assign(learning_path, trainee)


def labels(rows):
    return [row[0] for row in rows[1:]]


def test_an_indonesian_reader_exports_the_path_in_indonesian(client, hr, assigned):
    remember_language(hr, "id")
    client.force_login(hr)

    assert labels(page_table(client.get(URL))) == ["Orientasi perusahaan"]
    assert labels(csv_rows(client.get(URL + "?export=csv"))) == ["Orientasi perusahaan"]
    assert labels(xlsx_rows(client.get(URL + "?export=xlsx"))) == ["Orientasi perusahaan"]


def test_an_english_reader_exports_it_in_english(client, hr, assigned):
    remember_language(hr, "en")
    client.force_login(hr)

    assert labels(csv_rows(client.get(URL + "?export=csv"))) == ["Company orientation"]


def test_the_question_report_names_the_check_and_its_questions_in_the_readers_language(
    client, hr, portal, trainee
):
    check = builders.make_check("Empathy check")
    builders.translate(
        check,
        {"Empathy check": "Cek empati", "What do you do first?": "Apa yang Anda lakukan dulu?"},
    )
    learning_path = builders.make_path("Service", steps=[check])
    assignment = builders.assign(learning_path, trainee)
    question = check.question_choices()[0]
    take_check(assignment, builders.steps_of(assignment)[0], {question["id"]: []})
    remember_language(hr, "id")
    client.force_login(hr)

    url = reverse("onboarding_reports:questions")
    rows = csv_rows(client.get(url + "?export=csv"))

    assert rows[1][:2] == ["Cek empati", "Apa yang Anda lakukan dulu?"]
