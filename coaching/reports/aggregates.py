"""Median days from assignment to completion, computed by the database.

PostgreSQL has an ordered-set aggregate, `percentile_cont(0.5)`, so the median is one more
column of the report's grouped query. Other databases (SQLite) get it from one extra query
with window functions: rank each group's completed assignments by how long they took and
keep the one or two in the middle. Either way the number of queries does not depend on
the data, and only the middle rows (at most two a group) leave the database.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    Window,
)
from django.db.models.functions import RowNumber

DAY_SECONDS = 86400


def time_taken():
    return ExpressionWrapper(F("completed_at") - F("assigned_at"), output_field=DurationField())


class MedianDays(Aggregate):
    """PostgreSQL only: the median of a duration, in days."""

    function = "PERCENTILE_CONT"
    name = "MedianDays"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM %(expressions)s))"
    output_field = FloatField()

    # Django's Aggregate.as_sql takes only keywords after the connection; django-stubs
    # gives Aggregate the signature of Func.as_sql, which also takes them by position.
    def as_sql(self, compiler, connection, **extra_context):  # type: ignore[override]
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"({sql}) / {DAY_SECONDS}", params


def median_in_query():
    """Whether the grouped query itself can carry the median (PostgreSQL)."""
    return connection.vendor == "postgresql"


def median_days_column(completed_filter):
    return MedianDays(time_taken(), filter=completed_filter)


def median_days_by_group(completed, group):
    """{group value: median days} over `completed` assignments, grouped by the `group`
    expression, in one query of window functions (for databases without percentile_cont)."""
    middle = (
        completed.annotate(group_key=group, taken=time_taken())
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("group_key")], order_by=F("taken").asc()),
            size=Window(Count("pk"), partition_by=[F("group_key")]),
        )
        .filter(Q(rank=(F("size") + 1) / 2) | Q(rank=(F("size") + 2) / 2))
        .values_list("group_key", "taken")
    )
    taken_by_group = defaultdict(list)
    for key, taken in middle:
        taken_by_group[key].append(taken)
    return {
        key: sum(values, timedelta()).total_seconds() / len(values) / DAY_SECONDS
        for key, values in taken_by_group.items()
    }
