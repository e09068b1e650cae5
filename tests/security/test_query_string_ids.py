"""Ids in query strings that are not ids a database holds are ignored, never a 500."""

import pytest
from django.urls import reverse

from coaching.common.ids import parse_id
from tests import builders

pytestmark = pytest.mark.django_db

NOT_IDS = ["²", "٣", "99999999999999999999", "-1", "1.5", "abc", ""]


@pytest.mark.parametrize("value", NOT_IDS)
def test_parse_id_refuses_what_is_not_an_id(value):
    assert parse_id(value) is None


def test_parse_id_reads_ids():
    assert parse_id(" 42 ") == 42 and parse_id(2**63 - 1) == 2**63 - 1


@pytest.mark.parametrize("value", NOT_IDS)
@pytest.mark.parametrize(
    ("url_name", "parameter", "who"),
    [
        ("coaching:dashboard", "unit", "coach"),
        ("coaching:dashboard", "path", "coach"),
        ("coaching:assign", "trainee", "coach"),
        ("coaching:give_recognition", "to", "trainee"),
    ],
)
def test_pages_ignore_a_query_string_id_that_is_not_one(
    client, portal, url_name, parameter, who, value
):
    coach = builders.make_user("citra")
    trainee = builders.make_trainee("nadia", coach=coach)
    client.force_login(coach if who == "coach" else trainee)

    response = client.get(reverse(url_name), {parameter: value})

    assert response.status_code == 200
