"""The issue's scenario end to end, through the admin and the portal as people use them
(Django's test client): an editor translates a module and the path that asks for it with
wagtail-localize's admin views (submit for translation, translate each segment, publish),
HR assigns the path, the new hire completes a step in English, switches to Bahasa
Indonesia and continues. One progress, the Indonesian titles shown, and the reports
count the new hire once."""

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from coaching.account.languages import remember_language
from coaching.models import Assignment, StepProgress
from lessons.models import LearningPath
from tests import builders
from tests.coaching.reports.helpers import page_table
from tests.test_translators_workflow import translate_in_the_admin

pytestmark = pytest.mark.django_db

PATH_WORDS = {
    "Orientation": "Orientasi",
    "Your first week.": "Minggu pertama Anda.",
    "orientation": "orientation",
    "Shadow a call": "Dampingi satu panggilan",
    "Do it well.": "Kerjakan dengan sungguh-sungguh.",
    "Meet the team": "Berkenalan dengan tim",
}


def translate_path_in_the_admin(client, learning_path, indonesian, on_commit):
    """The translator's steps for a snippet: Translate, each segment, Publish."""
    submitted = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["lessons", "learningpath", learning_path.pk],
        ),
        {"locales": [indonesian.pk]},
    )
    assert submitted.status_code == 302
    job = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance_or_none(learning_path),
        target_locale=indonesian,
    )
    for segment in StringSegment.objects.filter(source=job.source).select_related("string"):
        answer = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[job.pk, segment.pk]),
            encode_multipart(BOUNDARY, {"value": PATH_WORDS[segment.string.data]}),
            content_type=MULTIPART_CONTENT,
        )
        assert answer.status_code == 201, segment.string.data
    target = job.get_target_instance()
    with on_commit(execute=True):
        published = client.post(
            reverse("wagtailsnippets_lessons_learningpath:edit", args=[target.pk]),
            {"action": "publish"},
        )
    assert published.status_code == 302
    return LearningPath.objects.get(pk=target.pk)


@pytest.fixture
def orientation(portal):
    module = builders.make_module(portal, "Serving customers", summary="Listen before you answer.")
    learning_path = builders.make_path(
        "Orientation", steps=[module, "Meet the team", "Shadow a call"]
    )
    LearningPath.objects.filter(pk=learning_path.pk).update(description="Your first week.")
    learning_path.refresh_from_db()
    return learning_path, module


def test_a_path_translated_in_the_admin_keeps_one_progress_across_languages(
    client, superuser, hr, trainee, orientation, indonesian, django_capture_on_commit_callbacks
):
    learning_path, module = orientation
    client.force_login(superuser)
    translate_in_the_admin(client, module, indonesian, django_capture_on_commit_callbacks)
    translated = translate_path_in_the_admin(
        client, learning_path, indonesian, django_capture_on_commit_callbacks
    )
    assert translated.live and translated.title == "Orientasi"

    as_hr, as_trainee = Client(), Client()  # each person in a browser of their own
    as_hr.force_login(hr)
    assigned = as_hr.post(
        reverse("coaching:assign"),
        {
            "path": learning_path.pk,
            "target": "people",
            "trainees": [trainee.trainee_profile.pk],
            "due_kind": "none",
        },
    )
    assert assigned.status_code == 302
    assignment = Assignment.objects.get(trainee=trainee)
    assert assignment.path_id == learning_path.pk

    as_trainee.force_login(trainee)
    as_trainee.post(reverse("coaching:preferences"), {"language": "en"})
    as_trainee.post(reverse("coaching:complete_module", args=[assignment.pk, 1]))
    # Switching, as the person does, and reading the page it leads to (and its notes).
    as_trainee.post(reverse("coaching:preferences"), {"language": "id"}, follow=True)
    page = as_trainee.get(reverse("coaching:assignment", args=[assignment.pk])).content.decode()
    # The module again, now in Indonesian (as from a second tab), and the next step.
    as_trainee.post(reverse("coaching:complete_module", args=[assignment.pk, 1]))
    as_trainee.post(reverse("coaching:submit_task", args=[assignment.pk, 2]), {"text": "Sudah"})

    assert "Orientasi" in page and "Melayani pelanggan" in page
    assert "Berkenalan dengan tim" in page and "Dampingi satu panggilan" in page
    assert "Serving customers" not in page and "Shadow a call" not in page
    assert Assignment.objects.filter(trainee=trainee).count() == 1
    progress = StepProgress.objects.filter(assignment=assignment).order_by("step__position")
    assert [(row.step.position, row.status) for row in progress] == [(0, "done"), (1, "submitted")]

    completion = page_table(
        as_hr.get(reverse("onboarding_reports:completion", kwargs={"by": "path"}))
    )
    funnel_url = reverse("onboarding_reports:funnel")
    funnel = page_table(as_hr.get(funnel_url, {"path": learning_path.pk}))
    remember_language(hr, "id")
    in_indonesian = page_table(as_hr.get(funnel_url, {"path": learning_path.pk}))

    # learning path, assigned, in progress, overdue, completed: one new hire, once
    assert [row[:5] for row in completion[1:]] == [["Orientation", "1", "1", "0", "0"]]
    # step, title, kind, done, done (%), waived, waiting for sign-off
    assert [row[:7] for row in funnel[1:]] == [
        ["1", "Serving customers", "Module", "1", "100", "0", "0"],
        ["2", "Meet the team", "Practical task", "0", "0", "0", "1"],
        ["3", "Shadow a call", "Practical task", "0", "0", "0", "0"],
    ]
    assert [(row[1], row[3:7]) for row in in_indonesian[1:]] == [
        ("Melayani pelanggan", ["1", "100", "0", "0"]),
        ("Berkenalan dengan tim", ["0", "0", "0", "1"]),
        ("Dampingi satu panggilan", ["0", "0", "0", "0"]),
    ]
