from datetime import timedelta

from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from coaching.common import names, numbers
from coaching.common.text import render_user_text
from coaching.conf import coaching_settings
from coaching.learning.models import ProgressStatus
from coaching.notifications.inbox import unread_count
from coaching.people.access import can_coach
from coaching.reports.scope import report_scope
from coaching.rereading.models import ReadAgainReason

register = template.Library()


def _header_roles(user):
    coaches = can_coach(user)
    return {"coach": coaches, "reports": _reports_url(user, coaches)}


def _reports_url(user, coaches):
    if user.is_staff or not user.has_perm("wagtailadmin.access_admin"):
        return ""  # staff have the header's Admin link; others cannot open the admin
    if report_scope(user, coaching=lambda _user: coaches) is None:
        return ""
    return reverse("onboarding_reports:completion", kwargs={"by": "path"})


def _nav(context):
    """Which of the header's role links the signed-in person gets: the coach dashboard
    ("coach") and, for those with reports but no "Admin" link (coaches), "Reports" (its
    URL, or ""). Worked out once a request and cached per person for a few minutes, in one
    entry for both links, so that a page pays one cache read (a query with the database
    cache) rather than a permission lookup; the pages linked to check access afresh."""
    request = context["request"]
    if not request.user.is_authenticated:
        return {"coach": False, "reports": ""}
    memo = request.__dict__
    if "_coaching_nav" not in memo:
        user = request.user
        memo["_coaching_nav"] = cache.get_or_set(
            f"coaching:nav:{user.pk}",
            lambda: _header_roles(user),
            coaching_settings.NAV_ROLE_CACHE_SECONDS,
        )
    return memo["_coaching_nav"]


@register.simple_tag(takes_context=True)
def shows_coach_dashboard(context):
    """Whether the header links to the coach dashboard."""
    return _nav(context)["coach"]


@register.simple_tag(takes_context=True)
def reports_link(context):
    """Where the header's "Reports" link goes, or "" for no link."""
    return _nav(context)["reports"]


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
def initials(user):
    """Up to two letters standing in for a person's photo."""
    return names.initials(user) if user else ""


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


# A count or a measure for reading, grouped in the active language: {{ total|figure }}.
register.filter("figure", numbers.figure)


# A step's status as a badge, in every list of steps (the path page, the coach's page of a
# new hire, the welcome page, the step's own page): a tag, not an include a step.
@register.simple_tag
def step_status(state, coach_view=False):
    modifier = ""
    if state.read_again == ReadAgainReason.CHANGED:
        text = _("Updated since they read it") if coach_view else _("Updated since you read it")
        modifier = "badge--waiting"
    elif state.read_again in (ReadAgainReason.COACH, ReadAgainReason.ASKED):
        modifier, text = "badge--waiting", _("Asked to read again")
    elif state.pass_again:
        text = _("Asked to pass the new check") if coach_view else _("Check changed: pass it again")
        modifier = "badge--waiting"
    elif state.is_waived:
        modifier, text = "badge--done", _("Waived")
    elif state.is_done:
        modifier, text = "badge--done", _("Done")
    elif state.status == ProgressStatus.SUBMITTED:
        modifier, text = "badge--waiting", _("Waiting for sign-off")
    elif state.status == ProgressStatus.RETURNED:
        modifier, text = "badge--returned", _("Sent back")
    elif state.status == ProgressStatus.PLANNED:
        when = date_format(timezone.localtime(state.progress.scheduled_for), "DATETIME_FORMAT")
        modifier, text = "badge--planned", _("Planned for %(when)s") % {"when": when}
    elif state.withdrawal:
        modifier, text = "badge--returned", _("Withdrawn")
    else:
        text = _("To do")
    return format_html('<span class="{}">{}</span>', f"badge {modifier}".strip(), text)
