"""The calendar feed (read with its token), the portal's "Your calendar" settings, and
cancelling a 1:1."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coaching.common.types import User
from coaching.record import roles
from coaching.record.models import OneOnOne

from .changes import CancelRefused, cancel_one_on_one
from .feed import feed_for
from .models import CalendarFeed


@require_GET
def feed(request, token):
    """The feed of whoever holds the token: no session, since calendar apps have none. An
    unknown (or replaced) token, or a person no longer active, is 404."""
    found = (
        CalendarFeed.objects.select_related(
            "person__wagtail_userprofile", "person__preferences__site"
        )
        .filter(token=token, person__is_active=True)
        .first()
    )
    if found is None:
        raise Http404
    response = HttpResponse(feed_for(found.person), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def calendar_settings(request, person: User) -> dict:
    """What the portal's Settings page shows of the person's calendar feed (no write)."""
    found = CalendarFeed.objects.filter(person=person).first()
    if found is None:
        return {"calendar_feed_url": ""}
    url = reverse("coaching:calendar_feed", args=[found.token])
    return {"calendar_feed_url": request.build_absolute_uri(url)}


@require_POST
@login_required
def new_link(request):
    """Make the person's feed link, or a new one in place of the old (which stops working)."""
    found, created = CalendarFeed.objects.get_or_create(person=request.user)
    if created:
        messages.success(request, _("Your calendar link is ready. Add it to your calendar app."))
    else:
        found.renew()
        messages.success(
            request,
            _("Your calendar has a new link. The old one no longer works: add the new one."),
        )
    return redirect(reverse("coaching:preferences") + "#calendar")


@require_POST
@login_required
def cancel_meeting(request, entry_id):
    """Cancel a 1:1 still to come (its author, who may edit it, does)."""
    entry, role = roles.entry_and_role_or_404(request.user, entry_id)
    if not isinstance(entry, OneOnOne) or not roles.may_edit(request.user, entry, role):
        raise Http404
    try:
        cancel_one_on_one(entry, by=request.user)
    except CancelRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("coaching:entry", entry.pk)
    messages.success(request, _("The 1:1 is cancelled, and the other person is told."))
    return redirect("coaching:record", entry.trainee_id)
