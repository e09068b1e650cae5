"""No link leads to a 404 or a 500: as each demo person, starting where they land after
signing in (and on the portal), follow every link of the site breadth-first (a capped
number of pages per person) and list every link that answers 404 or 500, with the page
that showed it."""

import time
from collections import deque
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from config.demo.loader import DEMO_PASSWORD
from tests.walking import let_go, links_of

# What pages say, which no database changes: .ci/run walks them on SQLite only.
pytestmark = [pytest.mark.django_db, pytest.mark.walks_pages]

PAGES_PER_PERSON = 150
# Not pages: files, and signing out (a POST anyway). The admin's own pages are Wagtail's:
# the first one a person reaches is opened, its links are not followed.
NOT_PAGES = ("/static/", "/media/", "/documents/")


def crawl(client, *starts):
    """Every page reachable from `starts`, breadth-first: (url, status, linked from,
    error). Of the admin's pages, only the first one reached has its links followed."""
    sign_out = reverse("coaching:sign_out")
    queue = deque((start, "sign-in") for start in dict.fromkeys(starts))
    seen, answers, admin_followed = set(dict.fromkeys(starts)), [], False
    while queue and len(answers) < PAGES_PER_PERSON:
        url, linked_from = queue.popleft()
        try:
            response = client.get(url, follow=True)
            status = response.status_code
            links = [link for link in links_of(response) if not link.startswith(NOT_PAGES)]
            let_go(response)
        except Exception as error:  # the test client re-raises a view's exception
            answers.append((url, 500, linked_from, repr(error)))
            continue
        answers.append((url, status, linked_from, ""))
        if status != 200 or (url.startswith("/admin/") and admin_followed):
            continue
        admin_followed = admin_followed or url.startswith("/admin/")
        for link in links:
            if link not in seen and link != sign_out and not link.startswith("/admin/logout"):
                seen.add(link)
                queue.append((link, url))
    return answers


PEOPLE = ["nadia", "bima", "rizky", "citra", "agus", "dewi", "edi", "hana"]


def test_no_link_a_demo_person_can_follow_is_dead():
    """One test for everyone, so the demo is loaded once, inside the test's transaction
    (a module-wide load would have to flush the database, and with it what migrations
    made, for the tests after it)."""
    call_command("load_demo", stdout=StringIO())
    dead = []
    for username in PEOPLE:
        client = Client()
        started = time.monotonic()
        landed = client.post(
            reverse("coaching:sign_in"), {"username": username, "password": DEMO_PASSWORD}
        )
        assert landed.status_code == 302, f"{username} could not sign in"

        # Where they land, and the portal (the admin's people reach it from the address
        # bar).
        answers = crawl(client, landed.url, "/", reverse("coaching:home"))
        dead += [
            f"{username}: {url} answers {status} (linked from {linked_from}) {error}"
            for url, status, linked_from, error in answers
            if status in (404, 500)
        ]
        assert len(answers) > 10, answers  # it did get around
        print(username, len(answers), "pages", round(time.monotonic() - started, 1), "s")
    assert not dead, "\n".join(dead)
