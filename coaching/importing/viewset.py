"""The admin URLs and menu item of importing new hires, registered in coaching/wagtail_hooks
(the menu item in the Onboarding people group, for HR only)."""

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet

from coaching.audit.viewset import HRMenuItem

from .views import NAMESPACE, ExampleView, ImportIndexView, PreviewView, UploadView


class PeopleImportViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "onboarding/import"
    icon = "upload"
    menu_label = _("Imports of new hires")
    add_to_admin_menu = False
    menu_item_class = HRMenuItem  # HR only, as the screens are (HROnlyMixin)

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", ImportIndexView.as_view(), name="index"),
            path("results/", ImportIndexView.as_view(results_only=True), name="results"),
            path("upload/", UploadView.as_view(), name="upload"),
            path("<int:pk>/", PreviewView.as_view(), name="preview"),
            path("example.csv", ExampleView.as_view(file_format="csv"), name="example_csv"),
            path("example.xlsx", ExampleView.as_view(file_format="xlsx"), name="example_xlsx"),
        ]
