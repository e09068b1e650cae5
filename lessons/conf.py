"""The plugin's settings, each with a default that works in a stock Wagtail site.

LESSONS_BASE_TEMPLATE   the host template that portal templates extend
LESSONS_LOGIN_REQUIRED  whether the portal's pages need a signed-in person (default True)
LESSONS_LOGIN_URL       where to send anonymous visitors (default: the plugin's sign-in
                        page when its URLconf is included, else Django's LOGIN_URL)

The header's links, and signing out: lessons has no accounts of its own, so its header
shows the portal, the signed-in person's name and, for staff, the admin; everything else
comes through the Wagtail hook "lessons_header_items" (lessons.header): an app built on
lessons adds its pages and a sign-out button there. A site that uses lessons alone adds its
own sign-out the same way, as a form (Django's LogoutView takes POST only, so a link could
not sign out); lessons does not guess a logout URL, since Django has no setting that names
one.
"""

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch

DEFAULT_BASE_TEMPLATE = "lessons/base.html"
DEFAULT_LOGIN_URL = "coaching:sign_in"


def base_template():
    return getattr(settings, "LESSONS_BASE_TEMPLATE", DEFAULT_BASE_TEMPLATE)


def login_required():
    return getattr(settings, "LESSONS_LOGIN_REQUIRED", True)


def login_url():
    try:
        return resolve_url(getattr(settings, "LESSONS_LOGIN_URL", DEFAULT_LOGIN_URL))
    except NoReverseMatch:
        return resolve_url(settings.LOGIN_URL)
