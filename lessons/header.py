"""The portal header's navigation: the extension point of the apps built on lessons.

Every function registered with the Wagtail hook "lessons_header_items" is called with the
request, in hook order, and returns the HTML it adds to the header's navigation, or
nothing (for an anonymous visitor, say). Return safe HTML (`render_to_string`,
`format_html`): a plain string is escaped. For example, an app's wagtail_hooks.py:

    @hooks.register("lessons_header_items")
    def my_pages(request):
        if request.user.is_authenticated:
            return format_html('<a href="{}">{}</a>', reverse("my:home"), _("My pages"))

A second hook, "lessons_header_pinned_items", takes the few short items that stay in sight
at every width, beside the menu button that holds the navigation on a phone (a
notifications badge, say). It is called the same way.

lessons adds two items of its own: the signed-in person's name (order 800) and, for
staff, the link to the admin (order 900). An app's own pages go before them (Wagtail's
default order is 0); a sign-out form goes after (order 1000 or more, see lessons.conf).
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

HOOK_NAME = "lessons_header_items"
PINNED_HOOK_NAME = "lessons_header_pinned_items"
PERSON_ORDER = 800
ADMIN_ORDER = 900
SIGN_OUT_ORDER = 1000


def header_items(request, hook_name=HOOK_NAME):
    """The HTML of each item the registered hooks show this request, in hook order."""
    items = []
    for item in hooks.get_hooks(hook_name):
        html = item(request)
        if html:
            items.append(html)
    return items


def signed_in_person(request):
    if request.user.is_authenticated:
        name = request.user.get_full_name() or request.user.get_username()
        return format_html('<span class="site-header__user">{}</span>', name)
    return None


def admin_link(request):
    if request.user.is_authenticated and request.user.is_staff:
        return format_html('<a href="{}">{}</a>', reverse("wagtailadmin_home"), _("Admin"))
    return None
