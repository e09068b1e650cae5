"""The record's forms as people meet them: the feedback kind offered without an empty
choice, a checkbox beside its label, each form saying who will read what is written, and
dates typed the reader's way."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.common.names import display_name
from coaching.models import CoachRelationship, Feedback, LearningReview, OneOnOne
from tests import builders
from tests.coaching.record import make

from .test_entries import FEEDBACK, REVIEW

pytestmark = pytest.mark.django_db


def new_entry_url(person, kind):
    return reverse("coaching:new_entry", args=[person.pk, kind])


def test_the_feedback_kind_has_no_empty_choice_and_coaching_is_chosen(client, trainee, coach):
    client.force_login(coach)

    html = client.get(new_entry_url(trainee, "feedback")).text

    assert "---------" not in html
    assert 'value="coaching" id="id_feedback_kind_1" required checked> Coaching' in html


def test_feedback_sent_with_the_kind_as_offered_is_saved(client, trainee, coach):
    client.force_login(coach)
    form = client.get(new_entry_url(trainee, "feedback")).context["form"]
    data = {**FEEDBACK, "feedback_kind": form["feedback_kind"].value()}

    client.post(new_entry_url(trainee, "feedback"), data)

    assert Feedback.objects.get().feedback_kind == "coaching"


def test_a_checkbox_comes_before_its_label_on_one_line(client, colleague):
    client.force_login(colleague)

    html = client.get(reverse("coaching:give_recognition")).text

    assert (
        '<label class="choice" for="id_is_public"><input type="checkbox" name="is_public" '
        'aria-describedby="id_is_public_helptext" id="id_is_public" checked> '
        "Show it on the kudos wall</label>"
    ) in html


def test_a_coachs_form_names_the_new_hire_their_coaches_and_hr_as_its_readers(
    client, trainee, coach
):
    buddy = builders.make_user("dewi")
    CoachRelationship.objects.create(coach=buddy, trainee=trainee)
    client.force_login(coach)

    html = client.get(new_entry_url(trainee, "feedback")).text

    assert (
        "Nadia (the new hire), Nadia&#x27;s coaches (Citra and Dewi) and HR will see this."
    ) in html


def test_the_new_hires_own_form_says_they_their_coaches_and_hr_will_read_it(client, trainee):
    client.force_login(trainee)

    html = client.get(new_entry_url(trainee, "reflection")).text

    assert "You, your coaches (Citra) and HR will see this." in html


def test_a_new_hire_without_a_coach_is_told_only_hr_reads_it_with_them(client):
    alone = builders.make_trainee("omar")
    client.force_login(alone)

    html = client.get(new_entry_url(alone, "reflection")).text

    assert "You and HR will see this." in html


def test_recognition_says_the_kudos_wall_makes_it_seen_by_everyone(client, colleague):
    client.force_login(colleague)

    html = client.get(reverse("coaching:give_recognition")).text

    assert (
        "The person you recognise, their coaches and HR will see this. If it is shown on "
        "the kudos wall, everyone signed in sees it."
    ) in html


def test_a_date_typed_day_first_is_saved(client, trainee, coach):
    client.force_login(coach)

    client.post(new_entry_url(trainee, "review"), {**REVIEW, "happened_on": "15/12/2026"})

    assert LearningReview.objects.get().happened_on == date(2026, 12, 15)


def test_a_bad_date_is_refused_beside_its_field_with_the_format_shown(client, trainee, coach):
    client.force_login(coach)

    response = client.post(
        new_entry_url(trainee, "review"), {**REVIEW, "happened_on": "31/02/2026"}
    )

    error = (
        '<p class="field__error" id="id_happened_on-error">This is not a date. Type it '
        "day/month/year, for example 15/12/2026.</p>"
    )
    assert error in response.text
    assert "Type it day/month/year, for example 15/12/2026.</p>" in response.text
    assert not LearningReview.objects.exists()


def test_a_1_1s_time_typed_day_first_is_saved_and_a_bad_one_explained(client, trainee, coach):
    client.force_login(coach)
    url = new_entry_url(trainee, "one-on-one")

    refused = client.post(url, {"meets_at": "32/12/2026 09:30", "notes": ""})
    client.post(url, {"meets_at": "15/12/2026 09:30", "notes": ""})

    assert "This is not a date and time. Type them day/month/year hour:minute" in refused.text
    assert timezone.localtime(OneOnOne.objects.get().meets_at).strftime("%d/%m/%Y %H:%M") == (
        "15/12/2026 09:30"
    )


def test_a_colleague_editing_their_recognition_is_not_told_who_coaches_the_person(
    client, trainee, coach, colleague
):
    recognition = make.recognition(trainee, colleague)
    client.force_login(colleague)

    html = client.get(reverse("coaching:edit_entry", args=[recognition.pk])).text

    assert "The person you recognise, their coaches and HR will see this." in html
    assert display_name(coach) not in html  # the give form does not name them either
