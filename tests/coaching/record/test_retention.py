"""Retention: `COACHING_ERASE_DEACTIVATED_AFTER_DAYS` after the sweep first finds an
account deactivated, the sweep erases the person, once, logged with nobody as the one who
did it. Off unless set."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from coaching.models import CoachingLogEntry, Deactivation, RecordErasure, TraineeProfile
from coaching.record.retention import sweep

pytestmark = pytest.mark.django_db

KEEP_30_DAYS = override_settings(COACHING_ERASE_DEACTIVATED_AFTER_DAYS=30)


def deactivate(person):
    person.is_active = False
    person.save()


def test_without_the_setting_the_sweep_erases_nobody(trainee):
    deactivate(trainee)

    output = StringIO()
    call_command("erase_deactivated", stdout=output)

    assert "not set" in output.getvalue()
    assert not Deactivation.objects.exists() and not RecordErasure.objects.exists()


@KEEP_30_DAYS
def test_the_first_sweep_starts_the_clock_and_erases_nobody(trainee, coach):
    deactivate(trainee)

    result = sweep()

    assert (result.noticed, result.erased) == (1, 0)
    assert list(Deactivation.objects.values_list("person", flat=True)) == [trainee.pk]
    assert TraineeProfile.objects.filter(user=trainee).exists()


@KEEP_30_DAYS
def test_a_person_kept_longer_than_the_setting_is_erased_and_logged_by_nobody(trainee):
    deactivate(trainee)
    sweep(now=timezone.now() - timedelta(days=31))

    result = sweep()

    assert result.erased == 1
    assert get_user_model().objects.get(pk=trainee.pk).username == f"erased-{trainee.pk}"
    erasure = RecordErasure.objects.get()
    assert (erasure.scope, erasure.erased_by, erasure.reason) == (
        "person",
        None,
        "Kept 30 days after the account was deactivated",
    )
    entry = CoachingLogEntry.objects.get(action="coaching.erase_person")
    assert (entry.trainee_id, entry.user) == (trainee.pk, None)


@KEEP_30_DAYS
def test_a_person_within_the_period_is_kept(trainee):
    deactivate(trainee)
    sweep(now=timezone.now() - timedelta(days=29))

    assert sweep().erased == 0
    assert TraineeProfile.objects.filter(user=trainee).exists()


@KEEP_30_DAYS
def test_sweeping_twice_erases_once(trainee):
    deactivate(trainee)
    sweep(now=timezone.now() - timedelta(days=31))

    results = [sweep().erased, sweep().erased]

    assert results == [1, 0]
    assert RecordErasure.objects.count() == 1


@KEEP_30_DAYS
def test_a_person_who_comes_back_starts_afresh(trainee):
    deactivate(trainee)
    sweep(now=timezone.now() - timedelta(days=31))
    trainee.is_active = True
    trainee.save()

    assert sweep().erased == 0
    assert not Deactivation.objects.exists()


@KEEP_30_DAYS
def test_active_people_are_never_touched(trainee, coach):
    sweep(now=timezone.now() - timedelta(days=365))

    assert sweep().erased == 0
    assert not Deactivation.objects.exists()


@KEEP_30_DAYS
def test_the_command_says_what_it_did(trainee):
    deactivate(trainee)

    output = StringIO()
    call_command("erase_deactivated", stdout=output)

    assert output.getvalue().strip() == "Newly found deactivated: 1. People erased: 0."
