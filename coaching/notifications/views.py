"""A person's notifications in the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coaching.common.pages import paginate, render_page
from coaching.conf import coaching_settings
from coaching.notifications.inbox import mark_read, unread_count
from coaching.notifications.messages import message_for
from coaching.notifications.models import Notification


@login_required
def notification_list(request):
    rows = Notification.objects.for_recipient(request.user).only(
        "kind", "params", "url", "created_at", "read_at"
    )
    page, query = paginate(request, rows, coaching_settings.NOTIFICATIONS_PAGE_SIZE)
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
