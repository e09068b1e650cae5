"""The completion report by path, on the page and in its exports, names each path in the
language of the person reading or exporting it."""

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
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
