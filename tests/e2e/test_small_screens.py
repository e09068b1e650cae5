"""Pages on a 390 px phone: nothing is wider than the screen, so no page scrolls sideways."""

import pytest

from tests.e2e.browsing import PHONE, sign_in

pytestmark = pytest.mark.e2e

# What sticks out past the right edge of the screen, to name it when a page is too wide.
TOO_WIDE = """() => {
  const width = window.innerWidth;
  return [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .slice(-5)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.outerHTML.slice(0, 100)}`);
}"""

PAGES = [
    ("nadia", "/onboarding/"),
    ("nadia", "/"),  # the portal's page
    ("nadia", "/company-profile/"),
    ("nadia", "/network-operations-unit/"),
    ("nadia", "/customer-service-unit/serving-customers-with-empathy/"),
    ("nadia", "/onboarding/record/"),
    ("citra", "/onboarding/coach/"),
]


def test_no_page_scrolls_sideways_on_a_phone(visit):
    page = visit()
    page.set_viewport_size(PHONE)
    too_wide = {}
    signed_in = None
    for username, path in PAGES:
        if username != signed_in:
            page.context.clear_cookies()
            sign_in(page, username)
            signed_in = username
        response = page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            too_wide[path] = (overflow, page.evaluate(TOO_WIDE))

    assert not too_wide, f"pages wider than a {PHONE['width']} px screen: {too_wide}"
