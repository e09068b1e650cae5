"""HR or L&D ask everyone in a unit who completed a module to read it again."""

import pytest
from django.urls import reverse

from coaching.learning.progress import complete_module
from coaching.models import Notification, ProgressStatus, ReadAgain, StepProgress
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_readers(portal):
    module = builders.make_module(portal, title="Refunds")
    learning_path = builders.make_path(steps=[module])
    service, sales = builders.make_unit("Customer Service"), builders.make_unit("Sales")
    for name, unit in (("nadia", service), ("omar", service), ("sari", sales)):
        assignment = builders.assign(learning_path, builders.make_trainee(name, unit=unit))
        complete_module(assignment, builders.steps_of(assignment)[0])
    return module, service


def test_hr_asks_one_unit_and_only_its_readers_are_asked(unit_readers, admin_client):
    module, service = unit_readers
    url = reverse("coaching_read_again:ask", args=[module.pk])

    page = admin_client.get(url)
    response = admin_client.post(url, {"unit": service.pk, "message": "New refund rules."})

    assert page.status_code == 200 and "3 people completed Refunds." in page.text
    assert response.status_code == 302
    asked = ReadAgain.objects.select_related("progress__assignment__trainee")
    assert sorted(r.progress.assignment.trainee.username for r in asked) == ["nadia", "omar"]
    assert {r.reason for r in asked} == {"asked"}
    assert Notification.objects.filter(kind="read_again").count() == 2
    assert set(StepProgress.objects.values_list("status", flat=True)) == {ProgressStatus.DONE}


def test_asking_again_asks_nobody_twice(unit_readers, admin_client):
    module, _ = unit_readers
    url = reverse("coaching_read_again:ask", args=[module.pk])

    admin_client.post(url, {"unit": "", "message": ""})
    admin_client.post(url, {"unit": "", "message": ""})

    assert ReadAgain.objects.count() == 3


def test_a_coach_or_new_hire_cannot_open_it(unit_readers, client):
    module, _ = unit_readers
    client.force_login(builders.make_user("carla"))

    response = client.post(reverse("coaching_read_again:ask", args=[module.pk]), {"unit": ""})

    assert response.status_code in (302, 404)
    assert not ReadAgain.objects.exists()


def test_the_page_header_offers_it_to_hr(unit_readers, admin_client):
    module, _ = unit_readers

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).text

    assert reverse("coaching_read_again:ask", args=[module.pk]) in edit
