"""The admin screen where HR sees which notification emails went out, wait or failed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from coaching.notifications.models import Notification


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Anyone with the view permission may look; nobody adds, edits or deletes here."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and super().user_has_permission(user, "view")


class NotificationInspectView(InspectView):
    """Shows a dash where a notification has no value yet (not read, no attempt planned,
    not emailed), where Wagtail would write Python's "None" in every language."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "\u2014" if value is None or value == "" else value


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
    inspect_view_class = NotificationInspectView
    form_fields: list[str] = []
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
