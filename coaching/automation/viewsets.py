"""The Wagtail admin's enrolment rules, in the "Onboarding people" menu group
(coaching/people/viewsets.py). For HR: the people who manage every new hire."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from coaching.people.choosing import NamesPeople

from .filters import RuleFilterSet
from .models import EnrolmentRule
from .views import (
    LIST_DISPLAY,
    RuleCreateView,
    RuleEditView,
    RuleIndexView,
    RuleInspectView,
    RunNowView,
)


class EnrolmentRuleViewSet(NamesPeople, ModelViewSet):
    """HR's rules. `HROnlyPolicy` is registered for EnrolmentRule in wagtail_hooks.py."""

    model = EnrolmentRule
    name = "enrolment_rules"
    url_prefix = "onboarding/enrolment-rules"
    icon = "resubmit"
    menu_label = _("Enrolment rules")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RuleIndexView
    add_view_class = RuleCreateView
    edit_view_class = RuleEditView
    inspect_view_class = RuleInspectView
    list_display = LIST_DISPLAY
    filterset_class = RuleFilterSet
    search_fields = ["name", "job_title"]

    def get_urlpatterns(self):
        run_now = self.construct_view(RunNowView)
        return [*super().get_urlpatterns(), path("<int:pk>/run/", run_now, name="run_now")]
