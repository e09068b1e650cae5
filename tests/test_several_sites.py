"""Several Wagtail sites, each with its own portal: every header, every list of paths and
every email link names the person's own site.

North's portal is its site's root page; South's is a page under South's home page, so both
ways of finding "the portal of this site" (LearningPortalPage.for_site) are used.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from coaching.account.models import Preferences
from coaching.models import Notification, NotificationKind
from coaching.notifications.delivery import deliver
from coaching.notifications.sending import Notice, notify
from coaching.record.models import LearningReview
from lessons.models import LearningPortalPage, ModulePage
from tests import builders

pytestmark = pytest.mark.django_db

NORTH, SOUTH = "north.example", "south.example"


@pytest.fixture
def portals(settings):
    settings.ALLOWED_HOSTS = [NORTH, SOUTH, "testserver"]
    north = builders.make_portal("North onboarding", "north")
    default = Site.objects.get(is_default_site=True)
    default.hostname = NORTH
    default.save()
    home = Page.get_first_root_node().add_child(instance=Page(title="South", slug="south"))
    south = builders.make_portal("South onboarding", "learn", parent=home)
    Site.objects.create(hostname=SOUTH, root_page=home)
    return {NORTH: north, SOUTH: south}


@pytest.fixture
def reader(client):
    client.force_login(builders.make_user("ayu"))
    return client


def header_brand(response):
    """The portal the header links to: (its URL, its title)."""
    return re.search(r'class="site-header__brand" href="([^"]*)">([^<]*)<', response.text).groups()


def test_each_site_finds_its_own_portal(portals, rf):
    for host, portal in portals.items():
        request = rf.get("/", HTTP_HOST=host)

        assert LearningPortalPage.for_request(request) == portal
        assert LearningPortalPage.for_site(Site.find_for_request(request)) == portal


def test_a_site_without_a_portal_has_none(portals, rf):
    plain_home = Page.get_first_root_node().add_child(instance=Page(title="Blog", slug="blog"))
    Site.objects.create(hostname="blog.example", root_page=plain_home)

    assert LearningPortalPage.for_request(rf.get("/", HTTP_HOST="blog.example")) is None


@pytest.mark.parametrize(
    ("host", "expected"),
    [(NORTH, ("/", "North onboarding")), (SOUTH, ("/learn/", "South onboarding"))],
)
def test_each_coaching_page_header_names_its_own_sites_portal(portals, reader, host, expected):
    for name in ("coaching:home", "coaching:kudos", "coaching:notifications"):
        response = reader.get(reverse(name), HTTP_HOST=host)

        assert response.status_code == 200
        assert header_brand(response) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [(NORTH, ("/", "North onboarding")), (SOUTH, ("/learn/", "South onboarding"))],
)
def test_each_portal_page_header_names_its_own_portal(portals, reader, host, expected):
    module = builders.make_module(portals[host])

    response = reader.get(module.get_url(), HTTP_HOST=host)

    assert response.status_code == 200
    assert header_brand(response) == expected


def test_each_portal_lists_the_paths_under_itself(portals, reader):
    builders.make_path("First week", steps=["Shadow a call"])

    north = reader.get("/", HTTP_HOST=NORTH).text
    south = reader.get("/learn/", HTTP_HOST=SOUTH).text

    assert 'href="/paths/first-week/"' in north and "/learn/paths/" not in north
    assert 'href="/learn/paths/first-week/"' in south
    assert reader.get("/learn/paths/first-week/", HTTP_HOST=SOUTH).status_code == 200


def test_my_onboarding_sends_each_new_hire_to_their_own_sites_portal(portals, reader):
    north = reader.get(reverse("coaching:home"), HTTP_HOST=NORTH).text
    south = reader.get(reverse("coaching:home"), HTTP_HOST=SOUTH).text

    assert 'href="http://north.example/"' in north and "south.example" not in north
    assert 'href="http://south.example/learn/"' in south and "north.example" not in south


def sign_in(person, host):
    response = Client().post(
        reverse("coaching:sign_in"), {"username": person.username, "password": "pw"}, HTTP_HOST=host
    )
    assert response.status_code == 302


def email_link(person, outbox, number):
    url = reverse("coaching:assignment", args=[number])
    params = {"path": "First week", "assigner": "Citra"}
    notify([Notice(person.pk, NotificationKind.ASSIGNED, f"assignment:{number}", params, url)])
    assert deliver(Notification.objects.get(recipient=person, key=f"assignment:{number}").pk)
    return re.search(r"(\S+/onboarding/paths/\d+/)", outbox[-1].body).group(1)


def test_each_email_links_to_the_site_its_recipient_last_signed_in_on(portals, outbox):
    nadia, bima, rizky = (builders.make_user(name) for name in ("nadia", "bima", "rizky"))
    sign_in(nadia, SOUTH)
    sign_in(bima, NORTH)

    assert email_link(nadia, outbox, 1) == "http://south.example/onboarding/paths/1/"
    assert email_link(bima, outbox, 2) == "http://north.example/onboarding/paths/2/"
    # Never signed in: the site's configured address (WAGTAILADMIN_BASE_URL in the tests).
    assert email_link(rizky, outbox, 3) == "http://testserver/onboarding/paths/3/"
    assert "http://south.example/onboarding/settings/" in outbox[0].body  # preferences link


def test_signing_in_on_another_site_moves_the_links_there(portals, outbox):
    nadia = builders.make_user("nadia")
    sign_in(nadia, SOUTH)
    sign_in(nadia, NORTH)

    assert email_link(nadia, outbox, 1) == "http://north.example/onboarding/paths/1/"


def test_signing_in_at_an_address_no_site_names_falls_back_to_the_configured_one(portals, outbox):
    nadia = builders.make_user("nadia")
    sign_in(nadia, SOUTH)
    sign_in(nadia, "testserver")  # Wagtail serves it as the default site

    assert Preferences.objects.get(user=nadia).site is None
    assert email_link(nadia, outbox, 1) == "http://testserver/onboarding/paths/1/"


def test_a_proposed_module_goes_under_the_portal_of_the_editors_site(portals, client):
    trainee, coach = builders.make_user("nadia"), builders.make_user("citra")
    review = LearningReview.objects.create(
        trainee=trainee,
        author=coach,
        title="The queue overflowed",
        happened_on="2026-01-05",
        learned="Watch the queue.",
        proposed_module_title="Watching the queue",
    )
    client.force_login(builders.make_user("edi", is_staff=True, is_superuser=True))

    response = client.post(
        reverse("module_proposals:create_module", args=[review.pk]), HTTP_HOST=SOUTH
    )

    assert response.status_code == 302
    module = ModulePage.objects.get(title="Watching the queue")
    assert module.get_parent().specific == portals[SOUTH]
