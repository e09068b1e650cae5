"""What a person sees when sign-in is throttled (django-axes calls `locked_out`)."""

from django.conf import settings

from .base import render_page

TOO_MANY_REQUESTS = 429


def _cool_off_minutes():
    cool_off = getattr(settings, "AXES_COOLOFF_TIME", None)
    if cool_off is None:
        return None
    if hasattr(cool_off, "total_seconds"):
        return max(1, round(cool_off.total_seconds() / 60))
    return max(1, round(float(cool_off) * 60))  # axes also takes hours as a number


def locked_out(request, response=None, credentials=None):
    """Too many failed sign-ins: say so plainly, say when to try again, and who can help."""
    return render_page(
        request,
        "coaching/locked_out.html",
        {"minutes": _cool_off_minutes()},
        status=TOO_MANY_REQUESTS,
    )
