"""The demo site throttles sign-in with django-axes; this is its lockout callable
(`AXES_LOCKOUT_CALLABLE`), showing the plugin's lockout page."""

from axes.helpers import get_cool_off

from coaching.account.lockout import locked_out_page


def locked_out(request, response=None, credentials=None):
    cool_off = get_cool_off(request)  # however the site configured AXES_COOLOFF_TIME
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    return locked_out_page(request, minutes)
