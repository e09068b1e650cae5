"""People's own words on a page: the one way user-entered text becomes HTML.

Text is stored as typed (plain text). On output it is escaped, links become anchors and
line breaks become paragraphs; then nh3 (the maintained allowlist sanitizer; bleach is
unmaintained) keeps only those few tags, as a second lock on the same door.
"""

import nh3
from django.template.defaultfilters import linebreaks_filter, urlize
from django.utils.html import escape
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_user_text(text: str | None) -> str:
    """Safe HTML for plain text typed by a person: escaped, with links and line breaks."""
    if not text:
        return ""
    html = linebreaks_filter(urlize(escape(text), autoescape=False), autoescape=False)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)
