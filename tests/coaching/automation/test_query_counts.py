"""Applying a rule and previewing it make the same number of queries for 3 or 30 people."""

import pytest
from django.contrib.contenttypes.models import ContentType

from coaching.automation.applying import apply_rule, preview
from coaching.automation.models import Trigger
from coaching.models import Assignment
from tests import builders

from . import make

pytestmark = pytest.mark.django_db


def people(count):
    unit = builders.make_unit("Customer Service")
    lead = builders.make_user("citra")
    unit.lead = lead
    unit.save()
    for number in range(count):
        builders.make_trainee(f"person{number}", unit=unit)
    return unit


@pytest.mark.parametrize("count", [3, 30])
def test_apply_rule_queries_are_constant(count, django_assert_num_queries):
    unit = people(count)
    first = builders.make_path("Company orientation", steps=["x"])
    second = builders.make_path("Customer Service essentials", steps=["y"])
    rule = make.rule(first, second, business_unit=unit, coach="unit_lead")
    # savepoint, lock the rule, its paths, who matches (4); for each of the two paths the
    # bulk assignment's own fixed set (who gets it, its first step, the insert, the trail's
    # insert, the notifications and what they read, the new hires' stored figures (4): 15
    # each); the coach links: the newest
    # id, the insert, those inserted, the trail's insert; the log row, release; and the
    # trail's content types, looked up once a process (cleared here, so the count does
    # not depend on the tests run before).
    ContentType.objects.clear_cache()
    with django_assert_num_queries(42):
        apply_rule(rule, trigger=Trigger.RUN_NOW)
    assert Assignment.objects.count() == 2 * count


@pytest.mark.parametrize("count", [3, 30])
def test_preview_queries_are_constant(count, django_assert_num_queries):
    unit = people(count)
    paths = [builders.make_path("Company orientation", steps=["x"])]
    rule = make.rule(*paths, business_unit=unit)
    with django_assert_num_queries(2):  # the totals, the first people
        shown = preview(rule, paths)
    assert shown.receiving == count
