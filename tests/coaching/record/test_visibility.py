"""Who reads and writes what on a development record, asked by every kind of person.

The people: anonymous, the owner (the new hire whose record it is), their coach (an active
relationship), another coach (of someone else), another new hire, HR, a former coach (the
relationship has ended) and a giver (a colleague who gave the owner recognition and has no
other part in the record).

The record and its private entries are read by the owner, their coaches and HR (and a
private recognition also by its giver); everyone else gets 404. Public recognition is read
by every signed-in person. Anonymous visitors are sent to sign in.
"""

import datetime

import pytest
from django.urls import reverse

from coaching.models import (
    AgendaItem,
    Cheer,
    CoachRelationship,
    Entry,
    Feedback,
    GoalCheckIn,
    LearningReview,
    Reflection,
    Reply,
)
from tests import builders

from . import make

pytestmark = pytest.mark.django_db

LOGIN = "login"  # a redirect to the sign-in page
OK = 200
GONE = 404

ROLES = [
    "anonymous",
    "owner",
    "coach",
    "other coach",
    "other trainee",
    "hr",
    "former coach",
    "giver",
]

PRIVATE_KINDS = ["feedback", "goal", "one-on-one", "review", "reflection", "milestone"]


@pytest.fixture
def world(db):
    coach = builders.make_user("coach")
    other_coach = builders.make_user("othercoach")
    former_coach = builders.make_user("formercoach")
    owner = builders.make_trainee("owner", coach=coach)
    other = builders.make_trainee("other")
    CoachRelationship.objects.create(coach=other_coach, trainee=other, is_primary=True)
    CoachRelationship.objects.create(
        coach=former_coach,
        trainee=owner,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    giver = builders.make_user("giver")
    entries = make.one_of_each(owner, coach)
    entries["private recognition"] = make.recognition(
        owner, giver, message="Quiet thanks for Tuesday.", public=False
    )
    entries["public recognition"] = make.recognition(
        owner, giver, message="Loud thanks for Monday.", public=True
    )
    return {
        "anonymous": None,
        "owner": owner,
        "coach": coach,
        "other coach": other_coach,
        "other trainee": other,
        "hr": builders.make_hr(),
        "former coach": former_coach,
        "giver": giver,
        **entries,
    }


def ask(client, world, role, method, url, data=None):
    client.logout()
    if world[role] is not None:
        client.force_login(world[role])
    return getattr(client, method)(url, data or {})


def answer(response):
    if response.status_code == 302 and "/sign-in/" in response.url:
        return LOGIN
    return response.status_code


def answers(client, world, url, method="get", data=None):
    return {role: answer(ask(client, world, role, method, url, data)) for role in ROLES}


def expect(*values):
    return dict(zip(ROLES, values, strict=True))


def entry_url(entry):
    return reverse("coaching:entry", args=[entry.pk])


# Reading.

KEEPERS_ONLY = expect(LOGIN, OK, OK, GONE, GONE, OK, GONE, GONE)


def test_the_record_is_read_by_its_keepers(client, world):
    url = reverse("coaching:record", args=[world["owner"].pk])

    assert answers(client, world, url) == KEEPERS_ONLY


def test_my_record_leads_everyone_to_their_own(client, world):
    for role in ROLES[1:]:
        response = ask(client, world, role, "get", reverse("coaching:my_record"))
        assert response.url == reverse("coaching:record", args=[world[role].pk])


@pytest.mark.parametrize("kind", PRIVATE_KINDS)
def test_a_private_entry_is_read_by_the_record_keepers(client, world, kind):
    assert answers(client, world, entry_url(world[kind])) == KEEPERS_ONLY


def test_private_recognition_is_read_by_the_keepers_and_its_giver(client, world):
    got = answers(client, world, entry_url(world["private recognition"]))

    assert got == expect(LOGIN, OK, OK, GONE, GONE, OK, GONE, OK)


def test_public_recognition_is_read_by_every_signed_in_person(client, world):
    got = answers(client, world, entry_url(world["public recognition"]))

    assert got == expect(LOGIN, OK, OK, OK, OK, OK, OK, OK)


def test_the_kudos_wall_is_for_every_signed_in_person(client, world):
    got = answers(client, world, reverse("coaching:kudos"))

    assert got == expect(LOGIN, OK, OK, OK, OK, OK, OK, OK)


def test_public_recognition_is_on_the_kudos_wall_for_everyone(client, world):
    for role in ROLES[1:]:
        wall = ask(client, world, role, "get", reverse("coaching:kudos")).text
        assert "Loud thanks for Monday." in wall, role


def test_private_recognition_is_never_on_the_kudos_wall(client, world):
    for role in ROLES[1:]:
        wall = ask(client, world, role, "get", reverse("coaching:kudos")).text
        assert "Quiet thanks for Tuesday." not in wall, role


def test_both_kinds_of_recognition_are_on_the_record(client, world):
    timeline = ask(
        client, world, "coach", "get", reverse("coaching:record", args=[world["owner"].pk])
    )

    assert "Loud thanks for Monday." in timeline.text
    assert "Quiet thanks for Tuesday." in timeline.text


def test_replies_to_public_recognition_stay_with_the_record_keepers(client, world):
    make.reply(world["public recognition"], world["owner"], "It was nothing, really.")
    url = entry_url(world["public recognition"])

    seen = {
        role: "It was nothing, really." in ask(client, world, role, "get", url).text
        for role in ROLES[1:]
    }

    assert seen == {
        "owner": True,
        "coach": True,
        "other coach": False,
        "other trainee": False,
        "hr": True,
        "former coach": False,
        "giver": False,
    }


def test_the_record_of_someone_who_left_is_gone(client, world):
    type(world["owner"]).objects.filter(pk=world["owner"].pk).update(is_active=False)

    response = ask(client, world, "hr", "get", reverse("coaching:record", args=[world["owner"].pk]))

    assert response.status_code == 404


# Writing: who may open each kind's form on the owner's record.

# kind, and the answer for each role in ROLES order
WRITERS = [
    ("feedback", expect(LOGIN, GONE, OK, GONE, GONE, OK, GONE, GONE)),
    ("review", expect(LOGIN, GONE, OK, GONE, GONE, OK, GONE, GONE)),
    ("goal", expect(LOGIN, OK, OK, GONE, GONE, OK, GONE, GONE)),
    ("one-on-one", expect(LOGIN, OK, OK, GONE, GONE, OK, GONE, GONE)),
    ("reflection", expect(LOGIN, OK, GONE, GONE, GONE, GONE, GONE, GONE)),
    ("milestone", expect(LOGIN, GONE, GONE, GONE, GONE, GONE, GONE, GONE)),
    ("recognition", expect(LOGIN, GONE, GONE, GONE, GONE, GONE, GONE, GONE)),
]


@pytest.mark.parametrize(("kind", "expected"), WRITERS)
def test_who_may_write_each_kind(client, world, kind, expected):
    url = reverse("coaching:new_entry", args=[world["owner"].pk, kind])

    assert answers(client, world, url) == expected


FEEDBACK = {
    "feedback_kind": "coaching",
    "situation": "s",
    "behaviour": "b",
    "impact": "i",
}
REVIEW = {
    "title": "t",
    "happened_on": "2026-01-05",
    "timeline": "t",
    "conditions": "c",
    "learned": "l",
}


@pytest.mark.parametrize(
    ("kind", "model", "data"),
    [("feedback", Feedback, FEEDBACK), ("review", LearningReview, REVIEW)],
)
def test_a_trainee_cannot_write_coaching_entries_on_their_own_record(
    client, world, kind, model, data
):
    url = reverse("coaching:new_entry", args=[world["owner"].pk, kind])
    before = model.objects.count()

    response = ask(client, world, "owner", "post", url, data)

    assert response.status_code == 404
    assert model.objects.count() == before


def test_a_coach_cannot_write_a_self_reflection_for_the_trainee(client, world):
    url = reverse("coaching:new_entry", args=[world["owner"].pk, "reflection"])

    response = ask(client, world, "coach", "post", url, {"title": "t", "text": "x"})

    assert response.status_code == 404
    assert Reflection.objects.count() == 1  # the owner's own


def test_a_trainee_cannot_write_on_another_trainees_record(client, world):
    url = reverse("coaching:new_entry", args=[world["other trainee"].pk, "reflection"])

    response = ask(client, world, "owner", "post", url, {"title": "t", "text": "x"})

    assert response.status_code == 404
    assert not Reflection.objects.filter(trainee=world["other trainee"]).exists()


@pytest.mark.parametrize("role", ["other coach", "former coach"])
@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("feedback", FEEDBACK),
        ("review", REVIEW),
        ("one-on-one", {"meets_at": "2026-03-02T10:00"}),
        ("goal", {"title": "t", "cadence": "weekly", "set_by": "coach"}),
    ],
)
def test_a_coach_cannot_add_to_a_record_they_do_not_keep(client, world, role, kind, data):
    url = reverse("coaching:new_entry", args=[world["owner"].pk, kind])
    before = Entry.objects.count()

    response = ask(client, world, role, "post", url, data)

    assert response.status_code == 404
    assert Entry.objects.count() == before


