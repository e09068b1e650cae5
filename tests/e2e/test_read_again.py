"""A module changed after people read it, in a real browser: the demo's Customer Service
page was published as a change people must read. Her coach sees it on Nadia's page and
can ask for more; Nadia finds it on her home (once for each path it is on), sees what
changed, and confirms with the keyboard; each screen passes axe at desktop and phone width."""

import pytest

from tests.e2e.browsing import PHONE, assert_accessible, follow, screenshot, sign_in, tab_to

pytestmark = pytest.mark.e2e


def test_the_coach_sees_the_update_on_the_new_hires_page_and_can_ask_again(visit):
    page = visit()
    sign_in(page, "citra")
    page.goto("/onboarding/coach/")
    follow(page, page.get_by_role("link", name="Nadia Rahmawati", exact=True).first)

    assert page.get_by_text("Updated since they read it").first.is_visible()
    ask = page.locator("summary", has_text="Ask to read again…").first
    tab_to(page, ask)
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Ask", exact=True).first.is_visible()
    assert_accessible(page, "the new hire's page with 'Ask to read again' open")
    screenshot(page, "read-again-coach")


def test_nadia_sees_what_changed_and_confirms_with_the_keyboard(visit):
    page = visit()
    sign_in(page, "nadia")
    to_read = page.locator("section", has=page.get_by_role("heading", name="To read again"))
    assert to_read.is_visible()
    listed = to_read.get_by_role("link").count()  # the page is on both her paths
    assert_accessible(page, "My onboarding with 'To read again'")

    follow(page, to_read.get_by_role("link").first)

    callout = page.locator("#read-again")
    assert callout.get_by_role("heading", name="Updated since you read it").is_visible()
    assert callout.locator(".what-changed .addition").first.is_visible()
    screenshot(page, "read-again-step")
    page.set_viewport_size(PHONE)
    box = callout.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1

    confirm = callout.get_by_role("button", name="I have read it again")
    follow(page, confirm)

    assert page.locator("#read-again").count() == 0
    assert page.locator(".messages").is_visible()
    page.goto("/onboarding/")
    assert to_read.get_by_role("link").count() == listed - 1
