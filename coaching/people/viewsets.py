"""Wagtail admin screens for HR: new hires, who coaches whom, and (in the same menu group)
notification emails. Registered in coaching/wagtail_hooks.py."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from coaching.audit import trail
from coaching.common.names import display_name
from coaching.notifications.viewsets import NotificationViewSet
from coaching.people.access import is_hr
from coaching.people.models import CoachRelationship, TraineeProfile


class TraineeProfileIndexView(generic.IndexView):
    """New hires, each with HR's answers to personal-data requests in its "More" menu."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if is_hr(self.request.user):
            buttons += [
                MenuItem(
                    _("Export their data"),
                    url=reverse("coaching:export_person", args=[instance.user_id]),
                    icon_name="download",
                    priority=40,
                ),
                MenuItem(
                    _("Erase the person"),
                    url=reverse("coaching:erase_person", args=[instance.user_id]),
                    icon_name="bin",
                    priority=50,
                ),
            ]
        return buttons


class TraineeProfileViewSet(ModelViewSet):
    model = TraineeProfile
    name = "trainees"
    url_prefix = "onboarding/new-hires"
    icon = "user"
    menu_label = _("New hires")
    index_view_class = TraineeProfileIndexView
    add_to_admin_menu = False
    form_fields = ["user", "start_date", "business_unit", "job_title"]
    list_display = ["__str__", "job_title", "business_unit", "start_date"]
    list_filter = ["business_unit", "start_date"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "job_title"]

    def get_queryset(self, request):
        return TraineeProfile.objects.select_related("user", "business_unit")


def _trail_link(link: CoachRelationship, action: str, by) -> None:
    trail.record(
        link,
        action,
        by=by,
        trainee_id=link.trainee_id,
        coach=display_name(link.coach),
        starts_on=link.starts_on.isoformat(),
        ends_on=link.ends_on.isoformat() if link.ends_on else "",
    )


class CoachRelationshipCreateView(generic.CreateView):
    def save_instance(self):
        with transaction.atomic():
            link = super().save_instance()
            _trail_link(link, "coaching.link_start", self.request.user)
        return link


class CoachRelationshipEditView(generic.EditView):
    def save_instance(self):
        with transaction.atomic():
            link = super().save_instance()
            if "ends_on" in self.form.changed_data and link.ends_on is not None:
                _trail_link(link, "coaching.link_end", self.request.user)
        return link


class CoachRelationshipViewSet(ModelViewSet):
    model = CoachRelationship
    name = "coach_relationships"
    url_prefix = "onboarding/coach-relationships"
    icon = "group"
    menu_label = _("Coach relationships")
    add_view_class = CoachRelationshipCreateView
    edit_view_class = CoachRelationshipEditView
    add_to_admin_menu = False
    form_fields = ["coach", "trainee", "is_primary", "starts_on", "ends_on"]
    list_display = ["trainee", "coach", "is_primary", "starts_on", "ends_on"]
    list_filter = ["is_primary"]
    search_fields = [
        "trainee__first_name",
        "trainee__last_name",
        "coach__first_name",
        "coach__last_name",
    ]

    def get_queryset(self, request):
        return CoachRelationship.objects.select_related("coach", "trainee")


class PeopleGroup(ModelViewSetGroup):
    items = (TraineeProfileViewSet, CoachRelationshipViewSet, NotificationViewSet)
    menu_icon = "group"
    menu_label = _("Onboarding people")
    menu_name = "onboarding-people"
