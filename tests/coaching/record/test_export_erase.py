"""The new hire owns their record: they export it whole, as JSON and as a printable page.
HR erases a person's record on request, and the erasure is logged. (The rest of the
export: test_export_whole.py; erasing the person: test_erase_person.py.)
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from coaching.learning.progress import send_back, submit_task, take_check
from coaching.models import (
    ActionItem,
    AgendaItem,
    Assignment,
    CheckAttempt,
    Cheer,
    CoachingLogEntry,
    CoachRelationship,
    Entry,
    EntryRevision,
    Feedback,
    GoalCheckIn,
    KeyResult,
    Recognition,
    RecordErasure,
    Reply,
    ReviewAction,
    TraineeProfile,
)
from lessons.models import StepKind
from tests import builders

from . import make

pytestmark = pytest.mark.django_db

EVERY_KIND = {
    "feedback",
    "recognition",
    "goal",
    "oneonone",
    "learningreview",
    "reflection",
    "milestone",
}


@pytest.fixture
def entries(trainee, coach, colleague):
    """One entry of each kind on nadia's record, with what hangs off them."""
    made = make.one_of_each(trainee, coach)
    made["private recognition"] = make.recognition(
        trainee, colleague, message="Quiet thanks.", public=False
    )
    make.reply(made["feedback"], trainee, "Thanks, I will try that.")
    make.cheer(made["recognition"], colleague, "Well deserved")
    make.agenda_item(made["one-on-one"], trainee, "Evening shifts")
    make.action_item(made["one-on-one"], trainee, "Shadow Ayu")
    make.review_action(made["review"], coach, "Queue alert")
    GoalCheckIn.objects.create(
        goal=made["goal"], author=trainee, status="on_track", comment="Going well"
    )
    return made


def export(client, person):
    client.force_login(person)
    return client.get(reverse("coaching:export_record"))


# The JSON export.


def test_the_export_is_a_json_download(client, trainee, entries):
    response = export(client, trainee)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.json"')


def test_the_export_holds_every_kind_of_entry(client, trainee, entries):
    data = json.loads(export(client, trainee).content)

    assert data["person"]["username"] == "nadia"
    assert {entry["kind"] for entry in data["entries"]} == EVERY_KIND
    assert len(data["entries"]) == len(entries)


def test_the_export_holds_what_each_entry_says(client, trainee, entries):
    data = json.loads(export(client, trainee).content)
    by_kind = {}
    for entry in data["entries"]:
        by_kind.setdefault(entry["kind"], []).append(entry)

    (feedback,) = by_kind["feedback"]
    assert feedback["situation"] == "Listened before answering."
    assert feedback["author"] == "Citra"
    assert [reply["text"] for reply in feedback["replies"]] == ["Thanks, I will try that."]
    assert {r["message"] for r in by_kind["recognition"]} == {
        "Thanks for covering my shift!",
        "Quiet thanks.",
    }
    assert [cheer["message"] for r in by_kind["recognition"] for cheer in r["cheers"]] == [
        "Well deserved"
    ]
    (goal,) = by_kind["goal"]
    assert [result["title"] for result in goal["key_results"]] == ["Calls handled"]
    assert [check_in["comment"] for check_in in goal["check_ins"]] == ["Going well"]
    (meeting,) = by_kind["oneonone"]
    assert [item["text"] for item in meeting["agenda"]] == ["Evening shifts"]
    assert [item["text"] for item in meeting["actions"]] == ["Shadow Ayu"]
    (review,) = by_kind["learningreview"]
    assert [item["text"] for item in review["actions"]] == ["Queue alert"]
    assert review["happened_on"] == "2026-01-05"
    assert by_kind["reflection"][0]["text"] == "Harder than I thought, but good."


def test_the_export_holds_the_learning_assignments(client, portal, trainee):
    learning_path = builders.make_path(
        "Orientation", steps=[builders.make_module(portal), "Shadow a call"]
    )
    builders.assign(learning_path, trainee)

    data = json.loads(export(client, trainee).content)

    (learning,) = data["learning"]
    assert learning["path"] == "Orientation"
    assert learning["steps"] == 2
    assert learning["status"] == "active"


def test_the_export_is_of_the_signed_in_persons_own_record(client, trainee, coach, entries):
    data = json.loads(export(client, coach).content)

    assert data["person"]["username"] == "citra"
    assert data["entries"] == []


def test_the_export_leaves_out_what_they_wrote_on_others_records(client, trainee, colleague):
    make.recognition(colleague, trainee, message="For bima, from nadia")

    data = json.loads(export(client, trainee).content)

    assert data["entries"] == []


def test_the_export_needs_a_signed_in_person(client):
    response = client.get(reverse("coaching:export_record"))

    assert response.status_code == 302 and "/sign-in/" in response.url


# The printable page.


def test_the_printable_page_shows_the_whole_record(client, trainee, entries):
    client.force_login(trainee)

    response = client.get(reverse("coaching:print_record"))

    assert response.status_code == 200
    for entry in entries.values():
        assert f"entry--{entry.kind}" in response.text
    assert "Quiet thanks." in response.text and "Calls handled" in response.text


