"""One progress whatever the language: a new hire follows the source path's version, reads
it in Bahasa Indonesia when it is translated, and every step counts once."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from coaching.account.languages import remember_language
from coaching.learning import stored
from coaching.learning.progress import complete_if_finished
from coaching.models import Assignment, CheckAttempt, Milestone, StepProgress
from coaching.reports.completion import completion
from coaching.reports.filters import ReportFilters
from coaching.reports.funnel import question_rates, step_funnel
from coaching.reports.scope import ReportScope
from lessons.models import LearningPath
from tests import builders

pytestmark = pytest.mark.django_db

PATH_WORDS = {
    "Orientation": "Orientasi",
    "Shadow a call": "Dampingi satu panggilan",
    "Do it well.": "Kerjakan dengan sungguh-sungguh.",
    "Meet the team": "Berkenalan dengan tim",
}
CHECK_WORDS = {
    "Empathy check": "Cek empati",
    "What do you do first?": "Apa yang Anda lakukan pertama kali?",
    "Listen": "Mendengarkan",
    "Interrupt": "Memotong pembicaraan",
    "Listening comes first.": "Mendengarkan selalu lebih dulu.",
}


@pytest.fixture
def check(db):
    check = builders.make_check()
    builders.translate(check, CHECK_WORDS)
    return check


@pytest.fixture
def source(portal, check):
    learning_path = builders.make_path(steps=["Meet the team", "Shadow a call", check])
    builders.translate(learning_path, PATH_WORDS)
    return learning_path


def speaks(user, language):
    remember_language(user, language)


def step_url(assignment, number):
    return reverse("coaching:step", args=[assignment.pk, number])


def test_switching_to_indonesian_mid_path_keeps_one_progress(client, coach, trainee, source):
    assignment = builders.assign(source, trainee, by=coach)
    client.force_login(trainee)
    speaks(trainee, "en")
    client.post(reverse("coaching:submit_task", args=[assignment.pk, 1]), {"text": "Done"})
    first = StepProgress.objects.get(assignment=assignment)

    client.post(reverse("coaching:preferences"), {"language": "id"})  # as the person does
    page = client.get(reverse("coaching:assignment", args=[assignment.pk])).content.decode()

    assert "Orientasi" in page and "Berkenalan dengan tim" in page
    assert "Dampingi satu panggilan" in page
    assert "Shadow a call" not in page
    client.post(reverse("coaching:submit_task", args=[assignment.pk, 1]), {"text": "Sudah"})
    assert list(StepProgress.objects.filter(assignment=assignment)) == [first]
    first.refresh_from_db()
    assert first.note == "Sudah"


def test_the_step_page_reads_in_indonesian(client, trainee, source):
    assignment = builders.assign(source, trainee)
    speaks(trainee, "id")
    client.force_login(trainee)

    page = client.get(step_url(assignment, 2)).content.decode()

    assert "Dampingi satu panggilan" in page
    assert "Kerjakan dengan sungguh-sungguh." in page
    assert "Shadow a call" not in page


def test_a_check_answered_in_indonesian_is_graded_as_in_english(client, trainee, source, check):
    assignment = builders.assign(source, trainee)
    speaks(trainee, "id")
    client.force_login(trainee)
    form = client.get(step_url(assignment, 3)).content.decode()
    assert "Apa yang Anda lakukan pertama kali?" in form and "Memotong pembicaraan" in form
    first, second = (block.id for block in check.questions)

    client.post(
        reverse("coaching:take_check", args=[assignment.pk, 3]), {first: "0", second: "true"}
    )

    attempt = CheckAttempt.objects.get(assignment=assignment)
    assert attempt.knowledge_check_id == check.pk
    with translation.override("en"):
        english = check.grade({first: ["0"], second: ["true"]})
    assert (attempt.score, attempt.passed) == (english.score, english.passed) == (50, True)
    result = client.get(step_url(assignment, 3)).content.decode()
    assert "Mendengarkan selalu lebih dulu." in result
    assert "Listening comes first." not in result


def test_the_same_step_counts_once_in_the_funnel_in_either_language(trainee, source):
    assignment = builders.assign(source, trainee)
    builders.steps_of(assignment)  # the steps of the source's version
    StepProgress.objects.create(
        assignment=assignment, step=builders.steps_of(assignment)[0], status="done"
    )

    for language in ("en", "id"):
        with translation.override(language):
            rows, assigned = step_funnel(ReportScope(), ReportFilters(path=source))
        assert assigned == 1
        assert [row["done"] for row in rows] == [1, 0, 0]
    assert rows[0]["title"] == "Berkenalan dengan tim"


def test_the_translation_is_not_offered_to_assign(client, coach, trainee, source):
    speaks(coach, "id")
    client.force_login(coach)

    page = client.get(reverse("coaching:assign")).content.decode()

    translated = LearningPath.objects.exclude(pk=source.pk).get()
    assert f'value="{source.pk}"' in page and ">Orientasi</option>" in page
    assert f'value="{translated.pk}"' not in page
    assert "Orientation" not in page


def test_the_portal_home_and_the_coach_show_the_path_once_in_indonesian(
    client, coach, trainee, source
):
    builders.assign(source, trainee, by=coach)
    speaks(trainee, "id")
    speaks(coach, "id")
    client.force_login(trainee)
    home = client.get(reverse("coaching:home")).content.decode()
    client.force_login(coach)
    dashboard = client.get(reverse("coaching:dashboard")).content.decode()
    trainee_page = client.get(reverse("coaching:trainee", args=[trainee.pk])).content.decode()

    assert home.count("Orientasi") >= 1 and "Orientation" not in home
    assert "Orientasi" in dashboard and "Orientation" not in dashboard
    assert "Dampingi satu panggilan" in trainee_page and "Shadow a call" not in trainee_page


def test_the_completion_report_names_a_path_once_in_the_readers_language(trainee, source):
    builders.assign(source, trainee)

    for language, title in (("en", "Orientation"), ("id", "Orientasi")):
        with translation.override(language):
            rows = completion(ReportScope(), ReportFilters(), by="path")
        assert [(row["label"], row["assigned"]) for row in rows] == [(title, 1)]


def test_the_coach_is_told_what_was_assigned_in_her_language(client, coach, trainee, source):
    speaks(coach, "id")
    client.force_login(coach)

    page = client.post(
        reverse("coaching:assign"),
        {
            "path": source.pk,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "none",
        },
        follow=True,
    ).text

    assert "Orientasi sudah ditugaskan kepada 1 orang." in page
    assert source.assignments.get().trainee == trainee


def test_milestones_read_in_the_readers_language_whoever_wrote_them(client, trainee, source, check):
    assignment = builders.assign(source, trainee)
    speaks(trainee, "en")
    client.force_login(trainee)
    first, second = (block.id for block in check.questions)
    client.post(
        reverse("coaching:take_check", args=[assignment.pk, 3]), {first: "0", second: "true"}
    )
    for step in builders.steps_of(assignment)[:2]:
        StepProgress.objects.create(assignment=assignment, step=step, status="done")
    stored.recount(Assignment.objects.filter(pk=assignment.pk))
    complete_if_finished(assignment, timezone.now())

    milestones = Milestone.objects.order_by("milestone_kind")
    with translation.override("id"):
        assert [milestone.heading for milestone in milestones] == [
            "Lulus kuis pemahaman: Cek empati",
            "Jalur belajar selesai: Orientasi",
        ]
    with translation.override("en"):
        assert [milestone.heading for milestone in milestones] == [
            "Knowledge check passed: Empathy check",
            "Path completed: Orientation",
        ]
    speaks(trainee, "id")
    record = client.get(reverse("coaching:my_record"), follow=True).content.decode()
    assert "Jalur belajar selesai: Orientasi" in record


def test_the_questions_report_names_checks_and_questions_in_the_readers_language(
    client, trainee, source, check
):
    assignment = builders.assign(source, trainee)
    client.force_login(trainee)
    first, second = (block.id for block in check.questions)
    speaks(trainee, "id")  # she answers in Indonesian: her attempt keeps those words
    client.post(
        reverse("coaching:take_check", args=[assignment.pk, 3]), {first: "0", second: "true"}
    )

    for language, words in (
        ("en", "What do you do first?"),
        ("id", CHECK_WORDS["What do you do first?"]),
    ):
        with translation.override(language):
            rows = question_rates(ReportScope(), ReportFilters())
        assert rows[0]["check"] == (
            CHECK_WORDS["Empathy check"] if language == "id" else "Empathy check"
        )
        assert rows[0]["question"] == words
        assert rows[0]["answered"] == 1
