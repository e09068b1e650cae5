"""Which site a person's emails link to: the one they last signed in on.

Emails are sent outside any request, so the site is recorded when the person signs in
(Django's user_logged_in signal: one write per sign-in, nothing on other pages). It is the
Wagtail Site whose hostname they signed in at; on a host that no Site names, which Wagtail
serves as its default site, nothing is recorded. Emails link to the recorded site's root
URL (Wagtail's Site.root_url: https for port 443, as for Wagtail's own full URLs), and
otherwise, as for someone who has never signed in, to COACHING_SITE_URL, else to
WAGTAILADMIN_BASE_URL.
"""

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from coaching.account.models import Preferences
from coaching.common.types import User
from coaching.conf import coaching_settings


def site_named_by(request):
    """The Site whose own hostname the request is for, or None."""
    # Django's test client (force_login) and some authentication backends sign people in
    # with a bare HttpRequest that names no host.
    if "HTTP_HOST" not in request.META and "SERVER_NAME" not in request.META:
        return None
    site = Site.find_for_request(request)
    hostname = split_domain_port(request.get_host())[0]
    return site if site is not None and site.hostname == hostname else None


def remember_site(sender, request, user, **kwargs):
    """Connected to user_logged_in in CoachingConfig.ready."""
    if request is None:
        return
    site = site_named_by(request)
    if not Preferences.objects.filter(user=user).update(site=site) and site is not None:
        Preferences.objects.get_or_create(user=user, defaults={"site": site})


def site_url_for(user: User) -> str:
    """The start of the links in a person's emails (no trailing slash)."""
    preferences = getattr(user, "preferences", None)
    if preferences is not None and preferences.site_id:
        return preferences.site.root_url
    return coaching_settings.SITE_URL or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
