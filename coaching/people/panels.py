"""HR's onboarding overview on the Wagtail admin home: new hires starting soon, in progress,
overdue and completed this month, each a link to the new hires list filtered to them. One
query, whatever the number of new hires."""

from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from coaching.people.filters import COMPLETED_THIS_MONTH, STARTING_SOON
from coaching.people.onboarding import STARTING_SOON_DAYS, OnboardingStatus, overview_figures


def _list_url(**filters: str) -> str:
    return f"{reverse('trainees:index')}?{urlencode(filters)}"


class OnboardingOverviewPanel(Component):
    name = "onboarding_overview"
    template_name = "coaching/people/overview_panel.html"
    order = 40

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        figures = overview_figures()
        soon, going = figures["starting_soon"], figures["in_progress"]
        late, done = figures["overdue"], figures["completed_this_month"]
        return {
            "figures": [
                {
                    "count": soon,
                    "text": ngettext(
                        "starting in the next %(days)s day",
                        "starting in the next %(days)s days",
                        STARTING_SOON_DAYS,
                    )
                    % {"days": STARTING_SOON_DAYS},
                    "url": _list_url(when=STARTING_SOON),
                    "icon": "date",
                },
                {
                    "count": going,
                    "text": _("in progress"),
                    "url": _list_url(status=OnboardingStatus.IN_PROGRESS),
                    "icon": "time",
                },
                {
                    "count": late,
                    "text": _("overdue"),
                    "url": _list_url(status=OnboardingStatus.OVERDUE),
                    "icon": "warning",
                },
                {
                    "count": done,
                    "text": _("completed this month"),
                    "url": _list_url(when=COMPLETED_THIS_MONTH),
                    "icon": "check",
                },
            ],
            "add_url": reverse("trainees:add"),
            "list_url": reverse("trainees:index"),
        }
