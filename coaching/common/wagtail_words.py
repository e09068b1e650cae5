"""Bahasa Indonesia for Wagtail's own words on the admin pages the plugin's people use.

Wagtail 8.0's Indonesian (its `id_ID` catalogs, which Django finds for the language "id":
Python's gettext expands "id" to "id_ID") translates 266 of the admin's 950 strings, so
the chrome around the plugin's admin pages was English for someone who reads Bahasa
Indonesia: the skip link, the sidebar's menu, breadcrumbs, filters, sorting and
pagination, the keyboard shortcuts dialog, the dashboard's summary, the edit form's side
panels, history. Here are those of Wagtail's (and wagtail-localize's) msgids that its
catalogs leave untranslated, spelled exactly as Wagtail's `en` catalogs spell them, plural
forms included, so that `make messages` keeps them in coaching's catalog, which translates
them. The catalog travels with the app, so a host site that installs the plugin gets them.

Only msgids Wagtail has no Indonesian for are here, so Wagtail's own translations are
read wherever it has them, whatever the order of INSTALLED_APPS. (`Bold` and `Italic`,
which Wagtail's Indonesian leaves in English, count as none: ours are read where coaching
comes before wagtail.admin, as in the README's example; so are coaching's copies of
the two Wagtail templates that show a word without translating it, the dashboard's and
the header's actions.) tests/coaching/common/test_wagtail_words.py checks all of it:
when a Wagtail release translates one of these, the test names it, and its entry goes
(and this module, once Wagtail's Indonesian covers them all). Django reads these
translations from the catalog; the test reads WAGTAIL_WORDS.

Wagtail's JavaScript (the sidebar, side panels, the minimap, the rich text editor) reads
its words from the browser's `django.catalog`, which Wagtail's JavaScript catalog fills
from wagtail.admin's djangojs catalogs alone. Coaching's `djangojs.po` translates what
Wagtail's leaves untranslated (`make messages` does not touch it), and `admin_script`, on
every admin page, adds it with a catalog script of ours, `javascript_catalog`: Django's
catalog scripts add their words to `django.catalog` rather than replace it.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_noop, ngettext_lazy
from django.views.i18n import JavaScriptCatalog

_catalog = JavaScriptCatalog.as_view(domain="djangojs", packages=["coaching"])


def javascript_catalog(request: HttpRequest) -> HttpResponseBase:
    """Coaching's djangojs catalog in the language `?language=` names (one the site offers),
    else in the person's (coaching.account.middleware)."""
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        return _catalog(request)


def admin_script() -> str:
    """The script that adds coaching's JavaScript words to an admin page's catalog, in the
    page's language (so that they always agree, and a browser's cached copy is never of
    the other language): after Wagtail's catalog, and before Wagtail's JavaScript draws
    the page, which it does once the page is read."""
    query = urlencode({"language": translation.get_language()})
    return format_html('<script src="{}?{}"></script>', reverse("coaching:wagtail_words_js"), query)


