from datetime import timedelta

from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from coaching.common import names
from coaching.common.text import render_user_text
from coaching.conf import coaching_settings
from coaching.notifications.inbox import unread_count
from coaching.people.access import can_coach
from coaching.reports.scope import report_scope

register = template.Library()


@register.simple_tag(takes_context=True)
def shows_coach_dashboard(context):
    """Whether the header links to the coach dashboard.

    Cached per person for a few minutes so that every page does not pay for a
    permission lookup; the dashboard itself always checks access afresh.
    """
    user = context["request"].user
    if not user.is_authenticated:
        return False
    return cache.get_or_set(
        f"coaching:nav:coach:{user.pk}",
        lambda: can_coach(user),
        coaching_settings.NAV_ROLE_CACHE_SECONDS,
    )


def _reports_url(user):
    if user.is_staff or not user.has_perm("wagtailadmin.access_admin"):
        return ""  # staff have the header's Admin link; others cannot open the admin
    if report_scope(user) is None:
        return ""
    return reverse("onboarding_reports:completion", kwargs={"by": "path"})


@register.simple_tag(takes_context=True)
def reports_link(context):
    """Where the header's "Reports" link goes, or "": for people who may see some
    onboarding reports in the admin but have no "Admin" link (coaches). Cached per person,
    as the coach dashboard's link is; the reports check access afresh."""
    user = context["request"].user
    if not user.is_authenticated:
        return ""
    return cache.get_or_set(
        f"coaching:nav:reports:{user.pk}",
        lambda: _reports_url(user),
        coaching_settings.NAV_ROLE_CACHE_SECONDS,
    )


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """The signed-in person's unread notifications, for the header."""
    user = context["request"].user
    return unread_count(user) if user.is_authenticated else 0


@register.filter
def display_name(user):
    """A person's name as the plugin shows it everywhere (coaching.names.display_name)."""
    return names.display_name(user)


@register.filter
def user_text(text):
    """A person's plain text as safe HTML: escaped, links and line breaks kept."""
    return render_user_text(text)


@register.filter
def ago(moment):
    """How long ago `moment` was, as every page says it: "3 hours ago", or "just now"
    for the last minute (where Django's timesince says "0 minutes")."""
    if not moment:
        return ""
    if timezone.now() - moment < timedelta(minutes=1):
        return _("just now")
    return _("%(since)s ago") % {"since": timesince(moment)}
