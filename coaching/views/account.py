"""What a person sees when sign-in is throttled (django-axes calls `locked_out`)."""

from axes.helpers import get_cool_off

from .base import render_page

TOO_MANY_REQUESTS = 429


def _cool_off_minutes(request):
    cool_off = get_cool_off(request)  # however the site configured AXES_COOLOFF_TIME
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else None


def locked_out(request, response=None, credentials=None):
    """Too many failed sign-ins: say so plainly, say when to try again, and who can help."""
    return render_page(
        request,
        "coaching/locked_out.html",
        {"minutes": _cool_off_minutes(request)},
        status=TOO_MANY_REQUESTS,
    )
