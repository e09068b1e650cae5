"""Erasure asks for what it shows, and afterwards others' records say who wrote what
without ever calling someone who still works here "a former colleague"."""

import pytest
from django.urls import reverse

from coaching.models import TraineeProfile
from coaching.record.erasure import erase_person, erase_record
from tests import builders

from . import make

pytestmark = pytest.mark.django_db


def test_the_confirmation_shows_the_name_and_username_it_asks_for(client, hr, trainee):
    trainee.last_name = "Putri"
    trainee.save()
    client.force_login(hr)

    page = client.get(reverse("coaching:erase_record", args=[trainee.pk])).text

    assert "Nadia Putri" in page
    assert "<strong>nadia</strong>" in page
    assert "Type nadia to confirm" in page


def test_what_an_erased_colleague_wrote_reads_as_written_by_a_person_whose_data_was_erased(
    client, hr, trainee, coach
):
    colleague = builders.make_trainee("bima")
    make.recognition(trainee, colleague, message="Thanks for the handover notes.")
    erase_record(colleague, erased_by=hr, reason="Asked")
    client.force_login(coach)

    page = client.get(reverse("coaching:record", args=[trainee.pk])).text

    assert "Thanks for the handover notes." in page
    assert "written by a person whose data was erased" in page
    assert "former colleague" not in page


def test_a_reply_by_an_erased_person_names_no_former_colleague(client, hr, trainee, coach):
    entry = make.feedback(trainee, coach)
    colleague = builders.make_user("bima")
    make.reply(entry, colleague, text="Seconded.")
    erase_record(colleague, erased_by=hr, reason="Asked")
    client.force_login(trainee)

    page = client.get(reverse("coaching:entry", args=[entry.pk])).text

    assert "a person whose data was erased" in page and "former colleague" not in page


def test_erasing_a_buddy_takes_them_off_their_new_hires(hr, trainee):
    buddy = builders.make_user("bima")
    TraineeProfile.objects.filter(user=trainee).update(buddy=buddy)

    erase_person(buddy, erased_by=hr, reason="Left")

    assert TraineeProfile.objects.get(user=trainee).buddy is None
