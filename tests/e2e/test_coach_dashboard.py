"""The coach's dashboard on a phone: What needs you at the top with a demo item, each new
hire's row a card of labelled values that fits the screen, nothing serious for axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import PHONE, assert_accessible, sign_in

pytestmark = pytest.mark.e2e

# Whether anything on the page reaches beyond the screen's right edge.
SCROLLS_SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth"


def test_the_coach_dashboard_on_a_phone(visit):
    page = visit()
    page.set_viewport_size(PHONE)
    sign_in(page, "citra")
    page.goto("/onboarding/coach/")

    needs = page.get_by_role("region", name="What needs you")
    expect(needs.get_by_role("heading", name="Waiting for your sign-off")).to_be_visible()
    # Nadia's task, in the demo, waits for Citra; the link goes to it on her page.
    review = needs.get_by_role("link", name=re.compile(r"^Review\W+Nadia Rahmawati"))
    expect(review).to_be_visible()
    assert "/onboarding/coach/trainees/" in (review.get_attribute("href") or "")

    assert not page.evaluate(SCROLLS_SIDEWAYS), "the dashboard scrolls sideways at 390 px"
    row = page.locator("table.trainees tbody tr").first
    card = row.bounding_box()
    assert card is not None and card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"]
    for label in ("Overdue steps", "Last activity", "Next due"):
        cell = row.locator(f'td[data-label="{label}"]')
        cell.scroll_into_view_if_needed()
        expect(cell).to_be_in_viewport()
        box = cell.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"], label
        # The label shows beside the value, drawn by CSS from the same markup.
        shown = cell.evaluate("(el) => getComputedStyle(el, '::before').content")
        assert label in shown
    assert_accessible(page, "the coach dashboard at phone width")
