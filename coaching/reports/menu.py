"""The reports' admin menu: an Onboarding submenu of Wagtail's Reports menu, holding the
onboarding reports (registered with ONBOARDING_REPORTS_HOOK) that a person may see."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .scope import scope_for_request

# The hook the Onboarding submenu's items are registered with (coaching/wagtail_hooks).
ONBOARDING_REPORTS_HOOK = "register_onboarding_reports_menu_item"


class ReportMenuItem(MenuItem):
    def __init__(self, *args, people_data=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.people_data = people_data

    def is_shown(self, request):
        return scope_for_request(request, self.people_data) is not None


def onboarding_reports_menu():
    """Reports' Onboarding submenu; hidden when none of its items is for the person."""
    return SubmenuMenuItem(
        _("Onboarding"),
        Menu(register_hook_name=ONBOARDING_REPORTS_HOOK),
        name="onboarding-reports",
        icon_name="tasks",
        order=1300,
    )
