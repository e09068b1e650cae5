"""Filters of HR's new hires list: unit, start date, where onboarding stands, and the two
views HR's overview links to (starting soon, completed this month)."""

import django_filters
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from coaching.people.models import TraineeProfile
from coaching.people.onboarding import (
    STARTING_SOON_DAYS,
    OnboardingStatus,
    completed_this_month,
    starting_soon,
)
from lessons.models import BusinessUnit

STARTING_SOON = "starting_soon"
COMPLETED_THIS_MONTH = "completed_this_month"


def _starting_soon_text() -> str:
    return ngettext(
        "Starting in the next %(days)s day",
        "Starting in the next %(days)s days",
        STARTING_SOON_DAYS,
    ) % {"days": STARTING_SOON_DAYS}


# Said in the reader's language when the filter is shown (ngettext_lazy with a dict
# worked it out once, in English, when this module was imported).
_starting_soon_label = lazy(_starting_soon_text, str)


class TraineeFilterSet(WagtailFilterSet):
    business_unit = django_filters.ModelChoiceFilter(
        label=_("Business unit"),
        # Built for each request, named in the reader's language.
        queryset=lambda request: BusinessUnit.objects.for_choosing(),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="onboarding_status", choices=OnboardingStatus.choices
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[
            (
                STARTING_SOON,
                _starting_soon_label(),
            ),
            (COMPLETED_THIS_MONTH, _("Completed this month")),
        ],
        method="filter_when",
    )
    start_date = django_filters.DateFromToRangeFilter(
        label=_("Start date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = TraineeProfile
        fields = ["business_unit", "status", "when", "start_date"]

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        if value == STARTING_SOON:
            return queryset.filter(starting_soon(today))
        if value == COMPLETED_THIS_MONTH:
            return queryset.filter(completed_this_month(today))
        return queryset
