"""The reports' URLs in the Wagtail admin, as one ViewSet (registered in wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet

from . import views
from .menu import ReportMenuItem

REPORTS = (
    # (url name, view, path, first `by`, label, icon)
    (
        "completion",
        views.CompletionReportView,
        "completion/<slug:by>/",
        "path",
        _("Completion"),
        "tasks",
    ),
    ("funnel", views.StepFunnelReportView, "step-funnel/", None, _("Step funnel"), "list-ol"),
    (
        "questions",
        views.QuestionsReportView,
        "questions/",
        None,
        _("Knowledge check questions"),
        "help",
    ),
    (
        "recognition",
        views.RecognitionReportView,
        "recognition/<slug:by>/",
        "value",
        _("Recognition"),
        "pick",
    ),
    ("goals", views.GoalsReportView, "goals/", None, _("Goals"), "crosshairs"),
)


class OnboardingReportsViewSet(ViewSet):
    name = views.NAMESPACE
    url_prefix = "reports/onboarding"

    def get_urlpatterns(self):
        patterns = []
        for name, view, route, _by, _label, _icon in REPORTS:
            patterns += [
                path(route, view.as_view(), name=name),
                path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
            ]
        return patterns


REPORT_NAMES = [report[0] for report in REPORTS]


def report_menu_item(report_name):
    """The Reports menu's item for one report (its first variant, if it has several)."""
    for index, (name, _view, _route, by, label, icon) in enumerate(REPORTS):
        if name == report_name:
            return ReportMenuItem(
                label,
                reverse(f"{views.NAMESPACE}:{name}", kwargs={"by": by} if by else {}),
                name=f"onboarding-{name}",
                icon_name=icon,
                order=1300 + index,
            )
    raise LookupError(report_name)
