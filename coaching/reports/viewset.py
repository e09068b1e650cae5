"""The reports' URLs in the Wagtail admin, as one ViewSet (registered in wagtail_hooks)."""

from django.urls import path, reverse
from wagtail.admin.viewsets.base import ViewSet

from . import views
from .menu import ReportMenuItem

REPORTS = (
    # (view, route, the `by` its menu item opens with); each view names its URL, title and icon
    (views.CompletionReportView, "completion/<slug:by>/", "path"),
    (views.StepFunnelReportView, "step-funnel/", None),
    (views.QuestionsReportView, "questions/", None),
    (views.ContentFreshnessReportView, "content-freshness/", None),
    (views.RecognitionReportView, "recognition/<slug:by>/", "value"),
    (views.GoalsReportView, "goals/", None),
)


class OnboardingReportsViewSet(ViewSet):
    name = views.NAMESPACE
    url_prefix = "reports/onboarding"

    def get_urlpatterns(self):
        patterns = []
        for view, route, _by in REPORTS:
            name = view.url_name
            patterns += [
                path(route, view.as_view(), name=name),
                path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
            ]
        return patterns


REPORT_NAMES = [view.url_name for view, _route, _by in REPORTS]


def report_menu_item(report_name):
    """The Reports menu's item for one report (its first variant, if it has several)."""
    for index, (view, _route, by) in enumerate(REPORTS):
        if view.url_name == report_name:
            return ReportMenuItem(
                view.page_title,
                reverse(f"{views.NAMESPACE}:{report_name}", kwargs={"by": by} if by else {}),
                name=f"onboarding-{report_name}",
                icon_name=view.header_icon,
                order=100 + index,
                people_data=view.is_people_data(by),
            )
    raise LookupError(report_name)
