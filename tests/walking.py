"""Walking the site as a person does, from the links its pages show (tests/test_no_dead_links.py,
tests/test_english_leftovers.py)."""

import html
import re
from urllib.parse import urldefrag

HREF = re.compile(r'href="(/[^"]*)"')


def links_of(response, *more: re.Pattern[str]) -> list[str]:
    """The site's addresses an HTML page links to (`href`, and whatever `more` finds),
    without their #fragment."""
    if "text/html" not in response.get("Content-Type", ""):
        return []
    page = response.content.decode()
    found = [href for pattern in (HREF, *more) for href in pattern.findall(page)]
    return [urldefrag(html.unescape(href))[0] for href in found]


def let_go(response) -> None:
    """Close what a response holds (a file, for evidence, stays open until then), not
    the response itself: that signals the request's end, which closes the test's
    database connection."""
    for close_resource in response._resource_closers:
        close_resource()
