"""Applying a rule: who it matches, what they get, and that it never gives twice."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.audit.models import CoachingLogEntry
from coaching.automation.applying import apply_rule, apply_rules, preview
from coaching.automation.models import RuleRun, Trigger
from coaching.learning.assigning import cancel_assignment
from coaching.models import Assignment, AssignmentStatus, CoachRelationship, TraineeProfile
from tests import builders

from . import make

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def unit():
    return builders.make_unit("Customer Service")


@pytest.fixture
def orientation():
    return builders.make_path("Company orientation", steps=["Meet the team"])


@pytest.fixture
def essentials():
    return builders.make_path("Customer Service essentials", steps=["Shadow a call"])


def given(path):
    return set(Assignment.objects.filter(path=path).values_list("trainee__username", flat=True))


def test_a_rule_matches_unit_job_title_and_start_window(unit, orientation):
    other = builders.make_unit("Sales")
    soon = TODAY + timedelta(days=10)
    builders.make_trainee("nadia", unit=unit, job_title="Agent", start_date=soon)
    builders.make_trainee("bima", unit=unit, job_title="agent", start_date=soon)  # any case
    builders.make_trainee("late", unit=unit, job_title="Agent", start_date=TODAY + timedelta(90))
    builders.make_trainee("lead", unit=unit, job_title="Team lead", start_date=soon)
    builders.make_trainee("sales", unit=other, job_title="Agent", start_date=soon)
    rule = make.rule(orientation, business_unit=unit, job_title="AGENT", starts_within_days=60)

    run = apply_rule(rule, trigger=Trigger.RUN_NOW)

    assert given(orientation) == {"nadia", "bima"}
    assert (run.matched, run.assigned, run.skipped, run.assignments) == (2, 2, 0, 2)


def test_a_date_range_and_an_empty_rule(orientation):
    builders.make_trainee("march", start_date=date(2027, 3, 5))
    builders.make_trainee("april", start_date=date(2027, 4, 5))
    builders.make_trainee("undated")
    ranged = make.rule(orientation, starts_from=date(2027, 3, 1), starts_until=date(2027, 3, 31))
    apply_rule(ranged, trigger=Trigger.RUN_NOW)
    assert given(orientation) == {"march"}

    everyone = make.rule(orientation, name="Everyone")
    apply_rule(everyone, trigger=Trigger.RUN_NOW)
    assert given(orientation) == {"march", "april", "undated"}


def test_due_after_the_start_date_or_on_a_date(orientation, essentials):
    start = TODAY + timedelta(days=5)
    builders.make_trainee("nadia", start_date=start)
    make_rule = make.rule(orientation, due="after_start", due_after_days=30)
    apply_rule(make_rule, trigger=Trigger.RUN_NOW)
    fixed = make.rule(essentials, name="Fixed", due="fixed", due_on=date(2027, 1, 31))
    apply_rule(fixed, trigger=Trigger.RUN_NOW)

    assert Assignment.objects.get(path=orientation).due_on == start + timedelta(days=30)
    assert Assignment.objects.get(path=essentials).due_on == date(2027, 1, 31)


def test_every_assignment_names_its_rule_and_who_assigned(orientation, hr):
    builders.make_trainee("nadia")
    rule = make.rule(orientation, assigned_by=hr)
    apply_rule(rule, trigger=Trigger.RUN_NOW)
    assignment = Assignment.objects.get()
    assert (assignment.rule, assignment.assigned_by) == (rule, hr)
    entry = CoachingLogEntry.objects.get(action="coaching.assign_by_rule")
    assert entry.message == "Assigned Company orientation by the rule “Customer Service starters”"
    assert entry.user == hr


def test_the_path_page_and_the_coachs_page_name_the_rule(client, orientation):
    coach = builders.make_user("agus")
    nadia = builders.make_trainee("nadia", coach=coach)
    apply_rule(make.rule(orientation), trigger=Trigger.RUN_NOW)
    assignment = Assignment.objects.get()
    by_rule = "by the rule “Customer Service starters”"
    client.force_login(nadia)
    assert by_rule in client.get(reverse("coaching:assignment", args=[assignment.pk])).text
    client.force_login(coach)
    assert by_rule in client.get(reverse("coaching:trainee", args=[nadia.pk])).text


def test_applying_twice_assigns_once(orientation, essentials):
    builders.make_trainee("nadia")
    rule = make.rule(orientation, essentials)
    first = apply_rule(rule, trigger=Trigger.RUN_NOW)
    second = apply_rule(rule, trigger=Trigger.RUN_NOW)

    assert Assignment.objects.count() == 2
    assert (first.assigned, first.assignments) == (1, 2)
    assert (second.matched, second.assigned, second.skipped, second.assignments) == (1, 0, 1, 0)


def test_a_cancelled_path_is_never_given_again(orientation):
    nadia = builders.make_trainee("nadia")
    assignment = builders.assign(orientation, nadia)
    cancel_assignment(assignment, by=None)
    rule = make.rule(orientation)

    run = apply_rule(rule, trigger=Trigger.DAILY_SWEEP)

    assert list(Assignment.objects.values_list("status", flat=True)) == [AssignmentStatus.CANCELLED]
    assert run.skipped == 1


def test_an_assignment_in_progress_is_not_moved(orientation):
    nadia = builders.make_trainee("nadia")
    assignment = builders.assign(orientation, nadia, due_on=date(2027, 6, 1))
    builders.republish(orientation, ["Meet the team", "A new step"])
    rule = make.rule(orientation, due="fixed", due_on=date(2027, 1, 1))

    apply_rule(rule, trigger=Trigger.RUN_NOW)

    kept = Assignment.objects.get()
    assert (kept.pk, kept.version_id, kept.due_on, kept.rule) == (
        assignment.pk,
        assignment.version_id,
        date(2027, 6, 1),
        None,
    )


def test_an_unpublished_path_is_skipped(orientation):
    draft = builders.make_path("Draft path", steps=["x"], publish=False)
    builders.make_trainee("nadia")
    apply_rule(make.rule(orientation, draft), trigger=Trigger.RUN_NOW)
    assert given(orientation) == {"nadia"} and not given(draft)


def test_a_deactivated_person_gets_nothing(orientation):
    gone = builders.make_trainee("gone")
    gone.is_active = False
    gone.save()
    apply_rule(make.rule(orientation), trigger=Trigger.RUN_NOW)
    assert not given(orientation)


def test_the_unit_lead_becomes_primary_coach_only_of_those_without_one(unit, orientation):
    lead = builders.make_user("citra")
    unit.lead = lead
    unit.save()
    coach = builders.make_user("agus")
    builders.make_trainee("nadia", unit=unit)
    bima = builders.make_trainee("bima", unit=unit, coach=coach)
    apply_rule(make.rule(orientation, business_unit=unit, coach="unit_lead"), trigger="run_now")

    primaries = set(
        CoachRelationship.objects.filter(is_primary=True).values_list(
            "trainee__username", "coach__username"
        )
    )
    assert primaries == {("nadia", "citra"), ("bima", "agus")}
    assert CoachRelationship.objects.filter(trainee=bima).count() == 1
    # The link the rule added is on nadia's trail, naming the rule; bima's is untouched.
    entry = CoachingLogEntry.objects.get(action="coaching.link_start_by_rule")
    assert entry.trainee_id == TraineeProfile.objects.get(user__username="nadia").user_id
    assert entry.message.startswith("Citra coaches this new hire from ")
    assert entry.message.endswith(", by the rule “Customer Service starters”")


def test_a_named_coach(orientation):
    dewi = builders.make_user("dewi")
    builders.make_trainee("nadia")
    builders.make_trainee("dewi-herself")
    TraineeProfile.objects.filter(user__username="dewi-herself").update(user=dewi)
    rule = make.rule(orientation, coach="person", coach_person=dewi)
    apply_rule(rule, trigger="run_now")
    # Nobody coaches themself: dewi, a new hire too, gets the path but no link to herself.
    assert set(CoachRelationship.objects.values_list("trainee__username", "coach__username")) == {
        ("nadia", "dewi")
    }


def test_apply_rules_runs_active_rules_only(orientation, essentials):
    builders.make_trainee("nadia")
    make.rule(orientation)
    make.rule(essentials, name="Off", active=False)
    runs = apply_rules(trigger=Trigger.DAILY_SWEEP)
    assert [run.rule.name for run in runs] == ["Customer Service starters"]
    assert given(orientation) == {"nadia"} and not given(essentials)


def test_a_person_trigger_logs_only_when_the_rule_is_about_them(unit, orientation):
    nadia = builders.make_trainee("nadia")
    rule = make.rule(orientation, business_unit=unit)
    assert apply_rule(rule, [nadia.trainee_profile.pk], trigger=Trigger.PERSON_CHANGED) is None
    assert not RuleRun.objects.exists()


def test_preview_says_who_would_get_what_and_changes_nothing(orientation, essentials):
    nadia = builders.make_trainee("nadia")
    builders.make_trainee("bima")
    builders.assign(orientation, nadia)
    rule = make.rule(orientation, essentials)

    shown = preview(rule, [orientation, essentials])

    assert (shown.matched, shown.receiving) == (2, 2)
    assert [(p.title, count) for p, count in shown.per_path] == [
        ("Company orientation", 1),
        ("Customer Service essentials", 2),
    ]
    assert [(name, [p.title for p in paths]) for name, paths in shown.people] == [
        ("Bima", ["Company orientation", "Customer Service essentials"]),
        ("Nadia", ["Customer Service essentials"]),
    ]
    assert Assignment.objects.count() == 1
