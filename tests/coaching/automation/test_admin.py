"""HR's screens of enrolment rules: the form's preview, saving, the log and "Run now"."""

import pytest
from django.urls import reverse

from coaching.automation.models import EnrolmentRule, RuleRun, Trigger
from coaching.models import Assignment
from tests import builders

from . import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(hr):
    unit = builders.make_unit("Customer Service")
    path = builders.make_path("Company orientation", steps=["Meet the team"])
    builders.make_trainee("nadia", unit=unit)
    return unit, path


def form_data(unit, path, **extra):
    return {
        "name": "Customer Service starters",
        "active": "on",
        "business_unit": str(unit.pk),
        "job_title": "",
        "due": "after_start",
        "due_after_days": "30",
        "coach": "keep",
        "rule_paths-TOTAL_FORMS": "1",
        "rule_paths-INITIAL_FORMS": "0",
        "rule_paths-MIN_NUM_FORMS": "1",
        "rule_paths-MAX_NUM_FORMS": "1000",
        "rule_paths-0-path": str(path.pk),
        "rule_paths-0-ORDER": "1",
        "rule_paths-0-id": "",
        **extra,
    }


def test_preview_shows_who_would_get_what_and_saves_nothing(client, hr, setting):
    client.force_login(hr)
    response = client.post(
        reverse("enrolment_rules:add"), form_data(*setting, **{"preview-rule": "1"})
    )
    assert response.status_code == 200
    assert "Who would get what now" in response.text
    assert "Nadia" in response.text
    assert not EnrolmentRule.objects.exists() and not Assignment.objects.exists()


def test_preview_of_a_bad_form_shows_the_error_beside_the_field(client, hr, setting):
    client.force_login(hr)
    data = form_data(*setting, due_after_days="", **{"preview-rule": "1"})
    response = client.post(reverse("enrolment_rules:add"), data)
    assert response.status_code == 200
    assert "Say how many days after the start date it is due." in response.text
    assert not EnrolmentRule.objects.exists()


def test_saving_an_active_rule_applies_it(client, hr, setting):
    client.force_login(hr)
    response = client.post(reverse("enrolment_rules:add"), form_data(*setting))
    assert response.status_code == 302
    rule = EnrolmentRule.objects.get()
    assert Assignment.objects.get().rule == rule
    assert RuleRun.objects.get().trigger == Trigger.RULE_SAVED


def test_hostile_names_are_escaped(client, hr, setting):
    client.force_login(hr)
    rule = make.rule(setting[1], name="<script>alert(1)</script>")
    for name in ["enrolment_rules:index", "enrolment_rules:inspect", "enrolment_rules:run_now"]:
        args = [] if name.endswith("index") else [rule.pk]
        response = client.get(reverse(name, args=args))
        assert "<script>alert(1)</script>" not in response.text
        assert "&lt;script&gt;" in response.text


def test_run_now_asks_then_runs_once_however_often_clicked(client, hr, setting):
    client.force_login(hr)
    rule = make.rule(setting[1], business_unit=setting[0])
    url = reverse("enrolment_rules:run_now", args=[rule.pk])
    assert client.get(url).status_code == 200
    assert not Assignment.objects.exists()
    client.post(url)
    client.post(url)
    assert Assignment.objects.count() == 1
    assert list(RuleRun.objects.order_by("pk").values_list("assignments", "ran_by")) == [
        (1, hr.pk),
        (0, hr.pk),
    ]
    log = client.get(reverse("enrolment_rules:inspect", args=[rule.pk]))
    assert "Nadia" in log.text and "Run now" in log.text


def test_a_coach_or_editor_cannot_see_rules(client, coach, editor, setting):
    rule = make.rule(setting[1])
    for person in (coach, editor):
        client.force_login(person)
        response = client.post(reverse("enrolment_rules:run_now", args=[rule.pk]))
        assert response.status_code == 302 and "/admin/" in response.url
    assert not Assignment.objects.exists()


def test_the_listing_makes_the_same_queries_for_any_number(client, hr, setting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(hr)
    counts = []
    for count in (2, 12):
        for number in range(len(counts) * 2, count):
            rule = make.rule(setting[1], name=f"Rule {number}")
            RuleRun.objects.create(rule=rule, trigger=Trigger.DAILY_SWEEP)
        client.get(reverse("enrolment_rules:index"))  # warm Wagtail's caches
        # session, user, Wagtail's admin bits, the count, the page of rules with their
        # last run (subqueries), their paths: the same at both sizes.
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("enrolment_rules:index"))
        assert response.status_code == 200 and f"Rule {count - 1}" in response.text
        counts.append(len(captured))
    assert counts[0] == counts[1]
