"""SCIM Groups are business units: a group's members are the unit's people."""

import pytest

from coaching.models import TraineeProfile
from coaching.provisioning.models import ProvisionedUnit
from lessons.models import BusinessUnit
from tests import builders

from .scim import GROUP, Provider, groups_url, make_token, patch

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(client):
    return Provider(client, make_token("Okta")[1])


def unit_of(user):
    return TraineeProfile.objects.get(user=user).business_unit


def test_okta_pushes_a_new_group_and_a_unit_is_made(provider):
    response = provider.post(
        groups_url(), {"schemas": [GROUP], "displayName": "Field Support", "members": []}
    )

    assert response.status_code == 201, response.content
    unit = BusinessUnit.objects.get(name="Field Support")
    assert response.json()["id"] == str(unit.pk)
    assert response.json()["members"] == []
    assert unit.slug == "field-support"


def test_entra_pushes_a_group_named_as_an_existing_unit_and_it_is_linked(provider):
    unit = builders.make_unit("Customer Service")
    entra = {
        "schemas": [GROUP],
        "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
        "displayName": "customer service",
        "meta": {"resourceType": "Group"},
    }

    response = provider.post(groups_url(), entra)

    assert response.json()["id"] == str(unit.pk)
    assert BusinessUnit.objects.count() == 1
    assert ProvisionedUnit.objects.get(unit=unit).external_id == entra["externalId"]
    found = provider.get(
        groups_url(), filter='externalId eq "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"'
    ).json()
    assert [g["displayName"] for g in found["Resources"]] == ["Customer Service"]


def test_a_group_needs_a_name(provider):
    response = provider.post(groups_url(), {"schemas": [GROUP], "members": []})

    assert response.status_code == 400
    assert not BusinessUnit.objects.exists()


def test_adding_and_removing_members_moves_people_between_units(provider, trainee, other_trainee):
    unit = builders.make_unit("Customer Service")
    url = groups_url(unit.pk)

    added = provider.patch(
        url,
        patch(
            {
                "op": "Add",
                "path": "members",
                "value": [
                    {"$ref": None, "value": str(trainee.pk)},
                    {"value": str(other_trainee.pk)},
                ],
            }
        ),
    )

    assert added.status_code == 200, added.content
    assert {m["value"] for m in added.json()["members"]} == {str(trainee.pk), str(other_trainee.pk)}
    assert unit_of(trainee) == unit == unit_of(other_trainee)

    # Okta names the member in the path; Entra ID lists them in the value.
    provider.patch(url, patch({"op": "remove", "path": f'members[value eq "{trainee.pk}"]'}))
    assert unit_of(trainee) is None
    provider.patch(
        url, patch({"op": "Remove", "path": "members", "value": [{"value": str(other_trainee.pk)}]})
    )
    assert unit_of(other_trainee) is None


def test_removing_from_a_unit_someone_already_left_leaves_them_where_they_are(provider, trainee):
    service, sales = builders.make_unit("Customer Service"), builders.make_unit("Sales")
    TraineeProfile.objects.filter(user=trainee).update(business_unit=sales)

    provider.patch(
        groups_url(service.pk), patch({"op": "remove", "path": f'members[value eq "{trainee.pk}"]'})
    )

    assert unit_of(trainee) == sales


def test_replacing_members_sets_exactly_those(provider, trainee, other_trainee):
    unit = builders.make_unit("Customer Service")
    TraineeProfile.objects.filter(user=trainee).update(business_unit=unit)

    provider.patch(
        groups_url(unit.pk),
        patch({"op": "replace", "path": "members", "value": [{"value": str(other_trainee.pk)}]}),
    )

    assert unit_of(trainee) is None
    assert unit_of(other_trainee) == unit


def test_adding_an_unknown_member_is_400_and_changes_nothing(provider, trainee):
    unit = builders.make_unit("Customer Service")

    response = provider.patch(
        groups_url(unit.pk),
        patch(
            {
                "op": "add",
                "path": "members",
                "value": [{"value": str(trainee.pk)}, {"value": "999999"}],
            }
        ),
    )

    assert response.status_code == 400
    assert unit_of(trainee) is None


def test_okta_renames_with_a_replace_without_a_path(provider):
    unit = builders.make_unit("Customer Service")

    response = provider.patch(
        groups_url(unit.pk),
        patch({"op": "replace", "value": {"id": str(unit.pk), "displayName": "Customer Care"}}),
    )

    assert response.json()["displayName"] == "Customer Care"
    unit.refresh_from_db()
    assert unit.name == "Customer Care"


def test_renaming_to_another_units_name_is_a_conflict(provider):
    unit = builders.make_unit("Customer Service")
    builders.make_unit("Sales")

    response = provider.patch(
        groups_url(unit.pk), patch({"op": "replace", "path": "displayName", "value": "sales"})
    )

    assert response.status_code == 409


def test_entra_filters_by_name_without_members(provider, trainee):
    unit = builders.make_unit("Customer Service")
    TraineeProfile.objects.filter(user=trainee).update(business_unit=unit)

    found = provider.get(
        groups_url(), excludedAttributes="members", filter='displayName eq "Customer Service"'
    ).json()
    listed = provider.get(groups_url(unit.pk)).json()

    assert found["totalResults"] == 1
    assert "members" not in found["Resources"][0]
    assert [m["value"] for m in listed["members"]] == [str(trainee.pk)]


def test_deleting_a_group_keeps_the_unit_and_its_people(provider, trainee):
    unit = builders.make_unit("Customer Service")
    TraineeProfile.objects.filter(user=trainee).update(business_unit=unit)
    ProvisionedUnit.objects.create(unit=unit, external_id="x")

    response = provider.delete(groups_url(unit.pk))

    assert response.status_code == 204
    assert unit_of(trainee) == unit
    assert not ProvisionedUnit.objects.exists()


def test_an_unknown_group_is_404(provider):
    assert provider.get(groups_url(999999)).status_code == 404
    assert provider.get(groups_url("x")).status_code == 404
