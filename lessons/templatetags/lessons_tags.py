from django import template

from lessons import header, i18n, numbers

register = template.Library()


@register.simple_tag(takes_context=True)
def header_items(context):
    """The header's navigation items for this request (see lessons.header)."""
    request = context.get("request")
    return header.header_items(request) if request is not None else []


@register.simple_tag(takes_context=True)
def header_pinned_items(context):
    """The items that stay in sight beside the header's menu button (see lessons.header)."""
    request = context.get("request")
    return header.header_items(request, header.PINNED_HOOK_NAME) if request is not None else []


@register.filter
def page_to_read(step, pages):
    """The page a path step asks to read, in the reader's language: from `pages` (by the
    step's page id, as the view found them all at once), else the step's own."""
    return pages.get(step.page_id, step.page) if pages else step.page


@register.filter
def content_language_name(code):
    """A content language's name as the site names it (WAGTAIL_CONTENT_LANGUAGES), in the
    active language: "Bahasa Indonesia", "English"; the code for a language it does not name."""
    return i18n.content_language_name(code)


# A count or a measure for reading, grouped in the active language: {{ total|figure }}.
register.filter("figure", numbers.figure)
