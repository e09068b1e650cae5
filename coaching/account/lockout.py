"""What a person sees when the host site throttles sign-in.

The plugin does not throttle by itself; a host that does (the demo uses django-axes, see
`config/lockout.py`) answers a locked-out person with `locked_out_page`.
"""

from coaching.common.pages import render_page

TOO_MANY_REQUESTS = 429


def locked_out_page(request, minutes=None):
    """Too many failed sign-ins: say so plainly, say when to try again (`minutes`, if the
    host knows), and who can help."""
    return render_page(
        request,
        "coaching/account/locked_out.html",
        {"minutes": minutes},
        status=TOO_MANY_REQUESTS,
    )
