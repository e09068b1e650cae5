"""Admin menu items people can use, and none they cannot.

Coaches have admin access for the reports and the dashboard panel; the menu must not
offer them screens that would only turn them away.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem

from coaching.admin_views import ModuleProposalsViewSet, require_module_editor

from .access import report_scope


def scope_of(request):
    """The person's report scope, worked out once a request (menus ask for each item)."""
    if not hasattr(request, "_onboarding_report_scope"):
        request._onboarding_report_scope = report_scope(request.user)
    return request._onboarding_report_scope


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_of(request) is not None


def can_use_module_proposals(user):
    try:
        require_module_editor(user)
    except PermissionDenied:
        return False
    return True


def hide_unusable_items(request, menu_items):
    """`construct_main_menu`: drop Module proposals for people who may not make modules."""
    proposals = ModuleProposalsViewSet().menu_name
    if not can_use_module_proposals(request.user):
        menu_items[:] = [item for item in menu_items if item.name != proposals]
