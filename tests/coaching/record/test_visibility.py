"""What each kind of person sees on a development record, and what their additions do,
beyond the answers tests/security/test_every_url.py checks for every URL and person.

The people are tests/conftest.py's: the owner is `trainee`, the `colleague` gave them
recognition (public and private) and has no other part in the record, and `former_coach`
coached them until 2020. The record and its private entries are read by the owner, their
coaches and HR (and a private recognition also by its giver); public recognition by every
signed-in person.
"""

import pytest
from django.test import Client
from django.urls import reverse

from coaching.models import Cheer, Reflection, Reply
from tests.asking import answers, ask

from . import make

pytestmark = pytest.mark.django_db

SIGNED_IN = [
    "trainee",
    "coach",
    "other_coach",
    "other_trainee",
    "former_coach",
    "colleague",
    "hr",
    "editor",
]


@pytest.fixture
def signed_in(people):
    return {name: people[name] for name in SIGNED_IN}


@pytest.fixture
def entries(trainee, coach, colleague):
    made = make.one_of_each(trainee, coach)
    made["private recognition"] = make.recognition(
        trainee, colleague, message="Quiet thanks for Tuesday.", public=False
    )
    made["public recognition"] = make.recognition(
        trainee, colleague, message="Loud thanks for Monday.", public=True
    )
    return made


def entry_url(entry):
    return reverse("coaching:entry", args=[entry.pk])


def test_my_record_leads_everyone_to_their_own(client, signed_in):
    for person in signed_in.values():
        response = ask(client, person, reverse("coaching:my_record"))
        assert response.url == reverse("coaching:record", args=[person.pk])


def test_public_recognition_is_on_the_kudos_wall_for_everyone(client, signed_in, entries):
    for name, person in signed_in.items():
        wall = ask(client, person, reverse("coaching:kudos")).text
        assert "Loud thanks for Monday." in wall, name


def test_private_recognition_is_never_on_the_kudos_wall(client, signed_in, entries):
    for name, person in signed_in.items():
        wall = ask(client, person, reverse("coaching:kudos")).text
        assert "Quiet thanks for Tuesday." not in wall, name


def test_both_kinds_of_recognition_are_on_the_record(client, coach, trainee, entries):
    timeline = ask(client, coach, reverse("coaching:record", args=[trainee.pk]))

    assert "Loud thanks for Monday." in timeline.text
    assert "Quiet thanks for Tuesday." in timeline.text


def test_replies_to_public_recognition_stay_with_the_record_keepers(
    client, signed_in, trainee, entries
):
    make.reply(entries["public recognition"], trainee, "It was nothing, really.")
    url = entry_url(entries["public recognition"])

    seen = {
        name: "It was nothing, really." in ask(client, person, url).text
        for name, person in signed_in.items()
    }

    assert seen == {
        "trainee": True,
        "coach": True,
        "other_coach": False,
        "other_trainee": False,
        "former_coach": False,
        "colleague": False,
        "hr": True,
        "editor": False,
    }


def test_the_kudos_wall_shows_nothing_of_the_replies(client, signed_in, trainee, entries):
    make.reply(entries["public recognition"], trainee, "It was nothing, really.")

    for name, person in signed_in.items():
        wall = ask(client, person, reverse("coaching:kudos")).text
        assert "Loud thanks for Monday." in wall, name
        assert "1 reply" not in wall, name
        assert "It was nothing, really." not in wall, name


def test_the_record_keepers_still_see_the_replies_on_the_record(
    client, trainee, coach, hr, entries
):
    make.reply(entries["public recognition"], trainee, "It was nothing, really.")
    record = reverse("coaching:record", args=[trainee.pk])

    for person in (trainee, coach, hr):
        assert "1 reply" in ask(client, person, record).text
        page = ask(client, person, entry_url(entries["public recognition"])).text
        assert "It was nothing, really." in page


def test_the_record_of_someone_who_left_is_gone(client, hr, trainee):
    type(trainee).objects.filter(pk=trainee.pk).update(is_active=False)

    response = ask(client, hr, reverse("coaching:record", args=[trainee.pk]))

    assert response.status_code == 404


def test_a_trainee_cannot_write_on_another_trainees_record(client, trainee, other_trainee):
    url = reverse("coaching:new_entry", args=[other_trainee.pk, "reflection"])

    response = ask(client, trainee, url, "post", {"title": "t", "text": "x"})

    assert response.status_code == 404
    assert not Reflection.objects.filter(trainee=other_trainee).exists()


