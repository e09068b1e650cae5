"""The buddy's pages and the new hire's: what each shows, what stays private, escaping, and
a fixed number of queries for any number of new hires, paths and questions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.buddies import questions
from coaching.learning import progress
from coaching.models import BuddyQuestion, TraineeProfile
from coaching.record.erasure import erase_person, erase_record
from coaching.record.export import record_as_data
from tests import builders
from tests.coaching.buddies.conftest import buddied_trainee
from tests.coaching.record import make

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def with_path(portal, trainee, coach, title="Orientation"):
    learning_path = builders.make_path(
        title,
        steps=[builders.make_module(portal, title=f"{title} module"), builders.checkin_step()],
    )
    assignment = builders.assign(learning_path, trainee)
    step = builders.steps_of(assignment)[1]
    progress.plan_checkin(assignment, step, coach=coach, when=timezone.now() + timedelta(days=2))
    make.one_on_one(trainee, trainee, coach=coach, meets_at=timezone.now() + timedelta(days=3))
    return assignment


def test_the_buddy_sees_progress_and_whats_coming_but_not_the_record(
    client, portal, buddied, buddy, coach
):
    with_path(portal, buddied, coach)
    make.feedback(buddied, coach, text="Private words about the call.")
    client.force_login(buddy)
    page = client.get(reverse("coaching:buddy_trainee", args=[buddied.pk])).text
    assert "Orientation" in page
    assert "0 of 2 steps" in page
    assert "Check-in “Check-in with your coach” (Orientation)" in page
    assert "1:1 with Citra" in page
    assert "Private words" not in page
    assert reverse("coaching:give_recognition") + f"?to={buddied.pk}" in page
    assert client.get(reverse("coaching:record", args=[buddied.pk])).status_code == 404
    listing = client.get(reverse("coaching:buddies")).text
    assert "Nadia" in listing and "Orientation" in listing


def test_a_buddy_can_give_recognition_through_the_usual_form(client, buddied, buddy):
    value = make.value()
    client.force_login(buddy)
    response = client.post(
        reverse("coaching:give_recognition"),
        {
            "recipient": buddied.pk,
            "value": value.pk,
            "message": "Great first week",
            "is_public": "on",
        },
    )
    assert response.status_code == 302


def test_user_text_is_escaped_on_both_pages(client, buddied, buddy):
    question, _new = questions.ask(buddied, HOSTILE)
    questions.answer(question, buddy=buddy, text=HOSTILE)
    for person, url in [
        (buddied, reverse("coaching:my_buddy")),
        (buddy, reverse("coaching:buddy_trainee", args=[buddied.pk])),
    ]:
        client.force_login(person)
        page = client.get(url).text
        assert "<script>alert(1)" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;" in page


def test_the_new_hires_home_shows_their_buddy_and_the_buddys_home_their_new_hires(
    client, buddied, buddy
):
    client.force_login(buddied)
    home = client.get(reverse("coaching:home")).text
    assert "Your buddy" in home and "Ayu Lestari" in home and "ayu@example.com" in home
    assert reverse("coaching:my_buddy") in home
    questions.ask(buddied, "Hi!")
    client.force_login(buddy)
    home = client.get(reverse("coaching:home")).text
    assert "New hires you are the buddy of" in home
    assert "1 question waits for you" in home
    assert reverse("coaching:buddy_trainee", args=[buddied.pk]) in home


def test_a_person_card_shows_initials_and_never_a_third_party_picture(client, buddied, buddy):
    client.force_login(buddied)
    page = client.get(reverse("coaching:my_buddy")).text
    # The shared card (coaching/people/person_card.html): without an uploaded Wagtail
    # avatar, the buddy's initials in place of a photo, and no picture from anywhere else.
    assert '<span class="avatar person-card__photo" aria-hidden="true">AL</span>' in page
    assert '<img class="person-card__photo"' not in page
    assert "gravatar" not in page


def test_the_export_holds_the_questions_and_erasure_removes_them(buddied, buddy, hr):
    question, _new = questions.ask(buddied, "Where are the forms?")
    questions.answer(question, buddy=buddy, text="On the intranet.")
    data = record_as_data(buddied)
    assert data["profile"]["buddy"] == "Ayu Lestari"
    assert data["buddy_questions"][0]["question"] == "Where are the forms?"
    assert data["buddy_questions"][0]["answered_by"] == "Ayu Lestari"

    erase_record(buddied, erased_by=hr, reason="Asked")
    assert not BuddyQuestion.objects.exists()


def test_erasing_a_buddy_keeps_their_answers_without_their_name(buddied, buddy, hr):
    answered, _new = questions.ask(buddied, "Printer?")
    questions.answer(answered, buddy=buddy, text="Kitchen.")
    still_open, _new = questions.ask(buddied, "Parking?")
    erase_person(buddy, erased_by=hr, reason="Left")
    answered.refresh_from_db()
    still_open.refresh_from_db()
    assert (answered.answer, answered.answered_by, answered.buddy) == ("Kitchen.", None, None)
    assert still_open.buddy is None
    assert TraineeProfile.objects.get(user=buddied).buddy is None


def scene(portal, buddy, coach, size):
    """`size` new hires buddied by `buddy`, each with `size` paths and questions."""
    people = []
    for number in range(size):
        person = buddied_trainee(f"hire{number}", buddy, coach=coach)
        for path in range(size):
            with_path(portal, person, coach, title=f"Path {number}-{path}")
            questions.ask(person, f"Question {path}")
        people.append(person)
    return people


@pytest.mark.parametrize("size", [1, 3])
def test_my_buddies_makes_the_same_queries_for_any_size(
    client, portal, buddy, coach, size, django_assert_num_queries
):
    scene(portal, buddy, coach, size)
    client.force_login(buddy)
    url = reverse("coaching:buddies")
    client.get(url)  # warm the content-type and unread-count caches
    # session, user; profiles with open questions (and photos); path summaries; planned
    # check-ins; 1:1s; the site, for the header's portal (the portals are cached)
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.text.count('class="card"') >= size


@pytest.mark.parametrize("size", [1, 3])
def test_a_new_hires_page_makes_the_same_queries_for_any_size(
    client, portal, buddy, coach, size, django_assert_num_queries
):
    (first, *_rest) = scene(portal, buddy, coach, size)
    client.force_login(buddy)
    url = reverse("coaching:buddy_trainee", args=[first.pk])
    client.get(url)
    # session, user; the profile (with photo); path summaries; planned check-ins; 1:1s;
    # questions; the site, for the header's portal (the portals are cached)
    with django_assert_num_queries(8):
        response = client.get(url)
    assert response.text.count('class="question"') == size


@pytest.mark.parametrize("size", [1, 3])
def test_my_buddy_makes_the_same_queries_for_any_size(
    client, portal, buddied, buddy, size, django_assert_num_queries
):
    for number in range(size):
        question, _new = questions.ask(buddied, f"Question {number}")
        questions.answer(question, buddy=buddy, text="Answer")
    client.force_login(buddied)
    url = reverse("coaching:my_buddy")
    client.get(url)
    # session, user; the profile with the buddy; the questions; the site (for the portal)
    with django_assert_num_queries(5):
        client.get(url)


@pytest.mark.parametrize("size", [1, 3])
def test_the_home_adds_two_queries_for_buddies_at_any_size(
    client, portal, buddy, coach, size, django_assert_num_queries
):
    people = scene(portal, buddy, coach, size)
    TraineeProfile.objects.filter(user=people[0]).update(buddy=buddy)
    client.force_login(buddy)
    url = reverse("coaching:home")
    client.get(url)
    # session, user; own assignments, recent completions, 1:1s; buddies (the two this
    # part adds): the own profile with its buddy, the new hires buddied with their open
    # questions; the site (for the cached portal); "a new hire?", permissions (own, groups') and
    # "coaches someone?" for the empty state's and the header's links; modules to read again
    with django_assert_num_queries(12):
        client.get(url)
