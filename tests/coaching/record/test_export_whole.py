"""The export is whole: learning progress (each step's status, dates, notes, the coach's
comments) and knowledge check attempts with their answers and grades, as JSON and as a
readable document in the person's language. HR produces the same export on request, and
that is logged."""

import json

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language
from coaching.buddies import questions
from coaching.learning.progress import send_back, submit_task, take_check
from coaching.models import CoachingLogEntry, TraineeProfile
from lessons.models import StepKind
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning(portal, trainee, coach):
    """nadia's Orientation: a module, a task sent back with a comment, a check taken."""
    check = builders.make_check()
    assignment = builders.assign(
        builders.make_path("Orientation", steps=[builders.make_module(portal), "Shadow", check]),
        trainee,
    )
    steps = {step.kind: step for step in builders.steps_of(assignment)}
    submit_task(assignment, steps[StepKind.TASK], note="I shadowed Ayu on two calls")
    send_back(assignment, steps[StepKind.TASK], coach=coach, comment="Tell me what you learned")
    question = check.question_choices()[0]
    listen = next(key for key, text in question["choices"] if text == "Listen")
    take_check(assignment, steps[StepKind.KNOWLEDGE_CHECK], {question["id"]: [listen]})
    return assignment


def own_json(client, person):
    client.force_login(person)
    return json.loads(client.get(reverse("coaching:export_record")).content)


def test_the_json_export_holds_every_step_with_its_status_notes_and_comments(
    client, trainee, learning
):
    (path,) = own_json(client, trainee)["learning"]

    module, task, check = path["steps_detail"]
    assert (module["step"], module["status"]) == ("Serving customers", None)
    assert (task["status"], task["note"], task["coach_comment"]) == (
        "returned",
        "I shadowed Ayu on two calls",
        "Tell me what you learned",
    )
    assert task["updated_at"] is not None
    assert check["done"] is True and check["completed_at"] is not None


def test_the_json_export_holds_knowledge_check_attempts_with_answers_and_grades(
    client, trainee, learning
):
    (path,) = own_json(client, trainee)["learning"]

    (attempt,) = path["steps_detail"][2]["knowledge_check_attempts"]
    assert (attempt["attempt"], attempt["passed"]) == (1, True)
    assert attempt["score"] == 50  # one of the check's two questions answered, rightly
    assert attempt["questions"][0] == {
        "question": "What do you do first?",
        "correct": True,
        "answers": ["Listen"],
    }


def test_the_readable_document_shows_learning_and_attempts(client, trainee, learning):
    client.force_login(trainee)

    response = client.get(reverse("coaching:print_record"))

    assert response.status_code == 200
    for text in (
        "Orientation",
        "I shadowed Ayu on two calls",
        "Tell me what you learned",
        "Sent back",
        "What do you do first?",
        "Attempt 1",
        "Save as PDF",
    ):
        assert text in response.text, text


def hr_export(client, hr, person, **data):
    client.force_login(hr)
    return client.post(
        reverse("coaching:export_person", args=[person.pk]),
        {"format": "json", "reason": "Asked for a copy by email", **data},
    )


def test_hr_is_asked_for_the_request_before_exporting(client, hr, trainee):
    client.force_login(hr)

    response = client.get(reverse("coaching:export_person", args=[trainee.pk]))

    assert response.status_code == 200
    assert 'name="reason"' in response.text and 'name="format"' in response.text
    assert not CoachingLogEntry.objects.filter(action="coaching.export").exists()


def test_hr_exports_the_same_json_for_a_person_on_request(client, hr, trainee, learning):
    response = hr_export(client, hr, trainee)

    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)
    assert data["person"]["username"] == "nadia"
    assert data["learning"][0]["steps_detail"][1]["note"] == "I shadowed Ayu on two calls"


def test_hrs_export_is_logged_in_the_trail(client, hr, trainee, learning):
    hr_export(client, hr, trainee)

    entry = CoachingLogEntry.objects.get(action="coaching.export")
    assert (entry.trainee_id, entry.user, entry.data["reason"], entry.data["format"]) == (
        trainee.pk,
        hr,
        "Asked for a copy by email",
        "json",
    )


def test_hrs_document_is_in_the_persons_language(client, hr, trainee, learning):
    remember_language(trainee, "id")

    response = hr_export(client, hr, trainee, format="document")

    assert response.status_code == 200
    assert '<html lang="id"' in response.text and "Tentang Anda" in response.text
    assert "I shadowed Ayu on two calls" in response.text


def test_hrs_export_needs_the_request(client, hr, trainee):
    response = hr_export(client, hr, trainee, reason="")

    assert response.status_code == 200
    assert 'id="id_reason-error"' in response.text
    assert not CoachingLogEntry.objects.filter(action="coaching.export").exists()


@pytest.mark.parametrize("who", ["coach", "trainee", "colleague"])
def test_only_hr_exports_someone_elses_data(client, trainee, coach, colleague, who):
    client.force_login({"coach": coach, "trainee": trainee, "colleague": colleague}[who])
    url = reverse("coaching:export_person", args=[trainee.pk])

    answers = (
        client.get(url).status_code,
        client.post(url, {"format": "json", "reason": "x"}).status_code,
    )

    assert answers == (404, 404)
    assert not CoachingLogEntry.objects.filter(action="coaching.export").exists()


def test_the_own_export_makes_the_same_queries_for_more_learning(
    client, trainee, learning, django_assert_num_queries
):
    client.force_login(trainee)
    url = reverse("coaching:export_record")
    client.get(url)  # warm the cache of the person's language

    # session, user; entries (the base rows, then the one kind there is: the
    # milestone of the check passed), their replies; profile (with their buddy), coaches;
    # assignments, their steps, progress, the progress's evidence files and attempts; the
    # questions they asked their buddy, with who answered (13: new with coaching.buddies)
    with django_assert_num_queries(13):
        client.get(url)
    builders.assign(builders.make_path("Second", steps=["A", "B", "C"]), trainee)
    builders.assign(builders.make_path("Third", steps=["D"]), trainee)
    buddy = builders.make_user("ayu", last_name="Lestari")
    TraineeProfile.objects.filter(user=trainee).update(buddy=buddy)
    answered, _new = questions.ask(trainee, "Where are the forms?")
    questions.answer(answered, buddy=buddy, text="On the intranet.")
    questions.ask(trainee, "Where do I park?")
    with django_assert_num_queries(13):
        client.get(url)


def test_hr_finds_the_export_and_the_erasure_in_the_admins_list_of_new_hires(admin_client, trainee):
    response = admin_client.get(reverse("trainees:index"))

    assert reverse("coaching:export_person", args=[trainee.pk]) in response.text
    assert reverse("coaching:erase_person", args=[trainee.pk]) in response.text
