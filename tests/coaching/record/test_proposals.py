"""A blameless review's proposed module becomes a draft module page, linked both ways."""

from datetime import date

import pytest
from django.urls import reverse

from lessons.models import ModulePage
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db


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

    assert client.get(reverse("module_proposals:index")).status_code in (302, 403)
    client.post(reverse("module_proposals:create_module", args=[review.pk]))
    assert not ModulePage.objects.filter(title="Handling outage calls").exists()
