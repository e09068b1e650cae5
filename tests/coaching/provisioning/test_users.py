"""SCIM Users as Okta and Microsoft Entra ID send them: create, get, filter, replace,
patch, deactivate, reactivate, and the errors they must understand."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from coaching.audit.models import CoachingLogEntry
from coaching.models import CoachRelationship, TraineeProfile
from coaching.provisioning.models import ProvisionedPerson
from tests import builders

from .scim import ENTERPRISE, ERROR, ONBOARDING, USER, Provider, make_token, patch, users_url

pytestmark = pytest.mark.django_db

# Okta's "create user" request (developer.okta.com, SCIM 2.0 reference), as sent.
OKTA_USER = {
    "schemas": [USER],
    "userName": "test.user@okta.local",
    "name": {"givenName": "Test", "familyName": "User"},
    "emails": [{"primary": True, "value": "test.user@okta.local", "type": "work"}],
    "displayName": "Test User",
    "locale": "en-US",
    "externalId": "00ujl29u0le5T6Aj10h7",
    "groups": [],
    "password": "1mz050nq",
    "active": True,
}


def entra_user(unit="Customer Service", manager=None, start="2026-03-02"):
    """Microsoft Entra ID's "create user" request, with the enterprise extension and our
    start date (a custom extension attribute)."""
    body = {
        "schemas": [USER, ENTERPRISE, ONBOARDING],
        "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        "userName": "Rizky.Pratama@contoso.com",
        "active": True,
        "emails": [{"primary": True, "type": "work", "value": "Rizky.Pratama@contoso.com"}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": "Rizky Pratama", "familyName": "Pratama", "givenName": "Rizky"},
        "title": "Service agent",
        "roles": [],
        ENTERPRISE: {"department": unit},
        ONBOARDING: {"startDate": start},
    }
    if manager is not None:
        body[ENTERPRISE]["manager"] = {"value": str(manager.pk)}
    return body


@pytest.fixture
def token():
    return make_token("Microsoft Entra ID")


@pytest.fixture
def provider(client, token):
    return Provider(client, token[1])


@pytest.fixture
def unit():
    return builders.make_unit("Customer Service")


def person(username):
    return get_user_model().objects.get(username=username)


def actions_for(user):
    return list(
        CoachingLogEntry.objects.filter(trainee_id=user.pk)
        .order_by("timestamp", "id")
        .values_list("action", flat=True)
    )


def test_okta_creates_a_new_hire(provider):
    response = provider.post(users_url(), OKTA_USER)

    assert response.status_code == 201
    assert response["Content-Type"] == "application/scim+json"
    body = response.json()
    created = person("test.user@okta.local")
    assert body["id"] == str(created.pk)
    assert body["userName"] == "test.user@okta.local"
    assert body["externalId"] == "00ujl29u0le5T6Aj10h7"
    assert body["active"] is True
    assert response["Location"].endswith(users_url(created.pk))
    assert (created.first_name, created.last_name) == ("Test", "User")
    assert not created.has_usable_password()  # Okta's password is not taken
    assert TraineeProfile.objects.filter(user=created).exists()
    assert ProvisionedPerson.objects.get(user=created).external_id == "00ujl29u0le5T6Aj10h7"


def test_the_trail_names_the_identity_provider_and_the_invitation_follows(provider):
    provider.post(users_url(), OKTA_USER)

    created = person("test.user@okta.local")
    entries = CoachingLogEntry.objects.filter(trainee_id=created.pk, action="coaching.provision")
    assert [entry.data["provider"] for entry in entries] == ["Microsoft Entra ID"]
    assert entries.get().user is None
    assert actions_for(created) == ["coaching.provision", "coaching.invite"]


def test_no_invitation_when_the_setting_says_so(provider, settings):
    settings.COACHING_SCIM_INVITE = False

    provider.post(users_url(), OKTA_USER)

    assert actions_for(person("test.user@okta.local")) == ["coaching.provision"]


def test_entra_creates_with_unit_title_manager_and_start_date(provider, unit, coach):
    response = provider.post(users_url(), entra_user(manager=coach))

    assert response.status_code == 201, response.content
    created = person("rizky.pratama@contoso.com")
    profile = created.trainee_profile
    assert profile.business_unit == unit
    assert profile.job_title == "Service agent"
    assert profile.start_date == datetime.date(2026, 3, 2)
    link = CoachRelationship.objects.get(trainee=created)
    assert (link.coach, link.is_primary) == (coach, True)
    body = response.json()
    assert body[ENTERPRISE]["department"] == "Customer Service"
    assert body[ENTERPRISE]["manager"]["value"] == str(coach.pk)
    assert body[ONBOARDING]["startDate"] == "2026-03-02"
    assert body["groups"][0]["value"] == str(unit.pk)


def test_a_second_create_of_the_same_user_name_is_a_conflict(provider):
    provider.post(users_url(), OKTA_USER)
    again = dict(OKTA_USER, userName="Test.User@OKTA.local")

    response = provider.post(users_url(), again)

    assert response.status_code == 409
    assert response.json()["schemas"] == [ERROR]
    assert response.json()["scimType"] == "uniqueness"
    assert get_user_model().objects.filter(username__iexact="test.user@okta.local").count() == 1


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        "[1, 2]",
        {"schemas": [USER], "userName": "no-address"},
        dict(OKTA_USER, name="Test User"),
        dict(OKTA_USER, active="sometimes"),
        dict(OKTA_USER, **{ONBOARDING: {"startDate": "next Monday"}}),
        dict(OKTA_USER, **{ENTERPRISE: {"department": "No such unit"}}),
        dict(OKTA_USER, **{ENTERPRISE: {"manager": {"value": "999999"}}}),
    ],
)
def test_a_bad_body_is_answered_400_and_saves_nothing(provider, body):
    people_before = get_user_model().objects.count()

    response = provider.post(users_url(), body)

    assert response.status_code == 400, response.content
    assert response.json()["schemas"] == [ERROR]
    assert response.json()["detail"]
    assert get_user_model().objects.count() == people_before
    assert not CoachingLogEntry.objects.exists()


def test_get_one_and_unknown_ids(provider, trainee, superuser):
    assert provider.get(users_url(trainee.pk)).json()["userName"] == "nadia"
    for unknown in ["999999", "abc", str(superuser.pk)]:  # superusers are never provisioned
        response = provider.get(users_url(unknown))
        assert response.status_code == 404
        assert response.json()["status"] == 404


def test_filter_by_user_name_ignores_case(provider):
    provider.post(users_url(), OKTA_USER)

    found = provider.get(users_url(), filter='userName eq "Test.User@okta.local"').json()
    missing = provider.get(users_url(), filter='userName eq "someone.else@okta.local"').json()

    assert found["totalResults"] == 1
    assert found["Resources"][0]["userName"] == "test.user@okta.local"
    assert (missing["totalResults"], missing["Resources"]) == (0, [])


def test_filter_by_external_id(provider):
    provider.post(users_url(), OKTA_USER)

    found = provider.get(users_url(), filter='externalId eq "00ujl29u0le5T6Aj10h7"').json()

    assert [r["externalId"] for r in found["Resources"]] == ["00ujl29u0le5T6Aj10h7"]


def test_a_filter_that_cannot_be_read_is_400(provider):
    response = provider.get(users_url(), filter='userName eq "unclosed')

    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidFilter"


def test_pages(provider):
    for number in range(5):
        builders.make_user(f"person{number}")

    first = provider.get(users_url(), startIndex=1, count=2).json()
    last = provider.get(users_url(), startIndex=5, count=2).json()

    assert (first["totalResults"], first["itemsPerPage"], first["startIndex"]) == (5, 2, 1)
    assert [r["userName"] for r in first["Resources"]] == ["person0", "person1"]
    assert [r["userName"] for r in last["Resources"]] == ["person4"]


def test_okta_deactivates_and_the_person_is_signed_out(provider, client, trainee, portal):
    other = builders.make_user("watcher")
    browser = client.__class__()
    browser.force_login(trainee)
    assert browser.get(reverse("coaching:home")).status_code == 200
    okta = patch({"op": "replace", "value": {"active": False}})

    response = provider.patch(users_url(trainee.pk), okta)

    assert response.status_code == 200, response.content
    assert response.json()["active"] is False
    trainee.refresh_from_db()
    assert not trainee.is_active
    assert browser.get(reverse("coaching:home")).status_code == 302  # signed out
    assert TraineeProfile.objects.filter(user=trainee).exists()  # the record stays
    assert CoachRelationship.objects.filter(trainee=trainee).exists()
    other.refresh_from_db()
    assert other.is_active


def test_deactivating_twice_is_recorded_once(provider, trainee):
    okta = patch({"op": "replace", "value": {"active": False}})

    provider.patch(users_url(trainee.pk), okta)
    provider.patch(users_url(trainee.pk), okta)

    assert actions_for(trainee).count("coaching.deactivate") == 1


def test_entra_deactivates_with_a_path_and_text(provider, trainee):
    entra = patch({"op": "Replace", "path": "active", "value": "False"})

    assert provider.patch(users_url(trainee.pk), entra).status_code == 200

    trainee.refresh_from_db()
    assert not trainee.is_active


def test_reactivating_gives_access_again_with_a_new_invitation(provider, trainee):
    provider.patch(users_url(trainee.pk), patch({"op": "replace", "value": {"active": False}}))

    response = provider.patch(
        users_url(trainee.pk), patch({"op": "replace", "path": "active", "value": True})
    )

    assert response.json()["active"] is True
    trainee.refresh_from_db()
    assert trainee.is_active
    assert actions_for(trainee)[-2:] == ["coaching.reactivate", "coaching.invite"]


def test_delete_deactivates_and_keeps_the_record(provider, trainee):
    response = provider.delete(users_url(trainee.pk))

    assert response.status_code == 204
    trainee.refresh_from_db()
    assert not trainee.is_active
    assert provider.get(users_url(trainee.pk)).json()["active"] is False


def test_entra_patches_with_paths(provider, unit, coach):
    provider.post(users_url(), entra_user())
    created = person("rizky.pratama@contoso.com")
    sales = builders.make_unit("Sales")
    entra = patch(
        {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "rizky@contoso.com"},
        {"op": "Replace", "path": "name.familyName", "value": "Pratama-Wijaya"},
        {"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "Sales"},
        {"op": "Add", "path": f"{ENTERPRISE}:manager", "value": str(coach.pk)},
        {"op": "Replace", "path": f"{ONBOARDING}:startDate", "value": "2026-04-01"},
        {"op": "Replace", "path": "title", "value": "Account manager"},
    )

    response = provider.patch(users_url(created.pk), entra)

    assert response.status_code == 200, response.content
    created.refresh_from_db()
    profile = created.trainee_profile
    assert (created.username, created.email) == ("rizky@contoso.com", "rizky@contoso.com")
    assert created.last_name == "Pratama-Wijaya"
    assert (profile.business_unit, profile.job_title) == (sales, "Account manager")
    assert profile.start_date == datetime.date(2026, 4, 1)
    assert CoachRelationship.objects.get(trainee=created, is_primary=True).coach == coach
    assert actions_for(created).count("coaching.provision_update") == 1


def test_entra_patches_without_a_path(provider, unit):
    provider.post(users_url(), entra_user())
    created = person("rizky.pratama@contoso.com")
    entra = patch(
        {"op": "Replace", "value": {"name.givenName": "Rizki", f"{ENTERPRISE}:department": ""}}
    )

    provider.patch(users_url(created.pk), entra)

    created.refresh_from_db()
    assert created.first_name == "Rizki"
    assert created.trainee_profile.business_unit is None


def test_a_new_manager_ends_the_former_primary_coach_link(provider, trainee, coach):
    new_manager = builders.make_user("bayu")

    provider.patch(
        users_url(trainee.pk),
        patch({"op": "Replace", "path": f"{ENTERPRISE}:manager", "value": str(new_manager.pk)}),
    )

    links = CoachRelationship.objects.filter(trainee=trainee)
    assert links.get(coach=coach).ends_on is not None
    assert links.get(coach=new_manager, ends_on__isnull=True).is_primary


def test_removing_the_manager_ends_the_link(provider, trainee, coach):
    provider.patch(users_url(trainee.pk), patch({"op": "Remove", "path": f"{ENTERPRISE}:manager"}))

    assert not CoachRelationship.objects.filter(trainee=trainee, ends_on__isnull=True).exists()


def test_okta_replaces_the_whole_user(provider):
    provider.post(users_url(), OKTA_USER)
    created = person("test.user@okta.local")
    replaced = dict(OKTA_USER, name={"givenName": "Tess", "familyName": "Userton"}, title="Lead")

    response = provider.put(users_url(created.pk), replaced)

    assert response.status_code == 200, response.content
    created.refresh_from_db()
    assert (created.first_name, created.last_name) == ("Tess", "Userton")
    assert created.trainee_profile.job_title == "Lead"


@pytest.mark.parametrize(
    "body",
    [
        {"schemas": ["x"]},
        {"Operations": "replace"},
        {"Operations": [{"path": "active", "value": False}]},
        {"Operations": [{"op": "jump", "path": "active", "value": False}]},
        {"Operations": [{"op": "remove"}]},
        {"Operations": [{"op": "replace", "value": "active"}]},
        {"Operations": [{"op": "replace", "path": 7, "value": "x"}]},
        {"Operations": [{"op": "replace", "path": "name.givenName", "value": ["a"]}]},
    ],
)
def test_a_malformed_patch_is_400_and_changes_nothing(provider, trainee, body):
    response = provider.patch(users_url(trainee.pk), body)

    assert response.status_code == 400, response.content
    trainee.refresh_from_db()
    assert trainee.is_active and trainee.first_name == "Nadia"


def test_patching_an_unknown_person_is_404(provider):
    response = provider.patch(
        users_url(999999), patch({"op": "replace", "value": {"active": False}})
    )

    assert response.status_code == 404