WAGTAIL_WORDS = (
    # Every admin page: the skip link, the header, breadcrumbs and the sidebar.
    gettext_noop("Skip to main content"),
    gettext_noop(
        "JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here "
        'are the <a href="https://www.enable-javascript.com/" target="_blank" '
        'rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
    gettext_noop("Sidebar"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("Search…"),
    gettext_noop("Help"),
    gettext_noop("Editor Guide"),
    gettext_noop("Shortcuts"),
    gettext_noop("Locales"),
    gettext_noop("Translations"),
    gettext_noop("Page types usage"),
    gettext_noop("Aging pages"),
    gettext_noop("Site history"),
    gettext_noop("Locked pages"),
    gettext_noop("Workflows"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Go to the first error"),
    # The keyboard shortcuts dialog.
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("All keyboard shortcuts"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("Section"),
    gettext_noop("Application"),
    gettext_noop("Text editing"),
    gettext_noop("Text formatting"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Save changes"),
    gettext_noop("Add or show comments"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Paste and match style"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Strike-through"),
    gettext_noop("Superscript"),
    gettext_noop("Subscript"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop("account"),
    gettext_noop("Close dialog"),
    # The dashboard (the admin's home).
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    gettext_noop("Search all pages…"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("What's new in Wagtail %(version)s"),
    gettext_noop("Things in Wagtail %(version)s have changed!"),
    gettext_noop(
        "Don't worry, we've got your back. Check out the <a class=\"w-whats-new__link\" "
        'href="%(editor_guide_link)s" target="_blank" rel="noreferrer">Wagtail '
        "Editor Guide</a> to get the low down on what's changed and some exciting new "
        "features!"
    ),
    gettext_noop("Toggle section"),
    gettext_noop("Your locked pages"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Locked at"),
    gettext_noop("Privacy and access"),
    gettext_noop("Task"),
    gettext_noop("Tasks"),
    gettext_noop("Task started"),
    gettext_noop("Task submitted by"),
    gettext_noop("Changes requested at"),
    gettext_noop("Compare with previous version"),
    # Listings and reports: filters, sorting, pagination, results.
    gettext_noop("Show filters"),
    gettext_noop("Filter by"),
    gettext_noop("Back"),
    gettext_noop("Clear"),
    gettext_noop("Download XLSX"),
    gettext_noop("Pagination"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("Sort"),
    gettext_noop("Sort item order"),
    gettext_noop("Enable custom ordering"),
    gettext_noop("Disable custom ordering"),
    gettext_noop("Item %(index)s of %(total)s"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("More bulk actions"),
    ngettext_lazy(
        "There is %(counter)s match",
        "There are %(counter)s matches",
    ),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop("There are no results."),
    gettext_noop("(blank)"),
    gettext_noop("0 minutes"),
    gettext_noop("Locale"),
    gettext_noop("Actions (footer)"),
    # Selecting rows for bulk actions.
    gettext_noop("1 page selected"),
    gettext_noop("%(objects)s pages selected"),
    gettext_noop("All %(objects)s pages on this screen selected"),
    gettext_noop("All pages in listing selected"),
    gettext_noop("1 document selected"),
    gettext_noop("%(objects)s documents selected"),
    gettext_noop("All %(objects)s documents on this screen selected"),
    gettext_noop("All documents in listing selected"),
    gettext_noop("1 image selected"),
    gettext_noop("%(objects)s images selected"),
    gettext_noop("All %(objects)s images on this screen selected"),
    gettext_noop("All images in listing selected"),
    gettext_noop("1 user selected"),
    gettext_noop("%(objects)s users selected"),
    gettext_noop("All %(objects)s users on this screen selected"),
    gettext_noop("All users in listing selected"),
    gettext_noop("1 snippet selected"),
    gettext_noop("%(objects)s snippets selected"),
    gettext_noop("All %(objects)s snippets on this screen selected"),
    gettext_noop("All snippets in listing selected"),
    gettext_noop("1 item selected"),
    gettext_noop("%(objects)s items selected"),
    gettext_noop("All %(objects)s items on this screen selected"),
    gettext_noop("All items in listing selected"),
    # Create and edit forms, and their side panels.
    gettext_noop("New: %(model_name)s"),
    gettext_noop("Create"),
    gettext_noop("Creating…"),
    gettext_noop("Save your changes before leaving"),
    gettext_noop("You have <span>unsaved edits</span>"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("Minimap"),
    gettext_noop("Side panels"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Side panel width"),
    gettext_noop("Toggle status"),
    gettext_noop("View history"),
    gettext_noop("First published"),
    gettext_noop("Locale: "),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("No other translations"),
    gettext_noop("Switch locales"),
    gettext_noop("Locking: "),
    # Wagtail's msgid has an en dash.
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),  # noqa: RUF001
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Go-live:"),
    gettext_noop("Expiry:"),
    gettext_noop("Once scheduled:"),
    gettext_noop("Invalid schedule"),
    gettext_noop("No publishing schedule set"),
    gettext_noop("Set schedule"),
    gettext_noop("Edit schedule"),
    gettext_noop("In Moderation"),
    gettext_noop("View details"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Checks"),
    gettext_noop("Toggle checks"),
    gettext_noop("Comments"),
    gettext_noop("Toggle comments"),
    gettext_noop("Toggle preview"),
    gettext_noop("Preview in new tab"),
    gettext_noop("Preview mode"),
    gettext_noop("Preview is out of date"),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_noop("Loading"),
    gettext_noop("Refreshing…"),
    gettext_noop("Refresh"),
    gettext_noop("Content metrics"),
    gettext_noop("Words"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    ngettext_lazy(
        "Referenced %(count)s time",
        "Referenced %(count)s times",
    ),
    gettext_noop("Field"),
    gettext_noop("If you confirm deletion"),
    gettext_noop("(Private %(object)s)"),
    gettext_noop("%(related_model_name)s %(field_label)s"),
    # History and revisions.
    gettext_noop("History"),
    gettext_noop("log entries"),
    gettext_noop("User"),
    gettext_noop("Action"),
    gettext_noop("at %(time)s"),
    gettext_noop("at %(time)s by %(user_display_name)s"),
    gettext_noop("%(time)s by %(user_display_name)s"),
    gettext_noop("%(time_period)s ago by %(user_display_name)s"),
    gettext_noop("Compare"),
    gettext_noop("Compare with current version"),
    gettext_noop("Review this version"),
    gettext_noop("Edit / Review"),
    gettext_noop("Workflow history"),
    gettext_noop("Changes requested %(finished_at)s"),
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from "
        "<b>%(created_at)s</b> by %(user)s"
    ),
    # Messages after publishing a learning path or another snippet with drafts.
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop(
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop("'%(object)s' unpublished."),
    gettext_noop('Version %(revision_id)s of "%(object)s" unscheduled.'),
    gettext_noop("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    gettext_noop("Version from %(timestamp)s of %(model_name)s '%(object)s' has been published."),
    gettext_noop(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been scheduled for "
        "publishing."
    ),
    # Editing a learning path or a knowledge check: listings, previews, checks, comments.
    gettext_noop("Select"),
    gettext_noop("Select all"),
    gettext_noop("Select row"),
    gettext_noop("Bulk actions"),
    gettext_noop("Select all snippets in listing"),
    gettext_noop("Delete selected snippets"),
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a "
        "separate tab to view the last saved version."
    ),
    gettext_noop("View latest version"),
    gettext_noop("Preview in mobile size"),
    gettext_noop("Preview in tablet size"),
    gettext_noop("Preview in desktop size"),
    gettext_noop("Add comment"),
    gettext_noop("Add Comment"),
    gettext_noop("Group"),
    gettext_noop("Show issue"),
    gettext_noop("Issues found"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and "
        "calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for "
        "different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences "
        "and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for '
        "more information on how content metrics are calculated."
    ),
    gettext_noop("Button text is empty"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Link text is empty"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Empty heading found"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop("Translated manually on {date}"),
    # A delete confirmation's way back (its "Yes, delete" is Wagtail's "Ya, hapus").
    gettext_noop("No, don't delete"),
)