def test_the_record_keepers_add_to_its_entries(client, people, entries):
    """Each way of adding to an entry, with valid data, adds to it, for each keeper, who is
    sent back to the entry and told so."""
    keepers = [people[name] for name in ("trainee", "coach", "hr")]
    meeting, review, goal = entries["one-on-one"], entries["review"], entries["goal"]
    result = goal.key_results.get()
    check_in = {"status": "on_track", "confidence": "2", f"result_{result.pk}": "3"}
    adding = [
        (entries["feedback"], "reply", [], {"text": "Hi"}, "Reply added."),
        (meeting, "add_item", ["agenda"], {"text": "Hi"}, "Added."),
        (meeting, "add_item", ["action"], {"text": "Hi"}, "Added."),
        (review, "add_item", ["review-action"], {"text": "Hi"}, "Added."),
        (goal, "goal_check_in", [], check_in, "Check-in saved."),
    ]

    told = []
    for entry, name, extra, data, message in adding:
        for person in keepers:
            client.force_login(person)
            url = reverse(f"coaching:{name}", args=[entry.pk, *extra])
            response = client.post(url, data, follow=True)
            back = reverse("coaching:entry", args=[entry.pk])
            told.append(response.redirect_chain == [(back, 302)] and message in messages(response))

    assert told == [True] * len(adding) * len(keepers)
    assert list(entries["feedback"].replies.values_list("text", "author")) == [
        ("Hi", person.pk) for person in keepers
    ]
    assert sorted(meeting.agenda.values_list("text", "author")) == sorted(
        ("Hi", person.pk) for person in keepers
    )
    assert meeting.actions.count() == 3 and review.actions.count() == 3
    assert sorted(goal.check_ins.values_list("author", "status", "confidence")) == sorted(
        (person.pk, "on_track", 2) for person in keepers
    )


def messages(response):
    """The messages shown on a page, as text."""
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("keeper", ["trainee", "coach", "hr"])
def test_a_record_keeper_ticks_off_an_action_item(client, people, entries, keeper):
    item = make.action_item(entries["one-on-one"], people["trainee"])
    url = reverse("coaching:item_done", args=["action", item.pk])

    client.force_login(people[keeper])

    response = client.post(url, follow=True)

    back = reverse("coaching:entry", args=[entries["one-on-one"].pk])
    assert response.redirect_chain == [(back, 302)]
    assert messages(response) == ["Marked as done."]
    item.refresh_from_db()
    assert item.done_at is not None


def test_the_giver_of_private_recognition_cannot_reply_to_it(client, colleague, entries):
    url = reverse("coaching:reply", args=[entries["private recognition"].pk])

    response = ask(client, colleague, url, "post", {"text": "Hi"})

    assert response.status_code == 404
    assert not Reply.objects.exists()


def test_private_recognition_is_cheered_only_by_those_who_see_it(client, people, entries):
    entry = entries["private recognition"]
    url, back = (
        reverse("coaching:cheer", args=[entry.pk]),
        reverse("coaching:entry", args=[entry.pk]),
    )
    named = "Cheers come from colleagues, not from the people named in it."

    got = {}
    for name, person in people.items():
        if person is None:
            continue
        client.force_login(person)
        response = client.post(url, follow=True)
        if response.redirect_chain == [(back, 302)]:
            got[name] = messages(response)
        else:
            got[name] = response.status_code

    # The record's keepers and the giver see it; the owner and the giver are told why
    # they do not cheer; everyone else gets 404, as if it did not exist.
    assert got == {
        "trainee": [named],
        "coach": ["Cheer added."],
        "other_coach": 404,
        "other_trainee": 404,
        "former_coach": 404,
        "colleague": [named],
        "hr": ["Cheer added."],
        "editor": 404,
        "superuser": ["Cheer added."],
    }
    assert set(Cheer.objects.values_list("author__username", flat=True)) == {
        "citra",
        "hana",
        "admin",
    }


def test_public_recognition_is_cheered_by_any_colleague(client, people, entries):
    url = reverse("coaching:cheer", args=[entries["public recognition"].pk])

    answers(client, people, url, method="post")

    assert set(Cheer.objects.values_list("author__username", flat=True)) == {
        "citra",
        "agus",
        "rizky",
        "yusuf",
        "hana",
        "eko",
        "admin",
    }


def test_record_actions_need_the_csrf_token(trainee, entries):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(reverse("coaching:reply", args=[entries["feedback"].pk]), {"text": "Hi"})

    assert response.status_code == 403
    assert not Reply.objects.exists()
