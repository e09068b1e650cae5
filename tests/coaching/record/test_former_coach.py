"""A coaching link that ended: the former coach no longer sees the record, and what they
wrote stays on it. They can still read what they wrote, read-only, and nothing else of it.

The people are tests/conftest.py's: `former_coach` coached `trainee` in 2020 only.
"""

import pytest
from django.urls import reverse

from coaching.models import EntryRevision, Feedback
from tests.asking import ask

from . import make

pytestmark = pytest.mark.django_db


def entry_url(entry):
    return reverse("coaching:entry", args=[entry.pk])


def edit_url(entry):
    return reverse("coaching:edit_entry", args=[entry.pk])


@pytest.fixture
def written(trainee, former_coach):
    """Feedback the former coach gave while they coached, with the new hire's reply."""
    feedback = make.feedback(trainee, former_coach, text="Calm on the outage call.")
    make.reply(feedback, trainee, "Thanks, it was scary.")
    return feedback


def test_a_former_coach_no_longer_sees_the_record(client, trainee, former_coach, written):
    response = ask(client, former_coach, reverse("coaching:record", args=[trainee.pk]))

    assert response.status_code == 404


def test_what_a_former_coach_wrote_stays_on_the_record(client, trainee, former_coach, written):
    record = ask(client, trainee, reverse("coaching:record", args=[trainee.pk]))

    assert "Calm on the outage call." in record.text
    assert "by Yusuf" in record.text


def test_a_former_coach_reads_what_they_wrote_and_nothing_else(
    client, trainee, former_coach, written
):
    page = ask(client, former_coach, entry_url(written))

    assert page.status_code == 200
    assert "Calm on the outage call." in page.text
    assert edit_url(written) not in page.text  # no Edit button
    assert "Thanks, it was scary." not in page.text  # replies are the keepers'
    assert "1 reply" not in page.text
    assert reverse("coaching:reply", args=[written.pk]) not in page.text
    assert reverse("coaching:record", args=[trainee.pk]) not in page.text


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_former_coach_cannot_edit_what_they_wrote(client, former_coach, written, method):
    data = {
        "feedback_kind": "coaching",
        "situation": "Changed after the coaching ended.",
        "behaviour": "x",
        "impact": "x",
    }

    response = ask(client, former_coach, edit_url(written), method, data)

    assert response.status_code == 404
    assert Feedback.objects.get(pk=written.pk).situation == "Calm on the outage call."
    assert not EntryRevision.objects.exists()


def test_a_former_coach_sees_a_1_1_they_wrote_without_what_others_added(
    client, trainee, former_coach
):
    earlier = make.one_on_one(trainee, trainee, notes="Our first talk.")
    make.action_item(earlier, trainee, "Read the escalation guide")
    meeting = make.one_on_one(trainee, former_coach, notes="Talked about the outage.")
    make.agenda_item(meeting, trainee, "Can I take chats alone?")

    page = ask(client, former_coach, entry_url(meeting))

    assert "Talked about the outage." in page.text
    assert "Can I take chats alone?" not in page.text  # the new hire's agenda item
    assert "Read the escalation guide" not in page.text  # an open action from another 1:1
    assert reverse("coaching:add_item", args=[meeting.pk, "agenda"]) not in page.text


def test_the_current_coach_still_edits_what_they_wrote(client, trainee, coach):
    feedback = make.feedback(trainee, coach, text="Warm greeting.")
    data = {"feedback_kind": "coaching", "situation": "Warmer.", "behaviour": "x", "impact": "x"}

    response = ask(client, coach, edit_url(feedback), "post", data)

    assert response.url == entry_url(feedback)
    assert Feedback.objects.get(pk=feedback.pk).situation == "Warmer."
