"""Asking a URL as a person, and what the answer was in a word: for the tests about who may
open and do what. `people` is the dict of the `people` fixture (tests/conftest.py).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

OK = 200
DENIED = 403
GONE = 404
NOT_ALLOWED = 405  # a POST-only URL asked with GET, or the other way round
LOGIN = "LOGIN"  # a redirect to the portal's sign-in page
ADMIN = "ADMIN"  # a redirect to the Wagtail admin's sign-in page
SORRY = "SORRY"  # Wagtail's "Sorry, you do not have permission": a redirect to the admin home
DONE = "DONE"  # any other redirect: done, or refused with a message, and sent on


def ask(client, person, url, method="get", data=None):
    """Ask `url` as `person` (None: nobody signed in) and return the response."""
    client.logout()
    if person is not None:
        client.force_login(person)
    return getattr(client, method)(url, data or {})


def answer(response):
    """The response in a word: its status code, or where a redirect leads."""
    if response.status_code != 302:
        return response.status_code
    path = urlsplit(response.url).path
    if path == resolve_url(settings.LOGIN_URL):
        return LOGIN
    if path == reverse("wagtailadmin_login"):
        return ADMIN
    if path == reverse("wagtailadmin_home"):
        return SORRY
    return DONE


def answers(client, people, url, method="get", data=None):
    """Everyone's answer for `url`, by the names of `people`."""
    return {name: answer(ask(client, person, url, method, data)) for name, person in people.items()}
