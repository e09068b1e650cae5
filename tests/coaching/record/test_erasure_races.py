"""Two tabs, or two sweeps on two servers: racing erasures of one person erase and log
once (real threads with their own connections; see tests/racing.py)."""

import pytest
from django.contrib.auth import get_user_model

from coaching.models import CoachingLogEntry, RecordErasure
from coaching.record.erasure import erase_person, erase_record
from tests import builders
from tests.racing import race

from . import make

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 4


def fresh(person):
    return get_user_model().objects.get(pk=person.pk)


def test_racing_erasures_of_a_person_erase_and_log_once():
    hr = builders.make_hr()
    person = builders.make_trainee("nadia", coach=builders.make_user("citra"))
    make.reflection(person)

    results = race(lambda: erase_person(fresh(person), erased_by=hr, reason="Asked"), RACERS)

    assert [result for result in results if result is not None] == [RecordErasure.objects.get()]
    assert CoachingLogEntry.objects.filter(action="coaching.erase_person").count() == 1


def test_racing_erasures_of_a_record_log_once():
    hr = builders.make_hr()
    person = builders.make_trainee("nadia")
    make.reflection(person)

    results = race(lambda: erase_record(fresh(person), erased_by=hr, reason="Asked"), RACERS)

    assert sum(result is not None for result in results) == 1, results
    assert RecordErasure.objects.count() == 1
