"""HR makes API tokens in the Wagtail admin (Settings, Onboarding API tokens): for a
person, with scopes, the key shown once; revoked at once; nobody but HR gets in."""

import re

import pytest
from django.urls import reverse
from wagtail.models import APIToken

from coaching.api.models import TokenScopes

from .client import Api, make_token

pytestmark = pytest.mark.django_db


def made_key(page: str) -> str:
    found = re.search(r'value="(wagtail_\w+)"', page)
    assert found, "the key is on the page"
    return found.group(1)


def test_hr_makes_a_token_sees_its_key_once_and_revokes_it(client, hr, coach, trainee):
    client.force_login(hr)
    answer = client.post(
        reverse("onboarding_api_tokens:add"),
        {
            "name": "Team dashboard",
            "owner": coach.pk,
            "scopes": ["read:people", "read:assignments"],
        },
    )
    held = TokenScopes.objects.select_related("token").get()
    assert answer.status_code == 302
    assert answer.url == reverse("onboarding_api_tokens:key", args=[held.pk])
    shown = client.get(answer.url)
    assert "no-cache" in shown["Cache-Control"]
    key = made_key(shown.text)
    assert "was shown once" in client.get(answer.url).text
    assert (held.token.user, held.scopes, held.created_by) == (
        coach,
        ["read:assignments", "read:people"],
        hr,
    )
    assert key not in held.token.key_hash
    assert key not in client.get(reverse("onboarding_api_tokens:index")).text
    assert key not in client.get(reverse("onboarding_api_tokens:edit", args=[held.pk])).text
    assert [person["id"] for person in Api(key).get("/people/").json()["items"]] == [trainee.pk]

    client.post(reverse("onboarding_api_tokens:delete", args=[held.pk]))
    assert APIToken.objects.get().revoked_at is not None
    assert Api(key).get("/people/").status_code == 401
    assert "Revoked" in client.get(reverse("onboarding_api_tokens:index")).text


def test_only_hr_tokens_write_people(client, hr, coach):
    client.force_login(hr)
    answer = client.post(
        reverse("onboarding_api_tokens:add"),
        {"name": "Sync", "owner": coach.pk, "scopes": ["write:people"]},
    )
    assert answer.status_code == 200
    assert "Only a token of someone in HR can have write:people" in answer.text
    assert not TokenScopes.objects.exists()


def test_hr_cannot_make_a_superusers_token(client, hr, superuser):
    client.force_login(hr)
    answer = client.post(
        reverse("onboarding_api_tokens:add"),
        {"name": "Everything", "owner": superuser.pk, "scopes": ["read:people"]},
    )
    assert "owner" in answer.context["form"].errors
    assert not APIToken.objects.exists()


def test_renaming_and_rescoping_keeps_the_key(client, hr, trainee):
    key = make_token(hr, "read:people")
    held = TokenScopes.objects.get()
    client.force_login(hr)
    client.post(
        reverse("onboarding_api_tokens:edit", args=[held.pk]),
        {"name": "Renamed", "scopes": ["read:paths"]},
    )
    held.refresh_from_db()
    held.token.refresh_from_db()
    assert (held.token.name, held.scopes) == ("Renamed", ["read:paths"])
    assert Api(key).get("/people/").status_code == 403
    assert Api(key).get("/paths/").status_code == 200


@pytest.mark.parametrize("who", ["coach", "editor", "trainee"])
def test_nobody_else_gets_in(client, people, who):
    client.force_login(people[who])
    for url in (reverse("onboarding_api_tokens:index"), reverse("onboarding_api_tokens:add")):
        assert client.get(url).status_code in (302, 403)
