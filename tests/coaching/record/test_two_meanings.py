"""One English word, two meanings, two Indonesian words (pgettext): the record's timeline
is its "Linimasa", a learning review's timeline the "Kronologi kejadian"."""

import pytest
from django.urls import reverse

from coaching.account.languages import remember_language

from . import make

pytestmark = pytest.mark.django_db


def test_the_records_timeline_and_a_reviews_timeline_read_differently(client, trainee, coach):
    review = make.review(trainee, coach)
    remember_language(trainee, "id")
    client.force_login(trainee)

    record = client.get(reverse("coaching:record", args=[trainee.pk])).content.decode()
    entry = client.get(reverse("coaching:entry", args=[review.pk])).content.decode()

    assert '<h2 id="timeline-heading">Linimasa</h2>' in record
    assert "<h2>Kronologi kejadian</h2>" in entry and "Linimasa" not in entry
