"""HR's erasure log: who was erased, when, by whom and what; for HR only."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coaching.record.erasure import erase_person, erase_record
from tests import builders
from tests.coaching.record import make

pytestmark = pytest.mark.django_db

LOG = reverse("onboarding_erasures:index")
QUERIES = 11


def in_the_admin(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_hr_sees_each_erasure_with_whose_what_when_and_by_whom(client, hr, trainee, coach):
    hr.first_name, hr.last_name = "Hana", "Wijaya"
    hr.save()
    still_here = builders.make_trainee("bima")
    make.reflection(still_here)
    erase_record(still_here, erased_by=hr, reason="Asked on 2 March")
    erase_person(trainee, erased_by=None, reason="Kept past the retention period")
    client.force_login(hr)

    page = client.get(LOG).text

    assert f"Bima (#{still_here.pk})" in page
    assert f"Person #{trainee.pk} (erased)" in page
    assert "Nadia" not in page
    assert "The development record" in page and "The person" in page
    assert "Asked on 2 March" in page
    assert "Hana Wijaya" in page and "the retention sweep" in page


def test_the_log_filters_by_what_was_erased(client, hr, trainee):
    still_here = builders.make_trainee("bima")
    make.reflection(still_here)
    erase_record(still_here, erased_by=hr, reason="Asked")
    erase_person(trainee, erased_by=hr, reason="Left")
    client.force_login(hr)

    page = client.get(LOG, {"scope": "record"}).text

    assert "Bima (#" in page and f"Person #{trainee.pk} (erased)" not in page


def test_the_log_is_refused_to_people_who_are_not_hr(client):
    editor = in_the_admin(builders.make_user("eko"))
    client.force_login(editor)

    response = client.get(LOG, follow=True)

    assert "Sorry, you do not have permission to access this area." in response.text
    assert reverse("onboarding_erasures:index") not in client.get(reverse("wagtailadmin_home")).text


@pytest.mark.parametrize("size", [2, 6])
def test_the_log_takes_the_same_queries_for_any_number_of_erasures(
    portal, client, hr, size, django_assert_num_queries
):
    for number in range(size):
        person = builders.make_trainee(f"person{number}")
        make.reflection(person)
        (erase_record if number % 2 else erase_person)(person, erased_by=hr, reason="Asked")
    client.force_login(hr)
    client.get(LOG)  # Wagtail's caches warmed

    # session, user, HR's permissions (own, groups'), the count, the page of erasures (with
    # who erased them, and the accounts' names annotated), and Wagtail's own
    with django_assert_num_queries(QUERIES):
        client.get(LOG)
