"""Wagtail admin screens for HR: new hires and who coaches whom. Registered in wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from coaching.models import CoachRelationship, Notification, TraineeProfile


class TraineeProfileViewSet(ModelViewSet):
    model = TraineeProfile
    name = "new_hires"
    url_prefix = "onboarding/new-hires"
    icon = "user"
    menu_label = _("New hires")
    add_to_admin_menu = False
    form_fields = ["user", "start_date", "business_unit", "job_title"]
    list_display = ["__str__", "job_title", "business_unit", "start_date"]
    list_filter = ["business_unit", "start_date"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "job_title"]

    def get_queryset(self, request):
        return TraineeProfile.objects.select_related("user", "business_unit")


class CoachRelationshipViewSet(ModelViewSet):
    model = CoachRelationship
    name = "coach_relationships"
    url_prefix = "onboarding/coach-relationships"
    icon = "group"
    menu_label = _("Coach relationships")
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


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Anyone with the view permission may look; nobody adds, edits or deletes here."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and super().user_has_permission(user, "view")


class NotificationViewSet(ModelViewSet):
    """For HR: which notifications went out by email, and which are waiting or failed.
    Read-only: `ReadOnlyPolicy` is registered for Notification in wagtail_hooks.py."""

    model = Notification
    name = "notification_emails"
    url_prefix = "onboarding/notification-emails"
    icon = "mail"
    menu_label = _("Notification emails")
    add_to_admin_menu = False
    inspect_view_enabled = True
    form_fields = []
    list_display = ["recipient", "kind", "created_at", "email_status", "email_attempts"]
    list_filter = ["email_status", "kind"]
    search_fields = ["recipient__first_name", "recipient__last_name", "recipient__username"]
    inspect_view_fields = [
        "recipient",
        "kind",
        "created_at",
        "read_at",
        "email_status",
        "email_attempts",
        "email_next_attempt_at",
        "email_last_error",
        "emailed_at",
    ]

    def get_queryset(self, request):
        return Notification.objects.select_related("recipient")


class PeopleGroup(ModelViewSetGroup):
    items = (TraineeProfileViewSet, CoachRelationshipViewSet, NotificationViewSet)
    menu_icon = "group"
    menu_label = _("Onboarding people")
    menu_name = "onboarding-people"
