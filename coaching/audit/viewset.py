"""The trail's admin URLs and its Reports menu item (registered in coaching/wagtail_hooks)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from coaching.people.access import is_hr

from .views import NAMESPACE, TrailView


class TrailViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "reports/onboarding-activity"

    def get_urlpatterns(self):
        return [
            path("", TrailView.as_view(), name="index"),
            path("results/", TrailView.as_view(results_only=True), name="results"),
        ]


class TrailMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


def trail_menu_item():
    return TrailMenuItem(
        _("Onboarding activity"),
        reverse(f"{NAMESPACE}:index"),
        name="onboarding-activity",
        icon_name="history",
        order=190,
    )
