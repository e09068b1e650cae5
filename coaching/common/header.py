"""What coaching adds to the portal's header, through lessons' hooks (lessons.header): its
pages before the person's name, signing out at the end, and the notifications badge in
sight beside the menu button. Registered in coaching/wagtail_hooks.py."""

from django.http import HttpRequest
from django.template.loader import render_to_string


def coaching_links(request: HttpRequest) -> str | None:
    if not request.user.is_authenticated:
        return None
    return render_to_string(
        "coaching/includes/header_links.html", {"request": request}, request=request
    )


def notifications(request: HttpRequest) -> str | None:
    if not request.user.is_authenticated:
        return None
    return render_to_string("coaching/includes/header_notifications.html", request=request)


def sign_out(request: HttpRequest) -> str | None:
    if not request.user.is_authenticated:
        return None
    return render_to_string("coaching/includes/sign_out.html", request=request)
