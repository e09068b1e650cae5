"""Content in several languages (Wagtail's locales and translated pages).

Readers get each page in their language when a published translation exists, and the
page as written otherwise, with a note saying so. Nothing here runs unless the site sets
WAGTAIL_I18N_ENABLED.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation

T = TypeVar("T", bound=TranslatableMixin)


def enabled():
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


@dataclass
class InLanguage:
    """A page as shown to a reader: the version shown, and whether it is a fallback."""

    page: Page
    language: str  # the language the shown page is written in
    wanted: str  # the reader's language
    is_fallback: bool
    translated: bool = False  # a translation is shown, not the page the path names


def in_active_language(page):
    """The published translation of `page` in the active language, or `page` itself."""
    if not enabled():
        return InLanguage(page, "", "", False)
    active = Locale.get_active()
    if page.locale_id == active.pk:
        return InLanguage(page, active.language_code, active.language_code, False)
    translation = page.get_translations().live().filter(locale=active).specific().first()
    if translation is not None:
        return InLanguage(translation, active.language_code, active.language_code, False, True)
    original = Locale.objects.get(pk=page.locale_id).language_code
    return InLanguage(page, original, active.language_code, True)


def other_languages(page):
    """The page's published translations, for "read this page in" links."""
    if not enabled():
        return []
    return list(page.get_translations().live().select_related("locale").order_by("locale"))


def localized_all(objects: Iterable[T]) -> list[T]:
    """Each of `objects` (pages, or snippets with Wagtail's TranslatableMixin) in the
    active language: its translation there when there is one (a published one, for content
    with drafts), the object itself otherwise, in the same order. One query per model
    whatever the number of objects, where Wagtail's `localized` asks once per object."""
    objects = list(objects)
    if not enabled() or not objects:
        return objects
    active = Locale.get_active()
    wanted: dict[type[Any], set[UUID]] = {}
    for found in objects:
        if found.locale_id != active.pk:
            wanted.setdefault(type(found), set()).add(found.translation_key)
    translations: dict[tuple[type[Any], UUID], T] = {}
    for model, keys in wanted.items():
        rows = model._default_manager.filter(translation_key__in=keys, locale=active)
        if any(field.name == "live" for field in model._meta.get_fields()):
            rows = rows.filter(live=True)
        translations.update({(model, row.translation_key): row for row in rows})
    return [translations.get((type(found), found.translation_key), found) for found in objects]


def reader_language() -> str:
    """The active language as a content language code ("en", "id"), "" when none fits.
    No query: what `in_reader_language` looks up in a version's translations."""
    active = translation.get_language()
    if not active:
        return ""
    try:
        return get_supported_content_language_variant(active)
    except LookupError:
        return ""


def in_reader_language(translations: dict[str, dict[str, str]], name: str, original: str) -> str:
    """`name` from `translations` ({language code: {name: text}}) in the reader's language,
    `original` when it is not translated into it (or the translation is empty)."""
    return translations.get(reader_language(), {}).get(name) or original


def translation_source(found: TranslatableMixin) -> TranslatableMixin | None:
    """The object that `found` is a wagtail-localize translation of (in its source locale),
    or None when `found` is an original (written in its own locale, or a source itself)."""
    made = (
        Translation.objects.filter(
            source__object_id=found.translation_key,
            source__specific_content_type=ContentType.objects.get_for_model(found),
            target_locale_id=found.locale_id,
        )
        .exclude(source__locale_id=found.locale_id)
        .select_related("source__specific_content_type")
        .first()
    )
    if made is None:
        return None
    try:
        source: TranslatableMixin = made.source.get_source_instance()
    except ObjectDoesNotExist:
        return None
    return source
