"""A blameless review's proposed module becomes a draft module page, linked both ways."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from coaching.record.proposals import make_draft_module
from lessons.models import ModulePage
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db

SORRY = "Sorry, you do not have permission to access this area."


def make_review(proposed="Handling outage calls"):
    """A review by citra with details that must stay private, proposing module `proposed`."""
    return make.review(
        builders.make_trainee(),
        builders.make_user("citra"),
        title="Call queue overflowed during the outage",
        happened_on=date(2026, 3, 2),
        timeline="09:00 the outage began.",
        conditions="No script existed for outage calls.",
        learned="Agents need a short outage script.\nTell customers when to call back.",
        proposed_module_title=proposed,
        proposed_module_summary="What to say when the network is down.",
    )


def test_an_editor_turns_a_proposal_into_a_draft_module(admin_client, portal):
    review = make_review()

    listing = admin_client.get(reverse("module_proposals:index"))
    assert "Handling outage calls" in listing.text
    assert "No script existed" not in listing.text  # the review's details stay private

    response = admin_client.post(reverse("module_proposals:create_module", args=[review.pk]))

    module = ModulePage.objects.get(title="Handling outage calls")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert not module.live and module.get_parent().pk == portal.pk
    review.refresh_from_db()
    assert review.module == module  # review -> module
    assert list(module.learning_reviews.all()) == [review]  # module -> review
    assert "Agents need a short outage script." in str(module.body)
    after = admin_client.get(reverse("module_proposals:index")).text
    assert "No open proposals" in after and "Modules made from reviews" in after


def test_asking_twice_makes_one_module(admin_client, portal):
    review = make_review()
    url = reverse("module_proposals:create_module", args=[review.pk])

    admin_client.post(url)
    admin_client.post(url)

    assert ModulePage.objects.filter(title="Handling outage calls").count() == 1


def test_a_review_without_a_proposal_is_not_listed(admin_client, portal):
    make_review(proposed="")

    assert "Create draft module" not in admin_client.get(reverse("module_proposals:index")).text


def test_people_who_cannot_add_modules_are_refused(client, portal):
    review = make_review()
    reader = builders.make_user("reader", is_staff=True)
    from django.contrib.auth.models import Permission

    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)

    pages = ModulePage.objects.count()

    screen = client.get(reverse("module_proposals:index"), follow=True)
    created = client.post(reverse("module_proposals:create_module", args=[review.pk]), follow=True)

    # Wagtail sends them to the admin home with its message, and nothing is made.
    for response in (screen, created):
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert SORRY in response.text
    assert ModulePage.objects.count() == pages
    review.refresh_from_db()
    assert review.module is None


# The screen is Wagtail's generic IndexView, with a column per fact and a POST button.


@pytest.fixture
def module_editor(editor):
    """eko in Wagtail's own Editors group, who may add pages anywhere in the tree."""
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def proposals_and_modules(portal, count):
    """`count` open proposals and `count` modules already made from reviews."""
    trainee, coach = builders.make_trainee(), builders.make_user("citra")
    maker = builders.make_user("maker", is_staff=True, is_superuser=True)
    for number in range(count):
        make.review(trainee, coach, text=f"Proposal {number}")
        made = make.review(trainee, coach, text=f"Made {number}")
        make_draft_module(made.pk, editor=maker, portal=portal)


@pytest.mark.parametrize("count", [2, 15])
def test_the_screen_costs_the_same_queries_for_any_number_of_proposals(
    client, portal, module_editor, count, django_assert_num_queries
):
    proposals_and_modules(portal, count)
    client.force_login(module_editor)
    url = reverse("module_proposals:index")
    client.get(url)  # Wagtail caches its own lookups (sites, content types) on the first

    # session, user, the user's and group's permissions, Wagtail's user profile; the site
    # (its portal is cached), the editor's page permissions, whether a module may go under it
    # (asked once for the screen and the menu); locales, the collection permissions and
    # the explorer's root page (Wagtail's menu); whether the editor coaches anyone (the
    # Reports menu's Onboarding submenu shows people data only then); the proposals
    # counted and fetched; the modules made from reviews.
    with django_assert_num_queries(15):
        response = client.get(url)

    assert response.status_code == 200
    assert response.text.count("Create draft module") == count


def test_each_proposal_has_a_button_that_posts_with_csrf(admin_client, portal):
    review = make_review()

    html = admin_client.get(reverse("module_proposals:index")).text

    action = reverse("module_proposals:create_module", args=[review.pk])
    form = re.search(rf'<form method="post" action="{action}">(.*?)</form>', html, re.S)
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
    assert '<button type="submit"' in form.group(1)


def test_proposals_are_listed_newest_first_and_sortable_by_title(admin_client, portal):
    trainee, coach = builders.make_trainee(), builders.make_user("citra")
    for title in ("Bravo", "Alpha", "Charlie"):  # made in this order
        make.review(trainee, coach, proposed_module_title=title)
    url = reverse("module_proposals:index")

    def titles(query=""):
        html = admin_client.get(url + query).text
        return re.findall(r'<div class="title-wrapper">\s*(\w+)\s*</div>', html)

    assert titles() == ["Charlie", "Alpha", "Bravo"]
    assert titles("?ordering=proposed_module_title") == ["Alpha", "Bravo", "Charlie"]


def test_a_review_without_a_proposal_is_refused_with_a_message(admin_client, portal):
    review = make_review()
    admin_client.post(reverse("module_proposals:create_module", args=[review.pk]))
    no_proposal = make.review(review.trainee, review.author, proposed_module_title="")

    response = admin_client.post(
        reverse("module_proposals:create_module", args=[no_proposal.pk]), follow=True
    )

    assert "This review does not propose a module." in response.text
    assert "Handling outage calls" in response.text  # under "Modules made from reviews"


def test_a_review_that_is_not_there_is_not_found(admin_client, portal):
    response = admin_client.post(reverse("module_proposals:create_module", args=[999]))

    assert response.status_code == 404
