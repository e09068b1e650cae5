"""Every page of the plugin has exactly one h1, which names it: the portal's, the coach's
and the record's pages, and the plugin's screens in the Wagtail admin. The pages are those
of tests/security/test_every_url.py's ROWS, each asked by someone who may open it."""

import re

import pytest

from tests.security.test_every_url import PEOPLE, ROWS, things, url_of

# What pages say, which no database changes: .ci/run walks them on SQLite only.
pytestmark = [pytest.mark.django_db, pytest.mark.walks_pages]

__all__ = ["things"]  # the fixture, used here by its name

H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
TAG = re.compile(r"<[^>]+>")


def first_who_may_open(spec):
    return next((person for person in PEOPLE if spec["get"][person] == 200), None)


def test_every_page_has_one_h1(client, things, people):
    missing = {}
    for label, spec in ROWS.items():
        person = first_who_may_open(spec)
        if person is None:
            continue
        client.logout()
        if people[person] is not None:
            client.force_login(people[person])
        response = client.get(url_of(spec, things, people))
        assert response.status_code == 200, label
        if response.streaming:  # a file (evidence): read to its end, so that it is closed
            b"".join(response.streaming_content)
            continue
        if "text/html" not in response["Content-Type"]:
            continue  # not a page: a download, a calendar feed (.ics), JSON
        html = response.content.decode()
        if "<html" not in html:
            continue  # a fragment of a listing that a page fetches
        headings = [" ".join(TAG.sub("", h1).split()) for h1 in H1.findall(html)]
        if len(headings) != 1 or not headings[0]:
            missing[label] = headings

    assert missing == {}, "\n".join(f"{label}: {found}" for label, found in missing.items())
