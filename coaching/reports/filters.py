"""The filters every report shares: dates, business unit, learning path, start-date cohort.

The filter sets only build the form (and Wagtail's active-filter pills); the reports read
the cleaned values as `ReportFilters` and apply them to the rows they aggregate, so that a
filter means the same thing before and after grouping.
"""

import calendar
from dataclasses import dataclass
from datetime import date

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from coaching.common.ids import parse_id
from coaching.people.models import TraineeProfile
from lessons.models import BusinessUnit, LearningPath


def cohort_choices():
    """Start-date months that new hires have, newest first ("2026-03", "March 2026")."""
    months = TraineeProfile.objects.filter(start_date__isnull=False).dates(
        "start_date", "month", order="DESC"
    )
    return [(f"{month:%Y-%m}", date_format(month, "YEAR_MONTH_FORMAT")) for month in months]


def month_bounds(value):
    """The first and last day of a "YYYY-MM" month."""
    year, month = (int(part) for part in value.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class ReportFilters:
    """What a person chose to look at. Empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None
    unit: BusinessUnit | None = None
    path: LearningPath | None = None
    cohort: str = ""

    @classmethod
    def from_filterset(cls, filterset):
        if filterset is None:
            return cls()
        # A field with bad input (shown with its error) is left out; the others still apply.
        filterset.is_valid()
        data = filterset.form.cleaned_data
        dates = data.get("dates")
        return cls(
            date_from=dates.start if dates else None,
            date_to=dates.stop if dates else None,
            unit=data.get("unit"),
            path=data.get("path"),
            cohort=data.get("cohort") or "",
        )

    def _people(self, queryset, trainee_field):
        profile = f"{trainee_field}__trainee_profile"
        if self.unit:
            queryset = queryset.filter(**{f"{profile}__business_unit": self.unit})
        if self.cohort:
            queryset = queryset.filter(
                **{f"{profile}__start_date__range": month_bounds(self.cohort)}
            )
        return queryset

    def _dates(self, queryset, field):
        if self.date_from:
            queryset = queryset.filter(**{f"{field}__date__gte": self.date_from})
        if self.date_to:
            queryset = queryset.filter(**{f"{field}__date__lte": self.date_to})
        return queryset

    def assignments(self, queryset, prefix=""):
        """Filter assignments (or rows `prefix`ed to reach one) by every field."""
        queryset = self._people(queryset, f"{prefix}trainee")
        queryset = self._dates(queryset, f"{prefix}assigned_at")
        if self.path:
            queryset = queryset.filter(**{f"{prefix}path": self.path})
        return queryset

    def entries(self, queryset):
        """Filter record entries by when they were written and whose record they are on."""
        return self._dates(self._people(queryset, "trainee"), "created_at")


class ChosenById(django_filters.fields.ModelChoiceField):
    """A choice by id. An id that is not a whole number a database can hold is not a valid
    choice, and the database is never asked (SQLite would raise on it)."""

    def to_python(self, value):
        if value not in self.empty_values and parse_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelIdFilter(django_filters.ModelChoiceFilter):
    field_class = ChosenById


class PathChosenById(ChosenById):
    """A learning path by id, labelled with its title in the reader's language."""

    def label_from_instance(self, obj):
        return obj.current_version.localized_title


class PathIdFilter(ModelIdFilter):
    field_class = PathChosenById


class ReportFilterSet(WagtailFilterSet):
    dates = django_filters.DateFromToRangeFilter(
        label=_("Assigned between"), widget=DateRangePickerWidget
    )
    unit = ModelIdFilter(
        label=_("Business unit"),
        # Built for each request: the units named in the reader's language.
        queryset=lambda request: BusinessUnit.objects.for_choosing(),
    )
    path = PathIdFilter(label=_("Learning path"), queryset=LearningPath.objects.assignable())
    cohort = django_filters.ChoiceFilter(
        label=_("Start-date cohort"), choices=cohort_choices, widget=forms.Select
    )

    # Fields a report does not use are removed by name.
    unused: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.unused:
            del self.filters[name]


class AssignmentFilterSet(ReportFilterSet):
    """Completion, the step funnel and knowledge checks: filtered by assignment."""


class RecordFilterSet(ReportFilterSet):
    """Recognition and goals: filtered by when they were written and whose they are."""

    dates = django_filters.DateFromToRangeFilter(
        label=_("Written between"), widget=DateRangePickerWidget
    )

    unused = ("path",)
