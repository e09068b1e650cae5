"""Which language a person reads the plugin's pages and emails in.

A person's choice (Preferences.language) comes first; without one, the language cookie
set by the switcher, then the browser's Accept-Language, then the site's default. Wagtail
pages served under a language prefix (/id/...) keep the language their URL names.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from coaching.account.models import Preferences
from coaching.common.types import User
from coaching.conf import coaching_settings


def available(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def _cache_key(user_id):
    return f"coaching:language:{user_id}"


def chosen_language(user):
    """The language the person chose, or "" to follow the browser. Cached, since every page
    asks; `remember_language` clears it."""
    if not user.is_authenticated:
        return ""

    def lookup():
        row = Preferences.objects.filter(user=user).values_list("language", flat=True).first()
        return row or ""

    return cache.get_or_set(_cache_key(user.pk), lookup, coaching_settings.LANGUAGE_CACHE_SECONDS)


def forget_language(user: User) -> None:
    """Clear the cached choice after it changed."""
    cache.delete(_cache_key(user.pk))


def remember_language(user, code):
    """Save the person's choice ("" follows the browser)."""
    Preferences.objects.update_or_create(user=user, defaults={"language": code})
    forget_language(user)


def language_for_request(request):
    chosen = chosen_language(request.user) if hasattr(request, "user") else ""
    if chosen and available(chosen):
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
    """The language to write to a person in (emails), outside any request."""
    preferences = getattr(user, "preferences", None)
    chosen = preferences.language if preferences is not None else ""
    return chosen if available(chosen) else settings.LANGUAGE_CODE
