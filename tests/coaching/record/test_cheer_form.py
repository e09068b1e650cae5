"""The cheer form on a recognition's page comes from CheerForm, and a refused cheer comes
back beside its field with what was typed."""

import pytest
from django.urls import reverse

from coaching.models import Cheer
from tests.coaching.record import make

pytestmark = pytest.mark.django_db


def test_the_cheer_field_takes_its_label_and_limit_from_the_form(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)

    html = client.get(reverse("coaching:entry", args=[entry.pk])).text

    assert '<label for="id_message">Add your cheer (optional message)</label>' in html
    assert 'maxlength="280"' in html


def test_the_people_named_in_a_recognition_are_not_offered_the_cheer_form(client, trainee, coach):
    entry = make.recognition(trainee, coach)
    client.force_login(trainee)

    assert 'name="message"' not in client.get(reverse("coaching:entry", args=[entry.pk])).text


def test_a_refused_cheer_comes_back_beside_its_field_as_typed(client, trainee, coach, colleague):
    entry = make.recognition(trainee, coach)
    client.force_login(colleague)
    message = "So well deserved! " * 20  # 360 characters, over the 280 a cheer holds

    response = client.post(reverse("coaching:cheer", args=[entry.pk]), {"message": message})

    assert response.status_code == 200
    assert '<p class="field__error" id="id_message-error">' in response.text
    assert f'value="{message}"' in response.text
    assert not Cheer.objects.exists()
