"""Percentages as people read them, in Python and in the database alike."""

import pytest
from django.db.models import IntegerField, Value

from coaching.common.percent import percent, percent_of
from coaching.people.models import TraineeProfile
from tests import builders

CASES = [
    # (part, whole, shown)
    (1, 6, 17),  # rounded, not truncated to 16
    (5, 6, 83),
    (1, 8, 13),  # 12.5 rounds half up
    (1, 300, 1),  # something done is never 0 %
    (199, 200, 99),  # not done is never 100 %
    (6, 6, 100),
    (0, 6, 0),
]


@pytest.mark.parametrize(("part", "whole", "shown"), CASES)
def test_percent_in_python(part, whole, shown):
    assert percent(part, whole) == shown


@pytest.mark.django_db
@pytest.mark.parametrize(("part", "whole", "shown"), CASES)
def test_percent_in_the_database_is_the_same(part, whole, shown):
    builders.make_trainee()
    row = (
        TraineeProfile.objects.annotate(
            part=Value(part, output_field=IntegerField()),
            whole=Value(whole, output_field=IntegerField()),
        )
        .annotate(shown=percent_of("part", "whole"))
        .get()
    )

    assert row.shown == shown


def test_nothing_to_do_shows_what_the_caller_says():
    assert percent(0, 0) == 100
    assert percent(0, 0, empty=0) == 0
