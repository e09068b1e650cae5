"""The provisioning token: the only way in to SCIM, and a way in to nothing else; HR's
admin screen makes one and shows its key once."""

import pytest
from django.urls import reverse

from coaching.provisioning.models import ProvisioningToken, hash_key

from .scim import ERROR, Provider, make_token, users_url

pytestmark = pytest.mark.django_db

SCIM_URLS = [
    "coaching:scim_users",
    "coaching:scim_groups",
    "coaching:scim_service_provider_config",
    "coaching:scim_resource_types",
    "coaching:scim_schemas",
]


@pytest.mark.parametrize("name", SCIM_URLS)
def test_without_a_token_every_endpoint_answers_401_as_scim(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 401
    assert response["Content-Type"] == "application/scim+json"
    assert response.json()["schemas"] == [ERROR]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("key", ["", "scim_wrong", "Basic dXNlcjpwdw=="])
def test_a_wrong_token_is_401(client, key):
    make_token()
    response = client.get(users_url(), HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 401


def test_a_session_is_not_a_token(client, superuser):
    client.force_login(superuser)

    assert client.get(users_url()).status_code == 401


def test_a_revoked_token_is_refused_at_once(client):
    token, key = make_token()
    assert Provider(client, key).get(users_url()).status_code == 200

    ProvisioningToken.objects.filter(pk=token.pk).update(is_active=False)

    assert Provider(client, key).get(users_url()).status_code == 401


def test_the_token_opens_nothing_else(client, portal):
    _token, key = make_token()

    response = client.get(reverse("coaching:home"), HTTP_AUTHORIZATION=f"Bearer {key}")
    admin = client.get(reverse("wagtailadmin_home"), HTTP_AUTHORIZATION=f"Bearer {key}")

    assert (response.status_code == 302 and "sign-in" in response.url) or "login" in response.url
    assert admin.status_code == 302


def test_using_a_token_notes_when(client):
    token, key = make_token()

    Provider(client, key).get(users_url())

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_discovery_describes_bearer_tokens_and_our_extension(client):
    provider = Provider(client, make_token()[1])

    config = provider.get(reverse("coaching:scim_service_provider_config")).json()
    types = provider.get(reverse("coaching:scim_resource_types")).json()
    schema = provider.get(
        reverse(
            "coaching:scim_schema",
            args=["urn:ietf:params:scim:schemas:extension:onboarding:2.0:User"],
        )
    )

    assert config["authenticationSchemes"][0]["type"] == "oauthbearertoken"
    assert config["patch"]["supported"] and config["filter"]["supported"]
    assert {t["id"] for t in types["Resources"]} == {"User", "Group"}
    assert schema.json()["attributes"][0]["name"] == "startDate"
    assert provider.get(reverse("coaching:scim_schema", args=["urn:nothing"])).status_code == 404


def test_hr_makes_a_token_and_sees_its_key_once(client, hr):
    client.force_login(hr)

    response = client.post(reverse("provisioning_tokens:add"), {"name": "Okta"}, follow=True)

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    key = response.context["key"]
    assert key.startswith("scim_") and key in response.content.decode()
    token = ProvisioningToken.objects.get(name="Okta")
    assert token.key_hash == hash_key(key) and key not in token.key_hash
    assert token.created_by == hr
    again = client.get(reverse("provisioning_tokens:key", args=[token.pk]))
    assert again.status_code == 200 and key not in again.content.decode()
    listing = client.get(reverse("provisioning_tokens:index")).content.decode()
    assert "Okta" in listing and key not in listing
    assert Provider(client, key).get(users_url()).status_code == 200


def test_a_token_name_is_required_and_unique(client, hr):
    make_token("Okta")
    client.force_login(hr)

    blank = client.post(reverse("provisioning_tokens:add"), {"name": ""})
    taken = client.post(reverse("provisioning_tokens:add"), {"name": "Okta"})

    assert blank.context["form"].errors["name"]
    assert taken.context["form"].errors["name"]
    assert ProvisioningToken.objects.count() == 1


def test_hr_revokes_a_token_in_its_edit_form(client, hr):
    token, key = make_token("Okta")
    client.force_login(hr)

    client.post(reverse("provisioning_tokens:edit", args=[token.pk]), {"name": "Okta"})

    token.refresh_from_db()
    assert not token.is_active
    client.logout()
    assert Provider(client, key).get(users_url()).status_code == 401


def test_only_hr_manages_tokens(client, editor, trainee):
    token, _key = make_token()
    for person in (editor, trainee):
        client.force_login(person)
        assert client.get(reverse("provisioning_tokens:index")).status_code == 302
        assert client.get(reverse("provisioning_tokens:key", args=[token.pk])).status_code == 302
