"""A record's timeline, its printable page and the kudos wall cost the same number of
queries with 10 and with 500 entries of mixed kinds: never one query per entry.

Entries cycle through every kind, newest last, so both the 10-entry record and the first
page (20 entries) of the 500-entry one hold every kind, and more recognition, goals and
1:1s at 500 than at 10: a query per entry of a kind shows up as a different count.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.learning.progress import complete_module
from coaching.models import (
    ActionItem,
    AgendaItem,
    BuddyQuestion,
    Cheer,
    GoalCheckIn,
    KeyResult,
    Reply,
    ReviewAction,
    TraineeProfile,
)
from tests import builders

from . import make

pytestmark = pytest.mark.django_db

CYCLE = ["feedback", "recognition", "goal", "one-on-one", "review", "reflection", "milestone"]


def build_record(trainee, coach, colleague, size):
    """`size` entries of mixed kinds on `trainee`'s record, each with what it shows:
    replies, cheers, key results, agenda and action items, follow-up actions."""
    makers = {
        "feedback": lambda n: make.feedback(trainee, coach),
        "recognition": lambda n: make.recognition(trainee, colleague, public=n % 2 == 0),
        "goal": lambda n: make.goal(trainee, coach, results=["Calls handled", "Guide read"]),
        "one-on-one": lambda n: make.one_on_one(trainee, coach),
        "review": lambda n: make.review(trainee, coach),
        "reflection": lambda n: make.reflection(trainee),
        "milestone": lambda n: make.milestone(trainee, key=f"path_completed:assignment:{n}"),
    }
    entries = [makers[CYCLE[number % len(CYCLE)]](number) for number in range(size)]

    def of_kind(kind):
        return [entry for entry in entries if entry.kind == kind]

    Reply.objects.bulk_create(
        Reply(entry=entry, author=author, text="Thanks")
        for entry in entries
        for author in (trainee, coach)
    )
    Cheer.objects.bulk_create(
        Cheer(recognition=entry, author=author)
        for entry in of_kind("recognition")
        for author in (coach, builders.make_user(f"cheerer{entry.pk}"))
    )
    GoalCheckIn.objects.bulk_create(
        GoalCheckIn(goal=goal, author=trainee, status="on_track", comment="Fine")
        for goal in of_kind("goal")
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, author=author, text="Escalations")
        for meeting in of_kind("oneonone")
        for author in (trainee, coach)
    )
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, owner=trainee, text="Shadow Ayu")
        for meeting in of_kind("oneonone")
    )
    ReviewAction.objects.bulk_create(
        ReviewAction(review=review, owner=coach, text="Queue alert")
        for review in of_kind("learningreview")
    )
    assert KeyResult.objects.count() == 2 * len(of_kind("goal"))
    return entries


def warm(client, url):
    """A first view fills per-process caches (content types, the header's cached role)."""
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [10, 500])
def test_the_record_page_makes_a_fixed_number_of_queries(
    portal, client, trainee, coach, colleague, size, django_assert_num_queries
):
    build_record(trainee, coach, colleague, size)
    client.force_login(trainee)
    url = reverse("coaching:record", args=[trainee.pk])
    warm(client, url)

    # session, user, the person; count, the page of entries, one per kind on the page (7);
    # authors, replies, their authors; recognition: values, cheers,
    # their authors; goals: key results; 1:1s: their coaches, agenda, its authors, action
    # items, their owners; reviews: follow-up actions, their owners; goals for the top,
    # their key results; the site (for the header's cached portal); recognition by value.
    # (No HR check: it is their own.)
    with django_assert_num_queries(30):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("size", [10, 500])
def test_the_record_page_for_a_coach_makes_a_fixed_number_of_queries(
    portal, client, trainee, coach, colleague, size, django_assert_num_queries
):
    build_record(trainee, coach, colleague, size)
    client.force_login(coach)
    url = reverse("coaching:record", args=[trainee.pk])
    warm(client, url)

    # as for the new hire (30), and: the HR permission check (2), the coaching
    # relationship, once, when the record is opened (the buttons reuse the role)
    with django_assert_num_queries(33):
        response = client.get(url)

    assert response.status_code == 200


