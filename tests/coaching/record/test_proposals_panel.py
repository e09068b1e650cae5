"""Module proposals waiting, on the admin home of those who may make modules."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coaching.record.proposals import make_draft_module
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def panel(html):
    match = re.search(r'id="module-proposals-waiting-section".*?</section>', html, re.S)
    return match and re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


@pytest.fixture
def module_editor(editor):
    """eko in Wagtail's own Editors group, who may add pages anywhere in the tree."""
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def proposals(count, start=0):
    trainee = builders.make_trainee(f"trainee{start}")
    coach = builders.make_user(f"coach{start}")
    for number in range(start, start + count):
        make.review(
            trainee,
            coach,
            conditions="Private conditions.",
            proposed_module_title=f"Proposal {number}",
        )


def test_an_editor_sees_the_proposals_waiting(client, portal, module_editor):
    proposals(2)
    client.force_login(module_editor)

    text = panel(client.get(HOME).text)

    assert "2 learning reviews propose modules nobody has made yet." in text
    assert "Proposal 0" in text and "Proposal 1" in text
    assert "Private conditions" not in text
    assert reverse("module_proposals:index") in client.get(HOME).text


def test_a_proposal_made_into_a_module_is_no_longer_waiting(client, portal, module_editor):
    proposals(1)
    review = make.review(
        builders.make_trainee("rizky"), builders.make_user("agus"), proposed_module_title="Made"
    )
    make_draft_module(review.pk, editor=module_editor, portal=portal)
    client.force_login(module_editor)

    text = panel(client.get(HOME).text)

    assert "Proposal 0" in text and "Made" not in text


def test_without_proposals_the_panel_says_where_they_come_from(client, portal, module_editor):
    client.force_login(module_editor)

    assert "No module proposals waiting." in panel(client.get(HOME).text)


def test_people_who_cannot_make_modules_do_not_see_it(client, portal):
    proposals(1)
    reader = builders.make_user("reader", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)

    response = client.get(HOME)

    assert response.status_code == 200 and panel(response.text) is None


def test_the_panel_costs_the_same_queries_for_any_number_of_proposals(
    client, portal, module_editor
):
    # Beyond the five shown, the panel counts the rest: the first few and the count.
    proposals(6)
    client.force_login(module_editor)
    client.get(HOME)  # warm per-process caches (sites, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(HOME)

    proposals(8, start=6)
    with CaptureQueriesContext(connection) as many:
        text = panel(client.get(HOME).text)

    assert "And 9 more: open the module proposals" in text
    assert len(many) == len(few)
