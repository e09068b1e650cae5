"""Every kind of record entry, written, read and edited through its pages.

Feedback, recognition, goals with key results, 1:1s, learning reviews and self-reflections
are written through their forms by the person who may write them; each is read on its own
page and on the record's timeline; only its author edits it, and every edit keeps what the
entry said before. Also: replies, goal check-ins, milestones, cheers, and bad input.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.learning.progress import complete_module
from coaching.models import (
    ActionItem,
    AgendaItem,
    Cheer,
    Entry,
    EntryRevision,
    Feedback,
    Goal,
    GoalCheckIn,
    KeyResult,
    LearningReview,
    Milestone,
    OneOnOne,
    Recognition,
    Reflection,
    Reply,
    ReviewAction,
)
from tests import builders

from . import make

pytestmark = pytest.mark.django_db

LIMIT = 10_000  # the length limit of every free-text field


def new_entry_url(person, kind):
    return reverse("coaching:new_entry", args=[person.pk, kind])


def entry_url(entry):
    return reverse("coaching:entry", args=[entry.pk])


def edit_url(entry):
    return reverse("coaching:edit_entry", args=[entry.pk])


def record_url(person):
    return reverse("coaching:record", args=[person.pk])


def error_beside(response, field):
    """Whether the page shows an error right below `field` (the id the form gives it)."""
    return f'id="id_{field}-error"' in response.text


# Writing through the forms.

FEEDBACK = {
    "feedback_kind": "coaching",
    "situation": "The outage call on Monday",
    "behaviour": "You read the script word for word.",
    "impact": "The customer said she felt unheard.",
    "suggestion": "Name their worry before the script.",
}
REFLECTION = {"title": "Week two", "text": "Calls feel easier now."}
ONE_ON_ONE = {"meets_at": "2026-03-02T10:00", "notes": "The first week went well."}
REVIEW = {
    "title": "The call queue overflowed",
    "happened_on": "2026-01-05",
    "timeline": "09:00 the queue grew; 09:20 callers were dropped.",
    "conditions": "No alert on queue length; two agents were in training.",
    "went_well": "Agents called customers back.",
    "learned": "Queue length needs an alert.",
    "proposed_module_title": "Reading the queue dashboard",
    "proposed_module_summary": "Where to look, and when to call for help.",
}
GOAL = {"title": "Handle calls alone", "description": "To be ready for evenings."}


def goal_data(results=None, **fields):
    """A goal form with its key results formset (prefix "results")."""
    results = (
        results
        if results is not None
        else [
            {"title": "Calls handled alone", "target_value": "20", "unit": "calls"},
            {"title": "Escalation guide read", "is_binary": "on", "target_value": "1"},
        ]
    )
    data = {"cadence": "weekly", "set_by": "together", **GOAL, **fields}
    data.update(
        {
            "results-TOTAL_FORMS": str(len(results)),
            "results-INITIAL_FORMS": "0",
            "results-MIN_NUM_FORMS": "1",
            "results-MAX_NUM_FORMS": "10",
        }
    )
    for number, result in enumerate(results):
        row = {"start_value": "0", "current_value": "0", "unit": "", **result}
        data.update({f"results-{number}-{name}": value for name, value in row.items()})
    return data


# kind, who writes it, the model, what they post, the text fields that must be stored
CREATE = [
    ("feedback", "coach", Feedback, FEEDBACK),
    ("reflection", "trainee", Reflection, REFLECTION),
    ("goal", "coach", Goal, goal_data()),
    ("goal", "trainee", Goal, goal_data()),
    ("one-on-one", "coach", OneOnOne, ONE_ON_ONE),
    ("one-on-one", "trainee", OneOnOne, ONE_ON_ONE),  # with their coach: see test_one_on_ones
    ("review", "coach", LearningReview, REVIEW),
]
STORED_TEXT = {
    "feedback": FEEDBACK,
    "reflection": REFLECTION,
    "goal": GOAL,
    "one-on-one": {"notes": ONE_ON_ONE["notes"]},
    "review": {k: v for k, v in REVIEW.items() if k != "happened_on"},
}


@pytest.mark.parametrize(("kind", "who", "model", "data"), CREATE)
def test_an_entry_is_written_through_its_form(client, trainee, coach, kind, who, model, data):
    author = {"coach": coach, "trainee": trainee}[who]
    client.force_login(author)
    if kind == "one-on-one" and who == "trainee":
        data = {**data, "coach": coach.pk}  # the new hire says which coach

    response = client.post(new_entry_url(trainee, kind), data)

    entry = model.objects.get()
    assert response.status_code == 302
    assert response.url == entry_url(entry)
    assert (entry.trainee, entry.author) == (trainee, author)
    assert {name: getattr(entry, name) for name in STORED_TEXT[kind]} == STORED_TEXT[kind]


def test_a_goal_is_written_with_its_key_results(client, trainee, coach):
    client.force_login(coach)

    client.post(new_entry_url(trainee, "goal"), goal_data())

    results = list(Goal.objects.get().key_results.values_list("title", "is_binary", "unit"))
    assert results == [
        ("Calls handled alone", False, "calls"),
        ("Escalation guide read", True, ""),
    ]


def test_a_goal_needs_at_least_one_key_result(client, trainee, coach):
    client.force_login(coach)

    response = client.post(new_entry_url(trainee, "goal"), goal_data(results=[]))

    assert response.status_code == 200
    assert "Please submit at least 1 form." in response.text
    assert not Goal.objects.exists()


def test_a_numeric_key_result_must_go_somewhere(client, trainee, coach):
    client.force_login(coach)
    results = [{"title": "Calls", "start_value": "5", "target_value": "5"}]

    response = client.post(new_entry_url(trainee, "goal"), goal_data(results=results))

    assert response.status_code == 200
    assert error_beside(response, "results-0-target_value")
    assert not Goal.objects.exists() and not KeyResult.objects.exists()


def test_anyone_gives_recognition_to_anyone(client, trainee, colleague, value):
    client.force_login(colleague)

    response = client.post(
        reverse("coaching:give_recognition"),
        {
            "recipient": trainee.pk,
            "value": value.pk,
            "message": "You covered my shift.",
            "is_public": "on",
        },
    )

    recognition = Recognition.objects.get()
    assert response.url == entry_url(recognition)
    assert (recognition.trainee, recognition.author, recognition.value) == (
        trainee,
        colleague,
        value,
    )
    assert recognition.message == "You covered my shift." and recognition.is_public


def test_the_recognition_form_starts_public(client, colleague):
    client.force_login(colleague)

    response = client.get(reverse("coaching:give_recognition"))

    (checkbox,) = re.findall(r"<input[^>]*name=\"is_public\"[^>]*>", response.text)
    assert " checked" in checkbox


def test_recognition_can_be_given_privately(client, trainee, colleague, value):
    client.force_login(colleague)

    client.post(
        reverse("coaching:give_recognition"),
        {"recipient": trainee.pk, "value": value.pk, "message": "Quiet thanks."},
    )

    assert Recognition.objects.get().is_public is False


def test_nobody_recognises_themself(client, colleague, value):
    client.force_login(colleague)

    response = client.post(
        reverse("coaching:give_recognition"),
        {
            "recipient": colleague.pk,
            "value": value.pk,
            "message": "Well done me.",
            "is_public": "on",
        },
    )

    assert response.status_code == 200
    assert error_beside(response, "recipient")
    assert not Recognition.objects.exists()


# Reading.


@pytest.mark.parametrize(
    "kind", ["feedback", "recognition", "goal", "one-on-one", "review", "reflection", "milestone"]
)
def test_every_kind_is_read_on_its_page_and_on_the_timeline(client, trainee, coach, kind):
    entry = make.one_of_each(trainee, coach)[kind]
    client.force_login(trainee)

    page = client.get(entry_url(entry))
    timeline = client.get(record_url(trainee))

    assert page.status_code == 200
    assert f"entry--{entry.kind}" in page.text
    assert f'href="{entry_url(entry)}"' in timeline.text


def test_the_timeline_shows_what_each_entry_says(client, trainee, coach):
    make.feedback(trainee, coach, text="Kept calm on the outage call")
    make.reflection(trainee, title="Finding my feet", text="Asked for help sooner.")
    make.goal(trainee, coach, title="Handle calls alone", results=["Calls handled"])
    client.force_login(trainee)

    timeline = client.get(record_url(trainee)).text

    for text in ("Kept calm on the outage call", "Finding my feet", "Calls handled"):
        assert text in timeline


def test_the_timeline_filters_by_kind(client, trainee, coach):
    entries = make.one_of_each(trainee, coach)
    client.force_login(trainee)

    timeline = client.get(record_url(trainee), {"kind": "reflection"}).text

    assert f'href="{entry_url(entries["reflection"])}"' in timeline
    assert f'href="{entry_url(entries["feedback"])}"' not in timeline


def test_the_timeline_filters_by_period(client, trainee):
    old = make.reflection(
        trainee, title="Long ago", created_at=timezone.now() - timedelta(days=100)
    )
    new = make.reflection(trainee, title="Just now")
    client.force_login(trainee)

    last_month = client.get(record_url(trainee), {"period": "30"}).text
    last_year = client.get(record_url(trainee), {"period": "365"}).text

    assert f'href="{entry_url(new)}"' in last_month
    assert f'href="{entry_url(old)}"' not in last_month
    assert f'href="{entry_url(old)}"' in last_year


# Editing: the author only, with history.


def edit_data(kind, entry):
    """What the author posts to change one text field of an entry made by `make`."""
    if kind == "feedback":
        return "situation", {**FEEDBACK, "situation": "Changed"}
    if kind == "recognition":
        return "message", {"value": entry.value_id, "message": "Changed", "is_public": "on"}
    if kind == "goal":
        return "title", {
            "title": "Changed",
            "description": "",
            "cadence": "monthly",
            "set_by": "coach",
        }
    if kind == "one-on-one":
        return "notes", {"meets_at": "2026-03-02T10:00", "notes": "Changed"}
    if kind == "review":
        return "learned", {**REVIEW, "learned": "Changed"}
    return "text", {"title": entry.title, "text": "Changed"}


EDITABLE = ["feedback", "recognition", "goal", "one-on-one", "review", "reflection"]


@pytest.mark.parametrize("kind", EDITABLE)
def test_the_author_edits_and_the_earlier_version_is_kept(client, trainee, coach, kind):
    entry = make.one_of_each(trainee, coach)[kind]
    field, data = edit_data(kind, entry)
    before = getattr(entry, field)
    client.force_login(entry.author)

    response = client.post(edit_url(entry), data)

    entry.refresh_from_db()
    revision = EntryRevision.objects.get()
    assert response.status_code == 302 and response.url == entry_url(entry)
    assert getattr(entry, field) == "Changed"
    assert (revision.entry_id, revision.edited_by) == (entry.pk, entry.author)
    assert revision.previous[field] == before
    assert set(revision.previous) == set(entry.editable_fields)


def test_an_edit_form_shows_what_the_entry_says_now(client, trainee, coach):
    entry = make.feedback(trainee, coach, text="Kept calm on the outage call")
    client.force_login(coach)

    response = client.get(edit_url(entry))

    assert response.status_code == 200
    assert "Kept calm on the outage call</textarea>" in response.text


def test_saving_without_a_change_adds_no_revision(client, trainee):
    entry = make.reflection(trainee, title="Week one", text="Hard")
    client.force_login(trainee)

    response = client.post(edit_url(entry), {"title": "Week one", "text": "Hard"})

    entry.refresh_from_db()
    assert response.status_code == 302 and response.url == entry_url(entry)
    assert (entry.title, entry.text) == ("Week one", "Hard")
    assert not EntryRevision.objects.exists()


def test_each_edit_keeps_the_version_before_it(client, trainee):
    entry = make.reflection(trainee, title="Week one", text="First")
    client.force_login(trainee)

    for text in ("Second", "Third"):
        response = client.post(edit_url(entry), {"title": "Week one", "text": text})
        assert response.status_code == 302

    kept = sorted(r.previous["text"] for r in EntryRevision.objects.filter(entry=entry))
    assert kept == ["First", "Second"]


def test_the_edit_history_is_on_the_entry_page(client, trainee):
    entry = make.reflection(trainee, title="Week one", text="Before the edit")
    client.force_login(trainee)
    client.post(edit_url(entry), {"title": "Week one", "text": "After the edit"})

    page = client.get(entry_url(entry)).text

    assert "Edit history" in page and "Before the edit" in page and "After the edit" in page


def test_the_recipient_of_recognition_stays_the_same_after_an_edit(client, trainee, coach, value):
    entry = make.recognition(trainee, coach)
    client.force_login(coach)

    client.post(
        edit_url(entry),
        {"recipient": coach.pk, "value": value.pk, "message": "Changed", "is_public": "on"},
    )

    entry.refresh_from_db()
    assert entry.trainee == trainee and entry.message == "Changed"


# kind, who may not edit it (everyone but the author)
NOT_AUTHORS = [
    ("feedback", ["trainee", "hr", "colleague"]),
    ("recognition", ["trainee", "hr", "colleague"]),
    ("goal", ["trainee", "hr", "colleague"]),
    ("one-on-one", ["trainee", "hr", "colleague"]),
    ("review", ["trainee", "hr", "colleague"]),
    ("reflection", ["coach", "hr", "colleague"]),
    ("milestone", ["trainee", "coach", "hr"]),
]


@pytest.mark.parametrize(("kind", "roles"), NOT_AUTHORS)
def test_nobody_but_the_author_edits(client, trainee, coach, colleague, kind, roles):
    entry = make.one_of_each(trainee, coach)[kind]
    people = {"trainee": trainee, "coach": coach, "hr": builders.make_hr(), "colleague": colleague}
    data = edit_data(kind, entry)[1] if kind != "milestone" else {"title": "Changed"}
    snapshot = {f.name: f.value_from_object(entry) for f in entry._meta.concrete_fields}

    answers = {}
    for role in roles:
        client.force_login(people[role])
        answers[role] = (
            client.get(edit_url(entry)).status_code,
            client.post(edit_url(entry), data).status_code,
        )

    entry.refresh_from_db()
    assert answers == dict.fromkeys(roles, (404, 404))
    assert {f.name: f.value_from_object(entry) for f in entry._meta.concrete_fields} == snapshot
    assert not EntryRevision.objects.exists()


def test_the_edit_link_is_shown_to_the_author_only(client, trainee, coach):
    entry = make.feedback(trainee, coach)

    client.force_login(coach)
    as_author = client.get(entry_url(entry)).text
    client.force_login(trainee)
    as_trainee = client.get(entry_url(entry)).text

    assert f'href="{edit_url(entry)}"' in as_author
    assert f'href="{edit_url(entry)}"' not in as_trainee


# Replies.


def test_the_new_hire_replies_to_feedback(client, trainee, coach):
    entry = make.feedback(trainee, coach)
    client.force_login(trainee)

    response = client.post(reverse("coaching:reply", args=[entry.pk]), {"text": "Thank you!"})

    reply = Reply.objects.get()
    assert response.status_code == 302 and response.url == entry_url(entry)
    assert (reply.entry_id, reply.author, reply.text) == (entry.pk, trainee, "Thank you!")
    assert "Thank you!" in client.get(entry_url(entry)).text


def test_the_coach_answers_a_reply(client, trainee, coach):
    entry = make.feedback(trainee, coach)
    make.reply(entry, trainee, "What should I try first?")
    client.force_login(coach)

    client.post(reverse("coaching:reply", args=[entry.pk]), {"text": "Naming their worry."})

    assert list(entry.replies.values_list("author__username", flat=True)) == ["nadia", "citra"]


def test_the_timeline_counts_replies(client, trainee, coach):
    entry = make.feedback(trainee, coach)
    make.reply(entry, trainee)
    make.reply(entry, coach)
    client.force_login(trainee)

    assert "2 replies" in client.get(record_url(trainee)).text


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "This field is required."), ("x" * (LIMIT + 1), "at most 10000 characters")],
)
def test_a_bad_reply_is_refused_with_a_message(client, trainee, coach, text, message):
    entry = make.feedback(trainee, coach)
    client.force_login(trainee)

    response = client.post(reverse("coaching:reply", args=[entry.pk]), {"text": text}, follow=True)

    assert message in response.text
    assert not Reply.objects.exists()


# Goal check-ins.


@pytest.fixture
def goal(trainee, coach):
    made = make.goal(trainee, coach, results=["Calls handled"])
    KeyResult.objects.create(goal=made, title="Guide read", is_binary=True, position=1)
    return made


def check_in(client, goal, status="on_track", **extra):
    numeric = goal.key_results.order_by("position").first()
    data = {"status": status, "confidence": "2", "comment": "", f"result_{numeric.pk}": "4"}
    data.update(extra)
    return client.post(reverse("coaching:goal_check_in", args=[goal.pk]), data)


def test_the_check_in_page_asks_for_each_key_result(client, trainee, goal):
    client.force_login(trainee)

    response = client.get(reverse("coaching:goal_check_in", args=[goal.pk]))

    assert response.status_code == 200
    assert "Calls handled" in response.text and "Guide read" in response.text


def test_a_check_in_updates_the_key_results(client, trainee, goal):
    numeric, binary = goal.key_results.order_by("position")
    client.force_login(trainee)

    response = check_in(client, goal, **{f"result_{binary.pk}": "on"})

    numeric.refresh_from_db()
    binary.refresh_from_db()
    assert response.status_code == 302 and response.url == entry_url(goal)
    assert numeric.current_value == 4 and binary.done is True


def test_a_check_in_is_kept_with_its_comment_and_confidence(client, trainee, goal):
    numeric, binary = goal.key_results.order_by("position")
    client.force_login(trainee)

    check_in(client, goal, status="at_risk", confidence="1", comment="A slow week.")

    kept = GoalCheckIn.objects.get()
    assert (kept.goal_id, kept.author, kept.status) == (goal.pk, trainee, "at_risk")
    assert (kept.confidence, kept.comment) == (1, "A slow week.")
    assert [(r["id"], r["title"], Decimal(r["value"]), r["done"]) for r in kept.results] == [
        (numeric.pk, "Calls handled", 4, False),
        (binary.pk, "Guide read", 0, False),
    ]
    goal.refresh_from_db()
    assert goal.status == "at_risk"


def test_the_coach_checks_in_too(client, coach, goal):
    client.force_login(coach)

    check_in(client, goal, comment="Good progress.")

    assert GoalCheckIn.objects.get().author == coach


def test_a_check_in_without_a_number_is_refused(client, trainee, goal):
    numeric = goal.key_results.order_by("position").first()
    client.force_login(trainee)

    response = check_in(client, goal, **{f"result_{numeric.pk}": ""})

    assert response.status_code == 200
    assert error_beside(response, f"result_{numeric.pk}")
    assert not GoalCheckIn.objects.exists()


def test_the_goal_page_lists_its_check_ins(client, trainee, goal):
    client.force_login(trainee)
    check_in(client, goal, comment="Halfway there.")

    assert "Halfway there." in client.get(entry_url(goal)).text


def test_a_goal_done_writes_one_milestone(client, trainee, goal):
    client.force_login(trainee)

    check_in(client, goal, status="done")

    goal.refresh_from_db()
    milestone = Milestone.objects.get()
    assert goal.achieved_at is not None
    assert (milestone.trainee, milestone.milestone_kind) == (trainee, "goal_achieved")
    assert goal.title in milestone.title


def test_a_goal_done_twice_writes_no_second_milestone(client, trainee, goal):
    client.force_login(trainee)

    check_in(client, goal, status="done")
    check_in(client, goal, status="done")
    check_in(client, goal, status="on_track")
    check_in(client, goal, status="done")

    assert Milestone.objects.filter(milestone_kind="goal_achieved").count() == 1
    assert GoalCheckIn.objects.count() == 4


def test_an_oversized_check_in_comment_is_refused(client, trainee, goal):
    client.force_login(trainee)

    response = check_in(client, goal, comment="x" * (LIMIT + 1))

    assert response.status_code == 200
    assert error_beside(response, "comment")
    assert not GoalCheckIn.objects.exists()


def test_goals_are_never_tied_to_pay():
    names = {field.name for model in (Goal, KeyResult, GoalCheckIn) for field in model._meta.fields}

    assert not {name for name in names if re.search("pay|bonus|salary|rating", name)}


# Milestones written by the system.


@pytest.fixture
def assignment(portal, trainee):
    return builders.assign(builders.make_path(steps=[builders.make_module(portal)]), trainee)


def test_completing_a_path_writes_a_milestone(assignment, trainee):
    complete_module(assignment, builders.steps_of(assignment)[0])

    milestone = Milestone.objects.get()
    assert (milestone.trainee, milestone.milestone_kind, milestone.author) == (
        trainee,
        "path_completed",
        None,
    )


def test_completing_a_path_again_writes_no_second_milestone(assignment, trainee):
    step = builders.steps_of(assignment)[0]

    complete_module(assignment, step)
    complete_module(assignment, step)

    assert Milestone.objects.filter(trainee=trainee, milestone_kind="path_completed").count() == 1


def test_the_milestone_is_on_the_timeline(client, assignment, trainee):
    complete_module(assignment, builders.steps_of(assignment)[0])
    client.force_login(trainee)

    assert Milestone.objects.get().title in client.get(record_url(trainee)).text


# Cheers.


def cheer(client, entry, **data):
    return client.post(reverse("coaching:cheer", args=[entry.pk]), data, follow=True)


def test_a_colleague_cheers_a_recognition(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)

    response = cheer(client, entry, message="Well deserved!")

    kept = Cheer.objects.get()
    assert (kept.recognition_id, kept.author, kept.message) == (
        entry.pk,
        colleague,
        "Well deserved!",
    )
    assert "Cheer added." in response.text


def test_a_second_cheer_from_the_same_person_adds_nothing(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)
    cheer(client, entry)

    response = cheer(client, entry, message="Again!")

    assert Cheer.objects.count() == 1
    assert "You already cheered this." in response.text


def test_cheers_from_different_people_add_up(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    for person in (colleague, builders.make_hr()):
        client.force_login(person)
        cheer(client, entry)

    assert Cheer.objects.filter(recognition=entry).count() == 2
    assert "2 cheers" in client.get(entry_url(entry)).text


@pytest.mark.parametrize("who", ["recipient", "giver"])
def test_the_people_named_in_a_recognition_do_not_cheer_it(client, trainee, coach, who):
    entry = make.recognition(trainee, coach)
    client.force_login(trainee if who == "recipient" else coach)

    response = cheer(client, entry)

    assert not Cheer.objects.exists()
    assert "Cheers come from colleagues" in response.text


def test_only_recognition_is_cheered(client, trainee, coach):
    entry = make.feedback(trainee, coach)
    client.force_login(builders.make_hr())

    response = cheer(client, entry)

    assert not Cheer.objects.exists()
    assert "Only recognition can be cheered." in response.text


def test_a_too_long_cheer_message_is_refused_with_a_message(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)

    response = client.post(
        reverse("coaching:cheer", args=[entry.pk]), {"message": "x" * 1000}, follow=True
    )

    assert "at most 280 characters" in response.text
    assert not Cheer.objects.exists()


def test_a_cheer_from_the_kudos_wall_returns_to_the_wall(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)

    response = client.post(reverse("coaching:cheer", args=[entry.pk]), {"from": "wall"})

    assert response.url == reverse("coaching:kudos")


# 1:1s: an agenda both sides add to, action items that carry over until done.


def add_item(client, entry, item, **data):
    return client.post(reverse("coaching:add_item", args=[entry.pk, item]), data)


def test_both_sides_add_to_the_agenda(client, trainee, coach):
    meeting = make.one_on_one(trainee, coach)
    client.force_login(trainee)
    add_item(client, meeting, "agenda", text="How do I escalate?")
    client.force_login(coach)
    add_item(client, meeting, "agenda", text="Your first evening shift")

    agenda = list(AgendaItem.objects.values_list("author__username", "text"))
    page = client.get(entry_url(meeting)).text
    assert agenda == [("nadia", "How do I escalate?"), ("citra", "Your first evening shift")]
    assert "How do I escalate?" in page and "Your first evening shift" in page


def test_an_action_item_gets_an_owner(client, trainee, coach):
    meeting = make.one_on_one(trainee, coach)
    client.force_login(coach)

    response = add_item(client, meeting, "action", text="Shadow Ayu", owner=trainee.pk)

    assert response.url == entry_url(meeting)
    assert list(ActionItem.objects.values_list("meeting", "owner", "text")) == [
        (meeting.pk, trainee.pk, "Shadow Ayu")
    ]


def test_an_action_item_belongs_to_someone_on_the_record(client, trainee, coach, colleague):
    meeting = make.one_on_one(trainee, coach)
    client.force_login(coach)

    response = client.post(
        reverse("coaching:add_item", args=[meeting.pk, "action"]),
        {"text": "Shadow Ayu", "owner": colleague.pk},
        follow=True,
    )

    # refused with a message on the 1:1's page, where the form is
    assert response.redirect_chain == [(entry_url(meeting), 302)]
    assert "Select a valid choice." in response.text
    assert not ActionItem.objects.exists()


def test_an_agenda_item_over_its_limit_is_refused(client, trainee, coach):
    meeting = make.one_on_one(trainee, coach)
    client.force_login(trainee)

    response = client.post(
        reverse("coaching:add_item", args=[meeting.pk, "agenda"]), {"text": "x" * 501}, follow=True
    )

    assert "at most 500 characters" in response.text
    assert not AgendaItem.objects.exists()


def test_open_action_items_carry_over_to_the_next_1_1(client, trainee, coach):
    first = make.one_on_one(trainee, coach)
    make.action_item(first, trainee, "Shadow Ayu on an evening shift")
    later = make.one_on_one(trainee, coach, notes="Second week")
    client.force_login(trainee)

    page = client.get(entry_url(later)).text

    assert "Open action items from earlier 1:1s" in page
    assert "Shadow Ayu on an evening shift" in page


def test_a_done_action_item_no_longer_carries_over(client, trainee, coach):
    first = make.one_on_one(trainee, coach)
    item = make.action_item(first, trainee, "Shadow Ayu on an evening shift")
    later = make.one_on_one(trainee, coach, notes="Second week")
    client.force_login(trainee)

    response = client.post(reverse("coaching:item_done", args=["action", item.pk]))

    item.refresh_from_db()
    assert response.url == entry_url(first)
    assert item.done_at is not None
    assert "Shadow Ayu on an evening shift" not in client.get(entry_url(later)).text


def test_marking_an_item_done_twice_keeps_the_first_time(client, trainee, coach):
    item = make.action_item(make.one_on_one(trainee, coach), trainee)
    client.force_login(trainee)
    url = reverse("coaching:item_done", args=["action", item.pk])
    client.post(url)
    item.refresh_from_db()
    first_done_at = item.done_at

    client.post(url)

    item.refresh_from_db()
    assert item.done_at == first_done_at


@pytest.mark.parametrize(
    ("kind", "item"),
    [
        ("review", "agenda"),
        ("review", "action"),
        ("one-on-one", "review-action"),
        ("feedback", "agenda"),
        ("one-on-one", "note"),
    ],
)
def test_items_go_only_on_their_kind_of_entry(client, trainee, coach, kind, item):
    entry = make.one_of_each(trainee, coach)[kind]
    client.force_login(coach)

    response = add_item(client, entry, item, text="Misplaced", owner=coach.pk)

    assert response.status_code == 404
    assert not AgendaItem.objects.exists() and not ActionItem.objects.exists()
    assert not ReviewAction.objects.exists()


def test_agenda_items_are_not_marked_done(client, trainee, coach):
    item = make.agenda_item(make.one_on_one(trainee, coach), trainee)
    client.force_login(trainee)

    response = client.post(reverse("coaching:item_done", args=["agenda", item.pk]))

    assert response.status_code == 404


# Learning reviews: follow-up actions with owners, and a proposed module.


def test_a_review_gets_follow_up_actions_with_owners(client, trainee, coach):
    entry = make.review(trainee, coach)
    client.force_login(coach)

    add_item(client, entry, "review-action", text="Add a queue alert", owner=coach.pk)

    assert list(ReviewAction.objects.values_list("review", "owner", "text")) == [
        (entry.pk, coach.pk, "Add a queue alert")
    ]
    assert "Add a queue alert" in client.get(entry_url(entry)).text


def test_a_follow_up_action_is_marked_done(client, trainee, coach):
    action = make.review_action(make.review(trainee, coach), coach)
    client.force_login(coach)

    client.post(reverse("coaching:item_done", args=["review-action", action.pk]))

    action.refresh_from_db()
    assert action.done_at is not None


def test_a_review_shows_the_module_it_proposes(client, trainee, coach):
    entry = make.review(trainee, coach, proposed_module_title="Reading the queue dashboard")
    client.force_login(trainee)

    assert "Reading the queue dashboard" in client.get(entry_url(entry)).text


# Bad input: an error beside the field, and nothing written.

# kind, who writes it, the data without one required field, that field
MISSING = [
    ("feedback", "coach", {k: v for k, v in FEEDBACK.items() if k != "situation"}, "situation"),
    (
        "feedback",
        "coach",
        {k: v for k, v in FEEDBACK.items() if k != "feedback_kind"},
        "feedback_kind",
    ),
    ("reflection", "trainee", {"title": "Week two"}, "text"),
    ("goal", "coach", goal_data(title=""), "title"),
    ("goal", "coach", goal_data(results=[{"title": ""}]), "results-0-title"),
    ("one-on-one", "coach", {"notes": "No date"}, "meets_at"),
    ("review", "coach", {k: v for k, v in REVIEW.items() if k != "learned"}, "learned"),
    ("review", "coach", {k: v for k, v in REVIEW.items() if k != "happened_on"}, "happened_on"),
]

TOO_LONG = "x" * (LIMIT + 1)

# kind, who writes it, the data with one field over its limit, that field
OVERSIZED = [
    ("feedback", "coach", {**FEEDBACK, "impact": TOO_LONG}, "impact"),
    ("feedback", "coach", {**FEEDBACK, "suggestion": TOO_LONG}, "suggestion"),
    ("reflection", "trainee", {"title": "Week two", "text": TOO_LONG}, "text"),
    ("reflection", "trainee", {"title": "x" * 201, "text": "Fine"}, "title"),
    ("goal", "coach", goal_data(description=TOO_LONG), "description"),
    (
        "goal",
        "coach",
        goal_data(results=[{"title": "x" * 201, "target_value": "5"}]),
        "results-0-title",
    ),
    ("one-on-one", "coach", {**ONE_ON_ONE, "notes": TOO_LONG}, "notes"),
    ("review", "coach", {**REVIEW, "timeline": TOO_LONG}, "timeline"),
    ("review", "coach", {**REVIEW, "proposed_module_summary": TOO_LONG}, "proposed_module_summary"),
]


@pytest.mark.parametrize(("kind", "who", "data", "field"), MISSING + OVERSIZED)
def test_bad_input_gets_an_error_beside_the_field(client, trainee, coach, kind, who, data, field):
    client.force_login(coach if who == "coach" else trainee)

    response = client.post(new_entry_url(trainee, kind), data)

    assert response.status_code == 200
    assert error_beside(response, field)
    assert "Please correct the fields marked below." in response.text
    assert not Entry.objects.exists() and not KeyResult.objects.exists()


def test_an_oversized_field_says_what_the_limit_is(client, trainee):
    client.force_login(trainee)

    response = client.post(new_entry_url(trainee, "reflection"), {"title": "T", "text": TOO_LONG})

    assert "Ensure this value has at most 10000 characters (it has 10001)." in response.text


def test_text_at_the_limit_is_accepted(client, trainee):
    client.force_login(trainee)

    client.post(new_entry_url(trainee, "reflection"), {"title": "T", "text": "x" * LIMIT})

    assert len(Reflection.objects.get().text) == LIMIT


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"message": "Thanks!", "is_public": "on"}, "value"),
        ({"message": "", "is_public": "on"}, "message"),
        ({"message": TOO_LONG, "is_public": "on"}, "message"),
    ],
)
def test_bad_recognition_gets_an_error_beside_the_field(
    client, trainee, colleague, value, data, field
):
    client.force_login(colleague)
    data = (
        {"recipient": trainee.pk, "value": value.pk, **data}
        if field != "value"
        else {
            "recipient": trainee.pk,
            **data,
        }
    )

    response = client.post(reverse("coaching:give_recognition"), data)

    assert response.status_code == 200
    assert error_beside(response, field)
    assert not Recognition.objects.exists()


def test_a_bad_edit_changes_nothing(client, trainee):
    entry = make.reflection(trainee, title="Week one", text="Hard")
    client.force_login(trainee)

    response = client.post(edit_url(entry), {"title": "Week one", "text": TOO_LONG})

    entry.refresh_from_db()
    assert response.status_code == 200 and error_beside(response, "text")
    assert entry.text == "Hard"
    assert not EntryRevision.objects.exists()


def test_a_goal_shows_its_key_results_as_figures_not_steps(client, trainee, coach):
    goal = make.goal(trainee, coach, results=("Calls handled",))
    goal.key_results.update(current_value=4, target_value=10, unit="calls")
    client.force_login(trainee)

    entry_page = client.get(reverse("coaching:entry", args=[goal.pk])).text
    record_page = client.get(reverse("coaching:record", args=[trainee.pk])).text

    assert "4 of 10 calls · 40%" in entry_page
    for page in (entry_page, record_page):
        assert " steps ·" not in page


def test_only_record_keepers_are_offered_the_forms_to_add_to_a_1_1(client, trainee, coach):
    former = builders.make_user("formercoach")
    meeting = make.one_on_one(trainee, former)  # written while they coached her
    url = reverse("coaching:entry", args=[meeting.pk])

    client.force_login(former)
    as_author = client.get(url).text
    client.force_login(coach)
    as_coach = client.get(url).text

    assert "Add to the agenda" not in as_author and "Add an action item" not in as_author
    assert "Add to the agenda" in as_coach and "Add an action item" in as_coach
