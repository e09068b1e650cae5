"""Percentages as people read them: rounded half up (1 of 6 is 17 %, not 16 %), and never
100 % before the end nor 0 % once something is done."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Greatest, Least


def percent(part: Decimal | int, whole: Decimal | int, *, empty: int = 100) -> int:
    """`part` of `whole` in percent; `empty` when there is nothing to do."""
    if whole <= 0:
        return empty
    if part >= whole:
        return 100
    if part <= 0:
        return 0
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP)
    return min(99, max(1, int(share)))


def percent_of(part: str, whole: str, *, empty: int = 100) -> Case:
    """The same figure computed by the database, from two integer fields or annotations."""
    # Integer arithmetic on both databases: (200 part + whole) / (2 whole) is 100 part /
    # whole rounded half up.
    rounded = (F(part) * 200 + F(whole)) / (F(whole) * 2)
    return Case(
        When(**{f"{whole}__lte": 0}, then=Value(empty)),
        When(**{f"{part}__gte": F(whole)}, then=Value(100)),
        When(**{f"{part}__lte": 0}, then=Value(0)),
        default=Greatest(Value(1), Least(Value(99), rounded)),
        output_field=IntegerField(),
    )
