"""The onboarding trail's filters: by person, action, who acted and when."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.history import HistoryFilterSet

from coaching.common.names import display_name

from .models import CoachingLogEntry


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


def people_in_trail(request):
    """The new hires the trail has entries about, by name."""
    trainee_ids = CoachingLogEntry.objects.exclude(trainee=None).values("trainee_id")
    return (
        get_user_model()
        .objects.filter(pk__in=trainee_ids)
        .order_by("first_name", "last_name", "username")
    )


class TrailFilterSet(HistoryFilterSet):
    trainee = PersonFilter(label=_("New hire"), queryset=people_in_trail)

    class Meta:
        model = CoachingLogEntry
        fields = ["trainee", "action", "user", "timestamp"]
