"""The demo site throttles sign-in with django-axes; this is its lockout callable
(`AXES_LOCKOUT_CALLABLE`), showing the plugin's lockout page, and what makes axes forget a
person the plugin erases."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from coaching.account.lockout import locked_out_page


def locked_out(request, response=None, credentials=None):
    cool_off = get_cool_off(request)  # however the site configured AXES_COOLOFF_TIME
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    return locked_out_page(request, minutes)


def forget_erased_person(sender, person, identifiers, **kwargs):
    """Connected to the plugin's `person_erased` (config.demo's ready): django-axes keeps
    every sign-in and failed sign-in by username, which an erased person must lose too."""
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__in=identifiers).delete()
