"""The notifications page, the header's unread count, and the email settings."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from coaching.models import Notification, NotificationKind, Preferences
from coaching.notifications.delivery import build_email
from coaching.notifications.models import FOR_BUDDIES, FOR_COACHES, FOR_NEW_HIRES
from coaching.notifications.sending import Notice, notify
from tests import builders

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def notices(person, count, author="Citra"):
    notify(
        Notice(
            person.pk,
            NotificationKind.FEEDBACK,
            f"entry:{number}",
            {"author": author},
            reverse("coaching:my_record"),
        )
        for number in range(count)
    )


@pytest.fixture
def person(db):
    return builders.make_user("nadia")


@pytest.fixture
def signed_in(client, person, portal):
    client.force_login(person)
    return client


def test_the_page_lists_a_persons_own_notifications_newest_first(signed_in, person):
    notices(person, 2)
    notices(builders.make_user("bima"), 1, author="Someone else")

    response = signed_in.get(reverse("coaching:notifications"))

    page = response.content.decode()
    assert page.count("Citra gave you feedback") == 2
    assert "Someone else" not in page
    assert "Mark all as read" in page


def test_the_empty_page_says_what_will_appear_there(signed_in):
    response = signed_in.get(reverse("coaching:notifications"))
    assert "Nothing new" in response.content.decode()


def test_the_header_shows_the_unread_count_until_they_are_read(signed_in, person):
    home = reverse("coaching:kudos")
    notices(person, 3)
    assert '3<span class="visually-hidden"> unread' in signed_in.get(home).content.decode()

    signed_in.post(reverse("coaching:mark_all_read"))

    assert "unread</span>" not in signed_in.get(home).content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_the_header_names_the_notifications_link_with_the_shared_hidden_text(signed_in):
    page = signed_in.get(reverse("coaching:kudos")).content.decode()

    # seen by screen readers beside the bell; hidden on screen by the one utility class
    assert '<span class="visually-hidden">Notifications</span>' in page
    assert "bell-label" not in page


def test_opening_a_notification_marks_it_read_and_follows_its_link(signed_in, person):
    notices(person, 2)
    first = Notification.objects.order_by("pk").first()

    response = signed_in.post(reverse("coaching:open_notification", args=[first.pk]))

    assert response.status_code == 302 and response.url == reverse("coaching:my_record")
    assert list(Notification.objects.filter(read_at__isnull=True)) == [
        Notification.objects.order_by("pk").last()
    ]


def test_someone_elses_notification_is_not_there(signed_in):
    other = builders.make_user("bima")
    notices(other, 1)
    theirs = Notification.objects.get()

    response = signed_in.post(reverse("coaching:open_notification", args=[theirs.pk]))

    assert response.status_code == 404
    assert Notification.objects.get().read_at is None


def test_opening_needs_a_post_with_a_csrf_token(person):
    notices(person, 1)
    notification = Notification.objects.get()
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    url = reverse("coaching:open_notification", args=[notification.pk])

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert Notification.objects.get().read_at is None


def test_a_link_off_the_site_is_not_followed(signed_in, person):
    notify(
        [
            Notice(
                person.pk, NotificationKind.FEEDBACK, "x", {"author": "A"}, "https://evil.example/"
            )
        ]
    )

    response = signed_in.post(
        reverse("coaching:open_notification", args=[Notification.objects.get().pk])
    )

    assert response.url == reverse("coaching:notifications")


def test_anonymous_people_are_sent_to_sign_in(client, db):
    response = client.get(reverse("coaching:notifications"))
    assert response.status_code == 302 and reverse("coaching:sign_in") in response.url


def test_names_are_escaped_on_the_page_and_in_the_email(signed_in, person):
    notices(person, 1, author=HOSTILE)

    page = signed_in.get(reverse("coaching:notifications")).content.decode()
    html, _mimetype = build_email(Notification.objects.get()).alternatives[0]

    for markup in (page, html):
        assert "<script>alert" not in markup and "<img src=x" not in markup
        assert "&lt;script&gt;" in markup


def test_email_settings_turn_kinds_off_and_on(signed_in, person):
    url = reverse("coaching:preferences")
    assert signed_in.get(url).status_code == 200

    kept = [NotificationKind.FEEDBACK, NotificationKind.RECOGNITION]
    response = signed_in.post(url, {"emailed": kept})

    assert response.status_code == 302
    muted = Preferences.objects.get(user=person).muted_kinds
    # nadia here is neither a new hire, a coach nor anyone's buddy: only the kinds for
    # everyone are offered
    offered = set(NotificationKind.values) - FOR_COACHES - FOR_NEW_HIRES - FOR_BUDDIES
    assert set(muted) == offered - set(kept)


def test_email_settings_refuse_an_unknown_kind_with_a_message(signed_in, person):
    response = signed_in.post(reverse("coaching:preferences"), {"emailed": ["pay"]})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Preferences.objects.filter(user=person).exists()  # a refused form saves nothing


@pytest.mark.parametrize("count", [3, 60])
def test_the_page_makes_a_fixed_number_of_queries(
    portal, signed_in, person, count, django_assert_num_queries
):
    notices(person, count)
    url = reverse("coaching:notifications")
    signed_in.get(url)  # warm the content-type and unread-count caches

    # session, user, count, page of notifications, unread (for "mark all"), the site (for
    # the cached portal)
    with django_assert_num_queries(5):
        signed_in.get(url)


def test_erasing_a_record_forgets_the_person_in_notifications(person):
    from coaching.record.erasure import erase_record

    person.first_name, person.last_name = "Nadia", "Pérez"
    person.save()
    colleague = builders.make_user("bima")
    notices(person, 2)
    notify([Notice(colleague.pk, NotificationKind.RECOGNITION, "e", {"author": "Nadia Pérez"})])
    digest = {"items": [{"trainee": "Nadia Pérez", "path": "Orientation"}]}
    notify([Notice(colleague.pk, NotificationKind.OVERDUE_DIGEST, "d", digest)])

    erase_record(person, erased_by=builders.make_hr())

    assert not Notification.objects.filter(recipient=person).exists()
    params = [n.params for n in Notification.objects.order_by("pk")]
    assert params[0]["author"] == "a person whose data was erased"
    assert params[1]["items"][0] == {
        "trainee": "a person whose data was erased",
        "path": "Orientation",
    }


def test_hr_sees_email_deliveries_in_the_admin_but_cannot_change_them(admin_client, person):
    notices(person, 1)
    notification = Notification.objects.get()
    notification.email_last_error = "mail server down"
    notification.save()

    listing = admin_client.get(reverse("notification_emails:index"))
    inspect = admin_client.get(reverse("notification_emails:inspect", args=[notification.pk]))

    assert listing.status_code == 200 and "nadia" in listing.text
    assert inspect.status_code == 200 and "mail server down" in inspect.text
    before = list(Notification.objects.values())
    edit = reverse("notification_emails:edit", args=[notification.pk])
    refused = [
        admin_client.get(reverse("notification_emails:add"), follow=True),
        admin_client.post(reverse("notification_emails:add"), {"title": "x"}, follow=True),
        admin_client.post(edit, {"email_last_error": ""}, follow=True),
        admin_client.post(
            reverse("notification_emails:delete", args=[notification.pk]), follow=True
        ),
    ]

    # Even a superuser is sent to the admin home with Wagtail's message; nothing changes.
    for response in refused:
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert "Sorry, you do not have permission to access this area." in response.text
    assert list(Notification.objects.values()) == before


def test_an_email_not_sent_yet_shows_dashes_not_none(admin_client, person):
    notices(person, 1)
    notification = Notification.objects.get()
    Notification.objects.filter(pk=notification.pk).update(
        read_at=None, email_next_attempt_at=None, emailed_at=None
    )

    page = admin_client.get(reverse("notification_emails:inspect", args=[notification.pk])).text

    assert "None" not in re.sub(r"<[^>]+>", "", page)
    assert page.count("\u2014") >= 3