def adding_urls(world):
    """Each way of adding to an existing entry on the owner's record, with valid data."""
    item = make.action_item(world["one-on-one"], world["owner"])
    result = world["goal"].key_results.get()
    check_in = {"status": "on_track", "confidence": "2", f"result_{result.pk}": "3"}
    return [
        (reverse("coaching:reply", args=[world["feedback"].pk]), {"text": "Hi"}),
        (reverse("coaching:add_item", args=[world["one-on-one"].pk, "agenda"]), {"text": "Hi"}),
        (reverse("coaching:add_item", args=[world["one-on-one"].pk, "action"]), {"text": "Hi"}),
        (
            reverse("coaching:add_item", args=[world["review"].pk, "review-action"]),
            {"text": "Hi"},
        ),
        (reverse("coaching:item_done", args=["action", item.pk]), {}),
        (reverse("coaching:goal_check_in", args=[world["goal"].pk]), check_in),
    ]


def test_only_the_record_keepers_add_to_its_entries(client, world):
    outsiders = ["other coach", "other trainee", "former coach", "giver"]

    got = {
        (url, role): answer(ask(client, world, role, "post", url, data))
        for url, data in adding_urls(world)
        for role in outsiders
    }

    assert set(got.values()) == {GONE}
    assert not Reply.objects.exists() and not AgendaItem.objects.exists()
    assert not GoalCheckIn.objects.exists()
    assert world["one-on-one"].actions.get().done_at is None
    assert not world["review"].actions.exists()


