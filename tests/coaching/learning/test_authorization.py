"""Every portal and dashboard URL, asked by every kind of person: exactly the right answer.

The people: anonymous, the owner (the new hire whose assignment it is), another new hire,
an unrelated coach, the new hire's coach, and HR.
"""

import pytest
from django.urls import reverse

from coaching.models import CoachRelationship
from tests import builders

pytestmark = pytest.mark.django_db

LOGIN = "login"  # a redirect to the sign-in page
OK = 200
GONE = 404


@pytest.fixture
def world(portal):
    coach = builders.make_user("coach")
    other_coach = builders.make_user("othercoach")
    owner = builders.make_trainee("owner", coach=coach)
    other = builders.make_trainee("other")
    CoachRelationship.objects.create(coach=other_coach, trainee=other, is_primary=True)
    module = builders.make_module(portal, knowledge_check=builders.make_check())
    learning_path = builders.make_path(steps=[module, "Shadow a call"])
    assignment = builders.assign(learning_path, owner)
    return {
        "anonymous": None,
        "owner": owner,
        "other trainee": other,
        "unrelated coach": other_coach,
        "coach": coach,
        "hr": builders.make_hr(),
        "assignment": assignment,
    }


ROLES = ["anonymous", "owner", "other trainee", "unrelated coach", "coach", "hr"]

# url name, args from the world, and the answer for each role in ROLES order.
READS = [
    ("coaching:home", [], [LOGIN, OK, OK, OK, OK, OK]),
    ("coaching:assignment", ["assignment"], [LOGIN, OK, GONE, GONE, GONE, GONE]),
    ("coaching:step", ["assignment", 1], [LOGIN, OK, GONE, GONE, GONE, GONE]),
    ("coaching:dashboard", [], [LOGIN, GONE, GONE, OK, OK, OK]),
    ("coaching:assign", [], [LOGIN, GONE, GONE, OK, OK, OK]),
    ("coaching:trainee", ["owner"], [LOGIN, GONE, GONE, GONE, OK, OK]),
]

# Actions by the new hire on their own steps.
TRAINEE_ACTIONS = [
    ("coaching:complete_module", ["assignment", 1]),
    ("coaching:submit_task", ["assignment", 2]),
    ("coaching:take_check", ["assignment", 1]),
]

# Actions by the coach or HR on someone's assignment.
COACH_ACTIONS = [
    ("coaching:cancel_assignment", ["assignment"]),
    ("coaching:change_due", ["assignment"]),
    ("coaching:sign_off", ["assignment", 2]),
    ("coaching:send_back", ["assignment", 2]),
    ("coaching:plan_checkin", ["assignment", 2]),
    ("coaching:record_checkin", ["assignment", 2]),
]


def url_for(world, name, args):
    resolved = [world[a].pk if isinstance(a, str) else a for a in args]
    return reverse(name, args=resolved)


def ask(client, world, role, method, url):
    if world[role] is not None:
        client.force_login(world[role])
    response = getattr(client, method)(url)
    client.logout()
    return response


def answer(response):
    if response.status_code == 302 and "/sign-in/" in response.url:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize(("name", "args", "expected"), READS)
def test_reads(client, world, name, args, expected):
    url = url_for(world, name, args)

    got = [answer(ask(client, world, role, "get", url)) for role in ROLES]

    assert got == expected


@pytest.mark.parametrize(("name", "args"), TRAINEE_ACTIONS)
def test_only_the_owner_acts_on_their_steps(client, world, name, args):
    url = url_for(world, name, args)

    got = {role: answer(ask(client, world, role, "post", url)) for role in ROLES}

    assert got["anonymous"] == LOGIN
    assert got["owner"] in (200, 302)  # done, refused with a message, or a form to correct
    assert all(got[role] == GONE for role in ROLES[2:])


@pytest.mark.parametrize(("name", "args"), COACH_ACTIONS)
def test_only_the_coach_and_hr_act_on_an_assignment(client, world, name, args):
    url = url_for(world, name, args)

    got = {role: answer(ask(client, world, role, "post", url)) for role in ROLES}

    assert got["anonymous"] == LOGIN
    assert [got[role] for role in ("owner", "other trainee", "unrelated coach")] == [GONE] * 3
    # Done or refused with a message (302). Sending back needs a comment and planning a
    # check-in a time; this empty POST has neither, so their form comes back to correct.
    expected = 200 if name in ("coaching:send_back", "coaching:plan_checkin") else 302
    assert got["coach"] == expected and got["hr"] == expected


@pytest.mark.parametrize("name", [n for n, _ in TRAINEE_ACTIONS + COACH_ACTIONS])
def test_actions_refuse_get(client, world, name):
    args = dict(TRAINEE_ACTIONS + COACH_ACTIONS)[name]

    response = ask(client, world, "hr", "get", url_for(world, name, args))

    assert response.status_code == 405


def test_actions_need_the_csrf_token(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world["owner"])

    response = client.post(url_for(world, "coaching:complete_module", ["assignment", 1]))

    assert response.status_code == 403


def test_a_coach_cannot_assign_to_someone_they_do_not_coach(client, world):
    learning_path = world["assignment"].path
    client.force_login(world["unrelated coach"])

    response = client.post(
        reverse("coaching:assign"),
        {
            "path": learning_path.pk,
            "target": "people",
            "trainees": [world["owner"].trainee_profile.pk],
            "due_kind": "none",
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert world["owner"].assignments.count() == 1


def test_an_ended_coaching_relationship_ends_access(client, world):
    import datetime

    CoachRelationship.objects.filter(coach=world["coach"]).update(
        starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 12, 31)
    )
    client.force_login(world["coach"])

    assert client.get(url_for(world, "coaching:trainee", ["owner"])).status_code == 404
