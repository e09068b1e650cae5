"""Each person's home, in a real browser: where a new hire and a coach land after signing
in, and the header on a phone (a menu button the keyboard opens, a header that leaves the
screen to the page, nothing serious for axe on the portal's home)."""

import pytest

from tests.e2e.browsing import PHONE, assert_accessible, press_and_load, sign_in, tab_to

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("username", "home", "heading"),
    [("nadia", "/onboarding/", "Welcome, Nadia"), ("citra", "/onboarding/coach/", "My trainees")],
)
def test_after_signing_in_each_person_lands_at_home(visit, username, home, heading):
    page = visit()

    sign_in(page, username)

    assert page.url.endswith(home), page.url
    assert page.get_by_role("heading", level=1).inner_text() == heading


def test_signing_in_on_the_way_somewhere_goes_there(visit):
    page = visit()
    page.goto("/onboarding/record/")  # signed out: sent to sign in, on the way here

    page.get_by_label("Username").fill("citra")
    page.get_by_label("Password").fill("onboard-demo")
    press_and_load(page, "Enter")

    # her own record (/onboarding/record/ is its short address), not the dashboard
    assert "/onboarding/people/" in page.url and page.url.endswith("/record/"), page.url


def test_on_a_phone_the_header_is_short_and_its_menu_opens_with_the_keyboard(visit):
    page = visit()
    page.set_viewport_size(PHONE)
    sign_in(page, "nadia")
    header = page.locator(".site-header")
    menu = page.locator("#site-menu")
    button = page.get_by_role("button", name="Menu")

    height = header.bounding_box()["height"]
    assert height < 0.2 * PHONE["height"], f"the header takes {height} px of {PHONE['height']}"
    assert not menu.is_visible()
    assert page.get_by_role("link", name="Notifications").is_visible()  # the badge stays
    assert_accessible(page, "the portal's home at phone width")

    tab_to(page, button)
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="My record").is_visible()
    assert menu.locator("#language-switcher").is_visible()
    assert menu.get_by_role("button", name="Sign out").is_visible()
    assert_accessible(page, "the portal's home with the phone menu open")

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('site-header__toggle')")


def test_on_a_desktop_the_header_is_one_row(visit):
    page = visit()
    sign_in(page, "citra")

    tops = page.locator(".site-header__nav > a").evaluate_all(
        "(links) => links.map((link) => Math.round(link.getBoundingClientRect().top))"
    )

    assert len(set(tops)) == 1, tops
    assert page.get_by_role("link", name="Reports").is_visible()