def test_the_record_keepers_add_to_its_entries(client, world):
    got = {
        (url, role): answer(ask(client, world, role, "post", url, data))
        for url, data in adding_urls(world)
        for role in ("owner", "coach", "hr")
    }

    assert set(got.values()) == {302}


def test_the_goal_check_in_page_is_for_the_record_keepers(client, world):
    url = reverse("coaching:goal_check_in", args=[world["goal"].pk])

    assert answers(client, world, url) == KEEPERS_ONLY


def test_the_giver_of_private_recognition_cannot_reply_to_it(client, world):
    url = reverse("coaching:reply", args=[world["private recognition"].pk])

    response = ask(client, world, "giver", "post", url, {"text": "Hi"})

    assert response.status_code == 404
    assert not Reply.objects.exists()


def test_private_recognition_is_cheered_only_by_those_who_see_it(client, world):
    url = reverse("coaching:cheer", args=[world["private recognition"].pk])

    got = answers(client, world, url, method="post")

    assert got == expect(LOGIN, 302, 302, GONE, GONE, 302, GONE, 302)
    assert set(Cheer.objects.values_list("author__username", flat=True)) == {"coach", "hana"}


def test_public_recognition_is_cheered_by_any_colleague(client, world):
    url = reverse("coaching:cheer", args=[world["public recognition"].pk])

    answers(client, world, url, method="post")

    assert set(Cheer.objects.values_list("author__username", flat=True)) == {
        "coach",
        "othercoach",
        "other",
        "hana",
        "formercoach",
    }


# State changes are POST only.


def post_only_urls(world):
    item = make.action_item(world["one-on-one"], world["owner"])
    review_action = make.review_action(world["review"], world["owner"])
    return [
        reverse("coaching:reply", args=[world["feedback"].pk]),
        reverse("coaching:cheer", args=[world["public recognition"].pk]),
        reverse("coaching:add_item", args=[world["one-on-one"].pk, "agenda"]),
        reverse("coaching:add_item", args=[world["one-on-one"].pk, "action"]),
        reverse("coaching:add_item", args=[world["review"].pk, "review-action"]),
        reverse("coaching:item_done", args=["action", item.pk]),
        reverse("coaching:item_done", args=["review-action", review_action.pk]),
    ]


@pytest.mark.parametrize("role", ["owner", "coach", "hr"])
def test_state_changes_refuse_get(client, world, role):
    got = {url: ask(client, world, role, "get", url).status_code for url in post_only_urls(world)}

    assert set(got.values()) == {405}
    assert not Reply.objects.exists() and not Cheer.objects.exists()
    assert not AgendaItem.objects.exists()


def test_forms_do_not_change_anything_on_get(client, world):
    owner = world["owner"]
    asks = [
        ("coach", reverse("coaching:new_entry", args=[owner.pk, "feedback"])),
        ("coach", reverse("coaching:goal_check_in", args=[world["goal"].pk])),
        ("coach", reverse("coaching:edit_entry", args=[world["feedback"].pk])),
        ("hr", reverse("coaching:erase_record", args=[owner.pk])),
    ]
    before = Entry.objects.count()

    got = [ask(client, world, role, "get", url).status_code for role, url in asks]

    assert got == [200, 200, 200, 200]
    assert Entry.objects.count() == before
    assert not GoalCheckIn.objects.exists()


def test_record_actions_need_the_csrf_token(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world["owner"])

    response = client.post(reverse("coaching:reply", args=[world["feedback"].pk]), {"text": "Hi"})

    assert response.status_code == 403
    assert not Reply.objects.exists()
