"""Pages follow their reader: each portal page in the language the reader reads in.

Whoever reads, a page is served in the language they want: the one a `?lang=` names (the
"This page in" links carry it: reading one page in another language is a choice, and it
is kept), else the reader's own. lessons has no accounts, so the reader's language comes
from the apps built on it, through the Wagtail hook "lessons_reader_language": each
function registered there is called with the request and returns a language code, or
nothing (for an anonymous visitor, say, who gets the page their address names). For
example, an app's wagtail_hooks.py:

    @hooks.register("lessons_reader_language")
    def reader_language(request):
        if request.user.is_authenticated:
            return request.user.profile.language

When a page is asked for in another language than the one wanted:
- a live translation in the wanted language: a redirect there (302, the same query string
  and, for a portal's own routes such as a path outline, the same route);
- none yet: the page as written, its header, navigation and a note saying it is not
  translated yet in the reader's language (lessons/includes/language_note.html).

A reader in the language the address names costs no query at all; one who is not costs
one (the page's translations, with their locales).
"""

from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from lessons import i18n
from lessons.models.pages import PortalPageMixin

HOOK_NAME = "lessons_reader_language"
READ_METHODS = ("GET", "HEAD")


def reader_language(request) -> str:
    """The language the reader reads in, from the first hook that knows; "" if none does."""
    for ask in hooks.get_hooks(HOOK_NAME):
        language = ask(request)
        if language:
            return str(language)
    return ""


def wanted_language(request) -> str:
    """The language this request wants its page in: a `?lang=` (one of the content
    languages), else the reader's; "" when nothing says."""
    asked = request.GET.get("lang", "")
    languages = i18n.content_languages()
    if asked in languages:
        return asked
    language = reader_language(request)
    return language if language in languages else ""


def follow_the_reader(serve):
    """Wagtail's "on_serve_page" hook (inside its page privacy check, so only those who may
    read a page learn where its translation is): see the module's docstring."""

    def serve_in_language(page, request, args, kwargs):
        response = _redirect_to_translation(page, request)
        if response is not None:
            return response
        response = serve(page, request, args, kwargs)
        if i18n.shown_instead(request) is not None:
            add_never_cache_headers(response)  # the note is for this reader
        return response

    return serve_in_language


def _redirect_to_translation(page: Page, request):
    ours = isinstance(page, PortalPageMixin)  # (a flag: Page stays Page for the checker)
    if not ours or request.method not in READ_METHODS:
        return None
    wanted = wanted_language(request)
    # An alias (wagtail-localize's copy of an untranslated page in a synchronised tree)
    # stands in the wanted language with words in another: it gets the note.
    if not wanted or (wanted == translation.get_language() and page.alias_of_id is None):
        return None
    versions = {version.pk: version for version in _live_versions(page)}
    written = versions.get(page.alias_of_id or page.pk, page).locale.language_code
    in_wanted = next(
        (version for version in versions.values() if version.locale.language_code == wanted),
        None,
    )
    if in_wanted is not None and in_wanted.pk != page.pk:
        response = HttpResponseRedirect(_same_route(request, page, in_wanted))
        add_never_cache_headers(response)  # where it leads depends on the reader
        return response
    if written != wanted:
        setattr(request, i18n.SHOWN_INSTEAD, i18n.InLanguage(page, written, wanted, True))
        # The page's frame (header, headings, links) speaks the reader's language.
        translation.activate(wanted)
        request.LANGUAGE_CODE = wanted
    return None


def _live_versions(page):
    """The page and its live translations (aliases too), each with its locale: one query."""
    return page.get_translations(inclusive=True).live().select_related("locale")


def _same_route(request, page, translated):
    """The translation's address, with the route below the page (a portal's path outline,
    say) and the query string kept."""
    here = page.get_url(request) or ""
    below = request.path[len(here) :] if here and request.path.startswith(here) else ""
    query = request.META.get("QUERY_STRING", "")
    return (translated.get_url(request) or "/") + below + (f"?{query}" if query else "")


class PageLinkInLanguage(PageLinkHandler):
    """Rich text's links to pages, each to the page in the reader's language as Wagtail's
    own handler does, with the translations of all the links of a text fetched at once
    (lessons.i18n.localized_all) where Wagtail's asks twice a link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        found = iter(i18n.localized_all([page for page in pages if page is not None]))
        return [
            format_html('<a href="{}">', next(found).url) if page is not None else "<a>"
            for page in pages
        ]


def register_page_links(features):
    """Wagtail's "register_rich_text_features" hook, after Wagtail's own (which registers
    its page link handler under the same name)."""
    features.register_link_type(PageLinkInLanguage)
