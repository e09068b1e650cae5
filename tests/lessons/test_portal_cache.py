"""The portals are the same for every request, so they are cached; every change an editor
can make to a portal (or to a page above one, or to a locale) clears them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from lessons.models import LearningPortalPage
from tests import builders

pytestmark = pytest.mark.django_db


def titles(live=True):
    return [portal.title for portal in LearningPortalPage.all_portals(live)]


def test_the_portals_are_read_once_then_from_the_cache():
    builders.make_portal()
    titles()

    with CaptureQueriesContext(connection) as queries:
        assert titles() == ["Onboarding"]

    assert len(queries) == 0


def test_a_new_portal_is_seen_at_once():
    assert titles() == []
    builders.make_portal()

    assert titles() == ["Onboarding"]


def test_renaming_unpublishing_and_deleting_a_portal_are_seen_at_once():
    portal = builders.make_portal()
    titles(), titles(live=False)

    portal.title = "Welcome"
    portal.save_revision().publish()
    assert titles() == ["Welcome"]

    portal.unpublish()
    assert titles() == [] and titles(live=False) == ["Welcome"]

    Page.objects.get(pk=portal.pk).delete()
    assert titles(live=False) == []


def test_moving_a_portal_is_seen_at_once():
    home = Page.get_first_root_node().add_child(title="Another site", slug="another")
    portal = builders.make_portal()
    before = LearningPortalPage.all_portals()[0].path

    portal.move(home, pos="last-child")

    assert LearningPortalPage.all_portals()[0].path != before
    assert LearningPortalPage.all_portals()[0].path.startswith(home.path)


def test_a_changed_locale_is_seen_at_once():
    builders.make_portal()
    LearningPortalPage.all_portals()  # cached with its locale
    locale = Locale.objects.get()

    locale.language_code = "id"
    locale.save()

    assert LearningPortalPage.all_portals()[0].locale.language_code == "id"
