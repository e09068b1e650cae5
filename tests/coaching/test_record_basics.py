"""The development record's core promises: who reads it, one query per kind, safe text."""

from datetime import date

import pytest
from django.urls import reverse

from coaching.models import Feedback, Milestone, Recognition, Reflection
from coaching.progress import complete_module
from lessons.models import CompanyValue
from tests import builders

pytestmark = pytest.mark.django_db

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]


def feedback_for(trainee, author, text="Listened well."):
    return Feedback.objects.create(
        trainee=trainee,
        author=author,
        feedback_kind="appreciation",
        situation=text,
        behaviour=text,
        impact=text,
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("coach", 200), ("hr", 200), ("other_trainee", 404), ("other_coach", 404)],
)
def test_a_private_entry_is_read_only_by_the_record_keepers(client, trainee, coach, who, status):
    entry = feedback_for(trainee, coach)
    people = {
        "owner": trainee,
        "coach": coach,
        "hr": builders.make_hr(),
        "other_trainee": builders.make_trainee("bima"),
        "other_coach": builders.make_user("dewi"),
    }
    client.force_login(people[who])

    assert client.get(reverse("coaching:entry", args=[entry.pk])).status_code == status
    assert client.get(reverse("coaching:record", args=[trainee.pk])).status_code == status


def test_public_recognition_is_on_the_kudos_wall_for_everyone(client, trainee, coach):
    value = CompanyValue.objects.create(name="One team", slug="one-team")
    Recognition.objects.create(
        trainee=trainee, author=coach, value=value, message="Thanks!", is_public=True
    )
    client.force_login(builders.make_user("stranger"))

    assert "Thanks!" in client.get(reverse("coaching:kudos")).text


def test_feedback_text_is_escaped_on_the_record(client, trainee, coach):
    for payload in PAYLOADS:
        feedback_for(trainee, coach, payload)
    client.force_login(trainee)

    page = client.get(reverse("coaching:record", args=[trainee.pk])).text

    assert "<script>alert" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page


@pytest.mark.parametrize("entries", [3, 30])
def test_the_timeline_makes_a_fixed_number_of_queries(
    client, trainee, coach, entries, django_assert_num_queries
):
    for number in range(entries):
        feedback_for(trainee, coach)
        Reflection.objects.create(trainee=trainee, author=trainee, title=f"R{number}", text="x")
    client.force_login(trainee)
    url = reverse("coaching:record", args=[trainee.pk])
    client.get(url)  # warm the content-type cache, as any second page view would

    # session, user, the person, count, entries, one per kind on the page (feedback,
    # reflection), authors, owners, replies, HR permission checks, goals, the portal, coach
    # check for the writable kinds, recognition by value: never one per entry
    with django_assert_num_queries(15):
        client.get(url)


def test_the_author_edits_and_the_earlier_text_is_kept(client, trainee, coach):
    entry = Reflection.objects.create(trainee=trainee, author=trainee, title="Week 1", text="Hard")
    client.force_login(trainee)

    client.post(reverse("coaching:edit_entry", args=[entry.pk]), {"title": "Week 1", "text": "OK"})

    entry.refresh_from_db()
    assert entry.text == "OK"
    assert entry.revisions.get().previous["text"] == "Hard"
    client.force_login(coach)
    assert client.get(reverse("coaching:edit_entry", args=[entry.pk])).status_code == 404


def test_completing_a_path_writes_one_milestone(portal, trainee):
    assignment = builders.assign(builders.make_path(steps=[builders.make_module(portal)]), trainee)
    step = builders.steps_of(assignment)[0]

    complete_module(assignment, step)
    complete_module(assignment, step)

    assert Milestone.objects.filter(trainee=trainee, milestone_kind="path_completed").count() == 1


def test_hr_erases_a_record_and_it_is_logged(client, trainee, coach):
    feedback_for(trainee, coach)
    hr = builders.make_hr()
    client.force_login(hr)

    client.post(reverse("coaching:erase_record", args=[trainee.pk]), {"confirm_name": "nadia"})

    assert not Feedback.objects.filter(trainee=trainee).exists()
    assert trainee.pk in [
        e.person_id_erased
        for e in __import__(
            "coaching.models", fromlist=["RecordErasure"]
        ).RecordErasure.objects.all()
    ]


def test_a_review_is_dated(trainee, coach):
    from coaching.models import LearningReview

    review = LearningReview.objects.create(
        trainee=trainee,
        author=coach,
        title="Outage",
        happened_on=date(2026, 1, 5),
        timeline="t",
        conditions="c",
        learned="l",
    )
    assert review.kind == "learningreview"
