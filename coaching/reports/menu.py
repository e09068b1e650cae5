"""Admin menu items people can use, and none they cannot.

Coaches have admin access for the reports and the dashboard panel; the menu must not
offer them screens that would only turn them away.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.menu import MenuItem

from coaching.admin_views import ModuleProposalsViewSet, require_module_editor

from .access import scope_for_request


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for_request(request) is not None


def can_use_module_proposals(user):
    try:
        require_module_editor(user)
    except PermissionDenied:
        return False
    return True


def hide_unusable_items(request, menu_items):
    """`construct_main_menu`: drop Module proposals for people who may not make modules."""
    if not can_use_module_proposals(request.user):
        proposals = reverse(f"{ModuleProposalsViewSet.name}:index")
        menu_items[:] = [item for item in menu_items if getattr(item, "url", None) != proposals]
