"""Rules apply by themselves when a profile is created or its unit, role or start changes,
after the transaction commits, once for all the profiles it saved."""

import pytest
from django.db import transaction

from coaching.automation.models import RuleRun, Trigger
from coaching.automation.seam import _Batch
from coaching.automation.tasks import apply_enrolment_rules_daily
from coaching.models import Assignment, TraineeProfile
from tests import builders

from . import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return builders.make_unit("Customer Service"), builders.make_unit("Sales")


@pytest.fixture
def paths():
    return (
        builders.make_path("Customer Service essentials", steps=["Shadow a call"]),
        builders.make_path("Sales basics", steps=["Join a pitch"]),
    )


@pytest.fixture
def rules(units, paths):
    return (
        make.rule(paths[0], business_unit=units[0]),
        make.rule(paths[1], name="Sales starters", business_unit=units[1]),
    )


def batches(callbacks):
    """The rules' batches among what ran on commit (the notifications' sending too)."""
    return sum(isinstance(callback, _Batch) for callback in callbacks)


def titles(user):
    return set(Assignment.objects.filter(trainee=user).values_list("path__title", flat=True))


def test_a_new_profile_gets_the_rules_paths_on_commit(
    units, paths, rules, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        nadia = builders.make_trainee("nadia", unit=units[0])
        assert not titles(nadia)  # not before the commit
    assert batches(callbacks) == 1
    assert titles(nadia) == {"Customer Service essentials"}
    run = RuleRun.objects.get()
    assert (run.trigger, run.assigned) == (Trigger.PERSON_CREATED, 1)


def test_many_profiles_in_one_transaction_are_applied_once(
    units, rules, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for name in ["nadia", "bima", "ayu"]:
            builders.make_trainee(name, unit=units[0])
    assert batches(callbacks) == 1
    run = RuleRun.objects.get()
    assert (run.matched, run.assigned, run.assignments) == (3, 3, 3)


def test_a_change_of_unit_offers_the_new_units_paths_and_cancels_nothing(
    units, rules, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        nadia = builders.make_trainee("nadia", unit=units[0])
    with django_capture_on_commit_callbacks(execute=True):
        profile = TraineeProfile.objects.get(user=nadia)
        profile.business_unit = units[1]
        profile.save()
    assert titles(nadia) == {"Customer Service essentials", "Sales basics"}
    assert not Assignment.objects.exclude(status="active").exists()
    assert RuleRun.objects.filter(trigger=Trigger.PERSON_CHANGED).count() == 1


def test_saving_without_a_change_applies_nothing(units, rules, django_capture_on_commit_callbacks):
    nadia = builders.make_trainee("nadia", unit=units[1])  # no commit here: nothing applied
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        profile = TraineeProfile.objects.get(user=nadia)
        profile.buddy = builders.make_user("budi")
        profile.save()
    assert batches(callbacks) == 0
    assert not titles(nadia)


def test_the_daily_sweep_catches_what_no_signal_told(units, rules):
    nadia = builders.make_trainee("nadia")
    TraineeProfile.objects.filter(user=nadia).update(business_unit=units[0])  # no signal
    made = apply_enrolment_rules_daily.call()
    assert made == 1
    assert titles(nadia) == {"Customer Service essentials"}
    assert set(RuleRun.objects.values_list("trigger", flat=True)) == {Trigger.DAILY_SWEEP}
