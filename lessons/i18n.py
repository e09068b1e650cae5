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
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation

T = TypeVar("T", bound=TranslatableMixin)
P = TypeVar("P", bound=Page)


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


def published(rows: QuerySet[T]) -> QuerySet[T]:
    """`rows` without drafts, for content that has them (pages, checks, paths): a draft
    translation is not shown yet."""
    if any(field.name == "live" for field in rows.model._meta.get_fields()):
        return rows.filter(live=True)
    return rows


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
        rows = published(model._default_manager.filter(translation_key__in=keys, locale=active))
        translations.update({(model, row.translation_key): row for row in rows})
    return [translations.get((type(found), found.translation_key), found) for found in objects]


def content_languages() -> set[str]:
    """The language codes content can be written in (WAGTAIL_CONTENT_LANGUAGES)."""
    return set(get_content_languages()) if enabled() else set()


def content_language_name(code: str) -> str:
    """A content language's name as the site names it, in the active language."""
    return str(get_content_languages().get(code, code)) if enabled() else code


def across_translations(queryset: QuerySet[P], relation: str, pages: Iterable[Page]) -> QuerySet[P]:
    """`queryset`'s pages that stand in `relation` ("child_of", "descendant_of",
    "sibling_of": Wagtail's PageQuerySet filters) to any of `pages` (a page and its
    translations), in one query, each with its locale: a translated tree may lack pages
    its original has, and the original may lack pages written only in a translation."""
    where = Q()
    for page in pages:
        where |= getattr(queryset, f"{relation}_q")(page)
    return queryset.filter(where).select_related("locale")


def once_each(pages: Iterable[P], home_locale_id: int | None = None) -> list[P]:
    """One of each page from `pages` (which may hold several translations of a page, each
    with its locale fetched): the one in the active language when there is one, else the
    one in `home_locale_id` (the locale of the page that lists them), else the first.
    In the order of `pages`."""
    pages = list(pages)
    active = active_content_language()

    def rank(page: P) -> int:
        if page.locale.language_code == active:
            return 0
        return 1 if page.locale_id == home_locale_id else 2

    chosen: dict[UUID, P] = {}
    for page in pages:
        best = chosen.get(page.translation_key)
        if best is None or rank(page) < rank(best):
            chosen[page.translation_key] = page
    return [page for page in pages if chosen[page.translation_key] is page]


# The page a reader is shown in place of the one in their language (lessons.reading sets it
# when it serves a page that is not translated yet): read by the page's template context.
SHOWN_INSTEAD = "_lessons_shown_instead"


def shown_instead(request) -> InLanguage | None:
    """The untranslated page this request shows its reader, with both languages; None
    when the reader gets the page in their language (or asked for it as it is)."""
    return getattr(request, SHOWN_INSTEAD, None)


def active_content_language() -> str:
    """The active language as a content language code (a Locale's: "en", "id"), "" when
    content has one language only or none fits. No query (Locale.get_active asks one)."""
    if not enabled():
        return ""
    try:
        return get_supported_content_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return ""


def localized_field(model: type[TranslatableMixin], field: str = "name", via: str = "") -> Any:
    """A query expression: `field` of a `model` row in the active language, from its
    translation there, or the row's own `field` where it has none. `via` is the lookup
    path to a foreign key ("business_unit__") when the row is a related one; the value is
    NULL when nothing is pointed at. Lists, groups, orders and exports use it in their own
    query (no query of its own, whatever the number of rows), where `localized_all`
    fetches whole objects. Built when called: call it for each request."""
    own = F(f"{via}{field}")
    language = active_content_language()
    if not language:
        return own
    translated = published(
        model._default_manager.filter(
            translation_key=OuterRef(f"{via}translation_key"), locale__language_code=language
        )
    )
    return Coalesce(Subquery(translated.values(field)[:1]), own)


def originals(queryset: QuerySet[T]) -> QuerySet[T]:
    """One row per translatable thing from `queryset`: the original, the first row of its
    translation key (wagtail-localize writes translations after their source), in whatever
    locale it was written. What foreign keys point at and choosers offer."""
    earlier = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return queryset.filter(~Exists(earlier))


def show_related_in_active_language(objects: Iterable[Any], field: str) -> list[Any]:
    """`objects` with their `field` (a foreign key to a translatable snippet, already
    fetched) shown in the active language: the cached related object is its translation,
    while the stored key still names the original. One query per model (`localized_all`)."""
    objects = list(objects)
    related = [getattr(found, field) for found in objects]
    shown = iter(localized_all([row for row in related if row is not None]))
    for found, row in zip(objects, related, strict=True):
        if row is not None:
            found._meta.get_field(field).set_cached_value(found, next(shown))
    return objects


def in_reader_language(translations: dict[str, dict[str, str]], name: str, original: str) -> str:
    """`name` from `translations` ({language code: {name: text}}) in the reader's language,
    `original` when it is not translated into it (or the translation is empty)."""
    return translations.get(active_content_language(), {}).get(name) or original


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


# Several things' words in every language, under one name each, as `in_reader_language`
# reads them: {language code: {name: text}}. Kept with what names them (a notification's
# details, an audit entry's data), so a sentence written once reads in anyone's language.
Wordings = dict[str, dict[str, str]]


def texts_of(translations: Wordings, field: str = "title") -> dict[str, str]:
    """One field of a translated thing (a path version's `translations`) by language code:
    {"id": "Orientasi perusahaan"}; languages it is empty in are left out."""
    return {code: words[field] for code, words in translations.items() if words.get(field)}


def wordings(**named: dict[str, str]) -> Wordings:
    """`named` ({name: {language code: text}}, as `texts_of` gives) turned around:
    {language code: {name: text}}. wordings(path=texts_of(version.translations))."""
    gathered: Wordings = {}
    for name, texts in named.items():
        for code, text in texts.items():
            if text:
                gathered.setdefault(code, {})[name] = text
    return gathered


def in_reader_language_all(values: dict[str, Any], translations: Wordings) -> dict[str, Any]:
    """`values` with each text that `translations` has in the reader's language in place of
    the one written (only for names `values` has): what was stored without translations
    reads as it was written."""
    found = translations.get(active_content_language(), {}) if translations else {}
    return {
        **values,
        **{name: text for name, text in found.items() if text and name in values},
    }


def translated_names(found: TranslatableMixin, field: str = "name") -> dict[str, str]:
    """`field` of each translation of `found` (a translatable snippet or page; published
    ones, for content with drafts) by language code, in one query: {"id": "Satu tim"}."""
    if not enabled():
        return {}
    model = type(found)
    rows = published(
        model._default_manager.filter(translation_key=found.translation_key).exclude(
            locale_id=found.locale_id
        )
    )
    return {code: text for code, text in rows.values_list("locale__language_code", field) if text}
