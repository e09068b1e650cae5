"""The plugin's settings, each with a default that works in a stock Wagtail site.

LESSONS_BASE_TEMPLATE   the host template that portal templates extend

Read here, and nowhere else, through the functions below.

What lessons leaves to Wagtail and to the apps built on it, so that it needs no setting:

- Who may read the portal: Wagtail's page privacy on the portal page ("Private,
  accessible to logged-in users"), which its pages inherit. Anonymous visitors are sent to
  Wagtail's WAGTAIL_FRONTEND_LOGIN_URL (a path or a URL name), as for any private page.
- The header's links, and signing out. lessons has no accounts of its own, so its header
  shows the portal, the signed-in person's name and, for staff, the admin; everything else
  comes through the Wagtail hook "lessons_header_items" (lessons.header): an app built on
  lessons adds its pages and a sign-out button there. A site that uses lessons alone adds
  its own sign-out the same way, as a form (Django's LogoutView takes POST only, so a
  link could not sign out); lessons does not guess a logout URL, since Django has no
  setting that names one.
"""

from django.conf import settings

DEFAULT_BASE_TEMPLATE = "lessons/base.html"


def base_template() -> str:
    template: str = getattr(settings, "LESSONS_BASE_TEMPLATE", DEFAULT_BASE_TEMPLATE)
    return template
