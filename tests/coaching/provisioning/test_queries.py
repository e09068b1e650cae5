"""The SCIM lists cost the same queries for any number of people or units."""

import pytest

from coaching.models import CoachRelationship, TraineeProfile
from tests import builders

from .scim import Provider, groups_url, make_token, users_url

pytestmark = pytest.mark.django_db


def people(count, unit, coach):
    for number in range(count):
        person = builders.make_trainee(f"person{number}", unit=unit)
        CoachRelationship.objects.create(coach=coach, trainee=person, is_primary=True)


@pytest.fixture
def provider(client):
    provider = Provider(client, make_token()[1])
    provider.get(users_url())  # notes the token's last use: not again within a minute
    return provider


@pytest.mark.parametrize("count", [3, 30])
def test_listing_people(provider, django_assert_num_queries, count):
    coach = builders.make_user("citra")
    people(count, builders.make_unit(), coach)

    # the token, the count, the page (profiles, units, the provider's ids joined), the
    # page's primary coaches
    with django_assert_num_queries(4):
        response = provider.get(users_url(), count=100)

    assert response.json()["totalResults"] == count + 1
    assert (
        sum(
            1
            for r in response.json()["Resources"]
            if "manager" in r["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]
        )
        == count
    )


@pytest.mark.parametrize("count", [3, 30])
def test_filtering_people(provider, django_assert_num_queries, count):
    people(count, builders.make_unit(), builders.make_user("citra"))

    # the token, the filter's match, the count, the page, the page's primary coaches
    with django_assert_num_queries(5):
        response = provider.get(users_url(), filter='userName eq "person1"')

    assert response.json()["totalResults"] == 1


@pytest.mark.parametrize("count", [2, 20])
def test_listing_groups(provider, django_assert_num_queries, count):
    for number in range(count):
        unit = builders.make_unit(f"Unit {number}")
        for person in range(3):
            builders.make_trainee(f"u{number}p{person}", unit=unit)

    # the token, the count, the page (with the provider's ids joined), the page's members
    with django_assert_num_queries(4):
        response = provider.get(groups_url())

    assert response.json()["totalResults"] == count
    assert all(len(group["members"]) == 3 for group in response.json()["Resources"])
    assert TraineeProfile.objects.count() == 3 * count
