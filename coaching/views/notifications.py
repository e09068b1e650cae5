"""A person's notifications in the portal, and which of them they also get by email."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coaching.models import Notification, NotificationKind, Preferences
from coaching.notifications.inbox import mark_read, unread_count
from coaching.notifications.messages import message_for

from .base import paginate, posted, render_page

PAGE_SIZE = 20


@login_required
def notification_list(request):
    rows = Notification.objects.for_recipient(request.user).only(
        "kind", "params", "url", "created_at", "read_at"
    )
    page, query = paginate(request, rows, PAGE_SIZE)
    page.object_list = [(item, message_for(item)) for item in page.object_list]
    return render_page(
        request,
        "coaching/notifications/list.html",
        {"page_obj": page, "query": query, "has_unread": unread_count(request.user) > 0},
    )


@require_POST
@login_required
def open_notification(request, notification_id):
    """Mark one notification read and follow its link (a path inside this site only)."""
    notification = get_object_or_404(
        Notification.objects.for_recipient(request.user), pk=notification_id
    )
    mark_read(request.user, Notification.objects.filter(pk=notification.pk))
    safe = url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if notification.url and safe:
        return redirect(notification.url)
    return redirect("coaching:notifications")


@require_POST
@login_required
def mark_all_read(request):
    mark_read(request.user, Notification.objects.all())
    messages.success(request, _("All notifications are marked as read."))
    return redirect("coaching:notifications")


class EmailPreferencesForm(forms.Form):
    emailed = forms.MultipleChoiceField(
        label=gettext_lazy("Email me when"),
        choices=NotificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Whatever you choose, every notification also appears in the portal."
        ),
    )


@login_required
def notification_settings(request):
    preference, _created = Preferences.objects.get_or_create(user=request.user)
    every_kind = [kind for kind, _label in NotificationKind.choices]
    initial = [kind for kind in every_kind if preference.wants_email(kind)]
    form = EmailPreferencesForm(posted(request), initial={"emailed": initial})
    if request.method == "POST" and form.is_valid():
        emailed = set(form.cleaned_data["emailed"])
        preference.muted_kinds = [kind for kind in every_kind if kind not in emailed]
        preference.save(update_fields=["muted_kinds"])
        messages.success(request, _("Your email settings are saved."))
        return redirect("coaching:notification_settings")
    return render_page(
        request,
        "coaching/notifications/settings.html",
        {"form": form, "has_email": bool(request.user.email)},
    )
