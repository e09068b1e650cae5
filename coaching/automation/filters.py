"""The enrolment rules listing's filters."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import EnrolmentRule


class RuleFilterSet(WagtailFilterSet):
    active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = EnrolmentRule
        fields = ["active"]