def test_the_printable_page_is_of_the_signed_in_persons_own_record(client, trainee, coach, entries):
    client.force_login(coach)

    response = client.get(reverse("coaching:print_record"))

    assert response.status_code == 200
    assert "Listened before answering." not in response.text
    assert "The record is empty." in response.text


def test_the_printable_page_needs_a_signed_in_person(client):
    response = client.get(reverse("coaching:print_record"))

    assert response.status_code == 302 and "/sign-in/" in response.url


# Erasure by HR.


def erase_url(person):
    return reverse("coaching:erase_record", args=[person.pk])


def test_hr_is_asked_to_confirm(client, hr, trainee, entries):
    client.force_login(hr)

    response = client.get(erase_url(trainee))

    assert response.status_code == 200
    assert "8 entries on the development record" in response.text
    assert 'name="reason"' in response.text and 'name="csrfmiddlewaretoken"' in response.text
    assert Entry.objects.filter(trainee=trainee).count() == 8


def test_the_erase_button_is_on_the_record_for_hr(client, hr, trainee):
    client.force_login(hr)

    assert (
        f'href="{erase_url(trainee)}"'
        in client.get(reverse("coaching:record", args=[trainee.pk])).text
    )


def test_the_wrong_username_erases_nothing(client, hr, trainee, entries):
    client.force_login(hr)

    response = client.post(erase_url(trainee), {"confirm_name": "Nadia", "reason": "Asked"})

    assert response.status_code == 200
    assert 'id="id_confirm_name-error"' in response.text
    assert "This is not nadia: type the username as shown." in response.text
    assert Entry.objects.filter(trainee=trainee).count() == 8
    assert not RecordErasure.objects.exists()


def test_the_right_username_erases_every_entry_on_the_record(client, hr, trainee, entries):
    client.force_login(hr)

    response = client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked"})

    assert response.status_code == 302 and response.url == reverse("coaching:dashboard")
    assert not Entry.objects.filter(trainee=trainee).exists()


def test_erasing_removes_everything_that_hangs_off_the_entries(client, hr, trainee, entries):
    client.force_login(hr)

    client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked"})

    left = {
        model.__name__: model.objects.count()
        for model in (
            Entry,
            Feedback,
            Recognition,
            Reply,
            Cheer,
            KeyResult,
            GoalCheckIn,
            AgendaItem,
            ActionItem,
            ReviewAction,
            EntryRevision,
        )
    }
    assert set(left.values()) == {0}, left


def test_erasing_writes_one_log_row(client, hr, trainee, entries):
    client.force_login(hr)

    client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked by email"})

    erasure = RecordErasure.objects.get()
    assert erasure.person_id_erased == trainee.pk
    assert erasure.scope == "record"
    assert erasure.erased_by == hr
    assert erasure.entries_erased == 8
    assert erasure.reason == "Asked by email"


def test_the_erased_record_is_empty(client, hr, trainee, entries):
    client.force_login(hr)
    client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked"})

    client.force_login(trainee)
    response = client.get(reverse("coaching:record", args=[trainee.pk]))

    assert "The record is empty so far" in response.text


@pytest.fixture
def written_on_others(trainee, coach, colleague):
    """What nadia wrote on bima's record, as his peer coach."""
    CoachRelationship.objects.create(coach=trainee, trainee=colleague)
    feedback = make.feedback(colleague, trainee, text="Nadia's feedback for bima")
    recognition = make.recognition(colleague, trainee, message="Nadia thanks bima")
    goal = make.goal(colleague, coach)
    meeting = make.one_on_one(colleague, coach)
    return {
        "feedback": feedback,
        "recognition": recognition,
        "reply": make.reply(make.feedback(colleague, coach), trainee, "Nadia agrees"),
        "cheer": make.cheer(make.recognition(colleague, coach), trainee),
        "agenda item": make.agenda_item(meeting, trainee, "Nadia asks"),
        "check-in": GoalCheckIn.objects.create(
            goal=goal, author=trainee, status="on_track", comment="Nadia checks in"
        ),
        "revision": EntryRevision.objects.create(
            entry=feedback, edited_by=trainee, previous={"situation": "Before"}
        ),
        "action item": make.action_item(meeting, trainee),
        "review action": make.review_action(make.review(colleague, coach), trainee),
    }


def erase(client, hr, person):
    client.force_login(hr)
    client.post(erase_url(person), {"confirm_name": person.get_username(), "reason": "Asked"})


def test_entries_they_wrote_on_others_records_stay_without_their_name(
    client, hr, trainee, entries, written_on_others
):
    erase(client, hr, trainee)

    kept = Entry.objects.filter(
        pk__in=[written_on_others["feedback"].pk, written_on_others["recognition"].pk]
    )
    assert [entry.author for entry in kept] == [None, None]
    assert Feedback.objects.get(pk=written_on_others["feedback"].pk).situation == (
        "Nadia's feedback for bima"
    )


def test_replies_they_wrote_on_others_records_stay_without_their_name(
    client, hr, trainee, entries, written_on_others
):
    erase(client, hr, trainee)

    reply = Reply.objects.get(pk=written_on_others["reply"].pk)
    assert (reply.author, reply.text) == (None, "Nadia agrees")


