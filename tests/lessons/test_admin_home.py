"""The editor's admin home: their own onboarding drafts, for editors only, in a fixed
number of queries."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lessons.models import KnowledgeCheck
from tests import builders

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def panel(html):
    match = re.search(r'id="onboarding-drafts-section".*?</section>', html, re.S)
    return match and re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


def drafts_by(user, portal, start, stop):
    for number in range(start, stop):
        module = builders.make_module(portal, title=f"Module {number}", slug=f"m-{number}")
        module.save_revision(user=user)  # a draft of a live module
        learning_path = builders.make_path(f"Path {number}", steps=["A task"], publish=False)
        learning_path.save_revision(user=user)


def test_an_editor_sees_their_own_drafts_of_modules_and_paths(client, editor, portal):
    drafts_by(editor, portal, 0, 1)
    builders.make_path("Someone else's draft", slug="theirs", steps=["A task"], publish=False)
    builders.make_path("Published", steps=["A task"]).save_revision(user=editor).publish()
    client.force_login(editor)

    text = panel(client.get(HOME).text)

    assert "Your onboarding drafts" in text
    assert "Module 0" in text and "Path 0" in text
    assert "Someone else" not in text and "Published" not in text


def test_an_editor_without_drafts_is_told_everything_is_published(client, editor):
    client.force_login(editor)

    assert "No drafts waiting: everything you wrote is published." in panel(client.get(HOME).text)


def test_people_who_do_not_edit_content_do_not_see_the_panel(client, coach):
    coach.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(coach)

    response = client.get(HOME)

    assert response.status_code == 200 and panel(response.text) is None


def test_a_draft_check_links_to_its_editor(client, editor, portal):
    check = builders.make_check(title="Draft check", live=False)
    check.save_revision(user=editor)
    client.force_login(editor)

    html = client.get(HOME).text

    url = reverse("wagtailsnippets_lessons_knowledgecheck:edit", args=[check.pk])
    assert f'href="{url}">Draft check</a>' in html
    assert KnowledgeCheck.objects.get(pk=check.pk).has_unpublished_changes


def test_the_home_costs_the_same_queries_for_any_number_of_drafts(client, editor, portal):
    drafts_by(editor, portal, 0, 2)
    client.force_login(editor)
    client.get(HOME)  # warm per-process caches (sites, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(HOME)

    drafts_by(editor, portal, 2, 12)
    client.get(HOME)  # the drafts saved cleared the cached portals: a first visit fills it
    with CaptureQueriesContext(connection) as many:
        text = panel(client.get(HOME).text)

    assert "And more" in text
    assert len(many) == len(few)