def test_the_record_page_shows_twenty_entries_of_500(client, trainee, coach, colleague):
    build_record(trainee, coach, colleague, 500)
    client.force_login(trainee)

    response = client.get(reverse("coaching:record", args=[trainee.pk]))

    assert len(response.context["page_obj"].object_list) == 20
    assert "Page 1 of 25" in response.text


@pytest.mark.parametrize("size", [10, 500])
def test_the_printable_page_makes_a_fixed_number_of_queries(
    portal, client, trainee, coach, colleague, size, django_assert_num_queries
):
    build_record(trainee, coach, colleague, size)
    client.force_login(trainee)
    url = reverse("coaching:print_record")
    warm(client, url)

    # session, user; profile, coaches, assignments (none: nothing of theirs to fetch); the
    # entries, one per kind (7); authors, replies, their authors; recognition: values,
    # cheers, their authors; key results; 1:1s' coaches, agenda, its authors, action items,
    # their owners; follow-up actions, their owners; goals, their key results; the site
    with django_assert_num_queries(30):
        response = client.get(url)

    assert response.status_code == 200


def build_wall(size):
    """`size` recognitions among five colleagues, two in three public, each with a cheer
    and a reply."""
    people = [builders.make_user(f"colleague{number}") for number in range(5)]
    given = [
        make.recognition(people[number % 5], people[(number + 1) % 5], public=number % 3 != 0)
        for number in range(size)
    ]
    Cheer.objects.bulk_create(
        Cheer(recognition=entry, author=people[(number + 2) % 5])
        for number, entry in enumerate(given)
    )
    Reply.objects.bulk_create(
        Reply(entry=entry, author=entry.trainee, text="Thanks!") for entry in given
    )
    return people[0]


@pytest.mark.parametrize("size", [10, 500])
def test_the_kudos_wall_makes_a_fixed_number_of_queries(
    portal, client, size, django_assert_num_queries
):
    client.force_login(build_wall(size))
    url = reverse("coaching:kudos")
    warm(client, url)

    # session, user; count, the page of public recognition with its trainees; authors;
    # values, cheers, their authors; the site (for the header's cached portal). No replies:
    # they are private.
    with django_assert_num_queries(9):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("size", [10, 500])
def test_the_json_export_makes_a_fixed_number_of_queries(
    client, portal, trainee, coach, colleague, size, django_assert_num_queries
):
    build_record(trainee, coach, colleague, size)
    # as many questions to their buddy (the colleague), every other one answered
    TraineeProfile.objects.filter(user=trainee).update(buddy=colleague)
    BuddyQuestion.objects.bulk_create(
        BuddyQuestion(asker=trainee, buddy=colleague, text=f"Question {number}")
        if number % 2
        else BuddyQuestion(
            asker=trainee,
            buddy=colleague,
            text=f"Question {number}",
            answer="Yes",
            answered_by=colleague,
            answered_at=timezone.now(),
        )
        for number in range(size)
    )
    for number in range(2):
        module = builders.make_module(portal, f"Module {number}", slug=f"module-{number}")
        assignment = builders.assign(builders.make_path(f"Path {number}", steps=[module]), trainee)
        complete_module(assignment, builders.steps_of(assignment)[0])
    client.force_login(trainee)
    url = reverse("coaching:export_record")
    warm(client, url)

    # session, user; the entries, one per kind (7); authors, replies,
    # their authors; recognition: values, cheers, their authors; key results; 1:1s' coaches,
    # agenda, its authors, action items, their owners; follow-up actions, their owners;
    # goals' check-ins, their authors; profile, coaches; assignments, their versions'
    # steps, their progress, evidence files, their knowledge check attempts; the questions
    # asked to their buddy, with who answered (34: new with coaching.buddies)
    with django_assert_num_queries(34):
        response = client.get(url)

    assert response.status_code == 200
