"""The reports' admin menu items, shown only to people who may see some figures."""

from wagtail.admin.menu import MenuItem

from .scope import scope_for_request


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for_request(request) is not None
