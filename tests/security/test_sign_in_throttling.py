"""Sign-in throttling: after five failures, that username from that address waits, with a
clear message, on the portal's sign-in and the Wagtail admin's alike."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]

SIGN_IN_PAGES = ["coaching:sign_in", "wagtailadmin_login"]


@pytest.fixture(autouse=True)
def throttling():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def person(db):
    return builders.make_user("nadia", password="right-password-123", is_staff=True)


def attempt(client, page, password, username="nadia", address="10.0.0.1"):
    return client.post(
        reverse(page), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("page", SIGN_IN_PAGES)
def test_five_failures_pause_sign_in_with_a_clear_message(client, person, page):
    for _ in range(4):
        assert attempt(client, page, "wrong").status_code == 200  # the form, with an error

    locked = attempt(client, page, "wrong")
    again = attempt(client, page, "right-password-123")  # even the right password waits

    for response in (locked, again):
        assert response.status_code == 429
        assert "Sign-in is paused for this account" in response.text
        assert "Please try again in 15 minutes." in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("page", SIGN_IN_PAGES)
def test_someone_else_or_another_address_can_still_sign_in(client, person, page):
    builders.make_user("bima", password="bima-password-123", is_staff=True)
    for _ in range(5):
        attempt(client, page, "wrong")

    other_person = attempt(client, page, "bima-password-123", username="bima")
    assert other_person.status_code == 302
    client.logout()
    same_person_elsewhere = attempt(client, page, "right-password-123", address="10.0.0.2")
    assert same_person_elsewhere.status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, person):
    for _ in range(4):
        attempt(client, "coaching:sign_in", "wrong")
    assert attempt(client, "coaching:sign_in", "right-password-123").status_code == 302
    client.logout()

    for _ in range(4):
        assert attempt(client, "coaching:sign_in", "wrong").status_code == 200