def test_their_cheers_on_others_recognition_go(client, hr, trainee, entries, written_on_others):
    erase(client, hr, trainee)

    assert not Cheer.objects.filter(pk=written_on_others["cheer"].pk).exists()


@pytest.mark.parametrize(
    ("thing", "model", "field"),
    [
        ("agenda item", AgendaItem, "author"),
        ("check-in", GoalCheckIn, "author"),
        ("revision", EntryRevision, "edited_by"),
        ("action item", ActionItem, "owner"),
        ("review action", ReviewAction, "owner"),
    ],
)
def test_other_things_they_wrote_on_others_records_lose_their_name(
    client, hr, trainee, entries, written_on_others, thing, model, field
):
    erase(client, hr, trainee)

    kept = model.objects.get(pk=written_on_others[thing].pk)
    assert getattr(kept, field) is None


def test_erasing_leaves_other_records_alone(
    client, hr, trainee, entries, colleague, written_on_others
):
    before = Entry.objects.filter(trainee=colleague).count()

    erase(client, hr, trainee)

    assert Entry.objects.filter(trainee=colleague).count() == before


@pytest.mark.parametrize("who", ["coach", "trainee"])
def test_only_hr_erases(client, trainee, coach, entries, who):
    client.force_login(coach if who == "coach" else trainee)

    answers = (
        client.get(erase_url(trainee)).status_code,
        client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": "x"}).status_code,
    )

    assert answers == (404, 404)
    assert Entry.objects.filter(trainee=trainee).count() == 8
    assert not RecordErasure.objects.exists()


def test_erasing_needs_a_signed_in_person(client, trainee, entries):
    response = client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked"})

    assert response.status_code == 302 and "/sign-in/" in response.url
    assert Entry.objects.filter(trainee=trainee).count() == 8


# Erasing the record is complete: the person's notes, the coach's comments, check answers.


@pytest.fixture
def learning(portal, trainee, coach):
    check = builders.make_check()
    assignment = builders.assign(
        builders.make_path("Orientation", steps=["Shadow", check]), trainee
    )
    steps = {step.kind: step for step in builders.steps_of(assignment)}
    submit_task(assignment, steps[StepKind.TASK], note="My note")
    send_back(assignment, steps[StepKind.TASK], coach=coach, comment="The coach's comment")
    take_check(assignment, steps[StepKind.KNOWLEDGE_CHECK], {"q": ["x"]})
    return assignment


def test_erasing_the_record_empties_the_notes_on_learning_steps(client, hr, trainee, learning):
    erase(client, hr, trainee)

    progress = learning.progress.get()
    assert (progress.note, progress.coach_comment, progress.status) == ("", "", "returned")


def test_erasing_the_record_empties_check_answers_and_keeps_scores(client, hr, trainee, learning):
    erase(client, hr, trainee)

    attempt = CheckAttempt.objects.get(assignment=learning)
    assert (attempt.answers, attempt.results, attempt.score, attempt.passed) == ({}, [], 0, False)


def test_the_confirmation_counts_the_learning_notes_and_answers(client, hr, trainee, learning):
    client.force_login(hr)

    response = client.get(erase_url(trainee))

    assert "The notes on 1 learning step" in response.text
    assert "The answers to 1 knowledge check attempt" in response.text


def test_erasing_the_record_keeps_the_account_and_assignments(client, hr, trainee, learning):
    erase(client, hr, trainee)

    assert Assignment.objects.filter(trainee=trainee).count() == 1
    assert TraineeProfile.objects.filter(user=trainee).exists()
    assert get_user_model().objects.get(pk=trainee.pk).username == "nadia"


def test_erasing_the_record_is_in_the_trail_without_the_name(client, hr, trainee, entries):
    erase(client, hr, trainee)

    entry = CoachingLogEntry.objects.get(action="coaching.erase_record")
    assert (entry.trainee_id, entry.user, entry.data) == (trainee.pk, hr, {"reason": "Asked"})
    assert "nadia" not in entry.label.lower()


def test_hr_is_told_how_many_entries_went(client, hr, trainee, entries):
    client.force_login(hr)

    response = client.post(
        erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked"}, follow=True
    )

    assert "The development record is erased (8 entries)" in response.text


def test_a_second_tab_erases_the_record_once(client, hr, trainee, entries):
    erase(client, hr, trainee)

    response = client.post(
        erase_url(trainee), {"confirm_name": "nadia", "reason": "Asked"}, follow=True
    )

    assert "There was nothing left to erase" in response.text
    assert RecordErasure.objects.count() == 1


def test_the_reason_is_needed_and_never_names_the_person(client, hr, trainee, entries):
    client.force_login(hr)

    answers = [
        client.post(erase_url(trainee), {"confirm_name": "nadia", "reason": reason}).text
        for reason in ("", "NADIA asked")
    ]

    assert "This field is required" in answers[0]
    assert "Leave the person&#x27;s name, username and email out" in answers[1]
    assert Entry.objects.filter(trainee=trainee).count() == 8
