"""Nothing about the site's people leaves for a third party: a browser signed in as each
kind of demo person, walking through the portal, the coach dashboard and the Wagtail
admin, asks nothing of any origin but the site's own. (Wagtail's admin would otherwise
load each person's Gravatar, sending a hash of their email address to gravatar.com, and
check for new Wagtail releases from the browser; config/settings/base.py turns both off.)
"""

from urllib.parse import urlsplit

import pytest

from tests.e2e.browsing import sign_in

pytestmark = pytest.mark.e2e

# Each demo person, and what they open: the portal for everyone, the dashboard for the
# coach, the admin for HR (a superuser, who would see the release check) and the editor.
PORTAL = ["/", "/onboarding/", "/onboarding/record/", "/onboarding/kudos/"]
ADMIN = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/lessons/learningpath/",
    "/admin/snippets/lessons/businessunit/",
]
WALKS = {
    "nadia": [*PORTAL, "/onboarding/notifications/", "/onboarding/settings/"],
    "citra": [*PORTAL, "/onboarding/coach/"],
    "hana": [*ADMIN, "/admin/users/", "/admin/onboarding/new-hires/", "/onboarding/coach/"],
    "edi": [*ADMIN, "/admin/snippets/lessons/knowledgecheck/"],
}
# What each person opens by following a link, as they would: a path from My onboarding, a
# new hire from the dashboard, a page's editor from the explorer (its avatars, its
# comments and its previews are where outside requests would hide).
FOLLOWS = {
    "nadia": ("/onboarding/", "a[href*='/onboarding/paths/']"),
    "citra": ("/onboarding/coach/", "a[href*='/onboarding/coach/trainees/']"),
    "hana": ("/admin/pages/", "a[href*='/admin/pages/'][href$='/edit/']"),
    "edi": ("/admin/pages/", "a[href*='/admin/pages/'][href$='/edit/']"),
}


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("username", list(WALKS))
def test_the_browser_asks_only_the_site_itself(visit, server, username):
    page = visit()
    requested = []
    page.context.on("request", lambda request: requested.append(request.url))

    sign_in(page, username)
    for path in WALKS[username]:
        response = page.goto(path, wait_until="networkidle")
        assert response is not None and response.ok, f"{username} could not open {path}"
    start, link = FOLLOWS[username]
    page.goto(start, wait_until="networkidle")
    target = page.locator(link).first.get_attribute("href")
    assert target, f"no link {link} on {start} for {username}"
    page.goto(target, wait_until="networkidle")

    # The recording saw the pages themselves and what they load (so it is listening).
    assert any(url.startswith(f"{server.url}/static/") for url in requested)
    web = [url for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    elsewhere = sorted({url for url in web if origin(url) != server.url})
    assert elsewhere == [], f"{username}'s browser asked other origins: {elsewhere}"
