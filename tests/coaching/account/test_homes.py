"""After signing in, each person lands at home, unless they were on their way somewhere."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def sign_in(client, person, **query):
    url = reverse("coaching:sign_in")
    return client.post(url, {"username": person.username, "password": "pw", **query})


@pytest.mark.parametrize(
    ("who", "home"),
    [
        ("trainee", "coaching:home"),
        ("coach", "coaching:dashboard"),
        ("hr", "wagtailadmin_home"),
        ("editor", "wagtailadmin_home"),
        ("superuser", "wagtailadmin_home"),
        ("colleague", "coaching:home"),
    ],
)
def test_each_person_lands_at_home(client, people, who, home):
    response = sign_in(client, people[who])

    assert response.status_code == 302
    assert response.url == reverse(home)


def test_hr_without_the_admin_lands_on_the_coach_dashboard(client, db):
    from tests.builders import make_hr

    response = sign_in(client, make_hr("hana"))

    assert response.url == reverse("coaching:dashboard")


def test_a_safe_next_wins(client, coach, trainee):
    record = reverse("coaching:my_record")

    response = sign_in(client, coach, next=record)

    assert response.url == record


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/x", "/"])
def test_another_site_or_the_front_page_as_next_goes_home(client, coach, trainee, unsafe):
    response = sign_in(client, coach, next=unsafe)

    assert response.url == reverse("coaching:dashboard")


def test_the_sign_in_form_keeps_where_the_person_was_going(client, db):
    record = reverse("coaching:my_record")

    html = client.get(reverse("coaching:sign_in"), {"next": record}).content.decode()

    assert f'name="next" value="{record}"' in html


def test_someone_already_signed_in_is_sent_home(client, coach, trainee):
    client.force_login(coach)

    response = client.get(reverse("coaching:sign_in"))

    assert response.url == reverse("coaching:dashboard")
