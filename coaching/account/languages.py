"""Which language a person reads the product in: the portal, the Wagtail admin (the
plugin's reports and exports among it) and the emails written to them.

One choice per person, kept in one place: Wagtail's own account language
(`wagtail.users` UserProfile.preferred_language). The portal's Settings and the header's
switcher write it, the admin's Account page writes it, and Wagtail's admin reads it for
every admin view. "" means no choice: until a person chooses, they read the browser's
language when the site offers it (Accept-Language, or the switcher's cookie), else the
site's default (LANGUAGE_CODE). Emails, sent outside any request, use the choice, else
the site's default. Wagtail pages served under a language prefix (/id/...) keep the
language their URL names.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.users.models import UserProfile

from coaching.common.types import User
from coaching.conf import coaching_settings


def available(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def supported(code: str) -> str:
    """The site's language for `code`, or "": Wagtail's admin, unless the site limits it
    (WAGTAILADMIN_PERMITTED_LANGUAGES), offers its own codes, such as "id-id" for "id"."""
    if not code:
        return ""
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return ""


def _cache_key(user_id):
    return f"coaching:language:{user_id}"


def chosen_language(user):
    """The language the person chose, one of the site's LANGUAGES, or "" to follow the
    browser. Cached, since every page asks; saving the choice (here or on the admin's
    Account page) clears it."""
    if not user.is_authenticated:
        return ""

    def lookup():
        stored = (
            UserProfile.objects.filter(user=user)
            .values_list("preferred_language", flat=True)
            .first()
        )
        return supported(stored or "")

    return cache.get_or_set(_cache_key(user.pk), lookup, coaching_settings.LANGUAGE_CACHE_SECONDS)


def forget_language(user: User) -> None:
    """Clear the cached choice after it changed."""
    cache.delete(_cache_key(user.pk))


def profile_saved(sender, instance, **kwargs):
    """Connected to UserProfile's post_save in CoachingConfig.ready: the admin's Account
    page saves the language there. Cleared now and again once committed, so a page read
    in between cannot keep the old choice cached."""
    key = _cache_key(instance.user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def remember_language(user, code):
    """Save the person's choice ("" follows the browser), for the portal, the admin and
    their emails alike."""
    # Saving the profile clears the cached choice (profile_saved).
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": code})


def language_for_request(request):
    chosen = chosen_language(request.user) if hasattr(request, "user") else ""
    if chosen:
        return chosen
    return translation.get_language_from_request(request, check_path=False)


def reader_language(request) -> str:
    """The language a signed-in person reads Wagtail's pages in (lessons.reading leads
    them to each page's translation in it); "" for an anonymous visitor, who gets the page
    their address names."""
    if not request.user.is_authenticated:
        return ""
    return language_for_request(request)


def recipient_language(user: User) -> str:
    """The language to write to a person in (emails), outside any request: their choice,
    else the site's default. Select `wagtail_userprofile` with the person to spare a query."""
    profile = getattr(user, "wagtail_userprofile", None)
    chosen = supported(profile.preferred_language) if profile is not None else ""
    return chosen or settings.LANGUAGE_CODE
