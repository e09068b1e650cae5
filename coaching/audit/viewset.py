"""The admin URLs and Reports menu items of HR's audit screens (the trail here, the erasure
log in erasures.py), registered in coaching/wagtail_hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet

from coaching.people.access import is_hr

from .views import NAMESPACE, TrailView


class HRReportViewSet(ViewSet):
    """A report's screen and its results (what its filters refresh): set `report_view`."""

    report_view: type[ReportView]

    def get_urlpatterns(self):
        return [
            path("", self.report_view.as_view(), name="index"),
            path("results/", self.report_view.as_view(results_only=True), name="results"),
        ]


class HRMenuItem(MenuItem):
    """Shown to HR only, as the reports it leads to are (views.HROnlyMixin)."""

    def is_shown(self, request):
        return is_hr(request.user)


class TrailViewSet(HRReportViewSet):
    name = NAMESPACE
    url_prefix = "reports/onboarding-activity"
    report_view = TrailView


def trail_menu_item():
    return HRMenuItem(
        _("Onboarding activity"),
        reverse(f"{NAMESPACE}:index"),
        name="onboarding-activity",
        icon_name="history",
        order=190,
    )
