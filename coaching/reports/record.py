"""Recognition by company value or business unit, month by month; goals by status.

Counted on the development record: recognition and goals are counted on the record of
the person they are for (their unit, their start-date cohort).
"""

from datetime import date
from typing import TypedDict

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from coaching.common.types import Text
from coaching.record.models import Goal, GoalStatus, Recognition
from lessons.i18n import localized_field
from lessons.models import BusinessUnit, CompanyValue

UNIT = "trainee__trainee_profile__business_unit"


class Series(TypedDict):
    heading: Text
    key: str  # what is counted by
    named: type[BusinessUnit | CompanyValue]  # what names it: its name in the reader's language
    order: str | None  # what orders it, if not its name


SERIES: dict[str, Series] = {
    "value": {
        "heading": _("Company value"),
        "key": "value",
        "named": CompanyValue,
        "order": "value__sort_order",
    },
    "unit": {"heading": _("Business unit"), "key": UNIT, "named": BusinessUnit, "order": None},
}


def months_between(first, last):
    """Every first-of-month date from `first`'s month to `last`'s, in order."""
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _month(value):
    return date(value.year, value.month, 1)


def recognition_over_time(scope, filters, by="value"):
    """(series, rows): the series (values or units) that have recognition, and one row a
    month from the first to the last month with any, counting each series; months with
    none are kept so that a chart over time does not skip them."""
    spec = SERIES[by]
    entries = filters.entries(scope.limit(Recognition.objects.non_polymorphic()))
    named = localized_field(spec["named"], via=f"{spec['key']}__")
    counts = list(
        entries.annotate(month=TruncMonth("created_at"), series=F(spec["key"]), series_name=named)
        .values("month", "series", "series_name", *([spec["order"]] if spec["order"] else []))
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    names = {}
    for count in counts:
        order = count.get(spec["order"], 0) if spec["order"] else 0
        name = count["series_name"] or str(_("No business unit"))
        names[count["series"]] = (count["series"] is None, order, name)
    series = [
        {"field": f"series_{key or 'none'}", "name": name}
        for key, (_missing, _order, name) in sorted(names.items(), key=lambda item: item[1])
    ]
    field_of = {key: f"series_{key or 'none'}" for key in names}
    if not counts:
        return series, []
    by_month: dict[date, dict[str, int]] = {}
    for count in counts:
        month = by_month.setdefault(_month(count["month"]), {})
        month[field_of[count["series"]]] = count["n"]
    rows = []
    first, last = min(by_month), max(by_month)
    for month in months_between(first, last):
        row = {"month": month, "label": date_format(month, "YEAR_MONTH_FORMAT")}
        found = by_month.get(month, {})
        for item in series:
            row[item["field"]] = found.get(item["field"], 0)
        row["total"] = sum(found.values())
        rows.append(row)
    return series, rows


def goals_by_status(scope, filters):
    """One row per business unit of the goals' owners: goals by status and in total."""
    goals = filters.entries(scope.limit(Goal.objects.non_polymorphic()))
    columns = {status: Count("pk", filter=Q(status=status)) for status in GoalStatus.values}
    rows = list(
        goals.values(group_key=F(UNIT), unit_name=localized_field(BusinessUnit, via=f"{UNIT}__"))
        .annotate(total=Count("pk"), **columns)
        .order_by(F("unit_name").asc(nulls_last=True))
    )
    for row in rows:
        row["label"] = row["unit_name"] or _("No business unit")
    return rows
