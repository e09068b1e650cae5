"""HR's screen of the onboarding trail: every coaching action, filterable, exportable."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views.reports import ReportView

from coaching.common.names import display_name
from coaching.people.access import is_hr
from coaching.reports.exports import DescribedExportMixin

from .filters import TrailFilterSet
from .models import CoachingLogEntry

NAMESPACE = "onboarding_trail"


class HROnlyMixin:
    """For a report only HR may open (the trail, the erasure log): anyone else in the admin
    is turned back, as Wagtail does for a screen they may not open."""

    def dispatch(self, request, *args, **kwargs):
        if not is_hr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class TrailView(HROnlyMixin, DescribedExportMixin, ReportView):
    """The trail, newest first, for HR."""

    page_title = _("Onboarding activity")
    header_icon = "history"
    filterset_class = TrailFilterSet
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:results"
    columns = [
        DateColumn("timestamp", label=_("When")),
        Column("trainee", label=_("New hire"), accessor=lambda entry: display_name(entry.trainee)),
        Column("message", label=_("What happened")),
        Column("comment", label=_("Reason")),
        UserColumn("user", label=_("By"), blank_display_name=_("system")),
    ]
    list_export = ["timestamp", "trainee_name", "message", "comment", "user_display_name"]
    export_headings = {
        "timestamp": _("When"),
        "trainee_name": _("New hire"),
        "message": _("What happened"),
        "comment": _("Reason"),
        "user_display_name": _("By"),
    }

    def get_queryset(self):
        # Who acted: their name and avatar (Wagtail keeps it on their user profile).
        return CoachingLogEntry.objects.select_related(
            "user__wagtail_userprofile", "trainee", "content_type"
        )

    def get_filename(self):
        return "onboarding-activity"

    def decorate_paginated_queryset(self, object_list):
        for entry in object_list:
            entry.trainee_name = display_name(entry.trainee)
        return object_list
